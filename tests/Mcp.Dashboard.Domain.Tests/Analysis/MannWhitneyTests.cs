using Mcp.Dashboard.Domain.Analysis;

namespace Mcp.Dashboard.Domain.Tests.Analysis;

public sealed class MannWhitneyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Test_RandomSamplesWithTies_RankSumUEqualsBruteForcePairCount(int seed)
    {
        var random = new Random(seed);
        // Rounded values so that ties within and across samples are common.
        var baseline = Enumerable.Range(0, 23).Select(_ => (double)random.Next(0, 8)).ToArray();
        var canary = Enumerable.Range(0, 17).Select(_ => (double)random.Next(1, 9)).ToArray();

        var bruteForce = canary.Sum(c => baseline.Sum(b => c > b ? 1.0 : c == b ? 0.5 : 0.0));

        Assert.Equal(bruteForce, MannWhitney.Test(baseline, canary).U, 9);
    }

    [Fact]
    public void Test_RManualExample_GivesDocumentedUAndNormalApproximation()
    {
        // R's ?wilcox.test example: wilcox.test(x, y, alternative = "g") reports W = 35 (exact
        // one-sided p = 0.1272, so exact two-sided 0.2544). With x as baseline and y as canary,
        // U(canary) = 5 * 10 - 35 = 15. Normal approximation with continuity correction:
        // z = (|15 - 25| - 0.5) / sqrt(5 * 10 * 16 / 12) = 1.16351, p = erfc(z / sqrt 2) = 0.244624
        // (computed with Python's math.erfc), close to the exact 0.2544 as it should be.
        double[] x = [0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
        double[] y = [1.15, 0.88, 0.90, 0.74, 1.21];

        var result = MannWhitney.Test(x, y);

        Assert.Equal(15, result.U);
        Assert.Equal(-1.1635076278220096, result.Z, 1e-12);
        Assert.Equal(0.24462360512698333, result.PValue, 1e-12);
    }

    [Fact]
    public void Test_CompleteSeparationFiveByFive_MatchesNormalApproximation()
    {
        // Exact two-sided p is 2 / C(10,5) = 2/252 = 0.00794; the continuity-corrected normal
        // approximation is erfc(12 / sqrt(275/12) / sqrt 2) = 0.0121858 (slightly conservative).
        double[] baseline = [1, 2, 3, 4, 5];
        double[] canary = [6, 7, 8, 9, 10];

        var result = MannWhitney.Test(baseline, canary);

        Assert.Equal(25, result.U);
        Assert.Equal(0.012185780355344818, result.PValue, 1e-12);
    }

    [Fact]
    public void Test_TiesAcrossSamples_AppliesTieCorrection()
    {
        // Ties: value 3 four times, 4 three, 5 three, 2 twice, 7 twice: sum(t^3 - t) = 120.
        // Var(U) = 8*9/12 * (18 - 120/(17*16)) = 105.352941; U = 64.5 by counting pairs;
        // z = (64.5 - 36 - 0.5) / sqrt(Var) = 2.727939; p = 0.00637313 (Python math.erfc).
        double[] baseline = [1, 2, 2, 3, 3, 3, 4, 5];
        double[] canary = [3, 4, 4, 5, 5, 6, 7, 7, 8];

        var result = MannWhitney.Test(baseline, canary);

        Assert.Equal(64.5, result.U);
        Assert.Equal(2.727939278646863, result.Z, 1e-12);
        Assert.Equal(0.006373133838085877, result.PValue, 1e-12);
    }

    [Fact]
    public void Test_SwappedSamples_GiveSamePValueAndMirroredUAndShift()
    {
        var random = new Random(7);
        var a = Enumerable.Range(0, 15).Select(_ => random.NextDouble()).ToArray();
        var b = Enumerable.Range(0, 12).Select(_ => random.NextDouble() + 0.2).ToArray();

        var ab = MannWhitney.Test(a, b);
        var ba = MannWhitney.Test(b, a);

        Assert.Equal(ab.PValue, ba.PValue, 1e-15);
        Assert.Equal(a.Length * b.Length, ab.U + ba.U, 9);
        Assert.Equal(ab.Shift, -ba.Shift, 12);
        Assert.Equal(ab.ShiftLower, -ba.ShiftUpper, 12);
    }

    [Fact]
    public void Test_ConstantSeries_GivesPOneAndZeroShiftWithoutDividingByZero()
    {
        double[] same = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5];

        var result = MannWhitney.Test(same, same);

        Assert.Equal(1, result.PValue);
        Assert.Equal(0, result.Z);
        Assert.Equal(0, result.Shift);
        Assert.Equal(0, result.ShiftLower);
        Assert.Equal(0, result.ShiftUpper);
    }

    [Fact]
    public void Test_TwoDifferentConstants_AreSignificantWithExactShift()
    {
        var result = MannWhitney.Test(Enumerable.Repeat(1.0, 20).ToArray(), Enumerable.Repeat(3.0, 20).ToArray());

        Assert.True(result.PValue < 1e-6);
        Assert.Equal(2, result.Shift);
        Assert.Equal(2, result.ShiftLower);
        Assert.Equal(2, result.ShiftUpper);
    }

    [Fact]
    public void Test_SingleValues_GivePOneWhenEqual()
    {
        var result = MannWhitney.Test([4.0], [4.0]);

        Assert.Equal(1, result.PValue);
        Assert.Equal(0, result.Shift);
    }

    [Fact]
    public void HodgesLehmann_ThreeByThree_IsMedianOfPairwiseDifferences()
    {
        // Differences canary - baseline: {1,2,2,3,3,3,4,4,5}; median 3. With 9 pairs the 95%
        // interval index C = round(4.5 - 1.96 * sqrt(9*7/12)) = 0, clamped to 1: the full range.
        var (shift, lower, upper) = MannWhitney.HodgesLehmann([1, 2, 3], [4, 5, 6]);

        Assert.Equal(3, shift);
        Assert.Equal(1, lower);
        Assert.Equal(5, upper);
    }

    [Fact]
    public void HodgesLehmann_RandomSamples_MatchesBruteForceAndOrderStatisticInterval()
    {
        var random = new Random(11);
        var baseline = Enumerable.Range(0, 20).Select(_ => random.NextDouble()).ToArray();
        var canary = Enumerable.Range(0, 20).Select(_ => random.NextDouble() + 0.3).ToArray();
        var differences = canary.SelectMany(c => baseline.Select(b => c - b)).Order().ToArray();

        var (shift, lower, upper) = MannWhitney.HodgesLehmann(baseline, canary);

        // 400 pairs: median is the mean of the 200th and 201st; C = round(200 - 1.96 * sqrt(400*41/12)) = 128.
        Assert.Equal((differences[199] + differences[200]) / 2, shift, 12);
        Assert.Equal(differences[127], lower, 12);
        Assert.Equal(differences[400 - 128], upper, 12);
    }

    [Fact]
    public void HodgesLehmann_LargeInputs_AreSubsampledDeterministicallyAndStayAccurate()
    {
        var random = new Random(3);
        var baseline = Enumerable.Range(0, 20_000).Select(_ => random.NextDouble()).ToArray();
        var canary = Enumerable.Range(0, 20_000).Select(_ => random.NextDouble() + 0.1).ToArray();

        var first = MannWhitney.Test(baseline, canary);
        var second = MannWhitney.Test(baseline, canary);

        Assert.Equal(first, second);
        Assert.Equal(0.1, first.Shift, 0.02);
        Assert.InRange(0.1, first.ShiftLower, first.ShiftUpper);
        Assert.True(first.PValue < 1e-10);
    }
}
