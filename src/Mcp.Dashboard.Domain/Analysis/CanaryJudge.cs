using System.Globalization;
using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Domain.Analysis;

/// <summary>
/// Judges a canary against its baseline, metric by metric, the way Kayenta does: a rank test
/// says whether the canary is different, thresholds say whether the difference matters.
/// </summary>
public static class CanaryJudge
{
    /// <summary>
    /// Used when a plan lists no metrics. error_rate is critical: a 5% median error rate on the
    /// canary fails outright, and a significant rise of more than 50% over baseline fails, so a
    /// doubling (the regression we must catch) fails while ordinary jitter of a low rate does not.
    /// latency_p99_ms tolerates 20%, since p99 per interval is a noisy tail statistic.
    /// </summary>
    public static IReadOnlyList<AnalysisMetric> DefaultMetrics { get; } =
    [
        new() { Name = "error_rate", HigherIsWorse = true, Critical = true, Weight = 1, AbsoluteLimit = 0.05, RelativeTolerance = 0.5 },
        new() { Name = "latency_p99_ms", HigherIsWorse = true, Critical = false, Weight = 1, RelativeTolerance = 0.2 },
    ];

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Verdict Judge(IReadOnlyList<MetricSeries> metrics, AnalysisSettings settings) =>
        Judge(metrics, settings, JudgeOptions.Default);

    public static Verdict Judge(IReadOnlyList<MetricSeries> metrics, AnalysisSettings settings, JudgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);

        var definitions = settings.Metrics.Count > 0 ? settings.Metrics : DefaultMetrics;
        var results = new List<MetricResult>();
        foreach (var definition in definitions)
        {
            var series = metrics.FirstOrDefault(s => string.Equals(s.Metric, definition.Name, StringComparison.OrdinalIgnoreCase))
                ?? new MetricSeries(definition.Name, [], []);
            results.Add(JudgeMetric(definition, series, options));
        }

        var judged = results.Where(r => r.Outcome != CanaryOutcome.NoData).ToList();
        if (judged.Count == 0)
        {
            return new Verdict(CanaryOutcome.NoData, null, results, NoDataExplanation(results));
        }

        var totalWeight = judged.Sum(r => Math.Max(0, r.Weight));
        var score = totalWeight <= 0
            ? 0
            : 100 * judged.Sum(r => Math.Max(0, r.Weight) * Points(r.Outcome)) / totalWeight;
        var criticalFail = judged.Any(r => r.Critical && r.Outcome == CanaryOutcome.Fail);
        var outcome = criticalFail ? CanaryOutcome.Fail
            : score >= options.PassScore ? CanaryOutcome.Pass
            : score >= options.MarginalScore ? CanaryOutcome.Marginal
            : CanaryOutcome.Fail;

        return new Verdict(outcome, score, results, Explain(outcome, score, criticalFail, judged));
    }

    private static double Points(CanaryOutcome outcome) => outcome switch
    {
        CanaryOutcome.Pass => 1,
        CanaryOutcome.Marginal => 0.5,
        _ => 0,
    };

    private static MetricResult JudgeMetric(AnalysisMetric definition, MetricSeries series, JudgeOptions options)
    {
        var baseline = series.Baseline.Where(double.IsFinite).ToArray();
        var canary = series.Canary.Where(double.IsFinite).ToArray();
        var result = new MetricResult
        {
            Metric = definition.Name,
            Critical = definition.Critical,
            Weight = definition.Weight,
            BaselineCount = baseline.Length,
            CanaryCount = canary.Length,
            Confidence = options.Confidence,
            Tolerance = definition.RelativeTolerance,
        };
        if (baseline.Length < options.MinSamples || canary.Length < options.MinSamples)
        {
            return result with
            {
                Outcome = CanaryOutcome.NoData,
                ReasonKind = MetricReason.TooFewSamples,
                Reason = $"too few samples ({canary.Length} canary, {baseline.Length} baseline)",
            };
        }

        var test = MannWhitney.Test(baseline, canary, options.Confidence);
        var baselineMedian = Median(baseline);
        var canaryMedian = Median(canary);
        result = result with
        {
            BaselineMedian = baselineMedian,
            CanaryMedian = canaryMedian,
            PValue = test.PValue,
            Shift = test.Shift,
            ShiftLower = test.ShiftLower,
            ShiftUpper = test.ShiftUpper,
        };

        var name = definition.Name;
        var sign = definition.HigherIsWorse ? 1 : -1;
        var pText = FormatP(test.PValue);

        if (definition.AbsoluteLimit is { } limit && sign * (canaryMedian - limit) > 0)
        {
            return result with
            {
                Outcome = CanaryOutcome.Fail,
                ReasonKind = sign > 0 ? MetricReason.AboveLimit : MetricReason.BelowLimit,
                Limit = limit,
                Reason = $"canary median {FormatValue(name, canaryMedian)} is {(sign > 0 ? "above" : "below")} the limit {FormatValue(name, limit)}",
            };
        }

        // A rank test cannot see a regression from an all-zero baseline when the canary's errors
        // are sparse (many zero intervals), and no relative tolerance applies to zero, so any real
        // error rate on the canary against a spotless baseline fails. The mean, not the median,
        // is compared because sparse errors leave the canary's median at zero too.
        var canaryMean = canary.Average();
        if (definition.HigherIsWorse && baseline.All(v => v == 0) && canaryMean > options.ZeroBaselineFloor)
        {
            var what = IsFraction(name) ? "baseline had no errors" : "baseline was zero throughout";
            return result with
            {
                Outcome = CanaryOutcome.Fail,
                ReasonKind = MetricReason.ZeroBaseline,
                CanaryMean = canaryMean,
                Reason = $"{what}; canary {FormatValue(name, canaryMean)}",
            };
        }

        // Tolerance is judged on the Hodges-Lehmann shift, the estimate the test is about; it is
        // steadier than the difference of two 10-sample medians.
        var worse = sign * test.Shift;
        var significant = test.PValue < options.Alpha && worse > 0;
        var allowed = definition.RelativeTolerance is { } tolerance ? tolerance * Math.Abs(baselineMedian) : (double?)null;
        var beyondTolerance = worse > 0 && (allowed is null || worse > allowed.Value);
        var toleranceText = definition.RelativeTolerance is { } t ? $"the {FormatTolerance(t)} tolerance" : "no tolerance";
        var shiftText = $"shift {FormatShift(name, test.Shift)} ({ConfidenceText(options.Confidence)} CI {FormatShift(name, test.ShiftLower, unit: false)} to {FormatShift(name, test.ShiftUpper, unit: false)})";

        if (significant && beyondTolerance)
        {
            return result with
            {
                Outcome = CanaryOutcome.Fail,
                ReasonKind = MetricReason.SignificantlyWorse,
                Reason = $"canary is significantly worse: {shiftText}, {pText}, beyond {toleranceText}",
            };
        }

        if (beyondTolerance && allowed is not null)
        {
            // Worse than the tolerance on the estimate, but the samples overlap too much to be sure.
            return result with
            {
                Outcome = CanaryOutcome.Marginal,
                ReasonKind = MetricReason.LooksWorse,
                Reason = $"canary looks worse by more than {toleranceText} ({shiftText}) but not significantly ({pText})",
            };
        }

        return result with
        {
            Outcome = CanaryOutcome.Pass,
            ReasonKind = significant ? MetricReason.WorseWithinTolerance : MetricReason.NoSignificantDegradation,
            Reason = significant
                ? $"canary is significantly worse but within {toleranceText}: {shiftText}, {pText}"
                : $"no significant degradation: {shiftText}, {pText}",
        };
    }

    /// <summary>
    /// The metric that decided a verdict, the one its explanation is about: worst outcome, then
    /// critical, then weight, then p.
    /// </summary>
    public static MetricResult Headline(IEnumerable<MetricResult> judged) => judged
        .OrderByDescending(r => Severity(r.Outcome))
        .ThenByDescending(r => r.Critical)
        .ThenByDescending(r => r.Weight)
        .ThenBy(r => r.PValue ?? 1)
        .First();

    private static string Explain(CanaryOutcome outcome, double score, bool criticalFail, IReadOnlyList<MetricResult> judged)
    {
        var headline = Headline(judged);
        var prefix = criticalFail
            ? $"{outcome}"
            : $"{outcome} (score {score.ToString("0", Inv)} of 100)";
        return $"{prefix}: {Describe(headline)}.";
    }

    private static string Describe(MetricResult r)
    {
        var name = r.Metric;
        return $"{name} on the canary is {FormatValue(name, r.CanaryMedian ?? 0)} against {FormatValue(name, r.BaselineMedian ?? 0)} on the baseline "
            + $"(shift {FormatShift(name, r.Shift ?? 0)}, {ConfidenceText(r.Confidence)} CI {FormatShift(name, r.ShiftLower ?? 0, unit: false)} to {FormatShift(name, r.ShiftUpper ?? 0, unit: false)}, "
            + $"{FormatP(r.PValue ?? 1)}, {r.CanaryCount} vs {r.BaselineCount} samples)";
    }

    private static string NoDataExplanation(IReadOnlyList<MetricResult> results)
    {
        if (results.Count == 0)
        {
            return "NoData: no metrics to judge.";
        }

        var first = results[0];
        var others = results.Count - 1;
        var tail = others == 0 ? "" : $" and {others} other metric{(others == 1 ? "" : "s")} also lack data";
        return $"NoData: {first.Metric} has too few samples ({first.CanaryCount} canary, {first.BaselineCount} baseline){tail}.";
    }

    private static int Severity(CanaryOutcome outcome) => outcome switch
    {
        CanaryOutcome.Fail => 2,
        CanaryOutcome.Marginal => 1,
        _ => 0,
    };

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    public static bool IsFraction(string metric) =>
        metric.Contains("error", StringComparison.OrdinalIgnoreCase)
        || metric.EndsWith("_rate", StringComparison.OrdinalIgnoreCase)
        || metric.EndsWith("_ratio", StringComparison.OrdinalIgnoreCase);

    public static bool IsMilliseconds(string metric) => metric.EndsWith("_ms", StringComparison.OrdinalIgnoreCase);

    public static string FormatValue(string metric, double value) =>
        IsFraction(metric) ? Percent(value).ToString(PercentFormat(value), Inv) + "%"
        : IsMilliseconds(metric) ? value.ToString("0.#", Inv) + " ms"
        : value.ToString("0.###", Inv);

    // Error rates shift in percentage points, so "+1.1 points" is not confused with "+110%".
    public static string FormatShift(string metric, double shift, bool unit = true) =>
        IsFraction(metric) ? Percent(shift).ToString("+" + PercentFormat(shift) + ";-" + PercentFormat(shift) + ";+0.0", Inv) + (unit ? " points" : "")
        : IsMilliseconds(metric) ? shift.ToString("+0.#;-0.#;+0", Inv) + (unit ? " ms" : "")
        : shift.ToString("+0.###;-0.###;+0", Inv);

    /// <summary>A relative tolerance as the judge words it: 0.2 is "20%".</summary>
    public static string FormatTolerance(double tolerance) => tolerance.ToString("0.##%", Inv);

    private static double Percent(double fraction) => Math.Round(fraction * 100, 12);

    // One decimal reads well for rates from 0.1% up; below that, show enough digits not to print 0.0%.
    private static string PercentFormat(double fraction) =>
        Math.Abs(fraction * 100) >= 0.1 || fraction == 0 ? "0.0" : "0.0##";

    public static string FormatP(double p) => p < 0.001 ? "p < 0.001" : $"p = {p.ToString("0.###", Inv)}";

    public static string ConfidenceText(double confidence) => (confidence * 100).ToString("0.#", Inv) + "%";
}
