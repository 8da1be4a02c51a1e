using Mcp.Dashboard.Domain.Schedule;
using static Mcp.Dashboard.Domain.Tests.Schedule.Zones;

namespace Mcp.Dashboard.Domain.Tests.Schedule;

public sealed class RecurrenceRuleDaylightSavingTests
{
    private static readonly RecurrenceRule Weekdays = RecurrenceRule.Parse("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");

    [Fact]
    public void Weekly_ByDay_AcrossBerlinSpringForward_KeepsLocalNineOClock()
    {
        var occurrences = Weekdays.Occurrences(Local("2026-03-26T09:00"), Berlin).Take(3).ToList();

        Assert.Equal([Utc("2026-03-26T08:00:00Z"), Utc("2026-03-27T08:00:00Z"), Utc("2026-03-30T07:00:00Z")], occurrences);
        Assert.All(occurrences, occurrence => Assert.Equal(9, occurrence.Hour));
    }

    [Fact]
    public void Weekly_ByDay_AcrossBerlinFallBack_KeepsLocalNineOClock()
    {
        var occurrences = Weekdays.Occurrences(Local("2026-10-23T09:00"), Berlin).Take(2).ToList();

        Assert.Equal([Utc("2026-10-23T07:00:00Z"), Utc("2026-10-26T08:00:00Z")], occurrences);
        Assert.All(occurrences, occurrence => Assert.Equal(9, occurrence.Hour));
    }

    [Fact]
    public void Daily_HalfPastTwo_OnBerlinSpringForwardDay_MovesToHalfPastThree()
    {
        var occurrences = RecurrenceRule.Parse("FREQ=DAILY;COUNT=3").Occurrences(Local("2026-03-28T02:30"), Berlin).ToList();

        Assert.Equal([Utc("2026-03-28T01:30:00Z"), Utc("2026-03-29T01:30:00Z"), Utc("2026-03-30T00:30:00Z")], occurrences);
        Assert.Equal(new DateTime(2026, 3, 29, 3, 30, 0), occurrences[1].DateTime);
    }

    [Fact]
    public void Daily_HalfPastTwo_OnBerlinFallBackDay_TakesTheFirstHalfPastTwo()
    {
        var occurrences = RecurrenceRule.Parse("FREQ=DAILY;COUNT=3").Occurrences(Local("2026-10-24T02:30"), Berlin).ToList();

        Assert.Equal([Utc("2026-10-24T00:30:00Z"), Utc("2026-10-25T00:30:00Z"), Utc("2026-10-26T01:30:00Z")], occurrences);
    }

    [Fact]
    public void Daily_HalfPastTwo_OnNewYorkSpringForwardDay_MovesToHalfPastThree()
    {
        var occurrences = RecurrenceRule.Parse("FREQ=DAILY;COUNT=3").Occurrences(Local("2026-03-07T02:30"), NewYork).ToList();

        Assert.Equal([Utc("2026-03-07T07:30:00Z"), Utc("2026-03-08T07:30:00Z"), Utc("2026-03-09T06:30:00Z")], occurrences);
        Assert.Equal(new DateTime(2026, 3, 8, 3, 30, 0), occurrences[1].DateTime);
        Assert.Equal(TimeSpan.FromHours(-4), occurrences[1].Offset);
    }

    [Fact]
    public void Weekly_Sunday130_OnNewYorkFallBackDay_TakesDaylightTime()
    {
        var occurrences = RecurrenceRule.Parse("FREQ=WEEKLY;COUNT=2").Occurrences(Local("2026-11-01T01:30"), NewYork).ToList();

        Assert.Equal([Utc("2026-11-01T05:30:00Z"), Utc("2026-11-08T06:30:00Z")], occurrences);
    }

    [Fact]
    public void Weekly_ByDay_InShanghai_IsAlwaysOneOClockUtc()
    {
        var occurrences = Weekdays.Occurrences(Local("2026-01-05T09:00"), Shanghai).Take(300).ToList();

        Assert.All(occurrences, occurrence => Assert.Equal(TimeSpan.FromHours(1), occurrence.UtcDateTime.TimeOfDay));
        Assert.Equal(Utc("2026-01-05T01:00:00Z"), occurrences[0]);
        Assert.Equal(Utc("2026-01-09T01:00:00Z"), occurrences[4]);
        Assert.Equal(Utc("2026-01-12T01:00:00Z"), occurrences[5]);
    }

    [Fact]
    public void Daily_TwoTimesInTheSameGap_AreReportedOnce()
    {
        // 02:00 and 03:00 in Berlin both mean 03:00 CEST on 2026-03-29.
        var occurrences = RecurrenceRule.Parse("FREQ=DAILY;BYHOUR=2,3;COUNT=6").Occurrences(Local("2026-03-28T00:00"), Berlin).ToList();

        Assert.Equal(
            [
                Utc("2026-03-28T01:00:00Z"), Utc("2026-03-28T02:00:00Z"),
                Utc("2026-03-29T01:00:00Z"),
                Utc("2026-03-30T00:00:00Z"), Utc("2026-03-30T01:00:00Z"),
            ],
            occurrences);
    }

    [Fact]
    public void LocalOccurrences_AcrossDst_StayOnTheWallClock()
    {
        var local = Weekdays.LocalOccurrences(Local("2026-03-26T09:00"), Berlin).Take(3);

        Assert.Equal([Local("2026-03-26T09:00"), Local("2026-03-27T09:00"), Local("2026-03-30T09:00")], local);
    }
}
