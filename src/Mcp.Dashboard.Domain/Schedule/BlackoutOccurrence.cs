namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>One stretch of a <see cref="Blackout"/>, as instants with the offset of the blackout's zone.</summary>
public sealed record BlackoutOccurrence(Blackout Blackout, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>"'Singles Day freeze' (2026-11-10 00:00 to 2026-11-12 00:00 Asia/Shanghai)".</summary>
    public override string ToString() =>
        $"'{Blackout.Name}' ({WallClock.FormatRange(Start, End, Blackout.Zone, Blackout.TimeZoneId)})";
}
