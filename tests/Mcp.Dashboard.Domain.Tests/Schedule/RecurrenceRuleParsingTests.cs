using Mcp.Dashboard.Domain.Schedule;

namespace Mcp.Dashboard.Domain.Tests.Schedule;

public sealed class RecurrenceRuleParsingTests
{
    [Theory]
    [InlineData("", "The rule is empty")]
    [InlineData("BYDAY=MO", "FREQ is required")]
    [InlineData("FREQ=DAILY;COUNT=3;UNTIL=20260101", "COUNT and UNTIL cannot both be given")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,XX", "BYDAY value 'XX' is not a weekday")]
    [InlineData("FREQ=WEEKLY;BYDAY=M", "BYDAY value 'M' is not a weekday")]
    [InlineData("FREQ=HOURLY", "FREQ=HOURLY is not supported")]
    [InlineData("FREQ=minutely", "FREQ=MINUTELY is not supported")]
    [InlineData("FREQ=FORTNIGHTLY", "FREQ value 'FORTNIGHTLY' is not a frequency")]
    [InlineData("FREQ=DAILY;INTERVAL=0", "INTERVAL value '0' is not a whole number of 1 or more")]
    [InlineData("FREQ=DAILY;COUNT=-1", "COUNT value '-1' is not a whole number of 1 or more")]
    [InlineData("FREQ=DAILY;UNTIL=2026-03-01", "UNTIL value '2026-03-01' is not a date")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY value '0' is not a day of the month")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=-32", "BYMONTHDAY value '-32' is not a day of the month")]
    [InlineData("FREQ=YEARLY;BYMONTH=13", "BYMONTH value '13' is not a month")]
    [InlineData("FREQ=DAILY;BYHOUR=24", "BYHOUR value '24' is not an hour")]
    [InlineData("FREQ=DAILY;BYHOUR=-1", "BYHOUR value '-1' is not an hour")]
    [InlineData("FREQ=DAILY;BYMINUTE=60", "BYMINUTE value '60' is not a minute")]
    [InlineData("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", "BYSETPOS value '0' is not a set position")]
    [InlineData("FREQ=WEEKLY;BYDAY=1MO", "BYDAY value '1MO' has an ordinal, which only FREQ=MONTHLY or FREQ=YEARLY allow")]
    [InlineData("FREQ=MONTHLY;BYDAY=0MO", "BYDAY value '0MO' has an ordinal that is not 1 to 53")]
    [InlineData("FREQ=YEARLY;BYDAY=54MO", "BYDAY value '54MO' has an ordinal that is not 1 to 53")]
    [InlineData("FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY cannot be used with FREQ=WEEKLY")]
    [InlineData("FREQ=DAILY;BYSETPOS=1", "BYSETPOS needs another BYxxx rule part")]
    [InlineData("FREQ=DAILY;FREQ=WEEKLY", "FREQ is given more than once")]
    [InlineData("FREQ=DAILY;BYWEEKNO=1", "BYWEEKNO is not supported")]
    [InlineData("FREQ=DAILY;BYYEARDAY=1", "BYYEARDAY is not supported")]
    [InlineData("FREQ=DAILY;COLOR=RED", "'COLOR' is not an RRULE part")]
    [InlineData("FREQ=DAILY;INTERVAL", "'INTERVAL' is not a rule part")]
    [InlineData("FREQ=DAILY;COUNT=", "COUNT has no value")]
    [InlineData("FREQ=WEEKLY;WKST=XX", "WKST value 'XX' is not a weekday")]
    public void TryParse_InvalidRule_GivesAReadableError(string text, string expected)
    {
        var parsed = RecurrenceRule.TryParse(text, out var rule, out var error);

        Assert.False(parsed);
        Assert.Null(rule);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidRule_ThrowsFormatExceptionWithTheError()
    {
        var exception = Assert.Throws<FormatException>(() => RecurrenceRule.Parse("FREQ=WEEKLY;BYDAY=XX"));

        Assert.StartsWith("BYDAY value 'XX' is not a weekday", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RRulePrefixAndLowerCase_AreAccepted()
    {
        var rule = RecurrenceRule.Parse("rrule:freq=weekly;byday=mo,fr;interval=2");

        Assert.Equal(RecurrenceFrequency.Weekly, rule.Frequency);
        Assert.Equal(2, rule.Interval);
        Assert.Equal([new RecurrenceWeekday(DayOfWeek.Monday), new RecurrenceWeekday(DayOfWeek.Friday)], rule.ByDay);
    }

    [Fact]
    public void Parse_AllSupportedParts_AreExposed()
    {
        var rule = RecurrenceRule.Parse("FREQ=YEARLY;COUNT=5;BYMONTH=3,10;BYDAY=-1SU;BYHOUR=1;BYMINUTE=30;BYSETPOS=1;WKST=SU");

        Assert.Equal(RecurrenceFrequency.Yearly, rule.Frequency);
        Assert.Equal(5, rule.Count);
        Assert.Equal([3, 10], rule.ByMonth);
        Assert.Equal([new RecurrenceWeekday(DayOfWeek.Sunday, -1)], rule.ByDay);
        Assert.Equal([1], rule.ByHour);
        Assert.Equal([30], rule.ByMinute);
        Assert.Equal([1], rule.BySetPosition);
        Assert.Equal(DayOfWeek.Sunday, rule.WeekStart);
    }

    [Fact]
    public void Parse_UntilUtcDateTime_IsUtc()
    {
        var rule = RecurrenceRule.Parse("FREQ=DAILY;UNTIL=20260301T000000Z");

        Assert.Equal(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), rule.Until);
        Assert.Equal(DateTimeKind.Utc, rule.Until!.Value.Kind);
        Assert.False(rule.UntilIsDate);
    }

    [Fact]
    public void Parse_UntilDate_IsAWholeDate()
    {
        var rule = RecurrenceRule.Parse("FREQ=DAILY;UNTIL=20260301");

        Assert.Equal(new DateTime(2026, 3, 1), rule.Until);
        Assert.True(rule.UntilIsDate);
    }

    [Theory]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")]
    [InlineData("FREQ=DAILY;COUNT=10;INTERVAL=2")]
    [InlineData("FREQ=MONTHLY;UNTIL=20260301T000000Z;BYDAY=-1FR")]
    [InlineData("FREQ=MONTHLY;UNTIL=20260301;BYMONTHDAY=-1,1,15")]
    [InlineData("FREQ=DAILY;UNTIL=20260301T120000")]
    [InlineData("FREQ=YEARLY;BYDAY=1MO;BYMONTH=11")]
    [InlineData("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1")]
    [InlineData("FREQ=DAILY;BYMINUTE=0,30;BYHOUR=9,17")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=SU")]
    public void ToString_CanonicalRule_RoundTrips(string text)
    {
        var rule = RecurrenceRule.Parse(text);

        Assert.Equal(text, rule.ToString());
        Assert.Equal(rule, RecurrenceRule.Parse(rule.ToString()));
    }

    [Fact]
    public void ToString_UnorderedRuleWithDefaults_IsNormalised()
    {
        var rule = RecurrenceRule.Parse("RRULE:BYDAY=FR,MO,FR;INTERVAL=1;WKST=MO;FREQ=WEEKLY;");

        Assert.Equal("FREQ=WEEKLY;BYDAY=MO,FR", rule.ToString());
    }

    [Fact]
    public void ToString_OrdinalWeekdays_AreOrderedMondayFirst()
    {
        Assert.Equal("FREQ=MONTHLY;BYDAY=1MO,-1FR", RecurrenceRule.Parse("FREQ=MONTHLY;BYDAY=-1FR,+1MO").ToString());
    }

    [Fact]
    public void Equals_SameRuleWrittenDifferently_IsEqual()
    {
        var first = RecurrenceRule.Parse("FREQ=WEEKLY;BYDAY=FR,MO");
        var second = RecurrenceRule.Parse("freq=weekly;byday=mo,fr");

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, RecurrenceRule.Parse("FREQ=WEEKLY;BYDAY=MO"));
    }

    [Fact]
    public void Parse_ThroughIParsable_Works()
    {
        Assert.Equal(RecurrenceFrequency.Daily, ParseAs<RecurrenceRule>("FREQ=DAILY").Frequency);
    }

    private static T ParseAs<T>(string text)
        where T : IParsable<T> => T.Parse(text, provider: null);
}
