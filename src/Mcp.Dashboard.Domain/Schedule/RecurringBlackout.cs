namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>
/// A blackout that repeats by an RFC 5545 rule on the wall clock of <see cref="Blackout.TimeZoneId"/>.
/// Each occurrence starts at a rule time and ends <see cref="Duration"/> later on the wall clock,
/// so "09:00 for 9 hours" ends at 18:00 local even on a daylight saving day, which is what
/// people booking office hours mean.
/// </summary>
public sealed class RecurringBlackout : Blackout
{
    internal RecurringBlackout(
        Guid id,
        string name,
        string? reason,
        string? environment,
        string timeZoneId,
        TimeZoneInfo zone,
        RecurrenceRule rule,
        DateTime start,
        TimeSpan duration)
        : base(id, name, reason, environment, timeZoneId, zone)
    {
        Rule = rule;
        Start = start;
        Duration = duration;
    }

    public RecurrenceRule Rule { get; }

    /// <summary>The series' first start on the zone's wall clock (the rule's DTSTART).</summary>
    public DateTime Start { get; }

    public TimeSpan Duration { get; }

    public override IEnumerable<BlackoutOccurrence> OccurrencesBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            yield break;
        }

        // Wall-clock order and instant order can differ by the length of a spring-forward gap
        // (02:30 is moved past 03:00), so stop a full day after the range rather than at its end.
        var lastLocalStart = WallClock.ToLocal(to, Zone);
        lastLocalStart = lastLocalStart < DateTime.MaxValue.AddDays(-1) ? lastLocalStart.AddDays(1) : DateTime.MaxValue;

        DateTimeOffset? previousStart = null;
        foreach (var localStart in Rule.LocalOccurrences(Start, Zone))
        {
            if (localStart > lastLocalStart || DateTime.MaxValue - localStart < Duration)
            {
                yield break;
            }

            var start = WallClock.ToInstant(localStart, Zone);
            if (start == previousStart)
            {
                continue;
            }

            previousStart = start;
            var end = WallClock.ToInstant(localStart + Duration, Zone);
            if (end <= start)
            {
                // Only when the start fell into a gap and the end did not: keep the exact length.
                end = start + Duration;
            }

            if (start < to && from < end)
            {
                yield return new BlackoutOccurrence(this, start, end);
            }
        }
    }
}
