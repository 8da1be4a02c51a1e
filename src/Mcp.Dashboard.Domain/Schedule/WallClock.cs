using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>
/// Converts between the wall-clock time people plan in and the instants the schedule stores,
/// following the RFC 5545 (section 3.3.5) rules for the hours that daylight saving time
/// skips or repeats.
/// </summary>
public static class WallClock
{
    /// <summary>
    /// The instant a wall-clock time in <paramref name="zone"/> denotes. A time inside a
    /// spring-forward gap does not exist; it is read with the offset in force before the gap,
    /// which moves it forward by the gap's length (02:30 in Berlin on 2026-03-29 becomes 03:30).
    /// A time inside a fall-back overlap happens twice; it means the first of the two.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        // Works only from instant-to-offset lookups. TimeZoneInfo.IsInvalidTime and IsAmbiguousTime
        // miss gaps and overlaps made by a change of base offset rather than by daylight saving
        // (Moscow 2011 and 2014, Samoa skipping 2011-12-30, Casablanca since 2018).
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Utc);

        // No zone changes its offset twice within a day, so the offsets in force a day either side
        // are the only ones this wall-clock time can have.
        var before = OffsetAt(AddDaysClamped(wall, -1), zone);
        var after = OffsetAt(AddDaysClamped(wall, 1), zone);

        // The larger offset gives the earlier instant: in a fall-back overlap both fit, and the
        // first pass through the repeated hour is the one meant.
        var (earlier, later) = before >= after ? (before, after) : (after, before);
        if (Fits(earlier))
        {
            return new DateTimeOffset(wall.Ticks, earlier);
        }

        if (Fits(later))
        {
            return new DateTimeOffset(wall.Ticks, later);
        }

        // In a spring-forward gap: read the time with the offset from before the gap, which lands
        // after the jump, moved forward by the gap's length.
        var utc = wall - before;
        return new DateTimeOffset(utc).ToOffset(OffsetAt(utc, zone));

        bool Fits(TimeSpan offset) => OffsetAt(wall - offset, zone) == offset;
    }

    /// <summary>
    /// The wall-clock reading of an instant in <paramref name="zone"/>, clamped to the
    /// <see cref="DateTime"/> range so "until forever" queries do not overflow.
    /// </summary>
    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var offset = zone.GetUtcOffset(instant.UtcDateTime);
        var ticks = Math.Clamp(instant.UtcTicks + offset.Ticks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
        return new DateTime(ticks, DateTimeKind.Unspecified);
    }

    /// <summary>An instant re-expressed with the offset <paramref name="zone"/> has at that instant.</summary>
    public static DateTimeOffset InZone(DateTimeOffset instant, TimeZoneInfo zone) =>
        instant.ToOffset(zone.GetUtcOffset(instant.UtcDateTime));

    /// <summary>"2026-11-10 00:00 to 2026-11-12 00:00 Asia/Shanghai", or "2026-02-02 09:00 to 18:00 Asia/Shanghai" within a day.</summary>
    public static string FormatRange(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone, string zoneId)
    {
        var localStart = ToLocal(start, zone);
        var localEnd = ToLocal(end, zone);
        var endFormat = localEnd.Date == localStart.Date ? "HH:mm" : "yyyy-MM-dd HH:mm";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{localStart:yyyy-MM-dd HH:mm} to {localEnd.ToString(endFormat, CultureInfo.InvariantCulture)} {zoneId}");
    }

    private static TimeSpan OffsetAt(DateTime utc, TimeZoneInfo zone) => zone.GetUtcOffset(utc);

    private static DateTime AddDaysClamped(DateTime utc, int days) =>
        new(Math.Clamp(utc.Ticks + (days * TimeSpan.TicksPerDay), DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);

    public static bool TryFindZone(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        return !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out zone);
    }
}
