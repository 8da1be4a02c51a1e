namespace Mcp.Dashboard.Domain.Rollouts;

/// <summary>
/// What runs next and when: the step the engine should begin, and the earliest time it may.
/// <see cref="Step"/> is null when nothing will run (the rollout is paused, finished, waiting on
/// a failed step's rollback, or every step is done).
/// </summary>
public sealed record RolloutNext(RolloutStep? Step, DateTimeOffset? DueAt, string Description);
