namespace Mcp.Dashboard.Domain.Rollouts;

/// <summary>
/// Everything a <see cref="Rollout"/> knows, as plain data, so it is stored as one row and read
/// back whole: the steps and their outcomes always change together with the rollout's state.
/// </summary>
public sealed record RolloutSnapshot
{
    public required Guid Id { get; init; }

    public required Guid PlanId { get; init; }

    public RolloutState State { get; init; }

    public int CurrentWeight { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public string? PauseReason { get; init; }

    public int? HeldStep { get; init; }

    public string? FailureReason { get; init; }

    public string? RollbackReason { get; init; }

    public string? RollbackRequestedBy { get; init; }

    public DateTimeOffset? RollbackRequestedAt { get; init; }

    public IReadOnlyList<StepRunSnapshot> Steps { get; init; } = [];

    public IReadOnlyList<RollbackTask> RollbackChecklist { get; init; } = [];
}

/// <summary>One step as stored: the plan of it and how it went.</summary>
public sealed record StepRunSnapshot(
    RolloutStep Step,
    StepState State,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? OutcomeNote,
    DateTimeOffset? ActionAppliedAt);

/// <summary>
/// One step of the plan's rollback checklist, opened when a rollback is asked for, so the
/// people named in the plan can tick off the manual part while the target reverts traffic.
/// </summary>
public sealed record RollbackTask(int Number, string Title, string? Owner, string? DoneBy = null, DateTimeOffset? DoneAt = null)
{
    public bool IsDone => DoneAt is not null;
}
