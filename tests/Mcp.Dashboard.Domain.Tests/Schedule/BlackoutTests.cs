using Mcp.Dashboard.Domain.Schedule;
using static Mcp.Dashboard.Domain.Tests.Schedule.Zones;

namespace Mcp.Dashboard.Domain.Tests.Schedule;

public sealed class BlackoutTests
{
    /// <summary>The product's example: weekdays 09:00 to 18:00 Shanghai time.</summary>
    private static RecurringBlackout ShanghaiOfficeHours(string? environment = null) =>
        Blackout.Recurring(
            Guid.NewGuid(),
            "Office hours",
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
            Local("2026-01-05T09:00"),
            IsoDuration.Parse("PT9H").Value,
            "Asia/Shanghai",
            environment);

    [Fact]
    public void Recurring_WeekdayOfficeHours_BlocksElevenOClockShanghaiOnMonday()
    {
        var occurrences = ShanghaiOfficeHours().OccurrencesBetween(Utc("2026-02-02T03:00:00Z"), Utc("2026-02-02T04:00:00Z")).ToList();

        var occurrence = Assert.Single(occurrences);
        Assert.Equal(Utc("2026-02-02T01:00:00Z"), occurrence.Start);
        Assert.Equal(Utc("2026-02-02T10:00:00Z"), occurrence.End);
        Assert.Equal(TimeSpan.FromHours(8), occurrence.Start.Offset);
    }

    [Fact]
    public void Recurring_WeekdayOfficeHours_DoesNotBlockSevenInTheEveningShanghai()
    {
        Assert.Empty(ShanghaiOfficeHours().OccurrencesBetween(Utc("2026-02-02T11:00:00Z"), Utc("2026-02-02T12:00:00Z")));
    }

    [Fact]
    public void Recurring_WeekdayOfficeHours_DoesNotBlockSaturday()
    {
        Assert.Empty(ShanghaiOfficeHours().OccurrencesBetween(Utc("2026-02-07T03:00:00Z"), Utc("2026-02-07T04:00:00Z")));
    }

    [Fact]
    public void Recurring_RangeEndingWhenAnOccurrenceStarts_DoesNotIncludeIt()
    {
        // 09:00 Shanghai is 01:00Z; half-open ranges only touch.
        Assert.Empty(ShanghaiOfficeHours().OccurrencesBetween(Utc("2026-02-02T00:00:00Z"), Utc("2026-02-02T01:00:00Z")));
        Assert.Empty(ShanghaiOfficeHours().OccurrencesBetween(Utc("2026-02-02T10:00:00Z"), Utc("2026-02-02T11:00:00Z")));
    }

    [Fact]
    public void Recurring_OverAWeek_GivesFiveOccurrencesInOrder()
    {
        var occurrences = ShanghaiOfficeHours().OccurrencesBetween(Utc("2026-02-01T00:00:00Z"), Utc("2026-02-08T00:00:00Z")).ToList();

        Assert.Equal(
            ["2026-02-02", "2026-02-03", "2026-02-04", "2026-02-05", "2026-02-06"],
            occurrences.Select(occurrence => occurrence.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Recurring_BeforeTheSeriesStarts_HasNoOccurrences()
    {
        Assert.Empty(ShanghaiOfficeHours().OccurrencesBetween(Utc("2025-12-01T00:00:00Z"), Utc("2026-01-05T00:00:00Z")));
    }

    [Fact]
    public void Recurring_NightlyBlackoutOnSpringForwardNight_EndsAtTheWallClockEnd()
    {
        var nightly = Blackout.Recurring(Guid.NewGuid(), "Batch jobs", "FREQ=DAILY", Local("2026-03-01T00:00"), TimeSpan.FromHours(6), "Europe/Berlin");

        var occurrence = Assert.Single(nightly.OccurrencesBetween(Utc("2026-03-29T01:00:00Z"), Utc("2026-03-29T02:00:00Z")));

        Assert.Equal(Utc("2026-03-28T23:00:00Z"), occurrence.Start);
        Assert.Equal(Utc("2026-03-29T04:00:00Z"), occurrence.End);
        Assert.Equal(6, occurrence.End.Hour);
    }

    [Fact]
    public void Recurring_WithRuleObject_BehavesLikeRuleText()
    {
        var rule = RecurrenceRule.Parse("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
        var blackout = Blackout.Recurring(Guid.NewGuid(), "Office hours", rule, Local("2026-01-05T09:00"), TimeSpan.FromHours(9), "Asia/Shanghai");

        Assert.Same(rule, blackout.Rule);
        Assert.Single(blackout.OccurrencesBetween(Utc("2026-02-02T03:00:00Z"), Utc("2026-02-02T04:00:00Z")));
    }

    [Fact]
    public void OneOff_OverlappingRange_GivesItsOnlyOccurrence()
    {
        var freeze = Blackout.OneOff(Guid.NewGuid(), "Singles Day freeze", Utc("2026-11-09T16:00:00Z"), Utc("2026-11-11T16:00:00Z"), "Asia/Shanghai");

        var occurrence = Assert.Single(freeze.OccurrencesBetween(Utc("2026-11-10T12:00:00Z"), Utc("2026-11-10T14:00:00Z")));

        Assert.Same(freeze, occurrence.Blackout);
        Assert.Equal(new DateTime(2026, 11, 10, 0, 0, 0), occurrence.Start.DateTime);
        Assert.Equal("'Singles Day freeze' (2026-11-10 00:00 to 2026-11-12 00:00 Asia/Shanghai)", occurrence.ToString());
    }

    [Fact]
    public void OneOff_RangeBeforeOrTouching_HasNoOccurrence()
    {
        var freeze = Blackout.OneOff(Guid.NewGuid(), "Freeze", Utc("2026-11-10T00:00:00Z"), Utc("2026-11-12T00:00:00Z"));

        Assert.Empty(freeze.OccurrencesBetween(Utc("2026-11-09T00:00:00Z"), Utc("2026-11-10T00:00:00Z")));
        Assert.Empty(freeze.OccurrencesBetween(Utc("2026-11-12T00:00:00Z"), Utc("2026-11-13T00:00:00Z")));
    }

    [Theory]
    [InlineData(null, "prod", true)]
    [InlineData("prod", "prod", true)]
    [InlineData("prod", "PROD", true)]
    [InlineData("prod", "staging", false)]
    public void AppliesTo_Environment_FollowsTheScope(string? scope, string environment, bool expected)
    {
        Assert.Equal(expected, ShanghaiOfficeHours(scope).AppliesTo(environment));
    }

    [Fact]
    public void OneOff_EndBeforeStart_IsRejectedUnderEnd()
    {
        var exception = Assert.Throws<ScheduleValidationException>(
            () => Blackout.OneOff(Guid.NewGuid(), "Freeze", Utc("2026-11-12T00:00:00Z"), Utc("2026-11-10T00:00:00Z")));

        Assert.Equal([ScheduleFieldNames.End], exception.Errors.Keys);
        Assert.Contains("after the start", exception.Errors[ScheduleFieldNames.End][0], StringComparison.Ordinal);
    }

    [Fact]
    public void OneOff_SeveralProblems_AreAllReportedByField()
    {
        var exception = Assert.Throws<ScheduleValidationException>(
            () => Blackout.OneOff(Guid.NewGuid(), " ", Utc("2026-11-10T00:00:00Z"), Utc("2027-11-12T00:00:00Z"), "Mars/Olympus_Mons", environment: ""));

        Assert.Equal(
            [ScheduleFieldNames.End, ScheduleFieldNames.Environment, ScheduleFieldNames.Name, ScheduleFieldNames.TimeZone],
            exception.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("'Mars/Olympus_Mons' is not a known IANA time zone id", exception.Errors[ScheduleFieldNames.TimeZone][0], StringComparison.Ordinal);
        Assert.Contains("366 days", exception.Errors[ScheduleFieldNames.End][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Recurring_BadRule_IsRejectedUnderRuleWithTheParserMessage()
    {
        var exception = Assert.Throws<ScheduleValidationException>(
            () => Blackout.Recurring(Guid.NewGuid(), "Office hours", "FREQ=WEEKLY;BYDAY=XX", Local("2026-01-05T09:00"), TimeSpan.FromHours(9), "Asia/Shanghai"));

        Assert.StartsWith("BYDAY value 'XX' is not a weekday", exception.Errors[ScheduleFieldNames.Rule][0], StringComparison.Ordinal);
        Assert.Contains("rule: BYDAY value 'XX'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(367 * 24 * 60)]
    public void Recurring_DurationNotPositiveOrOverAYear_IsRejectedUnderDuration(int minutes)
    {
        var exception = Assert.Throws<ScheduleValidationException>(
            () => Blackout.Recurring(Guid.NewGuid(), "Office hours", "FREQ=DAILY", Local("2026-01-05T09:00"), TimeSpan.FromMinutes(minutes), "Asia/Shanghai"));

        Assert.Equal([ScheduleFieldNames.Duration], exception.Errors.Keys);
    }

    [Fact]
    public void Recurring_UnknownZoneAndUtcStart_AreRejected()
    {
        var utcStart = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

        var exception = Assert.Throws<ScheduleValidationException>(
            () => Blackout.Recurring(Guid.NewGuid(), "Office hours", "FREQ=DAILY", utcStart, TimeSpan.FromHours(1), "Asia/Atlantis"));

        Assert.Equal([ScheduleFieldNames.Start, ScheduleFieldNames.TimeZone], exception.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Recurring_ValidInput_KeepsWhatWasGiven()
    {
        var id = Guid.NewGuid();

        var blackout = Blackout.Recurring(id, " Office hours ", "rrule:freq=daily", Local("2026-01-05T09:00"), TimeSpan.FromHours(9), "Asia/Shanghai", "prod", "Trading day");

        Assert.Equal(id, blackout.Id);
        Assert.Equal("Office hours", blackout.Name);
        Assert.Equal("Trading day", blackout.Reason);
        Assert.Equal("prod", blackout.Environment);
        Assert.Equal("Asia/Shanghai", blackout.TimeZoneId);
        Assert.Equal("FREQ=DAILY", blackout.Rule.ToString());
        Assert.Equal(Local("2026-01-05T09:00"), blackout.Start);
        Assert.Equal(TimeSpan.FromHours(9), blackout.Duration);
    }

    [Theory]
    [InlineData("Asia/Shanghai", true)]
    [InlineData("Europe/Berlin", true)]
    [InlineData("America/New_York", true)]
    [InlineData("UTC", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TryFindTimeZone_IanaId_FindsKnownZonesOnly(string? id, bool expected)
    {
        var found = Blackout.TryFindTimeZone(id, out var zone);

        Assert.Equal(expected, found);
        Assert.Equal(expected, zone is not null);
    }
}
