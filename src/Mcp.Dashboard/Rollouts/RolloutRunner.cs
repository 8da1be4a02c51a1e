using System.Collections.Concurrent;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Plans;
using Mcp.Dashboard.Rollouts.Targets;
using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Rollouts;

/// <summary>
/// Moves rollouts along when their Quartz triggers fire: starts them when the window opens,
/// begins each step, sends its action to the target, judges it when its bake ends, and carries
/// out rollbacks and window deadlines.
/// </summary>
/// <remarks>
/// Crash safety comes from the order of writes. A step is recorded as begun before its action
/// is sent; the action is recorded as applied after the target confirms it; a step is recorded
/// as finished once. A process killed between any two of these resumes from what is stored:
/// an action not yet confirmed is sent again with the same idempotency key (which the target
/// applies once), and a finished step is never begun again.
/// </remarks>
public sealed class RolloutRunner(
    RolloutStore store,
    RolloutScheduler scheduler,
    RolloutEngine engine,
    RolloutTargets targets,
    IStepJudge judge,
    InFlightActions inFlight,
    PlanService plans,
    PlanReadinessService readiness,
    IPlanWindowFacts windows,
    IOptions<RolloutOptions> options,
    TimeProvider clock,
    ILogger<RolloutRunner> logger)
{
    // A rollout has at most a few dozen steps; the cap only guards against a bug spinning forever.
    private const int MaxMovesPerFire = 500;

    private static readonly TimeSpan MaxRollbackRetry = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<Guid, int> _rollbackRefusals = new();

    public async Task AdvanceAsync(Guid rolloutId, CancellationToken cancellationToken = default)
    {
        if (await store.FindAsync(rolloutId, cancellationToken) is not { } stored)
        {
            return;
        }

        if (stored.State == RolloutState.Pending && clock.GetUtcNow() >= stored.StartsAt && !await GatesStillMetAsync(stored, cancellationToken))
        {
            return;
        }

        for (var move = 0; move < MaxMovesPerFire; move++)
        {
            var next = await store.ChangeAsync(rolloutId, Decide, cancellationToken);
            switch (next)
            {
                case Move.WaitUntil wait:
                    await scheduler.ScheduleAdvanceAsync(rolloutId, wait.At, cancellationToken);
                    return;
                case Move.Send send:
                    await SendAsync(rolloutId, send, cancellationToken);
                    break;
                case Move.RollBack rollBack:
                    await engine.RequestRollbackAsync(RolloutEngine.Judge, rolloutId, rollBack.Reason, rollBack.Evidence, cancellationToken);
                    return;
                case Move.Finished finished:
                    if (finished.State is RolloutState.Succeeded or RolloutState.Cancelled)
                    {
                        await scheduler.CancelAllAsync(rolloutId, cancellationToken);
                    }

                    return;
                case Move.Stop:
                    return;
            }
        }

        logger.LogError("Rollout {RolloutId} made {Moves} moves in one fire; stopping and trying again in a minute", rolloutId, MaxMovesPerFire);
        await scheduler.ScheduleAdvanceAsync(rolloutId, clock.GetUtcNow().AddMinutes(1), cancellationToken);
    }

    /// <summary>
    /// Sends the rollback action and, once the target took it, records the rollback. A target
    /// that refuses is asked again later; the rollout is never marked rolled back unseen.
    /// </summary>
    public async Task CarryOutRollbackAsync(Guid rolloutId, CancellationToken cancellationToken = default)
    {
        if (await store.FindAsync(rolloutId, cancellationToken) is not { State: RolloutState.RollingBack } stored)
        {
            return;
        }

        var plan = await plans.GetAsync(stored.PlanId, cancellationToken);
        var result = await targets.For(plan).ApplyAsync(RolloutTargets.RollbackAction(rolloutId, plan, clock.GetUtcNow()), cancellationToken);

        // The pending advance trigger is left to CancelAllAsync below: while the rollout rolls
        // back, an advance that fires does nothing, and each write saved here shortens the queue
        // of other rollbacks on the one database writer.
        if (!result.Succeeded)
        {
            await RetryRefusedRollbackAsync(rolloutId, result, cancellationToken);
            return;
        }

        _rollbackRefusals.TryRemove(rolloutId, out _);

        var done = await store.ChangeAsync(rolloutId, change =>
        {
            if (!change.Rollout.CompleteRollback(change.Now))
            {
                return false;
            }

            change.AdvancePlan(PlanTrigger.RollBack, Actor.System);
            var open = change.Rollout.RollbackChecklist.Count(t => !t.IsDone);
            change.Event("rollback.completed", $"Rolled back: all traffic is on {change.Plan.FromVersion} again. {result.Message}"
                + (open > 0 ? $" {open} rollback checklist item(s) are open." : ""), "system");
            change.Audit(Actor.System, "rollout.rolled-back", change.Rollout.RollbackReason);
            return true;
        }, cancellationToken);

        if (done)
        {
            await scheduler.CancelAllAsync(rolloutId, cancellationToken);
        }
    }

    /// <summary>
    /// A rollback the target refused is asked again, waiting twice as long each time up to five
    /// minutes, and never given up: the rollout stays RollingBack, saying so, until the target
    /// takes it. The event log gets a line for the first refusal and then every tenth, so a
    /// target that is down for hours does not flood every watching page.
    /// </summary>
    private async Task RetryRefusedRollbackAsync(Guid rolloutId, TargetResult result, CancellationToken cancellationToken)
    {
        var refusals = _rollbackRefusals.AddOrUpdate(rolloutId, 1, (_, count) => count + 1);
        var first = TimeSpan.FromSeconds(options.Value.RollbackRetrySeconds);
        var retry = TimeSpan.FromSeconds(Math.Min(first.TotalSeconds * Math.Pow(2, Math.Min(refusals - 1, 20)), MaxRollbackRetry.TotalSeconds));
        if (refusals == 1 || refusals % 10 == 0)
        {
            await store.ChangeAsync(rolloutId, change =>
                change.Event("target.refused", $"The target did not take the rollback ({refusals} time(s) so far): {result.Message} Trying again in {retry.TotalSeconds:0} s.", "system"), cancellationToken);
        }

        await scheduler.ScheduleRollbackAsync(rolloutId, clock.GetUtcNow() + retry, cancellationToken);
    }

    /// <summary>Applies the plan's overrun policy if the rollout is still going as its window closes.</summary>
    public async Task ApplyWindowDeadlineAsync(Guid rolloutId, CancellationToken cancellationToken = default)
    {
        if (await store.FindAsync(rolloutId, cancellationToken) is not { State: RolloutState.Running or RolloutState.Paused } stored)
        {
            return;
        }

        var closes = stored.WindowEnd is { } end ? $"The maintenance window closes at {end:HH:mm} UTC" : "The maintenance window is closing";
        if (stored.WindowOverrun == WindowOverrunPolicy.RollBack)
        {
            await engine.RequestRollbackAsync(RolloutEngine.Judge, rolloutId, $"{closes} and the rollout had not finished; the plan says roll back.", cancellationToken: cancellationToken);
            return;
        }

        await store.ChangeAsync(rolloutId, change =>
        {
            if (change.Rollout.State != RolloutState.Running)
            {
                return;
            }

            change.Rollout.Pause($"{closes}; paused before it as the plan says");
            change.Event("rollout.deadline", $"{closes} and the rollout had not finished: paused as the plan says.", "system");
            change.Audit(RolloutEngine.Judge, "rollout.paused-at-deadline", closes);
        }, cancellationToken);
    }

    /// <summary>The next thing to do, decided on what is stored (and recorded, when it changes anything).</summary>
    private Move Decide(RolloutChange change)
    {
        var rollout = change.Rollout;
        var now = change.Now;
        switch (rollout.State)
        {
            case RolloutState.Pending when now < change.Record.StartsAt:
                return new Move.WaitUntil(change.Record.StartsAt);
            case RolloutState.Pending:
                rollout.Start(now);
                change.AdvancePlan(PlanTrigger.Start, Actor.System);
                change.Event("rollout.started", $"The window opened: the rollout started with {rollout.Steps.Count} steps.");
                return new Move.Continue();
            case RolloutState.Succeeded:
                if (change.Plan.State == PlanState.Running)
                {
                    change.AdvancePlan(PlanTrigger.Complete, Actor.System);
                    change.Touch();
                }

                return new Move.Finished(rollout.State);
            case RolloutState.Running:
                return DecideRunning(change);
            case RolloutState.RollingBack or RolloutState.Paused:
                return new Move.Stop();
            default:
                return new Move.Finished(rollout.State);
        }
    }

    private Move DecideRunning(RolloutChange change)
    {
        var rollout = change.Rollout;
        var now = change.Now;
        if (rollout.CurrentStep is not { } step)
        {
            if (rollout.NextStep is not { } next)
            {
                return new Move.Stop();
            }

            rollout.BeginStep(next.Index, now);
            change.Event("step.started", $"Step {next.Index + 1} of {rollout.Steps.Count} started: {next.Describe()}.", stepIndex: next.Index);
            if (RolloutTargets.ActionFor(next, rollout.Id, change.Plan, now) is null)
            {
                rollout.RecordActionApplied(next.Index, now);
            }

            return new Move.Continue();
        }

        if (step.ActionAppliedAt is null)
        {
            return new Move.Send(step.Index, RolloutTargets.ActionFor(step.Step, rollout.Id, change.Plan, now)!);
        }

        if (step.Action == RolloutAction.Gate)
        {
            var open = RolloutStepPlanner.UnmetGateItems(step.Step, change.Plan.ChecklistItems);
            if (open.Count > 0)
            {
                rollout.Pause($"the {step.Step.Tier} gate waits for: {string.Join(", ", open)}");
                change.Event("gate.waiting", $"Step {step.Index + 1}: the {step.Step.Tier} gate waits for {string.Join(", ", open)}. Tick them and resume.", stepIndex: step.Index);
                return new Move.Stop();
            }

            Complete(change, step, StepOutcome.Succeeded("Every required item is done."));
            return new Move.Continue();
        }

        if (step.DueAt is { } due && due > now)
        {
            return new Move.WaitUntil(due);
        }

        if (step.Step.NeedsAnalysis || step.Step.NeedsHealthCheck)
        {
            var judgement = judge.JudgeStepEnd(change.Record, step, change.Plan, now);
            if (judgement.Verdict is { } verdict)
            {
                change.Record.RecordVerdict(verdict);
            }

            switch (judgement.Decision)
            {
                case StepDecision.RollBack:
                    change.Event("verdict.fail", $"Step {step.Index + 1}: {judgement.Explanation}", RolloutEngine.Judge.Email, step.Index);
                    return new Move.RollBack(judgement.Explanation, judgement.Verdict);
                case StepDecision.KeepBaking:
                    return new Move.WaitUntil(now.AddSeconds(1));
                case StepDecision.Pause:
                    rollout.HoldForDecision(step.Index, judgement.Explanation);
                    change.Event("verdict.hold", $"Step {step.Index + 1} held for a person to decide: {judgement.Explanation}", RolloutEngine.Judge.Email, step.Index);
                    return new Move.Stop();
                default:
                    Complete(change, step, StepOutcome.Succeeded(judgement.Explanation));
                    return new Move.Continue();
            }
        }

        Complete(change, step, StepOutcome.Succeeded());
        return new Move.Continue();
    }

    private static void Complete(RolloutChange change, RolloutStepRun step, StepOutcome outcome)
    {
        change.Rollout.CompleteStep(step.Index, outcome, change.Now);
        change.Event("step.succeeded", $"Step {step.Index + 1} succeeded{(outcome.Note is { } note ? $": {note}" : ".")}", stepIndex: step.Index);
        if (change.Rollout.State == RolloutState.Succeeded)
        {
            change.AdvancePlan(PlanTrigger.Complete, Actor.System);
            change.Event("rollout.succeeded", $"Rollout succeeded: all traffic is on {change.Plan.ToVersion}.");
        }
    }

    private async Task SendAsync(Guid rolloutId, Move.Send send, CancellationToken cancellationToken)
    {
        var plan = await plans.GetAsync((await store.FindAsync(rolloutId, cancellationToken))!.PlanId, cancellationToken);
        using var stopped = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, inFlight.For(rolloutId));
        TargetResult result;
        try
        {
            result = await targets.For(plan).ApplyAsync(send.Action, stopped.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A rollback was accepted while the target was being asked: the next decision sees it.
            return;
        }

        await store.ChangeAsync(rolloutId, change =>
        {
            var step = change.Rollout.Steps[send.StepIndex];

            // A rollback or pause may have come in while the target was busy: it wins.
            if (step.State != StepState.Running || step.ActionAppliedAt is not null)
            {
                return;
            }

            if (result.Succeeded)
            {
                change.Rollout.RecordActionApplied(send.StepIndex, change.Now);
                change.Touch();
                return;
            }

            if (change.Rollout.State == RolloutState.Running)
            {
                change.Rollout.Pause($"the target did not take step {send.StepIndex + 1}: {result.Message}");
            }

            change.Event("target.refused", $"Paused: the target did not take step {send.StepIndex + 1} ({send.Action.Action}). {result.Message}", stepIndex: send.StepIndex);
        }, cancellationToken);
    }

    private async Task<bool> GatesStillMetAsync(StoredRollout stored, CancellationToken cancellationToken)
    {
        var plan = await plans.GetAsync(stored.PlanId, cancellationToken);
        var report = await readiness.EvaluateAsync(plan, cancellationToken);
        var now = clock.GetUtcNow();
        var usable = (await windows.ForPlanAsync(plan, cancellationToken)).Where(w => w.End > now && w.ConflictCount == 0).OrderBy(w => w.Start).ToList();
        if (report.CanStart && plan.State is PlanState.Scheduled or PlanState.Approved)
        {
            if (usable.FirstOrDefault(w => w.Start <= now) is not null)
            {
                return true;
            }

            // The window it was booked into was cancelled or moved: follow the plan's next one.
            var next = usable[0];
            await store.ChangeAsync(stored.Id, change =>
            {
                change.Record.StartsAt = next.Start;
                change.Record.WindowId = next.Id;
                change.Record.WindowEnd = next.End;
                change.Record.WindowTimeZone = next.TimeZoneId;
                change.Event("rollout.rebooked", $"The booked window is gone; the rollout now starts when the plan's next window opens ({next.Start:yyyy-MM-dd HH:mm} UTC).");
            }, cancellationToken);
            await scheduler.ScheduleAdvanceAsync(stored.Id, next.Start, cancellationToken);
            await scheduler.ScheduleDeadlineAsync(stored.Id, next.End - TimeSpan.FromMinutes(options.Value.WindowSafetyMarginMinutes), cancellationToken);
            return false;
        }

        var why = report.CanStart
            ? $"the plan is {PlanStateMachine.Describe(plan.State)}"
            : string.Join("; ", report.Unmet.Select(g => $"{g.Title}: {g.Detail}"));
        await store.ChangeAsync(stored.Id, change =>
        {
            if (change.Rollout.State != RolloutState.Pending)
            {
                return;
            }

            change.Rollout.Cancel(change.Now);
            change.AdvancePlan(PlanTrigger.Unschedule, Actor.System);
            change.Event("rollout.cancelled", $"The window opened but the rollout could not start: {why}.");
            change.Audit(Actor.System, "rollout.cancelled", why);
        }, cancellationToken);
        await scheduler.CancelAllAsync(stored.Id, cancellationToken);
        return false;
    }

    /// <summary>What the runner does after one decision.</summary>
    private abstract record Move
    {
        public sealed record Continue : Move;

        public sealed record WaitUntil(DateTimeOffset At) : Move;

        public sealed record Send(int StepIndex, TargetAction Action) : Move;

        public sealed record RollBack(string Reason, StepVerdict? Evidence = null) : Move;

        public sealed record Finished(RolloutState State) : Move;

        public sealed record Stop : Move;
    }
}
