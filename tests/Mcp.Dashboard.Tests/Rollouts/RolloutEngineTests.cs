using System.Net;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Rollouts;
using Mcp.Dashboard.Rollouts.Targets;
using Mcp.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Mcp.Dashboard.Tests.Rollouts;

/// <summary>The engine end to end on the real host: Quartz triggers in SQLite drive every step.</summary>
public sealed class RolloutEngineTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private readonly RolloutLab _lab = new(host);

    private SimulatedFleets Fleets => host.Services.GetRequiredService<SimulatedFleets>();

    [Fact]
    public async Task Canary_RunsEveryStepOnceInOrder_AndCompletesThePlan()
    {
        var planId = await _lab.ReadyPlanAsync(RolloutLab.Canary("Canary runs through", false, (10, 1), (50, 1)));

        var rolloutId = await _lab.StartAsync(planId);
        var done = await _lab.WaitForStateAsync(rolloutId, RolloutState.Succeeded);

        Assert.All(done.Steps, s => Assert.Equal(StepState.Succeeded, s.State));
        Assert.Equal(100, done.CurrentWeight);
        var actions = Fleets.Find(rolloutId)!.AppliedActions;
        Assert.Equal([10, 50, 100], actions.Select(a => a.Weight ?? -1));
        Assert.Equal(done.Steps.Where(s => s.Action != RolloutAction.Gate).Select(s => s.IdempotencyKey), actions.Select(a => a.IdempotencyKey));

        using var engineer = host.ClientFor(DemoAccounts.Engineer);
        var plan = await (await engineer.GetAsync($"/api/v1/plans/{planId}", TestContext.Current.CancellationToken)).ReadJson();
        Assert.Equal(nameof(PlanState.Completed), plan.GetProperty("state").GetString());
        var events = await (await engineer.GetAsync($"/api/v1/rollouts/{rolloutId}/events", TestContext.Current.CancellationToken)).ReadJson();
        var kinds = events.EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal("rollout.started", kinds[0]);
        Assert.Equal(done.Steps.Count, kinds.Count(k => k == "step.started"));
        Assert.Equal("rollout.succeeded", kinds[^1]);
    }

    [Fact]
    public async Task Start_WithUnmetGates_Is409NamingEachGate()
    {
        using var author = host.ClientFor(DemoAccounts.ReleaseManager);
        var draft = await (await author.PostJson("/api/v1/plans", RolloutLab.Canary("Not ready yet", false, (10, 1)))).ReadJson();

        using var engineer = host.ClientFor(DemoAccounts.Engineer);
        var refused = await engineer.PostJson($"/api/v1/plans/{draft.GetProperty("id").GetGuid()}/rollouts", new { });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.ReadJson();
        var gates = problem.GetProperty("unmetGates").EnumerateArray().Select(g => g.GetProperty("key").GetString()).ToList();
        Assert.Contains("approval", gates);
        Assert.Contains("window", gates);
    }

    [Fact]
    public async Task Start_IsRefusedForStakeholders()
    {
        var planId = await _lab.ReadyPlanAsync(RolloutLab.Canary("Stakeholder cannot start", false, (10, 1)));
        using var stakeholder = host.ClientFor(DemoAccounts.Stakeholder);

        var refused = await stakeholder.PostJson($"/api/v1/plans/{planId}/rollouts", new { });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task BookedIntoAFutureWindow_StartsWhenItOpens()
    {
        var planId = await _lab.ReadyPlanAsync(RolloutLab.Canary("Waits for its window", false, (10, 1)), opensIn: TimeSpan.FromSeconds(4));

        var rolloutId = await _lab.StartAsync(planId);
        var pending = await _lab.GetAsync(rolloutId);

        Assert.Equal(RolloutState.Pending, pending.State);
        Assert.Contains("Starts when the window opens", pending.Next, StringComparison.Ordinal);
        var done = await _lab.WaitForStateAsync(rolloutId, RolloutState.Succeeded);
        Assert.True(done.StartedAt >= pending.StartsAt);
    }

    [Fact]
    public async Task PauseHoldsTheNextStep_ResumeCarriesOn()
    {
        var planId = await _lab.ReadyPlanAsync(RolloutLab.Canary("Pause and resume", false, (10, 2), (50, 1)));
        var rolloutId = await _lab.StartAsync(planId);
        await _lab.WaitForBakeAsync(rolloutId);
        using var engineer = host.ClientFor(DemoAccounts.Engineer);

        Assert.Equal(HttpStatusCode.OK, (await engineer.PostJson($"/api/v1/rollouts/{rolloutId}/pause", new { reason = "watching a dashboard" })).StatusCode);
        await Task.Delay(3000, TestContext.Current.CancellationToken);
        var held = await _lab.GetAsync(rolloutId);
        Assert.Equal(RolloutState.Paused, held.State);
        Assert.Equal(StepState.Pending, held.Steps.Last(s => s.Action == RolloutAction.SetWeight).State);

        Assert.Equal(HttpStatusCode.OK, (await engineer.PostJson($"/api/v1/rollouts/{rolloutId}/resume", new { })).StatusCode);
        await _lab.WaitForStateAsync(rolloutId, RolloutState.Succeeded);
    }

    [Fact]
    public async Task Promote_SkipsTheRemainingBakes()
    {
        var planId = await _lab.ReadyPlanAsync(RolloutLab.Canary("Promote skips", false, (10, 600), (50, 600)));
        var rolloutId = await _lab.StartAsync(planId);
        await _lab.WaitForBakeAsync(rolloutId);
        using var engineer = host.ClientFor(DemoAccounts.Engineer);

        Assert.Equal(HttpStatusCode.OK, (await engineer.PostJson($"/api/v1/rollouts/{rolloutId}/promote", new { reason = "evidence is plain" })).StatusCode);

        var done = await _lab.WaitForStateAsync(rolloutId, RolloutState.Succeeded);
        Assert.Equal(StepState.Skipped, done.Steps.Single(s => s.Weight == 50).State);
        Assert.Equal(100, Fleets.Find(rolloutId)!.Weight);
    }

    [Fact]
    public async Task HundredSimultaneousRollbacks_RunOneRollback()
    {
        var planId = await _lab.ReadyPlanAsync(RolloutLab.Canary("Hundred rollbacks", false, (10, 600), (50, 600)));
        var rolloutId = await _lab.StartAsync(planId);
        await _lab.WaitForBakeAsync(rolloutId);
        var clients = Enumerable.Range(0, 100)
            .Select(i => host.ClientFor(i % 3 == 0 ? DemoAccounts.Engineer : i % 3 == 1 ? DemoAccounts.ReleaseManager : DemoAccounts.Admin))
            .ToList();

        var responses = await Task.WhenAll(clients.Select(c => c.PostJson($"/api/v1/rollouts/{rolloutId}/rollback", new { reason = "errors on the canary" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var outcomes = await Task.WhenAll(responses.Select(async r => (await r.ReadJson()).GetProperty("outcome").GetString()));
        Assert.Equal(1, outcomes.Count(o => o == nameof(RollbackRequestOutcome.Accepted)));
        Assert.Equal(99, outcomes.Count(o => o == nameof(RollbackRequestOutcome.AlreadyRequested)));

        var rolledBack = await _lab.WaitForStateAsync(rolloutId, RolloutState.RolledBack);
        Assert.Equal(0, rolledBack.CurrentWeight);
        Assert.Single(Fleets.Find(rolloutId)!.AppliedActions, a => a.Action == TargetAction.Rollback);
        Assert.Equal("Tell support the upgrade was reverted", Assert.Single(rolledBack.RollbackChecklist).Title);
        foreach (var client in clients)
        {
            client.Dispose();
        }

        using var engineer = host.ClientFor(DemoAccounts.Engineer);
        var audit = await (await engineer.GetAsync($"/api/v1/audit?planId={planId}", TestContext.Current.CancellationToken)).ReadJson();
        Assert.Single(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "rollout.rollback-requested");
        var again = await engineer.PostJson($"/api/v1/rollouts/{rolloutId}/rollback", new { reason = "again" });
        Assert.Equal(nameof(RollbackRequestOutcome.AlreadyRequested), (await again.ReadJson()).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Rollback_WithoutAReason_Is400()
    {
        var planId = await _lab.ReadyPlanAsync(RolloutLab.Canary("Rollback needs a reason", false, (10, 600)));
        var rolloutId = await _lab.StartAsync(planId);
        using var engineer = host.ClientFor(DemoAccounts.Engineer);

        var refused = await engineer.PostJson($"/api/v1/rollouts/{rolloutId}/rollback", new { reason = " " });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.ReadJson()).GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task Recovery_AfterACrashLostTheWindowDeadlineTrigger_SchedulesItAgain()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var planId = await _lab.ReadyPlanAsync(RolloutLab.Canary("Deadline restored", false, (10, 600)));
        var rolloutId = await _lab.StartAsync(planId);
        var scheduler = host.Services.GetRequiredService<RolloutScheduler>();
        var deadline = await scheduler.NextFireAsync(rolloutId, RolloutTriggerKind.Deadline, cancellation);
        Assert.NotNull(deadline);

        // What a kill between the rollout's commit and its deadline trigger leaves behind.
        var quartz = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellation);
        Assert.True(await quartz.UnscheduleJob(new TriggerKey($"deadline-{rolloutId:N}", RolloutScheduler.Group), cancellation));
        await host.Services.GetServices<IHostedService>().OfType<RolloutRecovery>().Single().StartAsync(cancellation);

        Assert.Equal(deadline, await scheduler.NextFireAsync(rolloutId, RolloutTriggerKind.Deadline, cancellation));
    }
}
