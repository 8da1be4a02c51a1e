using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Rollouts.Metrics;
using Mcp.Dashboard.Tests.Infrastructure;
using Mcp.Dashboard.Tests.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Mcp.Dashboard.Tests.Rollouts;

/// <summary>A host that reads Prometheus every second, so a test sees a verdict in seconds.</summary>
public sealed class PrometheusRolloutHost : DashboardHost
{
    public PrometheusRolloutHost()
    {
        Settings = new Dictionary<string, string> { ["Rollouts:PrometheusPollSeconds"] = "1" };
    }
}

/// <summary>
/// A rollout judged on a real Prometheus (Debian's, on loopback) scraping counters where the
/// canary errs five times as often as the baseline: the judge reads it and rolls back.
/// </summary>
public sealed class PrometheusRolloutTests(PrometheusRolloutHost host, PrometheusServer prometheus)
    : IClassFixture<PrometheusRolloutHost>, IClassFixture<PrometheusServer>, IAsyncLifetime
{
    private readonly RolloutLab _lab = new(host);
    private WebhookRecorder _target = null!;

    public async ValueTask InitializeAsync() => _target = await WebhookRecorder.StartAsync();

    public async ValueTask DisposeAsync() => await _target.DisposeAsync();

    [Fact]
    public async Task ACanaryThatErrsMoreInPrometheus_IsRolledBackByTheJudge()
    {
        var plan = RolloutLab.Canary("Judged from Prometheus", analysis: true, (10, 600)) with
        {
            Target = new TargetSettings { Kind = TargetKind.Webhook, Url = _target.HookUrl.ToString(), Secret = WebhookRecorder.Secret },
            Analysis = new AnalysisSettings
            {
                Enabled = true,
                Prometheus = new PrometheusSettings
                {
                    Url = prometheus.Url.ToString(),
                    BaselineSelector = PrometheusServer.Baseline,
                    CanarySelector = PrometheusServer.Canary,
                    LookbackSeconds = 30,
                },
            },
        };
        var rolloutId = await _lab.StartAsync(await _lab.ReadyPlanAsync(plan));

        var rolledBack = await _lab.WaitForStateAsync(rolloutId, RolloutState.RolledBack, seconds: 40);

        Assert.Contains("error_rate", rolledBack.RollbackReason, StringComparison.Ordinal);
        var read = host.Services.GetRequiredService<RecentSamples>().Read(rolloutId, "error_rate", "canary", DateTimeOffset.MinValue);
        Assert.All(read, s => Assert.Equal(0.05, s.Value, 1e-9));
        Assert.Single(_target.Effects, d => d.Action == "rollback");
    }
}
