using System.Collections.Concurrent;
using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Plans;
using Mcp.Dashboard.Rollouts.Targets;
using Mcp.Dashboard.Domain.Simulation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Rollouts;

/// <summary>Whether a rollback request changed anything.</summary>
public enum RollbackRequestOutcome
{
    /// <summary>This request started the rollback.</summary>
    Accepted,

    /// <summary>A rollback was already asked for (or done); nothing changed.</summary>
    AlreadyRequested,

    /// <summary>The rollout had not started yet; it was cancelled instead.</summary>
    CancelledBeforeStart,
}

/// <summary>
/// What people (and the judge) do to rollouts: start, pause, resume, promote, roll back. Each
/// checks the role, lets the domain decide, records who and why, and leaves the timing to
/// Quartz triggers that <see cref="RolloutRunner"/> acts on.
/// </summary>
public sealed class RolloutEngine(
    RolloutStore store,
    RolloutScheduler scheduler,
    PlanService plans,
    PlanReadinessService readiness,
    IPlanWindowFacts windows,
    SimulatedFleets fleets,
    InFlightActions inFlight,
    IOptions<RolloutOptions> options,
    TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    /// <summary>The actor automatic decisions (the judge, the window deadline) are recorded under.</summary>
    public static Actor Judge { get; } = Actor.System with { Email = "judge", DisplayName = "Automated judge" };

    // One start per plan at a time in this process: two presses of Start must not both pass the gate check.
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _planTurns = new();

    /// <summary>
    /// Starts a rollout of the plan now, or books it to start when its next window opens.
    /// Every gate is checked again here, whatever the page showed a moment ago.
    /// </summary>
    public async Task<StoredRollout> StartAsync(Actor actor, Guid planId, string? reason, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireOperator(actor, "start rollouts");
        CheckReason(reason, required: false);
        var turn = _planTurns.GetOrAdd(planId, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken);
        try
        {
            var plan = await plans.GetAsync(planId, cancellationToken);
            if (await store.FindActiveForPlanAsync(planId, cancellationToken) is { } active)
            {
                throw new RolloutRuleViolation($"The plan already has a rollout that is {RolloutStateMachine.Describe(active.State)} ({active.Id}); finish or roll it back first.");
            }

            var report = await readiness.EvaluateAsync(plan, cancellationToken);
            if (!report.CanStart)
            {
                throw new RolloutStartRefused(report.Unmet);
            }

            if (!PlanStateMachine.CanFire(plan.State, PlanTrigger.Start))
            {
                throw new PlanRuleViolation($"Only an approved or scheduled plan can start a rollout; this one is {PlanStateMachine.Describe(plan.State)}.");
            }

            var now = clock.GetUtcNow();
            var window = (await windows.ForPlanAsync(plan, cancellationToken))
                .Where(w => w.End > now && w.ConflictCount == 0)
                .OrderBy(w => w.Start)
                .FirstOrDefault()
                ?? throw new RolloutStartRefused([new ReadinessGate("window", "Maintenance window booked", GateStatus.Unmet, "The window closed or was cancelled a moment ago; book another.", true)]);
            var startsAt = window.Start > now ? window.Start : now;
            var startsNow = startsAt <= now;

            var id = Guid.NewGuid();
            var rollout = Rollout.Create(id, plan.Id, RolloutStepPlanner.Plan(id, plan, options.Value.InstancesPerTier));
            if (startsNow)
            {
                rollout.Start(now);
            }

            var record = new StoredRollout
            {
                Id = id,
                PlanId = plan.Id,
                PlanName = plan.Name,
                State = rollout.State,
                CreatedAt = now,
                CreatedBy = actor.Email,
                StartsAt = startsAt,
                WindowId = window.Id,
                WindowEnd = window.End,
                WindowTimeZone = window.TimeZoneId,
                WindowOverrun = plan.WindowOverrun,
                UpdatedAt = now,
                Snapshot = rollout.ToSnapshot(),
            };

            try
            {
                await store.AddAsync(record, plan, change =>
                {
                    change.AdvancePlan(startsNow ? PlanTrigger.Start : PlanTrigger.Schedule, actor);
                    var kind = startsNow ? "rollout.started" : "rollout.scheduled";
                    change.Event(kind, startsNow
                        ? $"Rollout started by {actor.Email}: {rollout.Steps.Count} steps."
                        : $"Rollout booked by {actor.Email} to start when the window opens at {startsAt:yyyy-MM-dd HH:mm} UTC.", actor.Email);
                    change.Audit(actor, kind, reason, after: new { rolloutId = id, steps = rollout.Steps.Count, startsAt });
                }, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new PlanRuleViolation("The plan changed while the rollout was starting; reload it and start again.");
            }

            await scheduler.ScheduleAdvanceAsync(id, startsAt, cancellationToken);
            var margin = TimeSpan.FromMinutes(options.Value.WindowSafetyMarginMinutes);
            await scheduler.ScheduleDeadlineAsync(id, window.End - margin > startsAt ? window.End - margin : startsAt, cancellationToken);
            return record;
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>Holds the rollout before its next step; a bake in progress keeps its clock.</summary>
    public Task PauseAsync(Actor actor, Guid rolloutId, string? reason, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireOperator(actor, "pause rollouts");
        CheckReason(reason, required: false);
        return store.ChangeAsync(rolloutId, change =>
        {
            change.Rollout.Pause(reason ?? $"paused by {actor.Email}");
            change.Event("rollout.paused", $"Paused by {actor.Email}{Because(reason)}", actor.Email);
            change.Audit(actor, "rollout.paused", reason);
        }, cancellationToken);
    }

    /// <summary>
    /// Carries on. When the judge held a step for a decision (a marginal verdict, or too little
    /// data), resuming is that decision: the step is accepted. Any other pause (a person, a
    /// refused target, the window deadline) just lets the runner carry on, and a step whose bake
    /// is over is judged as usual; an action the target never confirmed is sent again.
    /// </summary>
    public async Task ResumeAsync(Actor actor, Guid rolloutId, string? reason, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireOperator(actor, "resume rollouts");
        CheckReason(reason, required: false);
        await store.ChangeAsync(rolloutId, change =>
        {
            var rollout = change.Rollout;
            var heldOn = rollout.PauseReason;
            var heldStep = rollout.Resume();
            var outsideWindow = change.Record.WindowEnd is { } end && end <= change.Now ? " The maintenance window has closed: this runs outside it." : "";
            change.Event("rollout.resumed", $"Resumed by {actor.Email}{Because(reason)}{outsideWindow}", actor.Email);
            change.Audit(actor, "rollout.resumed", reason, before: new { pauseReason = heldOn });
            if (heldStep is { } index && rollout.CurrentStep is { ActionAppliedAt: not null } step && step.Index == index)
            {
                rollout.CompleteStep(index, StepOutcome.Succeeded($"Accepted by {actor.Email} on resume (held: {heldOn})"), change.Now);
                change.Event("step.accepted", $"Step {index + 1} accepted by {actor.Email} after the hold.", actor.Email, index);
            }
        }, cancellationToken);
        await scheduler.ScheduleAdvanceAsync(rolloutId, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>Skips the rest of the analysis and heads for full traffic.</summary>
    public async Task PromoteAsync(Actor actor, Guid rolloutId, string? reason, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireOperator(actor, "promote rollouts");
        CheckReason(reason, required: false);
        await store.ChangeAsync(rolloutId, change =>
        {
            var skipped = change.Rollout.Promote(actor.Email, change.Now);
            change.Event("rollout.promoted", $"Promoted by {actor.Email}: {skipped} analysis step(s) skipped{Because(reason)}", actor.Email);
            change.Audit(actor, "rollout.promoted", reason, after: new { skipped });
        }, cancellationToken);
        await scheduler.ScheduleAdvanceAsync(rolloutId, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Asks for the rollback. Only the first request of a rollout changes anything, however many
    /// arrive at once, from however many people or clients; the rollback itself is a Quartz job
    /// fired at once, which survives a crash between this commit and its run.
    /// </summary>
    /// <param name="evidence">The judge's verdict behind an automatic rollback, kept with the rollout.</param>
    public async Task<RollbackRequestOutcome> RequestRollbackAsync(Actor actor, Guid rolloutId, string reason, StepVerdict? evidence = null, CancellationToken cancellationToken = default)
    {
        var automatic = ReferenceEquals(actor, Judge);
        if (!automatic)
        {
            AccessRules.RequireOperator(actor, "roll back rollouts");
        }

        CheckReason(reason, required: true);
        var outcome = await store.ChangeAsync(rolloutId, change =>
        {
            var rollout = change.Rollout;
            if (rollout.State == RolloutState.Pending)
            {
                rollout.Cancel(change.Now);
                change.AdvancePlan(PlanTrigger.Unschedule, actor);
                change.Event("rollout.cancelled", $"Cancelled before it started by {actor.Email}: {reason.Trim()}", actor.Email);
                change.Audit(actor, "rollout.cancelled", reason);
                return RollbackRequestOutcome.CancelledBeforeStart;
            }

            var checklist = change.Plan.Rollback.Steps
                .Select((step, index) => new RollbackTask(index + 1, step.Title, step.Owner))
                .ToList();
            if (!rollout.RequestRollback(actor.Email, reason, change.Now, checklist, runningStepFailed: evidence is not null))
            {
                return RollbackRequestOutcome.AlreadyRequested;
            }

            if (evidence is not null)
            {
                change.Record.RecordVerdict(evidence);
            }

            change.Event("rollback.requested", automatic
                ? $"Automatic rollback: {reason.Trim()}"
                : $"Rollback asked for by {actor.Email}: {reason.Trim()}", actor.Email);
            change.Audit(actor, automatic ? "rollout.auto-rollback" : "rollout.rollback-requested", reason);
            return RollbackRequestOutcome.Accepted;
        }, cancellationToken);

        // The pending advance trigger is removed when the rollback is done, not here: the press
        // answers after two commits, and an advance that fires meanwhile finds the rollout
        // rolling back and does nothing.
        if (outcome == RollbackRequestOutcome.Accepted)
        {
            // A step action still being retried must not reach the target after the rollback.
            inFlight.CancelStepActions(rolloutId);
            await scheduler.ScheduleRollbackAsync(rolloutId, clock.GetUtcNow(), cancellationToken);
        }
        else if (outcome == RollbackRequestOutcome.CancelledBeforeStart)
        {
            await scheduler.CancelAllAsync(rolloutId, cancellationToken);
        }

        return outcome;
    }

    /// <summary>Ticks an item of the rollback checklist the rollback opened.</summary>
    public Task<RollbackTask> CompleteRollbackTaskAsync(Actor actor, Guid rolloutId, int number, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireOperator(actor, "tick rollback checklist items");
        return store.ChangeAsync(rolloutId, change =>
        {
            var before = change.Rollout.RollbackChecklist.FirstOrDefault(t => t.Number == number);
            var task = change.Rollout.CompleteRollbackTask(number, actor.Email, change.Now);
            if (before is { IsDone: false })
            {
                change.Event("rollback.checklist", $"{actor.Email} ticked rollback step {number}: {task.Title}.", actor.Email);
                change.Audit(actor, "rollout.rollback-checklist", null, after: task);
            }

            return task;
        }, cancellationToken);
    }

    /// <summary>
    /// Makes the simulated canary worse (an error spike or a latency regression), so anyone can
    /// watch the judge catch it and roll back. Only simulated fleets take faults.
    /// </summary>
    public async Task InjectFaultAsync(Actor actor, Guid rolloutId, FaultKind kind, double factor, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireOperator(actor, "inject faults");
        if (!double.IsFinite(factor) || factor is < 1.1 or > 100)
        {
            throw ValidationFailed.For("factor", "Between 1.1 (10% worse) and 100.");
        }

        await store.ChangeAsync(rolloutId, change =>
        {
            RequireSimulated(change, "Faults can only be injected into a simulated fleet.");
            var what = kind == FaultKind.ErrorSpike ? $"an error spike (x{factor:0.#} errors)" : $"a latency regression (x{factor:0.#} latency)";
            change.Event("fault.injected", $"{actor.Email} injected {what} into the canary.", actor.Email);
            change.Audit(actor, "rollout.fault-injected", null, after: new { kind, factor });
        }, cancellationToken);

        // After the commit, so a retried change does not inject twice and a refused one not at all.
        fleets.For(rolloutId).InjectFault(kind, factor);
    }

    public async Task ClearFaultsAsync(Actor actor, Guid rolloutId, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireOperator(actor, "clear faults");
        await store.ChangeAsync(rolloutId, change =>
        {
            RequireSimulated(change, "Only a simulated fleet has faults to clear.");
            change.Event("fault.cleared", $"{actor.Email} cleared the injected faults.", actor.Email);
            change.Audit(actor, "rollout.faults-cleared", null);
        }, cancellationToken);
        fleets.For(rolloutId).ClearFaults();
    }

    private static void RequireSimulated(RolloutChange change, string message)
    {
        if (change.Plan.Target.Kind != TargetKind.Simulated)
        {
            throw new RolloutRuleViolation(message);
        }

        if (change.Rollout.IsFinished)
        {
            throw new RolloutRuleViolation($"The rollout is {RolloutStateMachine.Describe(change.Rollout.State)}; its fleet takes no more faults.");
        }
    }

    private static string Because(string? reason) => string.IsNullOrWhiteSpace(reason) ? "." : $": {reason.Trim()}";

    private static void CheckReason(string? reason, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(reason))
        {
            throw ValidationFailed.For("reason", "Say why: it goes to the audit trail and to everyone watching.");
        }

        if (reason is { Length: > MaxReasonLength })
        {
            throw ValidationFailed.For("reason", $"At most {MaxReasonLength} characters.");
        }
    }
}
