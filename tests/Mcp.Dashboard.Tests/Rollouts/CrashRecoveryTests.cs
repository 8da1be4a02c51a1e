using System.Diagnostics;
using System.Net;
using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Rollouts;
using Mcp.Dashboard.Rollouts.Targets;
using Mcp.Dashboard.Tests.Infrastructure;

namespace Mcp.Dashboard.Tests.Rollouts;

/// <summary>
/// The dashboard killed with SIGKILL in the middle of a rollout and restarted on the same
/// database (product brief, section 7): no step runs twice, none is skipped, and a rollback
/// asked for before the crash completes after it. The dashboard is a real separate process;
/// the webhook target is <see cref="WebhookRecorder"/>, served by the test, which outlives
/// every crash and so sees everything the rollout sent.
/// </summary>
/// <remarks>
/// Delivery to a target is at least once: an action sent but not confirmed when the process
/// died is sent again after the restart, with the same idempotency key. So the tests count
/// replays but judge effects: the first delivery of each key is the one a target that honours
/// the key applies, and those effects must be exactly one per step, in step order.
/// </remarks>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private readonly DashboardProcess _dashboard = new();
    private WebhookRecorder _recorder = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _recorder = await WebhookRecorder.StartAsync();
        await _dashboard.StartAsync(Cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        await _dashboard.DisposeAsync();
        await _recorder.DisposeAsync();
    }

    [Fact]
    public async Task Canary_KilledDuringABakeAndWhileTheTargetHoldsAStep_AppliesEachStepOnceInOrderAndSucceeds()
    {
        var timer = Stopwatch.StartNew();
        var held = _recorder.HoldNext(d => d is { Action: TargetAction.SetWeight, Weight: 50 });
        var planId = await ReadyPlanAsync("Crash canary", (10, 3), (50, 2));
        var rolloutId = await StartRolloutAsync(planId);
        var planned = (await GetAsync(rolloutId)).Steps;
        var key10 = KeyOf(planned, 10);
        var key50 = KeyOf(planned, 50);

        // Kill point (b): step 10's action confirmed, its 3 s bake running, step 50 not begun.
        await _recorder.WaitForAsync(d => d.IdempotencyKey == key10, TimeSpan.FromSeconds(30), Cancellation);
        var baking = await WaitForAsync(rolloutId, v => v.Steps.Single(s => s.IdempotencyKey == key10).State == StepState.Running);
        await Task.Delay(300, Cancellation); // the confirmation's commit follows our 204 within milliseconds
        Assert.True(baking.Steps.Single(s => s.IdempotencyKey == key10).DueAt > DateTimeOffset.UtcNow, "the kill should land inside the bake");
        _dashboard.Kill();
        await _dashboard.StartAsync(Cancellation);

        // Kill point (a): step 50's setWeight sent, the target holding its answer, so it is
        // recorded as begun but not as applied.
        await held.Arrived.WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
        _dashboard.Kill();
        held.Release();
        await _dashboard.StartAsync(Cancellation);

        var done = await WaitForAsync(rolloutId, v => v.State == RolloutState.Succeeded);
        Assert.All(done.Steps, s => Assert.Equal(StepState.Succeeded, s.State));
        Assert.Equal(100, done.CurrentWeight);

        var deliveries = _recorder.Deliveries;
        Assert.All(deliveries, d => Assert.True(d.SignatureValid, $"{d.Action} {d.IdempotencyKey}: bad signature"));
        var actionKeys = done.Steps.Where(s => s.Action != RolloutAction.Gate).Select(s => s.IdempotencyKey).ToList();
        Assert.Equal(actionKeys, _recorder.Effects.Select(d => d.IdempotencyKey));
        Assert.Equal([10, 50, 100], _recorder.Effects.Select(d => d.Weight ?? -1));

        // The held setWeight was never confirmed, so it must have been sent again after the restart.
        Assert.True(deliveries.Count(d => d.IdempotencyKey == key50) >= 2, $"step 50 was not re-sent: {_recorder.Describe()}");

        var events = await EventsAsync(rolloutId);
        foreach (var step in done.Steps)
        {
            Assert.Single(events, e => e.Kind == "step.started" && e.StepIndex == step.Index);
            Assert.Single(events, e => e.Kind == "step.succeeded" && e.StepIndex == step.Index);
        }

        Assert.Single(events, e => e.Kind == "rollout.succeeded");
        Report("Canary killed twice", timer);
    }

    [Fact]
    public async Task Rollback_AcceptedJustBeforeAKill_IsCarriedOutOnceAfterTheRestart()
    {
        var timer = Stopwatch.StartNew();
        var planId = await ReadyPlanAsync("Crash rollback", (10, 60));
        var rolloutId = await StartRolloutAsync(planId);
        var planned = (await GetAsync(rolloutId)).Steps;
        var key10 = KeyOf(planned, 10);
        await _recorder.WaitForAsync(d => d.IdempotencyKey == key10, TimeSpan.FromSeconds(30), Cancellation);
        await WaitForAsync(rolloutId, v => v.Steps.Single(s => s.IdempotencyKey == key10).State == StepState.Running);

        // Kill point (c): the rollback is accepted (202) and the process dies at once. The
        // target holds the rollback if it was sent already, so it is never confirmed before the kill.
        var heldRollback = _recorder.HoldNext(d => d.Action == TargetAction.Rollback);
        using (var admin = _dashboard.AdminClient())
        {
            var accepted = await admin.PostJson($"/api/v1/rollouts/{rolloutId}/rollback", new { reason = "errors on the canary" });
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            Assert.Equal(nameof(RollbackRequestOutcome.Accepted), (await accepted.ReadJson()).GetProperty("outcome").GetString());
        }

        _dashboard.Kill();
        heldRollback.Release();
        await _dashboard.StartAsync(Cancellation);

        var rolledBack = await WaitForAsync(rolloutId, v => v.State == RolloutState.RolledBack);
        Assert.Equal(0, rolledBack.CurrentWeight);
        Assert.Equal("errors on the canary", rolledBack.RollbackReason);
        Assert.Equal(StepState.Skipped, rolledBack.Steps.Single(s => s.Weight == 100).State);

        var deliveries = _recorder.Deliveries;
        Assert.All(deliveries, d => Assert.True(d.SignatureValid, $"{d.Action} {d.IdempotencyKey}: bad signature"));
        var rollbackKey = $"{rolloutId:N}-rollback"; // one key per rollout (RolloutTargets.RollbackAction)
        Assert.Equal([key10, rollbackKey], _recorder.Effects.Select(d => d.IdempotencyKey));
        Assert.Single(deliveries.Where(d => d.Action == TargetAction.Rollback).Select(d => d.IdempotencyKey).Distinct());
        Assert.DoesNotContain(deliveries, d => d.Weight == 100);

        var events = await EventsAsync(rolloutId);
        foreach (var step in rolledBack.Steps.Where(s => s.StartedAt is not null))
        {
            Assert.Single(events, e => e.Kind == "step.started" && e.StepIndex == step.Index);
        }

        Assert.DoesNotContain(events, e => e.Kind == "step.started" && e.StepIndex == rolledBack.Steps.Single(s => s.Weight == 100).Index);
        Assert.Single(events, e => e.Kind == "rollback.requested");
        Assert.Single(events, e => e.Kind == "rollback.completed");
        Report("Rollback accepted, then killed", timer);
    }

    [Fact]
    public async Task Rollback_KilledWhileTheTargetHoldsIt_IsSentAgainWithTheSameKeyAndCompletesOnce()
    {
        var timer = Stopwatch.StartNew();
        var planId = await ReadyPlanAsync("Crash during rollback", (10, 60));
        var rolloutId = await StartRolloutAsync(planId);
        var key10 = KeyOf((await GetAsync(rolloutId)).Steps, 10);
        await _recorder.WaitForAsync(d => d.IdempotencyKey == key10, TimeSpan.FromSeconds(30), Cancellation);

        // Kill point: the rollback action sent, the target holding its answer.
        var heldRollback = _recorder.HoldNext(d => d.Action == TargetAction.Rollback);
        using (var admin = _dashboard.AdminClient())
        {
            Assert.Equal(HttpStatusCode.Accepted, (await admin.PostJson($"/api/v1/rollouts/{rolloutId}/rollback", new { reason = "latency doubled" })).StatusCode);
        }

        await heldRollback.Arrived.WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
        _dashboard.Kill();
        heldRollback.Release();
        await _dashboard.StartAsync(Cancellation);

        var rolledBack = await WaitForAsync(rolloutId, v => v.State == RolloutState.RolledBack);
        Assert.Equal(0, rolledBack.CurrentWeight);
        var deliveries = _recorder.Deliveries;
        var rollbacks = deliveries.Where(d => d.Action == TargetAction.Rollback).ToList();
        Assert.True(rollbacks.Count >= 2, $"the unconfirmed rollback was not sent again: {_recorder.Describe()}");
        Assert.Single(rollbacks.Select(d => d.IdempotencyKey).Distinct());
        Assert.Equal([key10, $"{rolloutId:N}-rollback"], _recorder.Effects.Select(d => d.IdempotencyKey));
        var events = await EventsAsync(rolloutId);
        Assert.Single(events, e => e.Kind == "rollback.requested");
        Assert.Single(events, e => e.Kind == "rollback.completed");
        Report("Killed while the target held the rollback", timer);
    }

    [Fact]
    public async Task Rollback_AskedWhileTheTargetHoldsAStep_ThenKilled_RollsBackAndNeverResendsTheStep()
    {
        var timer = Stopwatch.StartNew();
        var heldStep = _recorder.HoldNext(d => d is { Action: TargetAction.SetWeight, Weight: 50 });
        var planId = await ReadyPlanAsync("Crash with a step and a rollback in flight", (10, 1), (50, 60));
        var rolloutId = await StartRolloutAsync(planId);
        var key50 = KeyOf((await GetAsync(rolloutId)).Steps, 50);

        // Kill point: step 50's setWeight held by the target (its job still waiting on the
        // answer) when the rollback is accepted; the rollback is held too, so neither is
        // confirmed when the process dies.
        await heldStep.Arrived.WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
        var heldRollback = _recorder.HoldNext(d => d.Action == TargetAction.Rollback);
        using (var admin = _dashboard.AdminClient())
        {
            Assert.Equal(HttpStatusCode.Accepted, (await admin.PostJson($"/api/v1/rollouts/{rolloutId}/rollback", new { reason = "errors on the canary" })).StatusCode);
        }

        _dashboard.Kill();
        heldStep.Release();
        heldRollback.Release();
        await _dashboard.StartAsync(Cancellation);

        var rolledBack = await WaitForAsync(rolloutId, v => v.State == RolloutState.RolledBack);
        Assert.Equal(StepState.Skipped, rolledBack.Steps.Single(s => s.IdempotencyKey == key50).State);
        var deliveries = _recorder.Deliveries.ToList();
        var firstRollback = deliveries.FindIndex(d => d.Action == TargetAction.Rollback);
        Assert.True(firstRollback >= 0, $"no rollback reached the target: {_recorder.Describe()}");
        Assert.DoesNotContain(deliveries.Skip(firstRollback), d => d.Action != TargetAction.Rollback);
        Assert.Single(deliveries, d => d.IdempotencyKey == key50);
        Assert.Equal(TargetAction.Rollback, _recorder.Effects[^1].Action);
        Assert.Single(_recorder.Effects, d => d.Action == TargetAction.Rollback);
        var events = await EventsAsync(rolloutId);
        Assert.Single(events, e => e.Kind == "step.started" && e.StepIndex == rolledBack.Steps.Single(s => s.IdempotencyKey == key50).Index);
        Assert.Single(events, e => e.Kind == "rollback.completed");
        Report("Killed with a step and a rollback in flight", timer);
    }

    private void Report(string what, Stopwatch timer)
    {
        var deliveries = _recorder.Deliveries;
        TestContext.Current.SendDiagnosticMessage(
            $"{what}: {timer.Elapsed.TotalSeconds:0.0} s; starts took {string.Join(", ", _dashboard.StartTimes.Select(t => $"{t.TotalSeconds:0.0} s"))}; "
            + $"{deliveries.Count} deliveries, {deliveries.Count - _recorder.Effects.Count} replay(s): {_recorder.Describe()}");
    }

    private static string KeyOf(IReadOnlyList<RolloutStepView> steps, int weight) =>
        steps.Single(s => s.Action == RolloutAction.SetWeight && s.Weight == weight).IdempotencyKey;

    /// <summary>
    /// A canary on the recorder, approved by the bootstrap admin (an Admin may approve their
    /// own plan), its checklist done and a window open now.
    /// </summary>
    private async Task<Guid> ReadyPlanAsync(string name, params (int Weight, int BakeSeconds)[] steps)
    {
        var definition = RolloutLab.Canary(name, false, steps) with
        {
            Target = new TargetSettings { Kind = TargetKind.Webhook, Url = _recorder.HookUrl.ToString(), Secret = WebhookRecorder.Secret },
        };
        using var admin = _dashboard.AdminClient();
        var environment = await admin.PostJson("/api/v1/environments", new
        {
            name = definition.Environment,
            services = definition.Services.Select(s => new PlatformService { Name = s, Tier = NodeTier.Core, Version = definition.FromVersion }),
        });
        Assert.True(environment.IsSuccessStatusCode, await environment.Content.ReadAsStringAsync(Cancellation));

        var created = await admin.PostJson("/api/v1/plans", definition);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Cancellation));
        var plan = await created.ReadJson();
        var id = plan.GetProperty("id").GetGuid();
        foreach (var item in plan.GetProperty("stages").EnumerateArray().SelectMany(s => s.GetProperty("checklist").EnumerateArray()))
        {
            var ticked = await admin.PostJson($"/api/v1/plans/{id}/checklist/{item.GetProperty("id").GetGuid()}/complete", new { note = "done in test" });
            Assert.Equal(HttpStatusCode.OK, ticked.StatusCode);
        }

        var start = DateTimeOffset.UtcNow.AddSeconds(1);
        var booked = await admin.PostJson($"/api/v1/plans/{id}/windows", new { start = start.ToString("O"), end = start.AddHours(2).ToString("O"), timeZone = "UTC" });
        Assert.True(booked.StatusCode == HttpStatusCode.Created, await booked.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJson($"/api/v1/plans/{id}/submit", new { })).StatusCode);
        var approved = await admin.PostJson($"/api/v1/plans/{id}/approve", new { note = "ok" });
        Assert.True(approved.StatusCode == HttpStatusCode.OK, await approved.Content.ReadAsStringAsync(Cancellation));
        if (start - DateTimeOffset.UtcNow is { Ticks: > 0 } wait)
        {
            await Task.Delay(wait, Cancellation);
        }

        return id;
    }

    private async Task<Guid> StartRolloutAsync(Guid planId)
    {
        using var admin = _dashboard.AdminClient();
        var response = await admin.PostJson($"/api/v1/plans/{planId}/rollouts", new { reason = "crash test" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancellation));
        return (await response.ReadJson()).GetProperty("id").GetGuid();
    }

    private async Task<RolloutView> GetAsync(Guid rolloutId)
    {
        using var admin = _dashboard.AdminClient();
        return await (await admin.GetAsync($"/api/v1/rollouts/{rolloutId}", Cancellation)).Read<RolloutView>();
    }

    private async Task<IReadOnlyList<RolloutEventView>> EventsAsync(Guid rolloutId)
    {
        using var admin = _dashboard.AdminClient();
        return await (await admin.GetAsync($"/api/v1/rollouts/{rolloutId}/events", Cancellation)).Read<List<RolloutEventView>>();
    }

    private async Task<RolloutView> WaitForAsync(Guid rolloutId, Func<RolloutView, bool> condition, int seconds = 30)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(seconds);
        RolloutView view;
        do
        {
            view = await GetAsync(rolloutId);
            if (condition(view))
            {
                return view;
            }

            await Task.Delay(100, Cancellation);
        }
        while (DateTimeOffset.UtcNow < deadline);

        Assert.Fail($"Rollout {rolloutId} did not get there in {seconds} s; it is {view.State} ({view.PauseReason}): "
            + $"{string.Join(", ", view.Steps.Select(s => $"{s.Index}:{s.State}"))}; deliveries: {_recorder.Describe()}\n{_dashboard.Output()}");
        return view;
    }
}
