namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>A blackout that happens once, between two instants (a Singles Day freeze, say).</summary>
public sealed class OneOffBlackout : Blackout
{
    internal OneOffBlackout(
        Guid id,
        string name,
        string? reason,
        string? environment,
        string timeZoneId,
        TimeZoneInfo zone,
        DateTimeOffset start,
        DateTimeOffset end)
        : base(id, name, reason, environment, timeZoneId, zone)
    {
        Start = start;
        End = end;
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public override IEnumerable<BlackoutOccurrence> OccurrencesBetween(DateTimeOffset from, DateTimeOffset to) =>
        Start < to && from < End
            ? [new BlackoutOccurrence(this, WallClock.InZone(Start, Zone), WallClock.InZone(End, Zone))]
            : [];
}
