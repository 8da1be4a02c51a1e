namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>
/// Finds what a candidate maintenance window collides with: blackout occurrences that apply
/// to its environment, and other plans' windows in the same environment that touch the same
/// services or services tied to them by dependencies. Periods are half-open, so a window that
/// ends exactly when another starts does not conflict with it. Pure: no clock, no I/O.
/// </summary>
public sealed class ScheduleConflictDetector
{
    private readonly Blackout[] _blackouts;
    private readonly BookedWindow[] _bookedWindows;
    private readonly ServiceDependencyGraph _dependencies;

    public ScheduleConflictDetector(
        IEnumerable<Blackout> blackouts,
        IEnumerable<BookedWindow> bookedWindows,
        ServiceDependencyGraph dependencies)
    {
        ArgumentNullException.ThrowIfNull(blackouts);
        ArgumentNullException.ThrowIfNull(bookedWindows);
        ArgumentNullException.ThrowIfNull(dependencies);
        _blackouts = [.. blackouts];
        _bookedWindows = [.. bookedWindows];
        _dependencies = dependencies;
    }

    /// <summary>The conflicts of <paramref name="candidate"/>, ordered by start.</summary>
    public IReadOnlyList<ScheduleConflict> FindConflicts(CandidateWindow candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.End <= candidate.Start)
        {
            throw new ArgumentException("A candidate window must end after it starts.", nameof(candidate));
        }

        return [.. BlackoutConflicts(candidate)
            .Concat(WindowConflicts(candidate))
            .OrderBy(conflict => conflict.Start)
            .ThenBy(conflict => conflict.Kind)];
    }

    private IEnumerable<ScheduleConflict> BlackoutConflicts(CandidateWindow candidate) =>
        from blackout in _blackouts
        where blackout.AppliesTo(candidate.Environment)
        from occurrence in blackout.OccurrencesBetween(candidate.Start, candidate.End)
        select new ScheduleConflict(
            ScheduleConflictKind.Blackout,
            blackout.Id,
            blackout.Name,
            occurrence.Start,
            occurrence.End,
            $"overlaps blackout {occurrence}");

    private IEnumerable<ScheduleConflict> WindowConflicts(CandidateWindow candidate)
    {
        foreach (var window in _bookedWindows)
        {
            if (window.WindowId == candidate.WindowId || !(window.Start < candidate.End && candidate.Start < window.End))
            {
                continue;
            }

            var (zone, zoneId) = WallClock.TryFindZone(window.TimeZoneId, out var found)
                ? (found, window.TimeZoneId.Trim())
                : (TimeZoneInfo.Utc, "UTC");
            var when = WallClock.FormatRange(window.Start, window.End, zone, zoneId);

            // Two overlapping windows of one plan would make its rollout start twice.
            if (window.PlanId == candidate.PlanId)
            {
                yield return new ScheduleConflict(
                    ScheduleConflictKind.Window,
                    window.WindowId,
                    window.PlanName,
                    WallClock.InZone(window.Start, zone),
                    WallClock.InZone(window.End, zone),
                    $"overlaps this plan's own window ({when})");
                continue;
            }

            // Other environments share nothing; unrelated services do not collide.
            if (!string.Equals(window.Environment.Trim(), candidate.Environment.Trim(), StringComparison.OrdinalIgnoreCase)
                || !_dependencies.IsRelated(candidate.Services, window.Services, out var relation))
            {
                continue;
            }

            yield return new ScheduleConflict(
                ScheduleConflictKind.Window,
                window.WindowId,
                window.PlanName,
                WallClock.InZone(window.Start, zone),
                WallClock.InZone(window.End, zone),
                $"overlaps window of plan '{window.PlanName}' ({when}) which also touches {relation.Describe()}");
        }
    }
}
