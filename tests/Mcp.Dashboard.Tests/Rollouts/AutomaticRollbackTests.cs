using System.Net;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Rollouts;
using Mcp.Dashboard.Rollouts.Targets;
using Mcp.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Mcp.Dashboard.Tests.Rollouts;

/// <summary>The judge on the real host: the simulated fleet streams samples every second and the heartbeat judges them.</summary>
public sealed class AutomaticRollbackTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private readonly RolloutLab _lab = new(host);

    [Fact]
    public async Task InjectedErrorSpike_IsCaughtWhileBaking_AndRolledBackWithTheJudgesSentence()
    {
        var planId = await _lab.ReadyPlanAsync(RolloutLab.Canary("Judge catches a spike", analysis: true, (10, 600), (50, 600)));
        var rolloutId = await _lab.StartAsync(planId);
        await _lab.WaitForAsync(rolloutId, v => v.Verdict is { LowConfidence: false });
        using var engineer = host.ClientFor(DemoAccounts.Engineer);

        var injected = await engineer.PostJson($"/api/v1/rollouts/{rolloutId}/faults", new { kind = "ErrorSpike", factor = 3 });
        Assert.Equal(HttpStatusCode.OK, injected.StatusCode);

        var rolledBack = await _lab.WaitForStateAsync(rolloutId, RolloutState.RolledBack, seconds: 30);
        Assert.Equal(RolloutEngine.Judge.Email, rolledBack.RollbackRequestedBy);
        Assert.Contains("error_rate", rolledBack.RollbackReason, StringComparison.Ordinal);
        Assert.Equal(CanaryOutcome.Fail, rolledBack.Verdict?.Outcome);
        Assert.Equal("RollBack", rolledBack.Verdict?.Decision);
        Assert.Single(host.Services.GetRequiredService<SimulatedFleets>().Find(rolloutId)?.AppliedActions.Where(a => a.Action == TargetAction.Rollback) ?? []);
        var audit = await (await engineer.GetAsync($"/api/v1/audit?planId={planId}", TestContext.Current.CancellationToken)).ReadJson();
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "rollout.auto-rollback");
    }

    [Fact]
    public async Task HealthyCanary_ShowsALiveVerdictWithSampleCounts_AndDoesNotRollBack()
    {
        var planId = await _lab.ReadyPlanAsync(RolloutLab.Canary("Healthy canary bakes", analysis: true, (10, 600)));
        var rolloutId = await _lab.StartAsync(planId);

        var judged = await _lab.WaitForAsync(rolloutId, v => v.Verdict is { LowConfidence: false });

        Assert.Equal(RolloutState.Running, judged.State);
        var errorRate = judged.Verdict!.Metrics.Single(m => m.Metric == "error_rate");
        Assert.True(errorRate.CanaryCount >= 10 && errorRate.BaselineCount >= 10);
        Assert.NotNull(errorRate.ShiftLower);
        Assert.Equal("Continue", judged.Verdict.Decision);
    }

    [Fact]
    public async Task FaultsOnAWebhookTarget_AreRefused()
    {
        var planId = await _lab.ReadyPlanAsync(RolloutLab.Canary("Webhook takes no faults", false, (10, 600)) with
        {
            Target = new() { Kind = Domain.Plans.TargetKind.Webhook, Url = "http://127.0.0.1:9/hook", Secret = "s3cret-signing-key" },
        });
        var rolloutId = await _lab.StartAsync(planId);
        using var engineer = host.ClientFor(DemoAccounts.Engineer);

        var refused = await engineer.PostJson($"/api/v1/rollouts/{rolloutId}/faults", new { kind = "ErrorSpike" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }
}

/// <summary>A paused canary still serves traffic, so the judge still watches it.</summary>
public sealed class PausedCanaryTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private readonly RolloutLab _lab = new(host);

    [Fact]
    public async Task AFailureWhilePaused_StillRollsBack()
    {
        var rolloutId = await _lab.StartAsync(await _lab.ReadyPlanAsync(RolloutLab.Canary("Paused but watched", analysis: true, (10, 600))));
        await _lab.WaitForAsync(rolloutId, v => v.Verdict is { LowConfidence: false });
        using var engineer = host.ClientFor(DemoAccounts.Engineer);
        Assert.Equal(HttpStatusCode.OK, (await engineer.PostJson($"/api/v1/rollouts/{rolloutId}/pause", new { reason = "lunch" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await engineer.PostJson($"/api/v1/rollouts/{rolloutId}/faults", new { kind = "ErrorSpike", factor = 3 })).StatusCode);

        var rolledBack = await _lab.WaitForStateAsync(rolloutId, RolloutState.RolledBack);
        Assert.Equal(RolloutEngine.Judge.Email, rolledBack.RollbackRequestedBy);
    }
}
