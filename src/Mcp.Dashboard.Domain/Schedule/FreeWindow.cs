namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>A suggested window with no conflicts, with the offsets of <see cref="TimeZoneId"/>.</summary>
public sealed record FreeWindow(DateTimeOffset Start, DateTimeOffset End, string TimeZoneId)
{
    /// <summary>"2026-02-03 00:00 to 02:00 Europe/Berlin".</summary>
    public override string ToString() =>
        WallClock.TryFindZone(TimeZoneId, out var zone)
            ? WallClock.FormatRange(Start, End, zone, TimeZoneId)
            : WallClock.FormatRange(Start, End, TimeZoneInfo.Utc, "UTC");
}
