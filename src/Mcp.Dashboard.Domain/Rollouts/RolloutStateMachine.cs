namespace Mcp.Dashboard.Domain.Rollouts;

/// <summary>What can happen to a rollout.</summary>
public enum RolloutTrigger
{
    Start,
    Pause,
    Resume,
    Promote,
    StepFinished,

    /// <summary>The last step finished well: the rollout succeeded.</summary>
    Finish,
    RollbackRequested,
    RollbackFinished,
    Fail,
    Cancel,
}

/// <summary>
/// The rollout lifecycle as a table, so the control room shows exactly the buttons that will
/// work and the API can say why one does not.
/// </summary>
public static class RolloutStateMachine
{
    private static readonly Dictionary<(RolloutState, RolloutTrigger), RolloutState> Moves = new()
    {
        [(RolloutState.Pending, RolloutTrigger.Start)] = RolloutState.Running,
        [(RolloutState.Running, RolloutTrigger.Pause)] = RolloutState.Paused,
        [(RolloutState.Paused, RolloutTrigger.Resume)] = RolloutState.Running,
        [(RolloutState.Running, RolloutTrigger.Promote)] = RolloutState.Running,
        [(RolloutState.Paused, RolloutTrigger.Promote)] = RolloutState.Running,

        // A bake may end while the rollout is paused; the pause holds the next step, not the clock.
        [(RolloutState.Running, RolloutTrigger.StepFinished)] = RolloutState.Running,
        [(RolloutState.Paused, RolloutTrigger.StepFinished)] = RolloutState.Paused,
        [(RolloutState.Running, RolloutTrigger.Finish)] = RolloutState.Succeeded,

        [(RolloutState.Running, RolloutTrigger.RollbackRequested)] = RolloutState.RollingBack,
        [(RolloutState.Paused, RolloutTrigger.RollbackRequested)] = RolloutState.RollingBack,

        // A rollout that failed part-way can still be put back.
        [(RolloutState.Failed, RolloutTrigger.RollbackRequested)] = RolloutState.RollingBack,
        [(RolloutState.RollingBack, RolloutTrigger.RollbackFinished)] = RolloutState.RolledBack,

        [(RolloutState.Running, RolloutTrigger.Fail)] = RolloutState.Failed,
        [(RolloutState.Paused, RolloutTrigger.Fail)] = RolloutState.Failed,

        // The rollback actions themselves failed: a human must take over.
        [(RolloutState.RollingBack, RolloutTrigger.Fail)] = RolloutState.Failed,

        [(RolloutState.Pending, RolloutTrigger.Cancel)] = RolloutState.Cancelled,
        [(RolloutState.Paused, RolloutTrigger.Cancel)] = RolloutState.Cancelled,
    };

    /// <summary>Nothing more happens to a rollout in these states.</summary>
    public static bool IsTerminal(RolloutState state) =>
        state is RolloutState.Succeeded or RolloutState.RolledBack or RolloutState.Cancelled;

    /// <summary>The rollout is no longer moving forward (terminal, or failed).</summary>
    public static bool IsFinished(RolloutState state) => IsTerminal(state) || state == RolloutState.Failed;

    public static bool CanFire(RolloutState state, RolloutTrigger trigger) => Moves.ContainsKey((state, trigger));

    public static IReadOnlyList<RolloutTrigger> PermittedTriggers(RolloutState state) =>
        Moves.Keys.Where(k => k.Item1 == state).Select(k => k.Item2).ToList();

    /// <summary>The state after <paramref name="trigger"/>, or a violation that says why not.</summary>
    public static RolloutState Fire(RolloutState state, RolloutTrigger trigger) =>
        Moves.TryGetValue((state, trigger), out var next) ? next : throw new RolloutRuleViolation(WhyNot(state, trigger));

    /// <summary>Why <paramref name="trigger"/> is refused in <paramref name="state"/>; null when it is allowed.</summary>
    public static string? Refusal(RolloutState state, RolloutTrigger trigger) =>
        CanFire(state, trigger) ? null : WhyNot(state, trigger);

    private static string WhyNot(RolloutState state, RolloutTrigger trigger) => (state, trigger) switch
    {
        (_, _) when IsTerminal(state) => $"A {Describe(state)} rollout is history; start a new rollout of the plan instead.",
        (RolloutState.RollingBack, _) => "The rollout is rolling back; wait for the rollback to finish.",
        (_, RolloutTrigger.Start) => $"Only a pending rollout can start; this one is {Describe(state)}.",
        (RolloutState.Paused, RolloutTrigger.Pause) => "The rollout is already paused.",
        (_, RolloutTrigger.Pause) => $"Only a running rollout can be paused; this one is {Describe(state)}.",
        (RolloutState.Running, RolloutTrigger.Resume) => "The rollout is already running.",
        (_, RolloutTrigger.Resume) => $"Only a paused rollout can be resumed; this one is {Describe(state)}.",
        (_, RolloutTrigger.Promote) => $"Only a running or paused rollout can be promoted; this one is {Describe(state)}.",
        (_, RolloutTrigger.StepFinished) => $"Steps finish only while the rollout runs; this one is {Describe(state)}.",
        (_, RolloutTrigger.Finish) => $"Only a running rollout can succeed; this one is {Describe(state)}.",
        (RolloutState.Pending, RolloutTrigger.RollbackRequested) => "The rollout has not started, so there is nothing to roll back; cancel it instead.",
        (_, RolloutTrigger.RollbackRequested) => $"A {Describe(state)} rollout cannot be rolled back.",
        (_, RolloutTrigger.RollbackFinished) => $"Only a rollout that is rolling back can finish its rollback; this one is {Describe(state)}.",
        (RolloutState.Running, RolloutTrigger.Cancel) => "A running rollout cannot be cancelled mid-step; pause it first, or roll it back.",
        (_, RolloutTrigger.Cancel) => $"A {Describe(state)} rollout cannot be cancelled.",
        _ => $"A {Describe(state)} rollout cannot {trigger.ToString().ToLowerInvariant()}.",
    };

    public static string Describe(RolloutState state) => state switch
    {
        RolloutState.RollingBack => "rolling back",
        RolloutState.RolledBack => "rolled back",
        _ => state.ToString().ToLowerInvariant(),
    };
}
