using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Domain.Reports;

/// <summary>One stored history bucket of a cohort, as much of it as the summary needs.</summary>
public sealed record MetricBucketValue(long Count, double Mean, double Max);

/// <summary>
/// A cohort over a whole rollout: its sample count, and the median and 99th percentile of its
/// per-bucket means (the history keeps buckets, not raw samples), and the highest single sample.
/// </summary>
public sealed record CohortSummary(long Samples, double Median, double P99, double Peak);

/// <summary>Whether the canary stayed within the plan's thresholds for a metric.</summary>
public enum ThresholdCheck
{
    Within,
    Outside,

    /// <summary>One cohort had no samples, so nothing can be said.</summary>
    NoData,
}

/// <summary>Canary against baseline for one metric over a rollout, with the thresholds it was held to.</summary>
public sealed record MetricComparison(
    string Metric,
    CohortSummary? Baseline,
    CohortSummary? Canary,
    double? Ratio,
    bool HigherIsWorse,
    double? AbsoluteLimit,
    double? RelativeTolerance,
    ThresholdCheck Check,
    string Explanation,
    [property: System.Text.Json.Serialization.JsonIgnore] IReadOnlyList<ComparisonProblem>? Problems = null);

/// <summary>Which threshold a metric broke (the direction is the metric's <c>HigherIsWorse</c>).</summary>
public enum ComparisonProblemKind
{
    /// <summary>The canary median is past the absolute limit: Value is the median, Reference the limit.</summary>
    Limit,

    /// <summary>The medians' ratio is past the tolerance: Value is the relative difference.</summary>
    Median,

    /// <summary>The 99th percentiles' ratio is past the tolerance: Value is the relative difference, Canary and Reference the percentiles.</summary>
    Tail,

    /// <summary>The baseline is zero and the canary is not: Value is the canary median.</summary>
    ZeroBaseline,
}

/// <summary>
/// The facts behind one broken threshold, kept so a reader in another language can be told the
/// same thing the English explanation says.
/// </summary>
public sealed record ComparisonProblem(ComparisonProblemKind Kind, double Value, double Reference = 0, double Tolerance = 0, double Canary = 0);

public static class MetricComparisons
{
    /// <summary>Summarises one cohort's buckets; null when it has none.</summary>
    public static CohortSummary? Summarise(IReadOnlyCollection<MetricBucketValue> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var filled = buckets.Where(b => b.Count > 0).ToList();
        if (filled.Count == 0)
        {
            return null;
        }

        var means = filled.Select(b => b.Mean).ToList();
        return new CohortSummary(filled.Sum(b => b.Count), Percentiles.Of(means, 0.5)!.Value, Percentiles.Of(means, 0.99)!.Value, filled.Max(b => b.Max));
    }

    /// <summary>
    /// Compares the canary's median with the baseline's against the metric's thresholds (the
    /// plan's, or the judge's defaults): an absolute limit on the canary, and a tolerance on the
    /// ratio of the medians and of the 99th percentiles. A zero baseline has no ratio: then a canary above the judge's zero-baseline floor is
    /// outside, as the judge decides it.
    /// </summary>
    public static MetricComparison Compare(string metric, IReadOnlyCollection<MetricBucketValue> baseline, IReadOnlyCollection<MetricBucketValue> canary, AnalysisMetric? definition)
    {
        var higherIsWorse = definition?.HigherIsWorse ?? true;
        var limit = definition?.AbsoluteLimit;
        var tolerance = definition?.RelativeTolerance;
        var b = Summarise(baseline);
        var c = Summarise(canary);
        if (b is null || c is null)
        {
            return new MetricComparison(metric, b, c, null, higherIsWorse, limit, tolerance, ThresholdCheck.NoData,
                $"No {(c is null ? "canary" : "baseline")} samples were kept for {metric}.");
        }

        double? ratio = b.Median == 0 ? null : c.Median / b.Median;
        var problems = new List<string>();
        var facts = new List<ComparisonProblem>();
        if (limit is { } l && (higherIsWorse ? c.Median > l : c.Median < l))
        {
            facts.Add(new ComparisonProblem(ComparisonProblemKind.Limit, c.Median, l));
            problems.Add($"the canary median {Number(c.Median)} is {(higherIsWorse ? "above" : "below")} the limit {Number(l)}");
        }

        if (tolerance is { } t && ratio is { } r && (higherIsWorse ? r > 1 + t : r < 1 - t))
        {
            facts.Add(new ComparisonProblem(ComparisonProblemKind.Median, Math.Abs(r - 1), Tolerance: t));
            problems.Add($"the canary is {Math.Abs(r - 1):0%} {(higherIsWorse ? "above" : "below")} the baseline, beyond the {t:0%} tolerance");
        }

        // A regression late in a rollout (the one that rolled it back) barely moves a whole-run
        // median, but it shows in the tail: the 99th percentiles are held to the same tolerance.
        if (problems.Count == 0 && tolerance is { } tailTolerance && b.P99 > 0 && c.P99 / b.P99 is var tail && (higherIsWorse ? tail > 1 + tailTolerance : tail < 1 - tailTolerance))
        {
            facts.Add(new ComparisonProblem(ComparisonProblemKind.Tail, Math.Abs(tail - 1), b.P99, tailTolerance, c.P99));
            problems.Add($"the canary's 99th percentile {Number(c.P99)} is {Math.Abs(tail - 1):0%} {(higherIsWorse ? "above" : "below")} the baseline's {Number(b.P99)}, beyond the {tailTolerance:0%} tolerance");
        }

        if (ratio is null && higherIsWorse && c.Median > JudgeOptions.Default.ZeroBaselineFloor)
        {
            facts.Add(new ComparisonProblem(ComparisonProblemKind.ZeroBaseline, c.Median));
            problems.Add($"the baseline is zero and the canary is not ({Number(c.Median)})");
        }

        return problems.Count == 0
            ? new MetricComparison(metric, b, c, ratio, higherIsWorse, limit, tolerance, ThresholdCheck.Within,
                ratio is { } within ? $"Canary {Number(c.Median)} against baseline {Number(b.Median)} ({within:0.00}x): within the thresholds." : $"Canary {Number(c.Median)} against a zero baseline: within the thresholds.")
            : new MetricComparison(metric, b, c, ratio, higherIsWorse, limit, tolerance, ThresholdCheck.Outside,
                char.ToUpperInvariant(problems[0][0]) + string.Join("; ", problems)[1..] + ".", facts);
    }

    /// <summary>A figure as the explanation writes it, for readers in any language.</summary>
    public static string Number(double value) => value.ToString(Math.Abs(value) < 1 ? "0.####" : "0.##", System.Globalization.CultureInfo.InvariantCulture);
}
