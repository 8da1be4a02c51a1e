using Mcp.Dashboard.Domain.Analysis;

namespace Mcp.Dashboard.Domain.Tests.Analysis;

public sealed class NormalTests
{
    // Reference values from Python's math.erfc (C library, correctly rounded to ~1 ulp).
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(3.0, 2.2090496998585438e-05)]
    [InlineData(5.0, 1.5374597944280351e-12)]
    [InlineData(-0.5, 1.5204998778130465)]
    public void Erfc_KnownPoints_MatchesReferenceToRelative1e12(double x, double expected)
    {
        Assert.Equal(expected, Normal.Erfc(x), expected * 1e-12);
    }

    [Fact]
    public void Cdf_At196_Is0975()
    {
        Assert.Equal(0.9750021048517795, Normal.Cdf(1.96), 1e-14);
    }

    [Fact]
    public void Quantile_Of0975_Is19599()
    {
        Assert.Equal(1.959963984540054, Normal.Quantile(0.975), 1e-12);
        Assert.Equal(-2.5758293035489, Normal.Quantile(0.005), 1e-10);
    }
}
