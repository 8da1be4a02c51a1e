namespace Mcp.Dashboard.Domain.Rollouts;

/// <summary>A planned step and how it went: its state, when it started and ended, and why.</summary>
public sealed class RolloutStepRun
{
    internal RolloutStepRun(RolloutStep step)
    {
        Step = step;
    }

    public RolloutStep Step { get; }

    public int Index => Step.Index;

    public RolloutAction Action => Step.Action;

    public string IdempotencyKey => Step.IdempotencyKey;

    public StepState State { get; private set; } = StepState.Pending;

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public string? OutcomeNote { get; private set; }

    /// <summary>
    /// When the target confirmed this step's action. A running step without it had its action
    /// interrupted (a crash, a refused call) and the engine sends it again with the same key.
    /// </summary>
    public DateTimeOffset? ActionAppliedAt { get; private set; }

    public bool IsFinished => State is StepState.Succeeded or StepState.Failed or StepState.Skipped;

    /// <summary>
    /// When the step's bake or interval is over: its duration after the target confirmed the
    /// action (the time actually spent at the new weight), or after its start until then. A
    /// process that was down for longer than a bake therefore still bakes in full once the
    /// re-sent action is confirmed, instead of being judged on no time at all.
    /// </summary>
    public DateTimeOffset? DueAt => (ActionAppliedAt ?? StartedAt) is { } from ? from + Step.Duration : null;

    /// <summary>When the step's evidence starts counting: the confirmed action, or the start.</summary>
    public DateTimeOffset? BakeStartedAt => ActionAppliedAt ?? StartedAt;

    internal void Begin(DateTimeOffset now)
    {
        State = StepState.Running;
        StartedAt = now;
    }

    internal bool MarkApplied(DateTimeOffset now)
    {
        if (ActionAppliedAt is not null)
        {
            return false;
        }

        ActionAppliedAt = now;
        return true;
    }

    internal StepRunSnapshot ToSnapshot() => new(Step, State, StartedAt, FinishedAt, OutcomeNote, ActionAppliedAt);

    internal static RolloutStepRun Restore(StepRunSnapshot snapshot) => new(snapshot.Step)
    {
        State = snapshot.State,
        StartedAt = snapshot.StartedAt,
        FinishedAt = snapshot.FinishedAt,
        OutcomeNote = snapshot.OutcomeNote,
        ActionAppliedAt = snapshot.ActionAppliedAt,
    };

    internal void Finish(StepState result, string? note, DateTimeOffset now)
    {
        State = result;
        FinishedAt = now;
        OutcomeNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}
