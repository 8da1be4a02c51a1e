namespace Mcp.Dashboard.Domain.Rollouts;

/// <summary>
/// One run of a plan. Holds its planned steps and how each went, and guards every move with
/// <see cref="RolloutStateMachine"/>. Step completion and rollback are idempotent, so an engine
/// that crashes and replays its last action never runs a step twice or rolls back twice.
/// </summary>
public sealed class Rollout
{
    private readonly List<RolloutStepRun> _steps;
    private List<RollbackTask> _rollbackChecklist = [];

    private Rollout(Guid id, Guid planId, IEnumerable<RolloutStepRun> steps)
    {
        Id = id;
        PlanId = planId;
        _steps = steps.OrderBy(s => s.Index).ToList();
    }

    public Guid Id { get; }

    public Guid PlanId { get; }

    public RolloutState State { get; private set; } = RolloutState.Pending;

    public IReadOnlyList<RolloutStepRun> Steps => _steps;

    /// <summary>The canary traffic weight on the new version (percent); 0 before the first step.</summary>
    public int CurrentWeight { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public string? PauseReason { get; private set; }

    /// <summary>The step a pause holds for a person's decision (see <see cref="HoldForDecision"/>).</summary>
    public int? HeldStep { get; private set; }

    public string? FailureReason { get; private set; }

    public string? RollbackReason { get; private set; }

    public string? RollbackRequestedBy { get; private set; }

    public DateTimeOffset? RollbackRequestedAt { get; private set; }

    /// <summary>The plan's rollback steps as a checklist, opened by the rollback request.</summary>
    public IReadOnlyList<RollbackTask> RollbackChecklist => _rollbackChecklist;

    public bool IsFinished => RolloutStateMachine.IsTerminal(State);

    /// <summary>The step that is running now, if any.</summary>
    public RolloutStepRun? CurrentStep => _steps.FirstOrDefault(s => s.State == StepState.Running);

    /// <summary>
    /// The step that runs next, or null when none will (a step is still running, a step failed
    /// and waits for a rollback, or every step is finished). Independent of pause: see <see cref="Next"/>.
    /// </summary>
    public RolloutStep? NextStep =>
        CurrentStep is not null || _steps.Any(s => s.State == StepState.Failed)
            ? null
            : _steps.FirstOrDefault(s => s.State == StepState.Pending)?.Step;

    /// <summary>Creates a pending rollout with its planned steps (from <see cref="RolloutStepPlanner"/>).</summary>
    public static Rollout Create(Guid id, Guid planId, IReadOnlyList<RolloutStep> steps)
    {
        if (steps.Count == 0)
        {
            throw new RolloutRuleViolation("A rollout needs at least one step.");
        }

        if (steps.Select(s => s.Index).Order().Where((index, position) => index != position).Any())
        {
            throw new RolloutRuleViolation("Step indexes must run 0, 1, 2, ... without gaps.");
        }

        return new Rollout(id, planId, steps.Select(s => new RolloutStepRun(s)));
    }

    /// <summary>A rollout exactly as it was stored.</summary>
    public static Rollout Restore(RolloutSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new Rollout(snapshot.Id, snapshot.PlanId, snapshot.Steps.Select(RolloutStepRun.Restore))
        {
            State = snapshot.State,
            CurrentWeight = snapshot.CurrentWeight,
            StartedAt = snapshot.StartedAt,
            FinishedAt = snapshot.FinishedAt,
            PauseReason = snapshot.PauseReason,
            HeldStep = snapshot.HeldStep,
            FailureReason = snapshot.FailureReason,
            RollbackReason = snapshot.RollbackReason,
            RollbackRequestedBy = snapshot.RollbackRequestedBy,
            RollbackRequestedAt = snapshot.RollbackRequestedAt,
            _rollbackChecklist = [.. snapshot.RollbackChecklist],
        };
    }

    public RolloutSnapshot ToSnapshot() => new()
    {
        Id = Id,
        PlanId = PlanId,
        State = State,
        CurrentWeight = CurrentWeight,
        StartedAt = StartedAt,
        FinishedAt = FinishedAt,
        PauseReason = PauseReason,
        HeldStep = HeldStep,
        FailureReason = FailureReason,
        RollbackReason = RollbackReason,
        RollbackRequestedBy = RollbackRequestedBy,
        RollbackRequestedAt = RollbackRequestedAt,
        Steps = _steps.Select(s => s.ToSnapshot()).ToList(),
        RollbackChecklist = [.. _rollbackChecklist],
    };

    /// <summary>
    /// The target confirmed step <paramref name="index"/>'s action. Returns false when it was
    /// already recorded (a replay after a restart resent the action with the same key).
    /// </summary>
    public bool RecordActionApplied(int index, DateTimeOffset now)
    {
        var run = StepAt(index);
        if (run.State != StepState.Running)
        {
            throw new RolloutRuleViolation($"Step {index} is not running, so its action cannot be recorded.");
        }

        return run.MarkApplied(now);
    }

    public void Start(DateTimeOffset now)
    {
        State = RolloutStateMachine.Fire(State, RolloutTrigger.Start);
        StartedAt = now;
    }

    /// <summary>
    /// Marks step <paramref name="index"/> as running. Returns false and changes nothing when it is
    /// already running or finished (a replay after a restart); refuses a step out of order.
    /// </summary>
    public bool BeginStep(int index, DateTimeOffset now)
    {
        var run = StepAt(index);
        if (run.State != StepState.Pending)
        {
            return false;
        }

        if (State != RolloutState.Running)
        {
            throw new RolloutRuleViolation($"Steps begin only while the rollout runs; this one is {RolloutStateMachine.Describe(State)}.");
        }

        var next = NextStep;
        if (next is null || next.Index != index)
        {
            throw new RolloutRuleViolation(next is null
                ? $"Step {index} cannot begin: {(CurrentStep is { } current ? $"step {current.Index} is still running" : "a step failed and the rollout must be rolled back")}."
                : $"Step {index} cannot begin before step {next.Index}.");
        }

        run.Begin(now);
        CurrentWeight = WeightAfter(run.Step);

        return true;
    }

    /// <summary>Completes the step whose idempotency key is <paramref name="idempotencyKey"/>.</summary>
    public StepCompletion CompleteStep(string idempotencyKey, StepOutcome outcome, DateTimeOffset now)
    {
        var run = _steps.FirstOrDefault(s => s.IdempotencyKey == idempotencyKey)
                  ?? throw new NotFound($"Step with key '{idempotencyKey}' of rollout {Id}");
        return CompleteStep(run.Index, outcome, now);
    }

    /// <summary>
    /// Records how step <paramref name="index"/> ended. A step already finished is left as it is
    /// and the answer says so: that is what makes a crash-restart never run a step twice. When
    /// the last step succeeds, the rollout succeeds.
    /// </summary>
    public StepCompletion CompleteStep(int index, StepOutcome outcome, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var run = StepAt(index);
        if (run.IsFinished)
        {
            return StepCompletion.AlreadyCompleted;
        }

        if (outcome.Result is StepState.Pending or StepState.Running)
        {
            throw new RolloutRuleViolation($"A step ends as succeeded, failed or skipped, not {outcome.Result.ToString().ToLowerInvariant()}.");
        }

        if (run.State != StepState.Running)
        {
            throw new RolloutRuleViolation($"Step {index} has not begun, so it cannot be completed.");
        }

        State = RolloutStateMachine.Fire(State, RolloutTrigger.StepFinished);
        run.Finish(outcome.Result, outcome.Note, now);

        if (State == RolloutState.Running && _steps.All(s => s.State is StepState.Succeeded or StepState.Skipped))
        {
            State = RolloutStateMachine.Fire(State, RolloutTrigger.Finish);
            FinishedAt = now;
        }

        return StepCompletion.Completed;
    }

    /// <summary>Holds the rollout before its next step; a running bake keeps its clock.</summary>
    public void Pause(string reason)
    {
        State = RolloutStateMachine.Fire(State, RolloutTrigger.Pause);
        PauseReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        HeldStep = null;
    }

    /// <summary>
    /// Pauses because the judge could not decide step <paramref name="stepIndex"/> (a marginal
    /// verdict, or too little data): the person who resumes makes that decision, and only then
    /// does resuming accept the step.
    /// </summary>
    public void HoldForDecision(int stepIndex, string reason)
    {
        Pause(reason);
        HeldStep = stepIndex;
    }

    /// <summary>Carries on. Returns the step that was held for a decision, which the resume accepts, if any.</summary>
    public int? Resume()
    {
        State = RolloutStateMachine.Fire(State, RolloutTrigger.Resume);
        PauseReason = null;
        var held = HeldStep;
        HeldStep = null;
        return held;
    }

    /// <summary>
    /// Skips the remaining analysis: pending canary bakes below 100% and pending blue-green
    /// verifies become Skipped, a running one ends now, and the rollout heads for full traffic.
    /// Gates, switches and rolling batches still run. Returns how many steps were skipped or cut short.
    /// </summary>
    public int Promote(string by, DateTimeOffset now)
    {
        State = RolloutStateMachine.Fire(State, RolloutTrigger.Promote);
        PauseReason = null;
        var note = $"Promoted by {by}: analysis skipped";
        var changed = 0;
        foreach (var run in _steps.Where(IsSkippableAnalysis))
        {
            if (run.State == StepState.Pending)
            {
                run.Finish(StepState.Skipped, note, now);
                changed++;
            }
            else if (run.State == StepState.Running)
            {
                run.Finish(StepState.Succeeded, note, now);
                changed++;
            }
        }

        if (_steps.All(s => s.State is StepState.Succeeded or StepState.Skipped))
        {
            State = RolloutStateMachine.Fire(State, RolloutTrigger.Finish);
            FinishedAt = now;
        }

        return changed;
    }

    /// <summary>
    /// Starts the rollback: pending steps are cancelled (Skipped), a running one is cut short,
    /// and the rollout is RollingBack. Returns true exactly once: later calls while rolling back
    /// or after it rolled back change nothing and return false.
    /// </summary>
    /// <remarks>
    /// With <c>runningStepFailed</c> the running step's own evidence caused the rollback (a
    /// failed verdict): it ends Failed with the reason, rather than Skipped, so the timeline
    /// shows where it went wrong.
    /// </remarks>
    public bool RequestRollback(string by, string reason, DateTimeOffset now, IReadOnlyList<RollbackTask>? checklist = null, bool runningStepFailed = false)
    {
        if (State is RolloutState.RollingBack or RolloutState.RolledBack)
        {
            return false;
        }

        State = RolloutStateMachine.Fire(State, RolloutTrigger.RollbackRequested);
        RollbackRequestedBy = by;
        RollbackReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        RollbackRequestedAt = now;
        _rollbackChecklist = [.. checklist ?? []];
        foreach (var run in _steps.Where(s => !s.IsFinished))
        {
            if (run.State == StepState.Running && runningStepFailed)
            {
                run.Finish(StepState.Failed, RollbackReason, now);
                continue;
            }

            run.Finish(StepState.Skipped, run.State == StepState.Running ? "Interrupted by rollback" : "Cancelled by rollback", now);
        }

        return true;
    }

    /// <summary>The rollback actions ran. Returns false (no change) when already rolled back.</summary>
    public bool CompleteRollback(DateTimeOffset now)
    {
        if (State == RolloutState.RolledBack)
        {
            return false;
        }

        State = RolloutStateMachine.Fire(State, RolloutTrigger.RollbackFinished);
        CurrentWeight = 0;
        FinishedAt = now;
        return true;
    }

    /// <summary>Ticks rollback checklist item <paramref name="number"/>; ticking it again changes nothing.</summary>
    public RollbackTask CompleteRollbackTask(int number, string by, DateTimeOffset now)
    {
        var position = _rollbackChecklist.FindIndex(t => t.Number == number);
        if (position < 0)
        {
            throw new NotFound($"Rollback checklist item {number} of rollout {Id}");
        }

        var task = _rollbackChecklist[position];
        if (!task.IsDone)
        {
            task = task with { DoneBy = by, DoneAt = now };
            _rollbackChecklist[position] = task;
        }

        return task;
    }

    public void Fail(string reason, DateTimeOffset now)
    {
        State = RolloutStateMachine.Fire(State, RolloutTrigger.Fail);
        FailureReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        FinishedAt = now;
    }

    public void Cancel(DateTimeOffset now)
    {
        State = RolloutStateMachine.Fire(State, RolloutTrigger.Cancel);
        foreach (var run in _steps.Where(s => !s.IsFinished))
        {
            run.Finish(StepState.Skipped, "Cancelled", now);
        }

        FinishedAt = now;
    }

    /// <summary>
    /// What runs next and when. While a step runs, the next one is due at that step's start
    /// plus its duration (the bake or interval); otherwise the next step is due now.
    /// </summary>
    public RolloutNext Next(DateTimeOffset now)
    {
        if (State != RolloutState.Running)
        {
            return new RolloutNext(null, null, State switch
            {
                RolloutState.Pending => "Waiting to start.",
                RolloutState.Paused => PauseReason is null ? "Paused." : $"Paused: {PauseReason}.",
                RolloutState.RollingBack => "Rolling back.",
                _ => $"Nothing more runs: the rollout is {RolloutStateMachine.Describe(State)}.",
            });
        }

        if (CurrentStep is { } current)
        {
            var following = _steps.FirstOrDefault(s => s.Index > current.Index && s.State == StepState.Pending)?.Step;
            var due = current.DueAt!.Value;
            // No clock time in the sentence: pages show the due time in the reader's zone (and a
            // countdown) from DueAt, so the sentence never contradicts them.
            var then = following is null ? "the rollout finishes" : $"step {following.Index + 1} ({following.Describe()}) runs";
            return new RolloutNext(following, due, due <= now
                ? $"Step {current.Index + 1} is due to end now; then {then}."
                : $"When step {current.Index + 1} ends, {then}.");
        }

        if (_steps.Any(s => s.State == StepState.Failed))
        {
            return new RolloutNext(null, null, "A step failed; the rollout waits for a rollback.");
        }

        var next = NextStep;
        return next is null
            ? new RolloutNext(null, null, "Every step is finished.")
            : new RolloutNext(next, now, $"Step {next.Index + 1} ({next.Describe()}) runs now.");
    }

    /// <summary>How much planned time is left: the running step's remainder plus every pending step's duration.</summary>
    public TimeSpan RemainingPlannedDuration(DateTimeOffset now)
    {
        var remaining = _steps.Where(s => s.State == StepState.Pending).Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Step.Duration);
        if (CurrentStep is { DueAt: { } due } && due > now)
        {
            remaining += due - now;
        }

        return remaining;
    }

    /// <summary>The share of live traffic on the new version once <paramref name="step"/> has acted.</summary>
    private int WeightAfter(RolloutStep step) => step switch
    {
        { Weight: { } weight } => weight,
        { Action: RolloutAction.Switch or RolloutAction.Promote } => 100,
        { Action: RolloutAction.ReplaceBatch, Batch: { } batch } => (int)Math.Round(100.0 * batch.Number / batch.Of),
        _ => CurrentWeight,
    };

    private static bool IsSkippableAnalysis(RolloutStepRun run) =>
        run.Step.Action switch
        {
            RolloutAction.SetWeight => run.Step.Weight < 100,
            RolloutAction.Verify => true,
            _ => false,
        };

    private RolloutStepRun StepAt(int index) =>
        index >= 0 && index < _steps.Count
            ? _steps[index]
            : throw new NotFound($"Step {index} of rollout {Id}");
}
