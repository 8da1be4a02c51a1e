using Mcp.Dashboard.Domain.Rollouts;

namespace Mcp.Dashboard.Domain.Reports;

/// <summary>What a stretch of a rollout's time was spent on.</summary>
public enum PhaseKind
{
    /// <summary>Booked, waiting for its maintenance window to open.</summary>
    WaitingForWindow,

    /// <summary>A step's action on its way to the target, until the target confirmed it.</summary>
    Deploying,

    /// <summary>After the action: a canary bake, a blue-green verify or keep, a rolling interval, a gate.</summary>
    Baking,

    /// <summary>Held: by a person, the judge (a decision), a gate, a refused target or the window deadline.</summary>
    Paused,

    /// <summary>From the rollback request until the target took the rollback.</summary>
    RollingBack,

    /// <summary>From the start until the end (or now).</summary>
    Total,
}

/// <summary>One measured stretch; <see cref="StepIndex"/> is set for a step's deploying and baking.</summary>
public sealed record PhaseDuration(PhaseKind Kind, int? StepIndex, string Label, TimeSpan Duration);

/// <summary>A pause: from when it began to when it ended (null: still paused when the rollout ended or now).</summary>
public sealed record PauseSpan(DateTimeOffset From, DateTimeOffset? To);

/// <summary>Where a rollout's time went, from its stored steps and the pauses in its event log.</summary>
public static class RolloutPhases
{
    /// <summary>Event kinds after which a rollout holds before its next step.</summary>
    public static readonly IReadOnlySet<string> PauseStarts = new HashSet<string>(StringComparer.Ordinal)
    {
        "rollout.paused", "verdict.hold", "gate.waiting", "rollout.deadline",
    };

    /// <summary>Event kinds that end a pause: resumed, or the rollout stopped being one that can resume.</summary>
    public static readonly IReadOnlySet<string> PauseEnds = new HashSet<string>(StringComparer.Ordinal)
    {
        "rollout.resumed", "rollback.requested", "rollout.cancelled", "rollout.succeeded", "rollback.completed",
    };

    /// <summary>
    /// The pauses in an event log (oldest first). A step the target refused pauses too (that
    /// event names its step; a refused rollback, which does not pause, names none). A second
    /// pause while paused does not start another span.
    /// </summary>
    public static IReadOnlyList<PauseSpan> Pauses(IEnumerable<(DateTimeOffset At, string Kind, int? StepIndex)> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var spans = new List<PauseSpan>();
        DateTimeOffset? open = null;
        foreach (var (at, kind, stepIndex) in events)
        {
            var starts = PauseStarts.Contains(kind) || kind == "target.refused" && stepIndex is not null;
            if (starts && open is null)
            {
                open = at;
            }
            else if (PauseEnds.Contains(kind) && open is { } from)
            {
                spans.Add(new PauseSpan(from, at));
                open = null;
            }
        }

        if (open is { } still)
        {
            spans.Add(new PauseSpan(still, null));
        }

        return spans;
    }

    /// <summary>
    /// Measures the rollout: waiting for the window, each step's deploying and baking, pauses,
    /// the rollback and the total. A running step or an open pause is measured up to
    /// <paramref name="now"/>. Pauses overlap steps (a bake keeps its clock while paused), so
    /// the parts do not add up to the total, and are not meant to.
    /// </summary>
    public static IReadOnlyList<PhaseDuration> Measure(RolloutSnapshot rollout, DateTimeOffset bookedAt, IReadOnlyList<PauseSpan> pauses, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(pauses);
        var end = rollout.FinishedAt ?? now;
        var phases = new List<PhaseDuration>();
        if (rollout.StartedAt is { } started && started > bookedAt)
        {
            phases.Add(new PhaseDuration(PhaseKind.WaitingForWindow, null, "Waiting for the window", started - bookedAt));
        }

        foreach (var step in rollout.Steps.Where(s => s.StartedAt is not null).OrderBy(s => s.Step.Index))
        {
            var begun = step.StartedAt!.Value;
            var stepEnd = step.FinishedAt ?? end;
            var applied = step.ActionAppliedAt is { } at && at <= stepEnd ? at : stepEnd;
            var label = $"Step {step.Step.Index + 1}: {step.Step.Describe()}";
            phases.Add(new PhaseDuration(PhaseKind.Deploying, step.Step.Index, label, NonNegative(applied - begun)));
            if (step.ActionAppliedAt is not null)
            {
                phases.Add(new PhaseDuration(PhaseKind.Baking, step.Step.Index, label, NonNegative(stepEnd - applied)));
            }
        }

        var paused = pauses.Aggregate(TimeSpan.Zero, (sum, p) => sum + NonNegative((p.To ?? end) - p.From));
        if (paused > TimeSpan.Zero)
        {
            phases.Add(new PhaseDuration(PhaseKind.Paused, null, "Paused", paused));
        }

        if (rollout.RollbackRequestedAt is { } asked)
        {
            var rolledBack = rollout.State == RolloutState.RolledBack ? end : now;
            phases.Add(new PhaseDuration(PhaseKind.RollingBack, null, "Rolling back", NonNegative(rolledBack - asked)));
        }

        if (rollout.StartedAt is { } from)
        {
            phases.Add(new PhaseDuration(PhaseKind.Total, null, "Total", NonNegative(end - from)));
        }

        return phases;
    }

    /// <summary>The time per kind of phase, summed over the steps: what the insight page compares across rollouts.</summary>
    public static IReadOnlyDictionary<PhaseKind, TimeSpan> Totals(IEnumerable<PhaseDuration> phases) =>
        phases.GroupBy(p => p.Kind).ToDictionary(g => g.Key, g => g.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Duration));

    private static TimeSpan NonNegative(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;
}
