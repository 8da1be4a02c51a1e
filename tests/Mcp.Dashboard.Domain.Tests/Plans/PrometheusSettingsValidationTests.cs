using Mcp.Dashboard.Domain.Plans;
using static Mcp.Dashboard.Domain.Tests.Plans.PlanFixtures;

namespace Mcp.Dashboard.Domain.Tests.Plans;

public sealed class PrometheusSettingsValidationTests
{
    private static PrometheusSettings Valid => new()
    {
        Url = "https://prometheus.example.com",
        BaselineSelector = "version=\"2.3.0\"",
        CanarySelector = "version=\"2.5.0\"",
    };

    private static ValidationErrors Validate(PrometheusSettings prometheus, params AnalysisMetric[] metrics) =>
        PlanDefinitionValidator.Validate(Definition() with { Analysis = new() { Prometheus = prometheus, Metrics = metrics } });

    [Fact]
    public void DefaultMetrics_WithSelectors_AreValid()
    {
        var errors = Validate(Valid);
        Assert.True(errors.IsValid, errors.ToString());
    }

    [Fact]
    public void Url_WithCredentialsOrWrongScheme_IsRejected()
    {
        Assert.NotEmpty(Validate(Valid with { Url = "https://user:pw@prometheus.example.com" }).For("analysis.prometheus.url"));
        Assert.NotEmpty(Validate(Valid with { Url = "file:///etc/passwd" }).For("analysis.prometheus.url"));
        Assert.NotEmpty(Validate(Valid with { Url = "/relative" }).For("analysis.prometheus.url"));
    }

    [Fact]
    public void Selectors_MissingSameOrWithBraces_AreRejected()
    {
        var errors = Validate(Valid with { BaselineSelector = " ", CanarySelector = "version=\"2.5.0\"} or vector(1) {" });

        Assert.NotEmpty(errors.For("analysis.prometheus.baselineSelector"));
        Assert.NotEmpty(errors.For("analysis.prometheus.canarySelector"));
        Assert.NotEmpty(Validate(Valid with { CanarySelector = Valid.BaselineSelector }).For("analysis.prometheus.canarySelector"));
    }

    [Fact]
    public void Query_WithoutPlaceholderOrTooLong_IsRejected()
    {
        var noPlaceholder = Validate(Valid, new AnalysisMetric { Name = "cpu", Query = "sum(rate(cpu_seconds_total[1m]))" });
        var tooLong = Validate(Valid, new AnalysisMetric { Name = "cpu", Query = "$selector" + new string('x', PlanDefinitionValidator.MaxQueryLength) });

        Assert.Contains("$selector", noPlaceholder.For("analysis.metrics[0].query").Single());
        Assert.NotEmpty(tooLong.For("analysis.metrics[0].query"));
    }

    [Fact]
    public void CustomMetric_WithoutQuery_NeedsOne_DefaultNamesDoNot()
    {
        var errors = Validate(Valid, new AnalysisMetric { Name = "error_rate" }, new AnalysisMetric { Name = "queue_depth" });

        Assert.Empty(errors.For("analysis.metrics[0].query"));
        Assert.Contains("queue_depth", errors.For("analysis.metrics[1].query").Single());
    }

    [Fact]
    public void QueryFor_PrefersTheMetricsOwnQuery()
    {
        Assert.Equal("up{$selector}", PrometheusSettings.QueryFor(new AnalysisMetric { Name = "error_rate", Query = "up{$selector}" }));
        Assert.Contains("http_requests_total", PrometheusSettings.QueryFor(new AnalysisMetric { Name = "error_rate" }), StringComparison.Ordinal);
        Assert.Null(PrometheusSettings.QueryFor(new AnalysisMetric { Name = "queue_depth" }));
    }
}
