namespace Mcp.Dashboard.Domain.Analysis;

/// <summary>The outcome of comparing a canary sample with a baseline sample.</summary>
/// <param name="U">Mann-Whitney U of the canary: pairs where canary &gt; baseline, ties counting half.</param>
/// <param name="Z">The continuity-corrected, tie-corrected normal score (0 when there is no spread).</param>
/// <param name="PValue">Two-sided p-value of the normal approximation.</param>
/// <param name="Shift">Hodges-Lehmann estimate of canary - baseline.</param>
/// <param name="ShiftLower">Lower end of the confidence interval for the shift.</param>
/// <param name="ShiftUpper">Upper end of the confidence interval for the shift.</param>
/// <param name="Confidence">The interval's confidence, e.g. 0.95.</param>
/// <param name="BaselineCount">Number of baseline values.</param>
/// <param name="CanaryCount">Number of canary values.</param>
public sealed record MannWhitneyResult(
    double U,
    double Z,
    double PValue,
    double Shift,
    double ShiftLower,
    double ShiftUpper,
    double Confidence,
    int BaselineCount,
    int CanaryCount);

/// <summary>
/// Two-sided Mann-Whitney U test with the Hodges-Lehmann shift, as Kayenta's MannWhitney
/// classifier does it. Rank-based, so it makes no normality assumption about latency or
/// error-rate samples, which are skewed and full of ties.
/// </summary>
public static class MannWhitney
{
    /// <summary>
    /// Above this many values per side the pairwise differences (n1*n2 of them) are computed
    /// on an evenly spaced quantile subsample, keeping the estimate at 62,500 pairs at most.
    /// </summary>
    public const int MaxPairwiseSide = 250;

    public static MannWhitneyResult Test(IReadOnlyList<double> baseline, IReadOnlyList<double> canary, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(canary);
        if (baseline.Count == 0 || canary.Count == 0)
        {
            throw new ArgumentException("Both samples need at least one value.");
        }

        if (confidence <= 0 || confidence >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence must be strictly between 0 and 1.");
        }

        if (baseline.Any(double.IsNaN) || canary.Any(double.IsNaN))
        {
            throw new ArgumentException("Samples must not contain NaN.");
        }

        var n1 = baseline.Count;
        var n2 = canary.Count;
        var (u, tieSum) = CanaryU(baseline, canary);

        // Variance of U under H0 with the usual tie correction:
        // n1 n2 / 12 * ((N + 1) - sum(t^3 - t) / (N (N - 1))).
        double n = n1 + n2;
        var variance = n1 * (double)n2 / 12.0 * (n + 1 - (n > 1 ? tieSum / (n * (n - 1)) : 0));
        double z = 0, p = 1;
        if (variance > 1e-12)
        {
            // The 0.5 continuity correction moves |U - mean| toward the mean, as R's wilcox.test
            // and SciPy do; it keeps the approximation honest at the 10-sample sizes we judge on.
            var deviation = u - n1 * (double)n2 / 2;
            var corrected = Math.Max(0, Math.Abs(deviation) - 0.5);
            z = Math.Sign(deviation) * corrected / Math.Sqrt(variance);
            p = Math.Min(1, Normal.Erfc(Math.Abs(z) / Math.Sqrt(2)));
        }

        var (shift, lower, upper) = HodgesLehmann(baseline, canary, confidence);
        return new MannWhitneyResult(u, z, p, shift, lower, upper, confidence, n1, n2);
    }

    /// <summary>
    /// Hodges-Lehmann shift (median of all canary - baseline differences) with the distribution-free
    /// interval from the ordered differences: with C = round(n1 n2 / 2 - z sqrt(n1 n2 (N + 1) / 12)),
    /// the interval is [D(C), D(n1 n2 + 1 - C)] (1-based), z the normal critical value.
    /// </summary>
    public static (double Shift, double Lower, double Upper) HodgesLehmann(
        IReadOnlyList<double> baseline, IReadOnlyList<double> canary, double confidence = 0.95)
    {
        var x = Subsample(baseline);
        var y = Subsample(canary);
        var m = x.Length;
        var k = y.Length;
        var differences = new double[m * k];
        var i = 0;
        foreach (var c in y)
        {
            foreach (var b in x)
            {
                differences[i++] = c - b;
            }
        }

        Array.Sort(differences);
        var count = differences.Length;
        var shift = count % 2 == 1
            ? differences[count / 2]
            : 0.5 * (differences[count / 2 - 1] + differences[count / 2]);

        var critical = Normal.Quantile(1 - (1 - confidence) / 2);
        var c0 = (int)Math.Round(m * (double)k / 2 - critical * Math.Sqrt(m * (double)k * (m + k + 1) / 12.0));
        // Tiny samples cannot reach the confidence at all; the widest interval is the honest answer.
        c0 = Math.Clamp(c0, 1, (count + 1) / 2);
        return (shift, differences[c0 - 1], differences[count - c0]);
    }

    private static (double U, double TieSum) CanaryU(IReadOnlyList<double> baseline, IReadOnlyList<double> canary)
    {
        var n1 = baseline.Count;
        var all = new (double Value, bool IsCanary)[n1 + canary.Count];
        for (var i = 0; i < n1; i++)
        {
            all[i] = (baseline[i], false);
        }

        for (var i = 0; i < canary.Count; i++)
        {
            all[n1 + i] = (canary[i], true);
        }

        Array.Sort(all, (a, b) => a.Value.CompareTo(b.Value));
        double canaryRankSum = 0, tieSum = 0;
        var start = 0;
        while (start < all.Length)
        {
            var end = start;
            while (end + 1 < all.Length && all[end + 1].Value == all[start].Value)
            {
                end++;
            }

            // Tied values share the average of the ranks they span (ranks are 1-based).
            var averageRank = (start + end + 2) / 2.0;
            double t = end - start + 1;
            tieSum += t * t * t - t;
            for (var j = start; j <= end; j++)
            {
                if (all[j].IsCanary)
                {
                    canaryRankSum += averageRank;
                }
            }

            start = end + 1;
        }

        double n2 = canary.Count;
        return (canaryRankSum - n2 * (n2 + 1) / 2, tieSum);
    }

    // Deterministic: the sorted sample's evenly spaced quantiles, so the same input always gives
    // the same shift and the subsample keeps the shape of the distribution.
    private static double[] Subsample(IReadOnlyList<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        if (sorted.Length <= MaxPairwiseSide)
        {
            return sorted;
        }

        var result = new double[MaxPairwiseSide];
        for (var i = 0; i < MaxPairwiseSide; i++)
        {
            result[i] = sorted[(int)((i + 0.5) * sorted.Length / MaxPairwiseSide)];
        }

        return result;
    }
}
