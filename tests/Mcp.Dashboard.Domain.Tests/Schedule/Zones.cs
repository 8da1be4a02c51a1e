namespace Mcp.Dashboard.Domain.Tests.Schedule;

/// <summary>The IANA zones the schedule tests reason about.</summary>
internal static class Zones
{
    public static TimeZoneInfo Berlin { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static TimeZoneInfo NewYork { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static TimeZoneInfo Shanghai { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTimeOffset Utc(string isoInstant) => DateTimeOffset.Parse(isoInstant, System.Globalization.CultureInfo.InvariantCulture);

    public static DateTime Local(string isoLocal) =>
        DateTime.SpecifyKind(DateTime.Parse(isoLocal, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Unspecified);
}
