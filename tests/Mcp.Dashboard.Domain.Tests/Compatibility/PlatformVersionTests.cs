using Mcp.Dashboard.Domain.Compatibility;

namespace Mcp.Dashboard.Domain.Tests.Compatibility;

public class PlatformVersionTests
{
    [Fact]
    public void Parse_ReleaseVersion_ReadsEachPart()
    {
        var version = PlatformVersion.Parse("2.4.17");

        Assert.Equal((2, 4, 17), (version.Major, version.Minor, version.Patch));
        Assert.False(version.IsPrerelease);
        Assert.Equal("", version.Prerelease);
    }

    [Fact]
    public void Parse_PrereleaseVersion_KeepsTheTagWithoutItsDash()
    {
        var version = PlatformVersion.Parse("2.5.0-rc.1");

        Assert.True(version.IsPrerelease);
        Assert.Equal("rc.1", version.Prerelease);
    }

    [Fact]
    public void Parse_SurroundingWhitespace_IsIgnored()
    {
        Assert.Equal(new PlatformVersion(2, 4, 1), PlatformVersion.Parse("  2.4.1\t"));
    }

    [Theory]
    [InlineData("", "Enter a version")]
    [InlineData("2.4", "not a full version: expected major.minor.patch")]
    [InlineData("2.4.1.0", "not a full version")]
    [InlineData("2.4.x", "the patch part 'x' must be a number")]
    [InlineData("v2.4.1", "the major part 'v2' must be a number")]
    [InlineData("02.4.1", "the major part '02' must not have leading zeros")]
    [InlineData("2.4.99999999999", "the patch part '99999999999' is too large")]
    [InlineData("2.4.1-", "pre-release tag must be dot-separated identifiers")]
    [InlineData("2.4.1-rc..1", "pre-release tag must be dot-separated identifiers")]
    [InlineData("2.4.1-rc_1", "pre-release tag must be dot-separated identifiers")]
    [InlineData("2.4.1-rc.01", "'01' is a number with a leading zero")]
    [InlineData("2.4.1+build.5", "has build metadata")]
    public void TryParse_MalformedText_FailsAndSaysWhy(string text, string expectedReason)
    {
        var parsed = PlatformVersion.TryParse(text, out var version, out var error);

        Assert.False(parsed);
        Assert.Null(version);
        Assert.Contains(expectedReason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Null_FailsWithoutThrowing()
    {
        Assert.False(PlatformVersion.TryParse(null, out _));
    }

    [Fact]
    public void Parse_MalformedText_ThrowsFormatExceptionCarryingTheReason()
    {
        var exception = Assert.Throws<FormatException>(() => PlatformVersion.Parse("2.4"));

        Assert.Equal("'2.4' is not a full version: expected major.minor.patch, e.g. 2.4.1 or 2.5.0-rc.1.", exception.Message);
    }

    [Fact]
    public void CompareTo_SemVerSpecExample_OrdersByPrecedence()
    {
        // The precedence chain from SemVer 2.0 §11, plus release steps after it.
        string[] ascending =
        [
            "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
            "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "1.10.0", "2.0.0",
        ];
        var versions = ascending.Select(PlatformVersion.Parse).ToList();

        Assert.Equal(ascending, versions.AsEnumerable().Reverse().Order().Select(v => v.ToString()));
        for (var i = 0; i + 1 < versions.Count; i++)
        {
            Assert.True(versions[i] < versions[i + 1], $"{versions[i]} < {versions[i + 1]}");
            Assert.True(versions[i + 1] > versions[i], $"{versions[i + 1]} > {versions[i]}");
        }
    }

    [Fact]
    public void CompareTo_NumericPrereleaseIdentifiersBeyondLong_CompareAsNumbers()
    {
        var smaller = PlatformVersion.Parse("1.0.0-99999999999999999999");
        var larger = PlatformVersion.Parse("1.0.0-100000000000000000000");

        Assert.True(smaller < larger);
    }

    [Fact]
    public void Equality_SameVersion_IsEqualWithTheSameHashAndOperators()
    {
        var left = PlatformVersion.Parse("2.5.0-rc.1");
        var right = new PlatformVersion(2, 5, 0, "rc.1");

        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.True(left == right);
        Assert.True(left <= right && left >= right);
        Assert.Equal(0, left.CompareTo(right));
        Assert.NotEqual(left, PlatformVersion.Parse("2.5.0"));
    }

    [Theory]
    [InlineData("0.0.0")]
    [InlineData("2.4.1")]
    [InlineData("10.20.30-alpha-1.0.x-y")]
    public void ToString_ParsedVersion_RoundTrips(string text)
    {
        Assert.Equal(text, PlatformVersion.Parse(text).ToString());
    }

    [Fact]
    public void Constructor_InvalidPrerelease_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PlatformVersion(1, 0, 0, "rc..1"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PlatformVersion(-1, 0, 0));
    }
}
