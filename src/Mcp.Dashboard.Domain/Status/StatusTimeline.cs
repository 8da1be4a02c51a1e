using Mcp.Dashboard.Domain.Rollouts;

namespace Mcp.Dashboard.Domain.Status;

/// <summary>What an entry of a migration's public timeline is about (the Atom category too).</summary>
public enum TimelineKind
{
    Announced,
    WindowCancelled,
    Started,
    Step,
    Paused,
    Resumed,
    RollingBack,
    RolledBack,
    Completed,
    Stopped,
    Note,
}

/// <summary>
/// Turns the rollout's event log (written for engineers) into the public timeline. Kinds a
/// reader has no use for (verdict updates, fault injection, checklist ticks, target retries)
/// are left out rather than explained.
/// </summary>
public static class StatusTimeline
{
    /// <summary>The public entry for an event, or null when the event stays internal.</summary>
    /// <param name="kind">The event's dotted kind, e.g. <c>step.started</c>.</param>
    /// <param name="step">The step the event is about, when it names one.</param>
    /// <param name="fromVersion">The version a rollback returns to.</param>
    /// <param name="toVersion">The version being introduced.</param>
    public static (TimelineKind Kind, StatusPhrase Phrase)? Translate(string kind, RolloutStep? step, string fromVersion, string toVersion) => kind switch
    {
        "rollout.scheduled" => (TimelineKind.Announced, new("Scheduled: the work starts when the maintenance window opens.")),
        "rollout.rebooked" => (TimelineKind.Announced, new("Moved to the next maintenance window.")),
        "rollout.started" => (TimelineKind.Started, new("Work started.")),
        "step.started" => StepStarted(step),
        "rollout.paused" or "rollout.deadline" => (TimelineKind.Paused, new("Paused: the team is deciding what to do next.")),
        "rollout.resumed" => (TimelineKind.Resumed, new("Work resumed.")),
        "rollout.promoted" => (TimelineKind.Step, new("Moving ahead to the new version for everyone.")),
        "rollback.requested" => (TimelineKind.RollingBack, new("Going back to the previous version ({0}).", fromVersion)),
        "rollback.completed" => (TimelineKind.RolledBack, new("Rolled back to the previous version ({0}). No action needed.", fromVersion)),
        "rollout.succeeded" => (TimelineKind.Completed, new("Completed: all traffic is on version {0}.", toVersion)),
        "rollout.cancelled" => (TimelineKind.Stopped, new("Cancelled. Nothing was changed.")),
        _ => null,
    };

    private static (TimelineKind, StatusPhrase)? StepStarted(RolloutStep? step) => step?.Action switch
    {
        RolloutAction.SetWeight when step.Weight >= 100 => (TimelineKind.Step, new("All traffic moved to the new version.")),
        RolloutAction.SetWeight => (TimelineKind.Step, new("{0}% of traffic moved to the new version.", step.Weight ?? 0)),
        RolloutAction.DeployGreen => (TimelineKind.Step, new("The new version is being installed beside the current one.")),
        RolloutAction.Verify => (TimelineKind.Step, new("The new version is being checked before any traffic moves.")),
        RolloutAction.Switch => (TimelineKind.Step, new("Traffic moved to the new version.")),
        RolloutAction.ReplaceBatch when step.Batch is { } batch => (TimelineKind.Step, new("Updating servers, group {0} of {1}.", batch.Number, batch.Of)),
        RolloutAction.Promote => (TimelineKind.Step, new("Finishing up: the new version is taking over.")),

        // Gates and keep-warm periods change nothing a reader would notice.
        _ => null,
    };
}
