using System.Diagnostics;
using Mcp.Dashboard.Domain.Schedule;
using static Mcp.Dashboard.Domain.Tests.Schedule.Zones;

namespace Mcp.Dashboard.Domain.Tests.Schedule;

public sealed class RecurrenceRuleOccurrenceTests
{
    private static readonly TimeSpan Runaway = TimeSpan.FromSeconds(30);

    [Fact]
    public void Daily_WithIntervalAndCount_SkipsDaysAndStops()
    {
        AssertOccurrences(
            "FREQ=DAILY;INTERVAL=2;COUNT=4",
            "2026-01-01T09:00",
            "2026-01-01T09:00", "2026-01-03T09:00", "2026-01-05T09:00", "2026-01-07T09:00");
    }

    [Fact]
    public void Daily_UntilDate_IncludesTheWholeLastDay()
    {
        var occurrences = Occurrences("FREQ=DAILY;UNTIL=20260105", "2026-01-01T23:00");

        Assert.Equal(5, occurrences.Count);
        Assert.Equal(Local("2026-01-05T23:00"), occurrences[^1]);
    }

    [Fact]
    public void Daily_UntilLocalDateTime_IsInclusive()
    {
        var occurrences = Occurrences("FREQ=DAILY;UNTIL=20260103T090000", "2026-01-01T09:00");

        Assert.Equal([Local("2026-01-01T09:00"), Local("2026-01-02T09:00"), Local("2026-01-03T09:00")], occurrences);
    }

    [Fact]
    public void Daily_UntilUtc_IsComparedAsAnInstantInTheZone()
    {
        var rule = RecurrenceRule.Parse("FREQ=DAILY;UNTIL=20260103T010000Z");

        // 09:00 Shanghai is 01:00Z, so the 3rd is still in; 09:00 Berlin is 08:00Z, so it is out.
        Assert.Equal(3, rule.LocalOccurrences(Local("2026-01-01T09:00"), Shanghai).Count());
        Assert.Equal(2, rule.LocalOccurrences(Local("2026-01-01T09:00"), Berlin).Count());
    }

    [Fact]
    public void Daily_ByHourAndByMinute_ExpandsEachDayInOrder()
    {
        AssertOccurrences(
            "FREQ=DAILY;BYHOUR=17,9;BYMINUTE=30,0;COUNT=5",
            "2026-01-01T00:00",
            "2026-01-01T09:00", "2026-01-01T09:30", "2026-01-01T17:00", "2026-01-01T17:30", "2026-01-02T09:00");
    }

    [Fact]
    public void Daily_ByHourEarlierThanStart_StartsLaterThatDay()
    {
        AssertOccurrences("FREQ=DAILY;BYHOUR=8,20;COUNT=3", "2026-01-01T12:00", "2026-01-01T20:00", "2026-01-02T08:00", "2026-01-02T20:00");
    }

    [Fact]
    public void Daily_ByDay_LimitsToThoseWeekdays()
    {
        AssertOccurrences("FREQ=DAILY;BYDAY=SA,SU;COUNT=3", "2026-01-01T10:00", "2026-01-03T10:00", "2026-01-04T10:00", "2026-01-10T10:00");
    }

    [Fact]
    public void Daily_ByMonth_LimitsToThoseMonths()
    {
        var occurrences = Occurrences("FREQ=DAILY;BYMONTH=2;COUNT=30", "2026-01-30T10:00");

        Assert.Equal(Local("2026-02-01T10:00"), occurrences[0]);
        Assert.Equal(Local("2027-02-02T10:00"), occurrences[^1]);
    }

    [Fact]
    public void Weekly_ByDay_RepeatsThoseWeekdays()
    {
        AssertOccurrences(
            "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=5",
            "2026-01-05T10:00",
            "2026-01-05T10:00", "2026-01-07T10:00", "2026-01-09T10:00", "2026-01-12T10:00", "2026-01-14T10:00");
    }

    [Fact]
    public void Weekly_WithoutByDay_UsesTheStartWeekday()
    {
        AssertOccurrences("FREQ=WEEKLY;COUNT=3", "2026-01-07T10:00", "2026-01-07T10:00", "2026-01-14T10:00", "2026-01-21T10:00");
    }

    [Fact]
    public void Weekly_StartNotMatchingByDay_IsNotAnOccurrence()
    {
        var occurrences = Occurrences("FREQ=WEEKLY;BYDAY=MO;COUNT=2", "2026-01-04T09:00");

        Assert.Equal([Local("2026-01-05T09:00"), Local("2026-01-12T09:00")], occurrences);
    }

    [Fact]
    public void Weekly_IntervalTwoWithMondayWeekStart_MatchesRfc5545Example()
    {
        AssertOccurrences(
            "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO",
            "1997-08-05T09:00",
            "1997-08-05T09:00", "1997-08-10T09:00", "1997-08-19T09:00", "1997-08-24T09:00");
    }

    [Fact]
    public void Weekly_IntervalTwoWithSundayWeekStart_MatchesRfc5545Example()
    {
        AssertOccurrences(
            "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU",
            "1997-08-05T09:00",
            "1997-08-05T09:00", "1997-08-17T09:00", "1997-08-19T09:00", "1997-08-31T09:00");
    }

    [Fact]
    public void Monthly_LastFriday_FindsTheLastFridayOfEachMonth()
    {
        AssertOccurrences("FREQ=MONTHLY;BYDAY=-1FR;COUNT=3", "2026-01-01T22:00", "2026-01-30T22:00", "2026-02-27T22:00", "2026-03-27T22:00");
    }

    [Fact]
    public void Monthly_FirstMonday_FindsTheFirstMondayOfEachMonth()
    {
        AssertOccurrences("FREQ=MONTHLY;BYDAY=1MO;COUNT=3", "2026-01-01T22:00", "2026-01-05T22:00", "2026-02-02T22:00", "2026-03-02T22:00");
    }

    [Fact]
    public void Monthly_NegativeByMonthDay_CountsFromTheMonthEnd()
    {
        AssertOccurrences(
            "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=4",
            "2026-01-01T23:00",
            "2026-01-31T23:00", "2026-02-28T23:00", "2026-03-31T23:00", "2026-04-30T23:00");
    }

    [Fact]
    public void Monthly_OnTheThirtyFirst_SkipsShorterMonths()
    {
        AssertOccurrences("FREQ=MONTHLY;COUNT=4", "2026-01-31T08:00", "2026-01-31T08:00", "2026-03-31T08:00", "2026-05-31T08:00", "2026-07-31T08:00");
    }

    [Fact]
    public void Monthly_IntervalThree_IsQuarterly()
    {
        AssertOccurrences("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15;COUNT=3", "2026-01-01T08:00", "2026-01-15T08:00", "2026-04-15T08:00", "2026-07-15T08:00");
    }

    [Fact]
    public void Monthly_ByDayAndByMonthDay_MustBothMatch()
    {
        // Friday the 13th: BYDAY limits BYMONTHDAY when both are given.
        AssertOccurrences("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;COUNT=2", "2026-01-01T00:00", "2026-02-13T00:00", "2026-03-13T00:00");
    }

    [Fact]
    public void Monthly_BySetPositionMinusOne_PicksTheLastWorkday()
    {
        AssertOccurrences(
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3",
            "2026-01-01T18:00",
            "2026-01-30T18:00", "2026-02-27T18:00", "2026-03-31T18:00");
    }

    [Fact]
    public void Monthly_ByMonth_LimitsToThoseMonths()
    {
        AssertOccurrences("FREQ=MONTHLY;BYMONTH=6,12;BYDAY=1SA;COUNT=3", "2026-01-01T02:00", "2026-06-06T02:00", "2026-12-05T02:00", "2027-06-05T02:00");
    }

    [Fact]
    public void Yearly_ByMonthAndByMonthDay_GivesThatDateEachYear()
    {
        AssertOccurrences("FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=11;COUNT=2", "2026-01-01T00:00", "2026-11-11T00:00", "2027-11-11T00:00");
    }

    [Fact]
    public void Yearly_FromLeapDay_OnlyOccursInLeapYears()
    {
        AssertOccurrences("FREQ=YEARLY;COUNT=3", "2024-02-29T12:00", "2024-02-29T12:00", "2028-02-29T12:00", "2032-02-29T12:00");
    }

    [Fact]
    public void Yearly_ByMonthAndNegativeOrdinal_GivesTheEuropeanDstSunday()
    {
        AssertOccurrences("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;COUNT=3", "2026-01-01T01:00", "2026-03-29T01:00", "2027-03-28T01:00", "2028-03-26T01:00");
    }

    [Fact]
    public void Yearly_OrdinalWithoutByMonth_CountsWithinTheYear()
    {
        // RFC 5545 example: the 20th Monday of the year.
        AssertOccurrences("FREQ=YEARLY;BYDAY=20MO;COUNT=3", "1997-05-19T09:00", "1997-05-19T09:00", "1998-05-18T09:00", "1999-05-17T09:00");
    }

    [Fact]
    public void Yearly_WithInterval_SkipsYears()
    {
        AssertOccurrences("FREQ=YEARLY;INTERVAL=2;COUNT=3", "2026-06-01T00:00", "2026-06-01T00:00", "2028-06-01T00:00", "2030-06-01T00:00");
    }

    [Fact]
    public void Yearly_ByMonthDayWithoutByMonth_OccursEveryMonth()
    {
        AssertOccurrences("FREQ=YEARLY;BYMONTHDAY=1;COUNT=3", "2026-01-01T00:00", "2026-01-01T00:00", "2026-02-01T00:00", "2026-03-01T00:00");
    }

    [Fact]
    public void LocalOccurrences_WithoutCountOrUntil_IsLazyAndEndless()
    {
        var rule = RecurrenceRule.Parse("FREQ=DAILY");

        var thousandth = rule.LocalOccurrences(Local("2026-01-01T00:00")).Skip(999).First();

        Assert.Equal(Local("2026-01-01T00:00").AddDays(999), thousandth);
    }

    [Fact]
    public void LocalOccurrences_RuleThatNeverMatches_StopsScanning()
    {
        var rule = RecurrenceRule.Parse("FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30");
        var stopwatch = Stopwatch.StartNew();

        Assert.Empty(rule.LocalOccurrences(Local("2026-01-01T00:00")));
        // A guard against a runaway (a hang or quadratic blow-up), not a performance measure:
        // speed lives in the benchmarks, and a loaded CI machine must not fail this.
        Assert.True(stopwatch.Elapsed < Runaway, $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void LocalOccurrences_NearTheEndOfTime_StopsWithoutOverflow()
    {
        var occurrences = Occurrences("FREQ=WEEKLY;BYDAY=MO,FR", "9999-12-17T23:30");

        Assert.Equal([Local("9999-12-17T23:30"), Local("9999-12-20T23:30"), Local("9999-12-24T23:30"), Local("9999-12-27T23:30"), Local("9999-12-31T23:30")], occurrences);
    }

    [Fact]
    public void LocalOccurrences_WithSeconds_KeepsTheStartSeconds()
    {
        AssertOccurrences("FREQ=DAILY;BYHOUR=6;COUNT=1", "2026-01-01T00:00:15", "2026-01-01T06:00:15");
    }

    private static List<DateTime> Occurrences(string rule, string localStart) =>
        [.. RecurrenceRule.Parse(rule).LocalOccurrences(Local(localStart))];

    private static void AssertOccurrences(string rule, string localStart, params string[] expected)
    {
        Assert.Equal(expected.Select(Local), Occurrences(rule, localStart));
    }
}
