namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>
/// Suggests the next free maintenance windows for a plan. Works on intervals, not minutes:
/// the busy periods (every conflict over the search horizon, as the
/// <see cref="ScheduleConflictDetector"/> sees them) are merged and cut out of the allowed
/// hours, and suggestions are laid greedily, earliest first and without overlapping each other,
/// into what is left.
/// </summary>
public sealed class FreeWindowFinder
{
    private const int MaxCount = 100;
    private static readonly TimeSpan MaxHorizon = TimeSpan.FromDays(366);

    private readonly ScheduleConflictDetector _detector;

    public FreeWindowFinder(ScheduleConflictDetector detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        _detector = detector;
    }

    /// <summary>Up to <see cref="FreeWindowRequest.Count"/> conflict-free windows, in order.</summary>
    /// <exception cref="ScheduleValidationException">Keys <c>length</c>, <c>horizon</c>, <c>count</c>, <c>alignment</c>, <c>timeZone</c>.</exception>
    public IReadOnlyList<FreeWindow> FindFreeWindows(FreeWindowRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var zone = Check(request);
        var search = new InstantRange(request.SearchFrom, request.SearchFrom + request.Horizon);

        var scope = new CandidateWindow(request.PlanId, request.Environment, request.Services, search.Start, search.End);
        var busy = InstantRange.Merge(_detector.FindConflicts(scope).Select(conflict => new InstantRange(conflict.Start, conflict.End)));
        var allowed = request.PreferredHours.Count == 0
            ? [search]
            : InstantRange.Merge(PreferredRanges(request.PreferredHours, search, zone));

        var windows = new List<FreeWindow>(request.Count);
        foreach (var free in InstantRange.Subtract(allowed, busy))
        {
            var start = AlignUp(free.Start, request.Alignment, zone);
            while (windows.Count < request.Count && start + request.Length <= free.End)
            {
                var end = start + request.Length;
                windows.Add(new FreeWindow(WallClock.InZone(start, zone), WallClock.InZone(end, zone), request.TimeZoneId.Trim()));
                start = AlignUp(end, request.Alignment, zone);
            }

            if (windows.Count == request.Count)
            {
                break;
            }
        }

        return windows;
    }

    private static TimeZoneInfo Check(FreeWindowRequest request)
    {
        var errors = new FieldErrors();
        if (request.Length <= TimeSpan.Zero || request.Length > MaintenanceWindow.MaxLength)
        {
            errors.Add(ScheduleFieldNames.Length, "The window length must be longer than zero and at most 7 days.");
        }

        if (request.Horizon <= TimeSpan.Zero || request.Horizon > MaxHorizon)
        {
            errors.Add(ScheduleFieldNames.Horizon, "The search horizon must be longer than zero and at most 366 days.");
        }

        if (request.Count is < 1 or > MaxCount)
        {
            errors.Add(ScheduleFieldNames.Count, $"Ask for 1 to {MaxCount} suggestions.");
        }

        if (request.Alignment <= TimeSpan.Zero || TimeSpan.TicksPerDay % request.Alignment.Ticks != 0)
        {
            errors.Add(ScheduleFieldNames.Alignment, "The alignment must divide a day evenly, such as 15 or 30 minutes.");
        }

        var zone = errors.CheckTimeZone(request.TimeZoneId);
        errors.ThrowIfAny();
        return zone!;
    }

    /// <summary>
    /// The preferred daily ranges as instants over the search range. Each day's range is read on
    /// the wall clock, so 00:00-06:00 is five real hours on a spring-forward night.
    /// </summary>
    private static IEnumerable<InstantRange> PreferredRanges(IReadOnlyList<LocalTimeRange> hours, InstantRange search, TimeZoneInfo zone)
    {
        // Start a day early: a range that began yesterday evening may still be open.
        var firstDay = WallClock.ToLocal(search.Start, zone).Date.AddDays(-1);
        var lastDay = WallClock.ToLocal(search.End, zone).Date;
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            foreach (var range in hours)
            {
                var localStart = day + range.Start.ToTimeSpan();
                var start = WallClock.ToInstant(localStart, zone);
                var end = WallClock.ToInstant(localStart + range.Length, zone);
                var clipped = new InstantRange(Later(start, search.Start), Earlier(end, search.End));
                if (clipped.End > clipped.Start)
                {
                    yield return clipped;
                }
            }
        }
    }

    /// <summary>
    /// The first instant at or after <paramref name="instant"/> on the alignment grid of the zone's
    /// wall clock (on the hour and half hour in Berlin, but also in Kathmandu at +05:45).
    /// </summary>
    private static DateTimeOffset AlignUp(DateTimeOffset instant, TimeSpan alignment, TimeZoneInfo zone)
    {
        var localTicks = instant.UtcTicks + zone.GetUtcOffset(instant.UtcDateTime).Ticks;
        var remainder = localTicks % alignment.Ticks;
        return remainder == 0 ? instant : instant.AddTicks(alignment.Ticks - remainder);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
