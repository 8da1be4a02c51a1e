using System.Net;
using Mcp.Dashboard.Api;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Tests.Infrastructure;

namespace Mcp.Dashboard.Tests.Metrics;

/// <summary>Prometheus settings travel through the plans API and are validated there.</summary>
public sealed class PrometheusPlanApiTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private static readonly PrometheusSettings Prometheus = new()
    {
        Url = "https://prometheus.example.com/prom",
        BaselineSelector = "version=\"2.3.0\"",
        CanarySelector = "version=\"2.5.0\"",
        LookbackSeconds = 120,
    };

    [Fact]
    public async Task Create_WithPrometheusAndCustomQuery_RoundTrips()
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var definition = PlanBodies.Canary("Judged by Prometheus") with
        {
            Analysis = new() { Prometheus = Prometheus, Metrics = [new() { Name = "error_rate" }, new() { Name = "queue_depth", Query = "max(queue_depth{$selector})" }] },
        };

        var created = await (await manager.PostJson("/api/v1/plans", definition)).Read<PlanResponse>();
        var read = await (await manager.GetAsync($"/api/v1/plans/{created.Id}", TestContext.Current.CancellationToken)).Read<PlanResponse>();

        Assert.Equal(Prometheus, read.Analysis.Prometheus);
        Assert.Equal("max(queue_depth{$selector})", read.Analysis.Metrics[1].Query);
        Assert.Null(read.Analysis.Metrics[0].Query);
    }

    [Fact]
    public async Task Create_WithCredentialsInPrometheusUrl_Is400NamingTheField()
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var definition = PlanBodies.Canary("Leaky Prometheus") with
        {
            Analysis = new() { Prometheus = Prometheus with { Url = "https://admin:hunter2@prometheus.example.com" } },
        };

        var response = await manager.PostJson("/api/v1/plans", definition);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("analysis.prometheus.url", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
