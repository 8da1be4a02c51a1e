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

    public bool IsFinished => State is StepState.Succeeded or StepState.Failed or StepState.Skipped;

    /// <summary>When the step's bake or interval is over: its start plus its duration.</summary>
    public DateTimeOffset? DueAt => StartedAt is { } started ? started + Step.Duration : null;

    internal void Begin(DateTimeOffset now)
    {
        State = StepState.Running;
        StartedAt = now;
    }

    internal void Finish(StepState result, string? note, DateTimeOffset now)
    {
        State = result;
        FinishedAt = now;
        OutcomeNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}
