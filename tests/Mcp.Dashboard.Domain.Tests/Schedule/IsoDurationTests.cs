using Mcp.Dashboard.Domain.Schedule;

namespace Mcp.Dashboard.Domain.Tests.Schedule;

public sealed class IsoDurationTests
{
    public static TheoryData<string, TimeSpan> ValidDurations => new()
    {
        { "PT9H", TimeSpan.FromHours(9) },
        { "P1D", TimeSpan.FromDays(1) },
        { "PT30M", TimeSpan.FromMinutes(30) },
        { "P1DT2H", TimeSpan.FromHours(26) },
        { "P2W", TimeSpan.FromDays(14) },
        { "P1DT2H30M15S", new TimeSpan(1, 2, 30, 15) },
        { "PT1.5H", TimeSpan.FromMinutes(90) },
        { "PT0,5S", TimeSpan.FromMilliseconds(500) },
        { "-PT1H", TimeSpan.FromHours(-1) },
        { "+PT1H", TimeSpan.FromHours(1) },
        { " pt9h ", TimeSpan.FromHours(9) },
        { "PT0S", TimeSpan.Zero },
    };

    [Theory]
    [MemberData(nameof(ValidDurations))]
    public void Parse_IsoText_GivesTheTimeSpan(string text, TimeSpan expected)
    {
        Assert.Equal(expected, IsoDuration.Parse(text).Value);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("9H", "must start with P")]
    [InlineData("P", "has no amount")]
    [InlineData("PT", "has no amount")]
    [InlineData("P1DT", "a T without hours")]
    [InlineData("P1Y", "years or months")]
    [InlineData("P2M", "years or months")]
    [InlineData("P1H", "needs a T")]
    [InlineData("PT1H2H", "repeats a unit")]
    [InlineData("PT30M1H", "out of order")]
    [InlineData("PT1.5H30M", "fraction")]
    [InlineData("PT9", "without a unit")]
    [InlineData("PTXH", "where a number was expected")]
    [InlineData("P99999999999D", "too long")]
    public void TryParse_InvalidText_ExplainsTheProblem(string text, string expectedFragment)
    {
        var parsed = IsoDuration.TryParse(text, out _, out var error);

        Assert.False(parsed);
        Assert.Contains(expectedFragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidText_ThrowsFormatExceptionWithTheReason()
    {
        var exception = Assert.Throws<FormatException>(() => IsoDuration.Parse("P1Y"));

        Assert.Contains("no fixed length", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(9 * 60, "PT9H")]
    [InlineData(24 * 60, "P1D")]
    [InlineData(30, "PT30M")]
    [InlineData(26 * 60, "P1DT2H")]
    [InlineData((26 * 60) + 45, "P1DT2H45M")]
    [InlineData(14 * 24 * 60, "P14D")]
    [InlineData(-60, "-PT1H")]
    [InlineData(0, "PT0S")]
    public void ToString_TimeSpan_GivesCanonicalIsoText(int minutes, string expected)
    {
        Assert.Equal(expected, new IsoDuration(TimeSpan.FromMinutes(minutes)).ToString());
    }

    [Fact]
    public void ToString_FractionalSeconds_KeepsTheFraction()
    {
        Assert.Equal("PT1.5S", IsoDuration.Format(TimeSpan.FromMilliseconds(1500)));
    }

    [Fact]
    public void Format_ExtremeTimeSpans_DoNotOverflow()
    {
        Assert.StartsWith("-P", IsoDuration.Format(TimeSpan.MinValue), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.MaxValue, IsoDuration.Parse(IsoDuration.Format(TimeSpan.MaxValue)).Value);
    }

    [Theory]
    [InlineData("PT9H")]
    [InlineData("P1DT2H30M")]
    [InlineData("P7D")]
    public void ToString_ParsedCanonicalText_RoundTrips(string text)
    {
        Assert.Equal(text, IsoDuration.Parse(text).ToString());
    }

    [Fact]
    public void Parse_ThroughIParsable_Works()
    {
        Assert.Equal(TimeSpan.FromHours(9), ParseAs<IsoDuration>("PT9H").Value);
    }

    private static T ParseAs<T>(string text)
        where T : IParsable<T> => T.Parse(text, provider: null);
}
