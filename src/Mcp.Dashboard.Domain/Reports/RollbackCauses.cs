using System.Text;

namespace Mcp.Dashboard.Domain.Reports;

/// <summary>Who or what asked for a rollback.</summary>
public enum RollbackCause
{
    /// <summary>The canary judge: a failed verdict or a failed batch health check.</summary>
    Judge,

    /// <summary>One of the plan's own rollback triggers ("error_rate above 2% for 60 s").</summary>
    PlanTrigger,

    /// <summary>The window closed with the rollout unfinished and the plan said roll back.</summary>
    WindowDeadline,

    /// <summary>A person pressed Roll back and said why.</summary>
    Manual,
}

/// <summary>One rollback as the insight page counts it.</summary>
/// <param name="Cause">Who or what asked for it.</param>
/// <param name="Key">What rollbacks are grouped by: the failing metrics, the trigger, or a person's reason, normalised.</param>
/// <param name="Example">The reason as written, for display (the latest of the group is shown).</param>
/// <param name="At">When it was asked for.</param>
public sealed record RollbackInstance(RollbackCause Cause, string Key, string Example, DateTimeOffset At);

/// <summary>Rollbacks with the same cause and key, counted.</summary>
public sealed record RollbackReasonGroup(RollbackCause Cause, string Key, string Example, int Count, DateTimeOffset LastAt);

/// <summary>Tells rollback causes apart and groups their reasons.</summary>
public static class RollbackCauses
{
    // The sentences the engine writes for automatic rollbacks (RolloutAnalysis.TriggerThatFired
    // and RolloutRunner.ApplyWindowDeadlineAsync). They are the only record of which automatic
    // path fired; the report tests (ReportScenario) run both paths through the real engine, so
    // a changed sentence fails a test.
    public const string TriggerPrefix = "The plan's rollback trigger fired: ";
    public const string DeadlineMarker = "the plan says roll back";

    public static RollbackCause Classify(string? requestedBy, string? reason, string judgeActor)
    {
        if (!string.Equals(requestedBy, judgeActor, StringComparison.OrdinalIgnoreCase))
        {
            return RollbackCause.Manual;
        }

        if (reason?.StartsWith(TriggerPrefix, StringComparison.Ordinal) == true)
        {
            return RollbackCause.PlanTrigger;
        }

        return reason?.Contains(DeadlineMarker, StringComparison.Ordinal) == true ? RollbackCause.WindowDeadline : RollbackCause.Judge;
    }

    /// <summary>
    /// The grouping key. The judge's sentences carry numbers that differ every time, so they are
    /// grouped by the metrics that failed; a trigger by what it watches; a person's reason by its
    /// words, ignoring case, spacing and final punctuation.
    /// </summary>
    public static string KeyFor(RollbackCause cause, string? reason, IEnumerable<string>? failedMetrics = null) => cause switch
    {
        RollbackCause.Judge => failedMetrics?.Where(m => !string.IsNullOrWhiteSpace(m)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } metrics
            ? string.Join(", ", metrics)
            : "verdict",
        RollbackCause.PlanTrigger => TriggerWhat(reason ?? ""),
        RollbackCause.WindowDeadline => "window closed",
        _ => Normalise(reason),
    };

    /// <summary>Groups rollbacks, most frequent first, then the most recent.</summary>
    public static IReadOnlyList<RollbackReasonGroup> Group(IEnumerable<RollbackInstance> rollbacks)
    {
        ArgumentNullException.ThrowIfNull(rollbacks);
        return rollbacks
            .GroupBy(r => (r.Cause, r.Key))
            .Select(g =>
            {
                var latest = g.MaxBy(r => r.At)!;
                return new RollbackReasonGroup(g.Key.Cause, g.Key.Key, latest.Example, g.Count(), latest.At);
            })
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.LastAt)
            .ToList();
    }

    private static string TriggerWhat(string reason)
    {
        var what = reason.StartsWith(TriggerPrefix, StringComparison.Ordinal) ? reason[TriggerPrefix.Length..] : reason;
        var end = what.IndexOf(" on the canary", StringComparison.Ordinal);
        return Normalise(end > 0 ? what[..end] : what);
    }

    private static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "(no reason given)";
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().TrimEnd('.', '!', '?', '。', '！', '？', ' ');
    }
}
