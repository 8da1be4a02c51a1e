namespace Mcp.Dashboard.Domain.Plans;

/// <summary>What can happen to a plan.</summary>
public enum PlanTrigger
{
    Submit,
    Approve,
    RequestChanges,
    Revise,
    Schedule,
    Unschedule,
    Start,
    Complete,
    RollBack,
    Cancel,
}

/// <summary>
/// The plan lifecycle as a table, so the UI can show exactly the buttons that will work and
/// the API can say why one does not.
/// </summary>
public static class PlanStateMachine
{
    private static readonly Dictionary<(PlanState, PlanTrigger), PlanState> Moves = new()
    {
        [(PlanState.Draft, PlanTrigger.Submit)] = PlanState.InReview,
        [(PlanState.Draft, PlanTrigger.Revise)] = PlanState.Draft,
        [(PlanState.InReview, PlanTrigger.Approve)] = PlanState.Approved,
        [(PlanState.InReview, PlanTrigger.RequestChanges)] = PlanState.Draft,
        [(PlanState.InReview, PlanTrigger.Revise)] = PlanState.InReview,

        // Editing an approved plan invalidates the approval: it goes back to review.
        [(PlanState.Approved, PlanTrigger.Revise)] = PlanState.InReview,
        [(PlanState.Scheduled, PlanTrigger.Revise)] = PlanState.InReview,
        [(PlanState.Approved, PlanTrigger.Schedule)] = PlanState.Scheduled,
        [(PlanState.Scheduled, PlanTrigger.Unschedule)] = PlanState.Approved,
        [(PlanState.Approved, PlanTrigger.Start)] = PlanState.Running,
        [(PlanState.Scheduled, PlanTrigger.Start)] = PlanState.Running,
        [(PlanState.Running, PlanTrigger.Complete)] = PlanState.Completed,
        [(PlanState.Running, PlanTrigger.RollBack)] = PlanState.RolledBack,

        [(PlanState.Draft, PlanTrigger.Cancel)] = PlanState.Cancelled,
        [(PlanState.InReview, PlanTrigger.Cancel)] = PlanState.Cancelled,
        [(PlanState.Approved, PlanTrigger.Cancel)] = PlanState.Cancelled,
        [(PlanState.Scheduled, PlanTrigger.Cancel)] = PlanState.Cancelled,
    };

    public static bool IsTerminal(PlanState state) =>
        state is PlanState.Completed or PlanState.RolledBack or PlanState.Cancelled;

    public static bool CanFire(PlanState state, PlanTrigger trigger) => Moves.ContainsKey((state, trigger));

    public static IReadOnlyList<PlanTrigger> PermittedTriggers(PlanState state) =>
        Moves.Keys.Where(k => k.Item1 == state).Select(k => k.Item2).ToList();

    /// <summary>The state after <paramref name="trigger"/>, or a violation that says why not.</summary>
    public static PlanState Fire(PlanState state, PlanTrigger trigger) =>
        Moves.TryGetValue((state, trigger), out var next) ? next : throw new PlanRuleViolation(WhyNot(state, trigger));

    private static string WhyNot(PlanState state, PlanTrigger trigger) => (state, trigger) switch
    {
        (_, PlanTrigger.Revise) when IsTerminal(state) => $"A {Describe(state)} plan is history and cannot be edited; copy it into a new plan instead.",
        (PlanState.Running, PlanTrigger.Revise) => "A running plan cannot be edited; pause or roll back the rollout first.",
        (_, PlanTrigger.Approve) => $"Only a plan in review can be approved; this one is {Describe(state)}.",
        (_, PlanTrigger.Submit) => $"Only a draft can be submitted for review; this one is {Describe(state)}.",
        (_, PlanTrigger.RequestChanges) => $"Only a plan in review can be sent back; this one is {Describe(state)}.",
        (_, PlanTrigger.Start) => $"Only an approved or scheduled plan can start; this one is {Describe(state)}.",
        (_, PlanTrigger.Cancel) => $"A {Describe(state)} plan cannot be cancelled.",
        _ => $"A {Describe(state)} plan cannot {trigger.ToString().ToLowerInvariant()}.",
    };

    public static string Describe(PlanState state) => state switch
    {
        PlanState.InReview => "in review",
        PlanState.RolledBack => "rolled back",
        _ => state.ToString().ToLowerInvariant(),
    };
}
