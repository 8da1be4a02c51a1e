using System.Text.RegularExpressions;
using Mcp.Dashboard.Components.Rollouts;
using Mcp.Dashboard.Components.Tests.Rollouts;
using Mcp.Dashboard.Components.Tests.Shared;
using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Rollouts;

namespace Mcp.Dashboard.Components.Tests.Localization;

/// <summary>
/// The judge's sentences on the rollout page: in English exactly the engine's (the verdicts here
/// come from the real <see cref="BakeMonitor"/> and <see cref="CanaryJudge"/>), in Chinese
/// rebuilt from the facts, with the same figures and no English left but metric names and units.
/// </summary>
public sealed partial class JudgeLanguageTests : DashboardTestContext
{
    private static readonly DateTimeOffset Start = RolloutTestData.Now;

    public static TheoryData<string> Cases() => ["pass", "fail", "bake-failed", "marginal", "nodata", "baking", "window-failing", "window-fail"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void VerdictPanel_English_ShowsTheEnginesSentences(string name)
    {
        using var english = new CultureScope("en");
        var verdict = Case(name);

        var cut = Render<VerdictPanel>(p => p.Add(x => x.Verdict, verdict));

        Assert.Equal(verdict.Explanation, cut.Find("[data-testid=verdict-explanation]").TextContent);
        var decision = cut.Find("[data-testid=verdict-decision]").TextContent;
        Assert.Contains(RolloutDisplay.DecisionReason(verdict.Decision, verdict.DecisionReason)!, decision, StringComparison.Ordinal);
        Assert.Equal(verdict.Metrics.Select(m => m.Reason), cut.FindAll(".metric-reason").Select(p => p.TextContent));
    }

    [Fact]
    public void Cases_CoverTheMonitorsSentences()
    {
        Assert.Equal(
            [BakeReasonKind.BakePassed, BakeReasonKind.BakingPastTheEnd, BakeReasonKind.BakeFailed, BakeReasonKind.BakeMarginal, BakeReasonKind.BakeWithoutData,
             BakeReasonKind.Baking, BakeReasonKind.WindowFailing, BakeReasonKind.WindowFailedInARow],
            Cases().Select(row => Case((string)row.Data).DecisionFacts!.Kind));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void VerdictPanel_Chinese_HasNoEnglishButMetricNamesAndUnits(string name)
    {
        using var chinese = new CultureScope("zh-Hans");
        var verdict = Case(name);

        var cut = Render<VerdictPanel>(p => p.Add(x => x.Verdict, verdict));

        var explanation = cut.Find("[data-testid=verdict-explanation]").TextContent;
        var decision = cut.Find("[data-testid=verdict-decision]").TextContent;
        var reasons = cut.FindAll(".metric-reason").Select(p => p.TextContent).ToList();
        Assert.NotEqual(verdict.Explanation, explanation);
        Assert.Equal(verdict.Metrics.Count, reasons.Count);
        foreach (var text in new[] { explanation, decision, cut.Find(".verdict-panel").TextContent }.Concat(reasons))
        {
            AssertNoEnglish(text);
        }
    }

    [Fact]
    public void VerdictPanel_ChineseFail_SaysTheJudgesFiguresWithTheirConfidenceInterval()
    {
        var verdict = Case("fail");
        var errors = verdict.Metrics.Single(m => m.Metric == "error_rate");
        Assert.Equal(CanaryOutcome.Fail, verdict.Outcome);
        Assert.Equal(MetricReason.SignificantlyWorse, errors.ReasonKind);
        using var chinese = new CultureScope("zh-Hans");

        var cut = Render<VerdictPanel>(p => p.Add(x => x.Verdict, verdict));

        // The English sentence's figures, as the judge formatted them.
        var figures = Figures().Match(verdict.Explanation);
        Assert.True(figures.Success, verdict.Explanation);
        var explanation = cut.Find("[data-testid=verdict-explanation]").TextContent;
        Assert.StartsWith("不通过：error_rate：金丝雀 " + figures.Groups["canary"].Value + "，基线 " + figures.Groups["baseline"].Value + "（差值 " + figures.Groups["shift"].Value + " 个百分点，95% 置信区间 "
            + figures.Groups["lower"].Value + " 至 " + figures.Groups["upper"].Value + "，" + figures.Groups["p"].Value + "，样本 60 对 60）", explanation, StringComparison.Ordinal);
        Assert.EndsWith("。", explanation, StringComparison.Ordinal);
        var reason = cut.Find("article[data-metric='error_rate'] .metric-reason").TextContent;
        Assert.StartsWith("金丝雀明显更差：差值 " + figures.Groups["shift"].Value + " 个百分点", reason, StringComparison.Ordinal);
        Assert.EndsWith("超出 50% 的容差", reason, StringComparison.Ordinal);
        Assert.Contains("烘焙时间已到，但要等最近 6 秒没有问题才结束（不通过：error_rate：金丝雀 3.0%", cut.Find("[data-testid=verdict-decision]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void VerdictPanel_ChineseNoData_SaysTooFewSamplesWithTheCounts()
    {
        var verdict = Case("nodata");
        using var chinese = new CultureScope("zh-Hans");

        var cut = Render<VerdictPanel>(p => p.Add(x => x.Verdict, verdict));

        Assert.Equal("无数据：error_rate 样本太少（金丝雀 4 个，基线 4 个），另有 1 个指标也缺少数据。", cut.Find("[data-testid=verdict-explanation]").TextContent);
        Assert.Equal("样本太少（金丝雀 4 个，基线 4 个）", cut.Find("article[data-metric='error_rate'] .metric-reason").TextContent);
        Assert.Contains("3 秒的烘焙结束时数据不足，无法判定", cut.Find("[data-testid=verdict-decision]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void VerdictPanel_ChineseMarginal_SaysLooksWorseButNotSignificantly()
    {
        var verdict = Case("marginal");
        Assert.Equal(CanaryOutcome.Marginal, verdict.Outcome);
        using var chinese = new CultureScope("zh-Hans");

        var cut = Render<VerdictPanel>(p => p.Add(x => x.Verdict, verdict));

        Assert.StartsWith("临界（得分 75 / 100）：latency_p99_ms：金丝雀 ", cut.Find("[data-testid=verdict-explanation]").TextContent, StringComparison.Ordinal);
        var reason = cut.Find("article[data-metric='latency_p99_ms'] .metric-reason").TextContent;
        Assert.StartsWith("金丝雀看起来变差，超出 20% 的容差（差值 +", reason, StringComparison.Ordinal);
        Assert.Contains("但差异不显著（p = ", reason, StringComparison.Ordinal);
        Assert.Contains("的烘焙结果处于临界", cut.Find("[data-testid=verdict-decision]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void VerdictPanel_ChineseStoredBeforeFactsWereKept_StillChineseForTheVerdictAndEnglishDecisionReason()
    {
        // A verdict stored by an older version: no rule per metric, no decision facts.
        var stored = Case("fail");
        stored = stored with
        {
            Metrics = [.. stored.Metrics.Select(m => m with { ReasonKind = null, Tolerance = null })],
            DecisionFacts = null,
        };
        using var chinese = new CultureScope("zh-Hans");

        var cut = Render<VerdictPanel>(p => p.Add(x => x.Verdict, stored));

        AssertNoEnglish(cut.Find("[data-testid=verdict-explanation]").TextContent);
        AssertNoEnglish(cut.Find("article[data-metric='error_rate'] .metric-reason").TextContent);
        Assert.Contains(RolloutDisplay.DecisionReason(stored.Decision, stored.DecisionReason)!, cut.Find("[data-testid=verdict-decision]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void StepVerdict_WithFacts_SurvivesTheJsonItIsStoredAs()
    {
        var verdict = Case("window-fail");

        var json = System.Text.Json.JsonSerializer.Serialize(verdict);
        var back = System.Text.Json.JsonSerializer.Deserialize<StepVerdict>(json)!;
        var old = System.Text.Json.JsonSerializer.Deserialize<StepVerdict>(
            """{"StepIndex":1,"Outcome":2,"Score":0,"Explanation":"Fail: x.","At":"2026-11-24T10:00:00+00:00","Metrics":[{"Metric":"error_rate","Outcome":2,"Reason":"r"}],"Decision":"RollBack"}""")!;

        Assert.Equal(verdict.DecisionFacts!.Kind, back.DecisionFacts!.Kind);
        Assert.Equal(verdict.DecisionFacts.Basis.Metrics.Count, back.DecisionFacts.Basis.Metrics.Count);
        Assert.Equal(verdict.Metrics[0].ReasonKind, back.Metrics[0].ReasonKind);
        Assert.Null(old.DecisionFacts);
        Assert.Null(old.Metrics[0].ReasonKind);
    }

    [Fact]
    public void EventLog_JudgesRollback_SaysTheLatestVerdictsDecisionInChinese()
    {
        var verdict = Case("window-fail");
        Assert.Equal("RollBack", verdict.Decision);
        RolloutEventView[] events =
        [
            // As RolloutRunner and RolloutEngine write them when the judge rolls a step back.
            new(1, Start, "verdict.fail", $"Step 2: {verdict.DecisionReason}", RolloutEngine.Judge.Email, 1),
            new(2, Start, "rollback.requested", $"Automatic rollback: {verdict.DecisionReason}", RolloutEngine.Judge.Email, null),
        ];

        using (new CultureScope("en"))
        {
            var english = Render<RolloutEventLog>(p => p.Add(x => x.Events, events).Add(x => x.Verdict, verdict));
            Assert.Equal(events.Reverse().Select(e => e.Message), english.FindAll(".event-message").Select(m => m.TextContent));
        }

        using var chinese = new CultureScope("zh-Hans");
        var cut = Render<RolloutEventLog>(p => p.Add(x => x.Events, events).Add(x => x.Verdict, verdict));

        var lines = cut.FindAll(".event-message").Select(m => m.TextContent).ToList();
        Assert.StartsWith("自动回滚：回滚：最近 6 秒连续 2 次检查未通过（不通过：error_rate：金丝雀 ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("第 2 步未通过判定：回滚：最近 6 秒连续 2 次检查未通过（", lines[1], StringComparison.Ordinal);
        lines.ForEach(AssertNoEnglish);
    }

    /// <summary>Only metric names, units and "p" may stay Latin in a Chinese sentence.</summary>
    private static void AssertNoEnglish(string text)
    {
        var words = Word().Matches(text).Select(m => m.Value).Where(w => w is not ("error_rate" or "latency_p99_ms" or "ms" or "p" or "p99")).ToList();
        Assert.True(words.Count == 0, $"English left in \"{text}\": {string.Join(", ", words)}");
    }

    /// <summary>A verdict as <see cref="RolloutAnalysis"/> keeps it, from the real monitor over per-second samples.</summary>
    private static StepVerdict Case(string name) => name switch
    {
        // Error rate 1% on both; latency alike.
        "pass" => Judge(60, errors: _ => 0.010, latency: _ => 180, bakeOver: true),

        // Error rate tripled from the first second: the bake fails on error_rate (critical), and
        // since the last window fails too, it bakes on past its end to be sure.
        "fail" => Judge(60, errors: _ => 0.030, latency: _ => 180, bakeOver: true),

        // Tripled errors until ten seconds before the end: the whole bake fails, the last window is clean.
        "bake-failed" => Judge(60, errors: t => t < 50 ? 0.030 : 0.010, latency: _ => 180, bakeOver: true),

        // Latency some 20% higher, but too noisy over few samples to be significant; looked at
        // again a window after the bake's end, it pauses for a person.
        "marginal" => Judge(12, errors: _ => 0.010, latency: t => t % 2 == 0 ? 150 : 330, bakeOver: true, noisyBaseline: true, looksBack: [7, 0]),

        // Four samples a side: nothing to judge yet.
        "nodata" => Judge(4, errors: _ => 0.010, latency: _ => 180, bakeOver: true),

        // Half-way through a healthy bake.
        "baking" => Judge(30, errors: _ => 0.010, latency: _ => 180, bakeOver: false),

        // Errors jump in the last seconds: the recent window fails once, not yet enough to roll back.
        "window-failing" => Judge(40, errors: t => t >= 30 ? 0.20 : 0.010, latency: _ => 180, bakeOver: false),

        // The same, looked at a second later: the window failed twice in a row and rolls back.
        _ => Judge(40, errors: t => t >= 30 ? 0.20 : 0.010, latency: _ => 180, bakeOver: false, looksBack: [1, 0]),
    };

    private static StepVerdict Judge(int seconds, Func<int, double> errors, Func<int, double> latency, bool bakeOver, bool noisyBaseline = false, int[]? looksBack = null)
    {
        var samples = new List<MetricSample>();
        for (var t = 0; t < seconds; t++)
        {
            var at = Start.AddSeconds(t);
            var jitter = ((t * 37 % 11) - 5) / 5.0;
            samples.Add(new MetricSample(Cohorts.Baseline, "error_rate", 0.010 + 0.001 * jitter, at));
            samples.Add(new MetricSample(Cohorts.Canary, "error_rate", errors(t) + 0.001 * jitter, at));
            var baselineLatency = noisyBaseline ? (t % 2 == 0 ? 120 : 280) : 180;
            samples.Add(new MetricSample(Cohorts.Baseline, "latency_p99_ms", baselineLatency + 4 * jitter, at));
            samples.Add(new MetricSample(Cohorts.Canary, "latency_p99_ms", latency(t) + 4 * jitter * (t % 3), at));
        }

        var monitor = new BakeMonitor(new AnalysisSettings());
        BakeAssessment assessment = null!;
        foreach (var look in looksBack ?? [0])
        {
            var now = Start.AddSeconds(seconds - 1 - look);
            assessment = monitor.Assess(samples.Where(s => s.At <= now).ToList(), Start, now, bakeOver);
        }

        var verdict = assessment.Decision == BakeDecision.RollBack ? assessment.Window : assessment.Provisional;
        return new StepVerdict(1, verdict.Outcome, verdict.Score, verdict.Explanation, Start.AddSeconds(seconds), verdict.Metrics)
        {
            Decision = assessment.Decision.ToString(),
            DecisionReason = assessment.Explanation,
            DecisionFacts = assessment.Reason,
            LowConfidence = assessment.IsLowConfidence,
        };
    }

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9_]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"is (?<canary>\S+) against (?<baseline>\S+) on the baseline \(shift (?<shift>\S+) points, 95% CI (?<lower>\S+) to (?<upper>\S+), (?<p>p [<=] \S+),")]
    private static partial Regex Figures();
}
