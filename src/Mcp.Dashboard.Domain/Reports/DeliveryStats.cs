using Mcp.Dashboard.Domain.Rollouts;

namespace Mcp.Dashboard.Domain.Reports;

/// <summary>
/// How rollouts ended. The rate is succeeded over finished (succeeded, rolled back, failed);
/// a rollout cancelled before it started never ran, so it counts apart and not against the rate.
/// </summary>
public sealed record SuccessRate(int Succeeded, int RolledBack, int Failed, int Cancelled)
{
    public int Finished => Succeeded + RolledBack + Failed;

    /// <summary>0..1, or null when nothing finished (no rate is better than a made-up 0% or 100%).</summary>
    public double? Rate => Finished == 0 ? null : (double)Succeeded / Finished;

    public static SuccessRate Of(IEnumerable<RolloutState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        int succeeded = 0, rolledBack = 0, failed = 0, cancelled = 0;
        foreach (var state in states)
        {
            switch (state)
            {
                case RolloutState.Succeeded: succeeded++; break;
                case RolloutState.RolledBack: rolledBack++; break;
                case RolloutState.Failed: failed++; break;
                case RolloutState.Cancelled: cancelled++; break;
            }
        }

        return new SuccessRate(succeeded, rolledBack, failed, cancelled);
    }
}

/// <summary>Median and 90th percentile of a phase's time across rollouts of one strategy.</summary>
public sealed record PhaseStatistics(string Strategy, PhaseKind Phase, int Rollouts, TimeSpan Median, TimeSpan P90)
{
    public double MedianSeconds => Median.TotalSeconds;

    public double P90Seconds => P90.TotalSeconds;
}

public static class Percentiles
{
    /// <summary>
    /// The <paramref name="p"/>-th percentile (0..1) by linear interpolation between the closest
    /// ranks (the usual "type 7"); null for no values.
    /// </summary>
    public static double? Of(IEnumerable<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (p is < 0 or > 1 || double.IsNaN(p))
        {
            throw new ArgumentOutOfRangeException(nameof(p), "A percentile is between 0 and 1.");
        }

        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }

    /// <summary>
    /// Per strategy and phase, the median and p90 of each rollout's time in that phase. A
    /// rollout that never had a phase (no rollback, no pause) is not counted as zero in it.
    /// </summary>
    public static IReadOnlyList<PhaseStatistics> PerStrategy(IEnumerable<(string Strategy, IReadOnlyDictionary<PhaseKind, TimeSpan> Phases)> rollouts)
    {
        ArgumentNullException.ThrowIfNull(rollouts);
        return rollouts
            .SelectMany(r => r.Phases.Select(p => (r.Strategy, Phase: p.Key, Seconds: p.Value.TotalSeconds)))
            .GroupBy(x => (x.Strategy, x.Phase))
            .OrderBy(g => g.Key.Strategy, StringComparer.Ordinal).ThenBy(g => g.Key.Phase)
            .Select(g =>
            {
                var seconds = g.Select(x => x.Seconds).ToList();
                return new PhaseStatistics(g.Key.Strategy, g.Key.Phase, seconds.Count,
                    TimeSpan.FromSeconds(Math.Round(Of(seconds, 0.5)!.Value)), TimeSpan.FromSeconds(Math.Round(Of(seconds, 0.9)!.Value)));
            })
            .ToList();
    }
}
