using Mcp.Dashboard.Domain.Compatibility;

namespace Mcp.Dashboard.Domain.Tests.Compatibility;

public class VersionRangeTests
{
    [Theory]
    [InlineData("2.4.1", "2.4.1", true)]
    [InlineData("2.4.1", "2.4.2", false)]
    [InlineData("2.4.1", "2.4.1-rc.1", false)]
    [InlineData("2.5.0-rc.1", "2.5.0-rc.1", true)]
    public void Contains_ExactVersion_MatchesOnlyThatVersion(string range, string version, bool expected)
    {
        Assert.Equal(expected, VersionRange.Parse(range).Contains(PlatformVersion.Parse(version)));
    }

    [Theory]
    [InlineData("2.4.0", true)]
    [InlineData("2.4.17", true)]
    [InlineData("2.4.0-rc.1", true)]
    [InlineData("2.4.0-0", true)]
    [InlineData("2.3.99", false)]
    [InlineData("2.5.0", false)]
    [InlineData("2.5.0-rc.1", false)]
    [InlineData("3.4.0", false)]
    public void Contains_PatchWildcard_MatchesEveryVersionOfThatMinorIncludingPrereleases(string version, bool expected)
    {
        Assert.Equal(expected, VersionRange.Parse("2.4.x").Contains(PlatformVersion.Parse(version)));
    }

    [Theory]
    [InlineData("2.0.0", true)]
    [InlineData("2.99.3", true)]
    [InlineData("1.9.9", false)]
    [InlineData("3.0.0-alpha", false)]
    public void Contains_MinorWildcard_MatchesEveryVersionOfThatMajor(string version, bool expected)
    {
        Assert.Equal(expected, VersionRange.Parse("2.x").Contains(PlatformVersion.Parse(version)));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("*")]
    [InlineData("x.x.x")]
    public void Contains_AnyWildcard_MatchesEverything(string range)
    {
        var parsed = VersionRange.Parse(range);

        Assert.True(parsed.Contains(PlatformVersion.Parse("0.0.1-alpha")));
        Assert.True(parsed.Contains(PlatformVersion.Parse("99.0.0")));
        Assert.Equal(VersionRange.Any, parsed);
    }

    [Theory]
    [InlineData("2.2.9", false)]
    [InlineData("2.3.0-rc.1", false)]
    [InlineData("2.3.0", true)]
    [InlineData("2.4.9", true)]
    [InlineData("2.5.0-rc.1", true)] // precedes 2.5.0, so "< 2.5.0" holds
    [InlineData("2.5.0", false)]
    public void Contains_ComparatorRange_FollowsPrecedenceAtBothEnds(string version, bool expected)
    {
        Assert.Equal(expected, VersionRange.Parse(">=2.3.0 <2.5.0").Contains(PlatformVersion.Parse(version)));
    }

    [Fact]
    public void Contains_ExclusiveLowerAndInclusiveUpper_AreHonoured()
    {
        var range = VersionRange.Parse(">2.3.0 <=2.4.0");

        Assert.False(range.Contains(PlatformVersion.Parse("2.3.0")));
        Assert.True(range.Contains(PlatformVersion.Parse("2.3.1")));
        Assert.True(range.Contains(PlatformVersion.Parse("2.4.0")));
        Assert.False(range.Contains(PlatformVersion.Parse("2.4.1")));
    }

    [Fact]
    public void Contains_OverlappingComparators_AllMustHold()
    {
        var range = VersionRange.Parse(">=2.0.0 >=2.3.0 <3.0.0 <2.5.0");

        Assert.False(range.Contains(PlatformVersion.Parse("2.2.0")));
        Assert.True(range.Contains(PlatformVersion.Parse("2.4.0")));
        Assert.False(range.Contains(PlatformVersion.Parse("2.6.0")));
    }

    [Theory]
    [InlineData("2.4.1")]
    [InlineData("2.5.0-rc.1")]
    [InlineData("2.4.x")]
    [InlineData("2.x")]
    [InlineData("x")]
    [InlineData(">=2.3.0 <2.5.0")]
    [InlineData(">2.3.0 <=2.4.0")]
    [InlineData("=2.4.1")]
    [InlineData(">=2.5.0-0")]
    public void ToString_CanonicalSpelling_RoundTrips(string text)
    {
        var range = VersionRange.Parse(text);

        Assert.Equal(text, range.ToString());
        Assert.Equal(range, VersionRange.Parse(range.ToString()));
    }

    [Theory]
    [InlineData("2.4.*", "2.4.x")]
    [InlineData("2.X", "2.x")]
    [InlineData("2.x.x", "2.x")]
    [InlineData("*", "x")]
    [InlineData(" >= 2.3.0   < 2.5.0 ", ">=2.3.0 <2.5.0")]
    [InlineData(">=2.3.0, <2.5.0", ">=2.3.0 <2.5.0")]
    public void ToString_AlternativeSpelling_IsNormalized(string text, string canonical)
    {
        Assert.Equal(canonical, VersionRange.Parse(text).ToString());
    }

    [Theory]
    [InlineData("", "Enter a version range")]
    [InlineData("2.4", "'2.4' is incomplete: write 2.4.x for any 2.4 release, or 2.4.0 for exactly that version.")]
    [InlineData("2", "write 2.x for any 2 release, or 2.0.0")]
    [InlineData("2.x.1", "'1' comes after a wildcard, so write 2.x instead")]
    [InlineData("2.y", "'2.y' is not a full version")]
    [InlineData("02.x", "'02' must not have leading zeros or x")]
    [InlineData(">=2.3", "In '>=2.3': '2.3' is not a full version")]
    [InlineData(">=", "'>=' needs a version after it")]
    [InlineData("=>2.3.0", "'=>' is not a comparator; use >=, >, <=, < or =.")]
    [InlineData(">=2.3.0 2.5.0", "'2.5.0' has no comparator")]
    [InlineData("2.4.x <2.5.0", "only comparators can be combined")]
    [InlineData(">=2.5.0 <2.4.0", "matches no version: its lower bound is above its upper bound")]
    [InlineData(">2.4.0 <2.4.0", "matches no version")]
    public void TryParse_MalformedRange_FailsAndSaysWhy(string text, string expectedReason)
    {
        var parsed = VersionRange.TryParse(text, out var range, out var error);

        Assert.False(parsed);
        Assert.Null(range);
        Assert.Contains(expectedReason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedRange_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => VersionRange.Parse("2.4"));
    }

    [Fact]
    public void Exactly_Version_ContainsOnlyThatVersionAndSpellsIt()
    {
        var range = VersionRange.Exactly(PlatformVersion.Parse("2.4.1"));

        Assert.Equal("2.4.1", range.ToString());
        Assert.True(range.Contains(PlatformVersion.Parse("2.4.1")));
        Assert.False(range.Contains(PlatformVersion.Parse("2.4.2")));
    }

    [Theory]
    [InlineData("2.x", "2.4.x", true)]
    [InlineData("2.4.x", "2.x", false)]
    [InlineData(">=2.4.0-0 <2.5.0-0", "2.4.x", true)]
    [InlineData(">=2.4.0", "2.4.x", false)]
    [InlineData("x", ">=1.0.0", true)]
    [InlineData("2.4.x", "2.4.3", true)]
    public void Covers_ComparesTheSetsOfVersions(string outer, string inner, bool expected)
    {
        Assert.Equal(expected, VersionRange.Parse(outer).Covers(VersionRange.Parse(inner)));
    }
}
