using System.Globalization;
using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Localization;
using Mcp.Dashboard.Rollouts;
using Microsoft.Extensions.Localization;

namespace Mcp.Dashboard.Components.Rollouts;

/// <summary>
/// The judge's sentences in the reader's language. English readers get the engine's own
/// sentence (<see cref="CanaryJudge"/>, <see cref="BakeMonitor"/>: the source of truth); Chinese
/// readers get the same sentence built from the verdict's facts, with the numbers formatted by
/// the judge's own formatters so both languages show the same figures. A verdict stored before
/// its facts were kept shows the English sentence.
/// </summary>
public sealed class VerdictText
{
    // Not static: the type names its localizer and resx (IStringLocalizer<VerdictText>).
    private VerdictText()
    {
    }

    private static IStringLocalizer<VerdictText> L { get; } = Vocabulary.For<VerdictText>();

    private static bool Chinese => DashboardCultures.IsChinese(CultureInfo.CurrentUICulture);

    /// <summary>The verdict's one-sentence explanation.</summary>
    public static string Explanation(StepVerdict verdict) =>
        Chinese ? Explain(verdict.Outcome, verdict.Score, verdict.Metrics) : verdict.Explanation;

    /// <summary>Why one metric got its outcome.</summary>
    public static string Reason(MetricResult metric)
    {
        if (!Chinese)
        {
            return metric.Reason;
        }

        var name = metric.Metric;
        return metric.ReasonKind switch
        {
            MetricReason.TooFewSamples => TooFewSamples(metric),
            MetricReason.AboveLimit => L["canary median {0} is above the limit {1}", Value(name, metric.CanaryMedian), Value(name, metric.Limit)],
            MetricReason.BelowLimit => L["canary median {0} is below the limit {1}", Value(name, metric.CanaryMedian), Value(name, metric.Limit)],
            MetricReason.ZeroBaseline => CanaryJudge.IsFraction(name)
                ? L["baseline had no errors; canary {0}", Value(name, metric.CanaryMean)]
                : L["baseline was zero throughout; canary {0}", Value(name, metric.CanaryMean)],
            MetricReason.SignificantlyWorse => L["canary is significantly worse: {0}, {1}, beyond {2}", ShiftText(metric), P(metric), ToleranceText(metric)],
            MetricReason.LooksWorse => L["canary looks worse by more than {0} ({1}) but not significantly ({2})", ToleranceText(metric), ShiftText(metric), P(metric)],
            MetricReason.WorseWithinTolerance => L["canary is significantly worse but within {0}: {1}, {2}", ToleranceText(metric), ShiftText(metric), P(metric)],
            MetricReason.NoSignificantDegradation => L["no significant degradation: {0}, {1}", ShiftText(metric), P(metric)],

            // Stored before the rule was kept: the facts the result does have, in Chinese.
            _ when metric.Outcome == CanaryOutcome.NoData => TooFewSamples(metric),
            _ => Describe(metric),
        };
    }

    /// <summary>
    /// The reason behind the judge's decision, without the decision it restates (the panel says
    /// the decision just before it).
    /// </summary>
    public static string? DecisionReason(StepVerdict verdict)
    {
        if (!Chinese || verdict.DecisionFacts is not { } facts)
        {
            return RolloutDisplay.DecisionReason(verdict.Decision, verdict.DecisionReason);
        }

        var window = Seconds(facts.WindowSeconds);
        var baked = Seconds(facts.BakedSeconds);
        var clause = Explain(facts.Basis.Outcome, facts.Basis.Score, facts.Basis.Metrics).TrimEnd('。');
        return facts.Kind switch
        {
            BakeReasonKind.WindowFailedInARow => L["The last {0} failed {1} checks in a row ({2}).", window, facts.Failures, clause],
            BakeReasonKind.BakingPastTheEnd => L["Past the bake's end until the last {0} are clean ({1}).", window, clause],
            BakeReasonKind.BakePassed => L["The bake of {0} passed ({1}).", baked, clause],
            BakeReasonKind.BakeFailed => L["The bake of {0} failed ({1}).", baked, clause],
            BakeReasonKind.BakeMarginal => L["The bake of {0} is marginal ({1}).", baked, clause],
            BakeReasonKind.BakeWithoutData => L["The bake of {0} ended without enough data to judge ({1}).", baked, clause],
            BakeReasonKind.WindowFailing => L["The last {0} failed {1} of the {2} checks in a row that roll back ({3}).", window, facts.Failures, facts.FailuresToRollBack, clause],
            BakeReasonKind.Baking => L["{0} in; the last {1}: {2}.", baked, window, clause],
            _ => RolloutDisplay.DecisionReason(verdict.Decision, verdict.DecisionReason),
        };
    }

    /// <summary>
    /// The decision with its reason in Chinese ("回滚：最近 6 秒连续 2 次检查未通过（…）。"), as the
    /// event log quotes it; null for English readers and verdicts without decision facts.
    /// </summary>
    public static string? ChineseDecision(StepVerdict verdict) =>
        Chinese && verdict.DecisionFacts is not null && DecisionReason(verdict) is { } reason
            ? L["{0}: {1}", RolloutDisplay.DecisionText(verdict.Decision), reason].Value
            : null;

    /// <summary>As <c>CanaryJudge.Explain</c> and <c>NoDataExplanation</c> word a verdict.</summary>
    private static string Explain(CanaryOutcome outcome, double? score, IReadOnlyList<MetricResult> metrics)
    {
        var judged = metrics.Where(m => m.Outcome != CanaryOutcome.NoData).ToList();
        var outcomeText = RolloutDisplay.OutcomeText(outcome, lowConfidence: false);
        if (outcome == CanaryOutcome.NoData || judged.Count == 0)
        {
            if (metrics.Count == 0)
            {
                return L["{0}: no metrics to judge.", outcomeText];
            }

            var first = metrics[0];
            var others = metrics.Count - 1;
            return others == 0
                ? L["{0}: {1} has too few samples ({2} canary, {3} baseline).", outcomeText, first.Metric, first.CanaryCount, first.BaselineCount]
                : L["{0}: {1} has too few samples ({2} canary, {3} baseline), and {4} other metrics also lack data.", outcomeText, first.Metric, first.CanaryCount, first.BaselineCount, others];
        }

        var criticalFail = judged.Any(m => m.Critical && m.Outcome == CanaryOutcome.Fail);
        var headline = Describe(CanaryJudge.Headline(judged));
        return criticalFail || score is not { } s
            ? L["{0}: {1}.", outcomeText, headline]
            : L["{0} (score {1} of 100): {2}.", outcomeText, s.ToString("0", CultureInfo.InvariantCulture), headline];
    }

    /// <summary>"error_rate：金丝雀 3.2%，基线 1.1%（差值 +2.0 个百分点，95% 置信区间 +2.0 至 +2.1，p = 0.002，样本 7 对 7）".</summary>
    private static string Describe(MetricResult metric)
    {
        var name = metric.Metric;
        return L["{0} on the canary is {1} against {2} on the baseline ({3}, {4}, {5} vs {6} samples)",
            name, Value(name, metric.CanaryMedian ?? 0), Value(name, metric.BaselineMedian ?? 0), ShiftText(metric), P(metric), metric.CanaryCount, metric.BaselineCount];
    }

    private static string TooFewSamples(MetricResult metric) =>
        L["too few samples ({0} canary, {1} baseline)", metric.CanaryCount, metric.BaselineCount];

    /// <summary>"shift +2.0 points (95% CI +2.0 to +2.1)" in the reader's words, the judge's figures.</summary>
    private static string ShiftText(MetricResult metric)
    {
        var name = metric.Metric;
        var shift = CanaryJudge.FormatShift(name, metric.Shift ?? 0, unit: false);
        var lower = CanaryJudge.FormatShift(name, metric.ShiftLower ?? 0, unit: false);
        var upper = CanaryJudge.FormatShift(name, metric.ShiftUpper ?? 0, unit: false);
        var confidence = CanaryJudge.ConfidenceText(metric.Confidence);
        return CanaryJudge.IsFraction(name)
            ? L["shift {0} points ({1} CI {2} to {3})", shift, confidence, lower, upper]
            : CanaryJudge.IsMilliseconds(name)
                ? L["shift {0} ms ({1} CI {2} to {3})", shift, confidence, lower, upper]
                : L["shift {0} ({1} CI {2} to {3})", shift, confidence, lower, upper];
    }

    private static string ToleranceText(MetricResult metric) =>
        metric.Tolerance is { } tolerance ? L["the {0} tolerance", CanaryJudge.FormatTolerance(tolerance)] : L["no tolerance"];

    private static string Value(string metric, double? value) => value is { } v ? CanaryJudge.FormatValue(metric, v) : "–";

    private static string P(MetricResult metric) => CanaryJudge.FormatP(metric.PValue ?? 1);

    private static string Seconds(double seconds) => L["{0} s", seconds.ToString("0", CultureInfo.InvariantCulture)];
}
