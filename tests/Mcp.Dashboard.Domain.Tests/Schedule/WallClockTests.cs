using Mcp.Dashboard.Domain.Schedule;
using static Mcp.Dashboard.Domain.Tests.Schedule.Zones;

namespace Mcp.Dashboard.Domain.Tests.Schedule;

public sealed class WallClockTests
{
    [Fact]
    public void ToInstant_OrdinaryBerlinWinterTime_UsesStandardOffset()
    {
        var instant = WallClock.ToInstant(Local("2026-01-15T09:00"), Berlin);

        Assert.Equal(Utc("2026-01-15T08:00:00Z"), instant);
        Assert.Equal(TimeSpan.FromHours(1), instant.Offset);
    }

    [Fact]
    public void ToInstant_BerlinSpringForwardGap_ShiftsForwardByTheGap()
    {
        var instant = WallClock.ToInstant(Local("2026-03-29T02:30"), Berlin);

        Assert.Equal(Utc("2026-03-29T01:30:00Z"), instant);
        Assert.Equal(new DateTime(2026, 3, 29, 3, 30, 0), instant.DateTime);
        Assert.Equal(TimeSpan.FromHours(2), instant.Offset);
    }

    [Fact]
    public void ToInstant_BerlinFallBackOverlap_TakesTheFirstPass()
    {
        var instant = WallClock.ToInstant(Local("2026-10-25T02:30"), Berlin);

        Assert.Equal(Utc("2026-10-25T00:30:00Z"), instant);
        Assert.Equal(TimeSpan.FromHours(2), instant.Offset);
    }

    [Fact]
    public void ToInstant_NewYorkSpringForwardGap_ShiftsForwardByTheGap()
    {
        var instant = WallClock.ToInstant(Local("2026-03-08T02:30"), NewYork);

        Assert.Equal(Utc("2026-03-08T07:30:00Z"), instant);
        Assert.Equal(new DateTime(2026, 3, 8, 3, 30, 0), instant.DateTime);
    }

    [Fact]
    public void ToInstant_NewYorkFallBackOverlap_TakesDaylightOffset()
    {
        var instant = WallClock.ToInstant(Local("2026-11-01T01:30"), NewYork);

        Assert.Equal(Utc("2026-11-01T05:30:00Z"), instant);
        Assert.Equal(TimeSpan.FromHours(-4), instant.Offset);
    }

    [Fact]
    public void ToInstant_Shanghai_IsAlwaysEightHoursAhead()
    {
        Assert.Equal(Utc("2026-07-01T01:00:00Z"), WallClock.ToInstant(Local("2026-07-01T09:00"), Shanghai));
        Assert.Equal(Utc("2026-01-01T01:00:00Z"), WallClock.ToInstant(Local("2026-01-01T09:00"), Shanghai));
    }

    [Theory]
    [InlineData("Pacific/Apia", "2011-12-30T09:00", "2011-12-30T19:00:00Z")]
    [InlineData("Europe/Moscow", "2014-10-26T01:30", "2014-10-25T21:30:00Z")]
    [InlineData("Africa/Casablanca", "2026-03-22T02:30", "2026-03-22T02:30:00Z")]
    [InlineData("Africa/Casablanca", "2026-02-15T02:30", "2026-02-15T01:30:00Z")]
    [InlineData("Australia/Lord_Howe", "2026-10-04T02:15", "2026-10-03T15:45:00Z")]
    [InlineData("Australia/Lord_Howe", "2026-04-05T01:45", "2026-04-04T14:45:00Z")]
    public void ToInstant_OffsetChangesOtherThanPlainDst_FollowTheSameRules(string zoneId, string local, string expected)
    {
        // A skipped day (Samoa), a change of standard offset (Moscow), a negative "DST" for
        // Ramadan (Casablanca) and a half-hour shift (Lord Howe): gaps move forward, overlaps take
        // the first pass, as with ordinary daylight saving.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);

        Assert.Equal(Utc(expected), WallClock.ToInstant(Local(local), zone));
    }

    [Fact]
    public void ToInstant_IgnoresTheKindOfTheDateTime()
    {
        var utcKind = new DateTime(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc);

        Assert.Equal(Utc("2026-01-15T08:00:00Z"), WallClock.ToInstant(utcKind, Berlin));
    }

    [Fact]
    public void ToLocal_EndOfTime_ClampsInsteadOfOverflowing()
    {
        Assert.Equal(DateTime.MaxValue, WallClock.ToLocal(DateTimeOffset.MaxValue, Shanghai));
        Assert.Equal(DateTime.MinValue, WallClock.ToLocal(DateTimeOffset.MinValue, NewYork));
    }

    [Fact]
    public void FormatRange_SameLocalDay_WritesTheEndTimeOnly()
    {
        var text = WallClock.FormatRange(Utc("2026-02-02T01:00:00Z"), Utc("2026-02-02T10:00:00Z"), Shanghai, "Asia/Shanghai");

        Assert.Equal("2026-02-02 09:00 to 18:00 Asia/Shanghai", text);
    }

    [Fact]
    public void FormatRange_AcrossDays_WritesBothDates()
    {
        var text = WallClock.FormatRange(Utc("2026-11-09T16:00:00Z"), Utc("2026-11-11T16:00:00Z"), Shanghai, "Asia/Shanghai");

        Assert.Equal("2026-11-10 00:00 to 2026-11-12 00:00 Asia/Shanghai", text);
    }
}
