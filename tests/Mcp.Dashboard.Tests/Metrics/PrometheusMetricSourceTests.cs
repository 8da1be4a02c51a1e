using System.Net;
using System.Net.Sockets;
using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Rollouts.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Mcp.Dashboard.Tests.Metrics;

/// <summary>The source against a real Prometheus scraping known counters, histograms and gauges.</summary>
public sealed class PrometheusMetricSourceTests(PrometheusServer prometheus) : IClassFixture<PrometheusServer>, IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddPrometheusMetricSource().BuildServiceProvider();

    private PrometheusMetricSource Source => _services.GetRequiredService<PrometheusMetricSource>();

    private PrometheusSettings Settings => new()
    {
        Url = prometheus.Url.ToString(),
        BaselineSelector = PrometheusServer.Baseline,
        CanarySelector = PrometheusServer.Canary,
        LookbackSeconds = 30,
    };

    public void Dispose() => _services.Dispose();

    private static double Value(IReadOnlyList<MetricSample> samples, string cohort, string metric) =>
        Assert.Single(samples, s => s.Cohort == cohort && s.Metric == metric).Value;

    [Fact]
    public async Task Read_DefaultMetrics_GivesBaselineAndCanaryFromTheDefaultQueries()
    {
        var at = DateTimeOffset.UtcNow;

        var samples = await Source.ReadAsync(Settings, [], at, TestContext.Current.CancellationToken);

        Assert.Equal(4, samples.Count);
        Assert.All(samples, sample => Assert.Equal(at, sample.At));
        Assert.Equal(0.01, Value(samples, Cohorts.Baseline, "error_rate"), 1e-9);
        Assert.Equal(0.05, Value(samples, Cohorts.Canary, "error_rate"), 1e-9);
        Assert.Equal(247, Value(samples, Cohorts.Baseline, "latency_p99_ms"), 1e-6);
        Assert.Equal(495, Value(samples, Cohorts.Canary, "latency_p99_ms"), 1e-6);
    }

    [Fact]
    public async Task Read_CustomQuery_ReadsEachCohortsOwnSeries()
    {
        AnalysisMetric[] metrics = [new() { Name = "queue_depth", Query = "max(mcp_test_queue_depth{$selector})" }];

        var samples = await Source.ReadAsync(Settings, metrics, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);

        Assert.Equal(12, Value(samples, Cohorts.Baseline, "queue_depth"));
        Assert.Equal(30, Value(samples, Cohorts.Canary, "queue_depth"));
    }

    [Fact]
    public async Task Read_NoSeriesOrNaN_GivesNoSample()
    {
        AnalysisMetric[] metrics =
        [
            new() { Name = "missing", Query = "sum(mcp_test_never_exported{$selector})" },
            new() { Name = "undefined", Query = "sum(mcp_test_queue_depth{$selector}) * 0 / 0" },
        ];

        var samples = await Source.ReadAsync(Settings, metrics, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);

        Assert.Empty(samples);
    }

    [Fact]
    public async Task Read_BadQuery_ThrowsSayingPrometheusRefusedIt()
    {
        AnalysisMetric[] metrics = [new() { Name = "broken", Query = "sum(rate(mcp_test_queue_depth{$selector}[1m]" }];

        var error = await Assert.ThrowsAsync<PrometheusQueryException>(() => Source.ReadAsync(Settings, metrics, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken));

        Assert.Contains("refused the", error.Message, StringComparison.Ordinal);
        Assert.Contains("broken query", error.Message, StringComparison.Ordinal);
        Assert.Contains("bad_data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_QueryWithSeveralSeries_ThrowsAskingForOneValue()
    {
        AnalysisMetric[] metrics = [new() { Name = "requests", Query = "rate(http_requests_total{$selector}[$lookback])" }];

        var error = await Assert.ThrowsAsync<PrometheusQueryException>(() => Source.ReadAsync(Settings, metrics, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken));

        Assert.Contains("2 series", error.Message, StringComparison.Ordinal);
        Assert.Contains("sum(", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_SelectorWithQuotesAndRegex_IsEncodedIntoTheUrl()
    {
        var settings = Settings with { BaselineSelector = "version=~\"2\\\\.3\\\\..*\"", CanarySelector = "version!~\"2\\\\.3.*\",version=\"2.5.0\"" };
        AnalysisMetric[] metrics = [new() { Name = "queue_depth", Query = "max(mcp_test_queue_depth{$selector}) + 0 * 1" }];

        var samples = await Source.ReadAsync(settings, metrics, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);

        Assert.Equal(12, Value(samples, Cohorts.Baseline, "queue_depth"));
        Assert.Equal(30, Value(samples, Cohorts.Canary, "queue_depth"));
    }
}

public sealed class PrometheusMetricSourceErrorTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddPrometheusMetricSource().BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Read_UnreachableServer_ThrowsNamingTheServer()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var settings = new PrometheusSettings { Url = $"http://127.0.0.1:{port}", BaselineSelector = "version=\"1\"", CanarySelector = "version=\"2\"" };
        var source = _services.GetRequiredService<PrometheusMetricSource>();

        var error = await Assert.ThrowsAsync<PrometheusQueryException>(() => source.ReadAsync(settings, [], DateTimeOffset.UtcNow, TestContext.Current.CancellationToken));

        Assert.Contains($"Could not reach Prometheus at http://127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("connection was refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QueryUri_KeepsThePathPrefix_AndEncodesTheQuery()
    {
        var settings = new PrometheusSettings { LookbackSeconds = 90 };
        var query = PrometheusMetricSource.Expand("sum(rate(x{$selector,code=~\"5..\"}[$lookback])) > 0 and y", "app=\"a&b\"", settings);

        var uri = PrometheusMetricSource.QueryUri(new Uri("https://metrics.example.com/prometheus/?x=1"), query, DateTimeOffset.FromUnixTimeMilliseconds(1_769_767_200_250));

        Assert.Equal("sum(rate(x{app=\"a&b\",code=~\"5..\"}[90s])) > 0 and y", query);
        Assert.Equal("https://metrics.example.com/prometheus/api/v1/query", uri.GetLeftPart(UriPartial.Path));
        Assert.EndsWith("&time=1769767200.25", uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(query, Uri.UnescapeDataString(uri.Query["?query=".Length..uri.Query.IndexOf("&time=", StringComparison.Ordinal)]));
        Assert.DoesNotContain(' ', uri.AbsoluteUri);
    }
}
