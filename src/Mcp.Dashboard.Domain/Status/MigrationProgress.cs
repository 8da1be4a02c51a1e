using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Domain.Rollouts;

namespace Mcp.Dashboard.Domain.Status;

/// <summary>What the status page knows about one migration's live rollout (if any) and its window.</summary>
public sealed record MigrationFacts
{
    public RolloutState? Rollout { get; init; }

    /// <summary>The canary's share of traffic on the new version, in percent.</summary>
    public int CurrentWeight { get; init; }

    /// <summary>The step running now (or held), if any.</summary>
    public RolloutStep? CurrentStep { get; init; }

    public int StepCount { get; init; }

    /// <summary>The judge's latest outcome on the running step; null when nothing was judged yet.</summary>
    public CanaryOutcome? LatestVerdict { get; init; }

    public bool VerdictLowConfidence { get; init; }

    public DateTimeOffset? WindowStart { get; init; }

    public DateTimeOffset? WindowEnd { get; init; }

    public string ToVersion { get; init; } = "";

    public string FromVersion { get; init; } = "";
}

/// <summary>One migration as readers see it: its phase, one plain sentence, and what it does to its services.</summary>
public sealed record MigrationProgress(MigrationPhase Phase, StatusPhrase Headline, ComponentState ServiceState)
{
    /// <summary>
    /// The plain-language rules: no step numbers, verdict names or engineers' words, only what
    /// a reader needs (how much traffic is on the new version, whether checks look healthy,
    /// whether they must do anything).
    /// </summary>
    public static MigrationProgress Describe(MigrationFacts facts, DateTimeOffset now) => facts.Rollout switch
    {
        RolloutState.Running => Running(facts),
        RolloutState.Paused => new(MigrationPhase.Paused,
            facts.CurrentWeight is > 0 and < 100
                ? new("Paused with {0}% of traffic on the new version: the team is deciding what to do next.", facts.CurrentWeight)
                : new("Paused: the team is deciding what to do next. Services keep running."),
            facts.LatestVerdict == CanaryOutcome.Fail ? ComponentState.Degraded : ComponentState.UnderMaintenance),
        RolloutState.RollingBack => new(MigrationPhase.RollingBack,
            new("Going back to the previous version ({0}). No action needed.", facts.FromVersion), ComponentState.Degraded),
        RolloutState.RolledBack => new(MigrationPhase.RolledBack,
            new("Rolled back to the previous version ({0}). No action needed.", facts.FromVersion), ComponentState.RolledBack),
        RolloutState.Succeeded => new(MigrationPhase.Completed,
            new("Completed: all traffic is on version {0}.", facts.ToVersion), ComponentState.Operational),
        RolloutState.Failed => new(MigrationPhase.Stopped,
            new("Stopped before it finished. The team is looking into it."), ComponentState.Degraded),
        RolloutState.Cancelled => new(MigrationPhase.Stopped,
            new("Cancelled. Nothing was changed."), ComponentState.Operational),
        _ => Waiting(facts, now),
    };

    private static MigrationProgress Waiting(MigrationFacts facts, DateTimeOffset now)
    {
        if (facts.WindowStart is { } start && start > now)
        {
            return new(MigrationPhase.Upcoming, new("Planned maintenance. Nothing has changed yet."), ComponentState.Operational);
        }

        if (facts.WindowEnd is { } end && end > now)
        {
            return new(MigrationPhase.InProgress, new("The maintenance window is open; work has not started yet."), ComponentState.UnderMaintenance);
        }

        return new(MigrationPhase.Upcoming, new("Planned maintenance; the time is still being set."), ComponentState.Operational);
    }

    private static MigrationProgress Running(MigrationFacts facts)
    {
        var checks = facts.LatestVerdict switch
        {
            CanaryOutcome.Fail => Checks.Failing,
            CanaryOutcome.Marginal => Checks.Watched,
            CanaryOutcome.NoData => Checks.Gathering,
            CanaryOutcome.Pass when facts.VerdictLowConfidence => Checks.Gathering,
            _ => Checks.Healthy,
        };
        var state = checks == Checks.Failing ? ComponentState.Degraded : ComponentState.UnderMaintenance;
        var step = facts.CurrentStep;
        var phrase = step?.Action switch
        {
            RolloutAction.SetWeight when facts.CurrentWeight >= 100 => WithChecks("All traffic is on the new version", checks),
            RolloutAction.SetWeight or RolloutAction.Promote when facts.CurrentWeight is > 0 and < 100 =>
                WithChecks("{0}% of traffic on the new version", checks, facts.CurrentWeight),
            RolloutAction.DeployGreen => new StatusPhrase("The new version is being installed beside the current one. Nothing has moved yet."),
            RolloutAction.Verify => WithChecks("The new version is being checked before any traffic moves", checks),
            RolloutAction.Switch => new StatusPhrase("Traffic is moving to the new version now."),
            RolloutAction.KeepBlue => WithChecks("All traffic is on the new version; the previous one is kept ready", checks),
            RolloutAction.ReplaceBatch when step.Batch is { } batch => WithChecks("Updating servers, group {0} of {1}", checks, batch.Number, batch.Of),
            RolloutAction.Gate => new StatusPhrase("Final checks before the next part starts."),
            RolloutAction.Promote => new StatusPhrase("Finishing up: the new version is taking over."),
            _ => new StatusPhrase("Work in progress."),
        };
        return new(MigrationPhase.InProgress, phrase, state);
    }

    private enum Checks
    {
        Healthy,
        Gathering,
        Watched,
        Failing,
    }

    // The sentence's two halves are one template each, so translators see whole sentences.
    private static StatusPhrase WithChecks(string start, Checks checks, params object[] args) => new(checks switch
    {
        Checks.Healthy => start + ", all checks healthy.",
        Checks.Gathering => start + ", checks are still gathering data.",
        Checks.Watched => start + ", one check is being watched closely.",
        _ => start + ", checks show a problem: the team may roll it back.",
    }, args);
}
