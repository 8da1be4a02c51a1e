using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Domain.Tests.Analysis;

public sealed class BakeMonitorTests
{
    private static readonly AnalysisSettings Defaults = new() { Enabled = true };
    private static readonly DateTimeOffset StepStart = new(2026, 1, 30, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Assess_ClearFailureFromTheStart_RollsBackLongBeforeTheBakeEnds()
    {
        var bake = new Bake(second => (Jitter(0.01, second), Jitter(0.02, second), Jitter(180, second), Jitter(180, second)));
        var monitor = new BakeMonitor(Defaults);

        var decisions = bake.Run(monitor, seconds: 120);

        // The 6 s window is judged from the 6th second and must fail twice in a row.
        Assert.Equal(7, decisions.Count);
        Assert.All(decisions.Take(6), a => Assert.Equal(BakeDecision.Continue, a.Decision));
        var rollBack = decisions[^1];
        Assert.Equal(BakeDecision.RollBack, rollBack.Decision);
        Assert.Equal(2, rollBack.ConsecutiveWindowFailures);
        Assert.StartsWith("Roll back: the last 6 s failed 2 checks in a row (Fail: error_rate on the canary is 2.0% against 1.0% on the baseline", rollBack.Explanation);
    }

    [Fact]
    public void Assess_FaultMidBake_IsCaughtOnTheWindowWhileTheWholeBakeStillLooksFine()
    {
        var bake = new Bake(second => (Jitter(0.01, second), Jitter(second > 60 ? 0.02 : 0.01, second), Jitter(180, second), Jitter(180, second)));
        var monitor = new BakeMonitor(Defaults);

        var decisions = bake.Run(monitor, seconds: 120);

        Assert.Equal(BakeDecision.RollBack, decisions[^1].Decision);
        Assert.InRange(decisions.Count, 61, 70);
        // Judged over all 60-odd samples the doubling is diluted by the healthy minute before it.
        Assert.NotEqual(CanaryOutcome.Fail, decisions[^1].Provisional.Outcome);
        Assert.Equal(CanaryOutcome.Fail, decisions[^1].Window.Outcome);
    }

    [Fact]
    public void Assess_MarginalBakeAtTheEnd_PausesForAHuman()
    {
        // The judge's marginal example (latency half like baseline, half 60 ms slower; p = 0.37)
        // with the slow seconds first, so the final window is clean and the bake ends on time.
        double[] baselineLatency = [100, 101, 102, 103, 104, 105, 106, 107, 108, 109];
        double[] canaryLatency = [160, 161, 162, 163, 164, 100, 101, 102, 103, 104];
        var bake = new Bake(second => (0.01, 0.01, baselineLatency[second - 1], canaryLatency[second - 1]));
        var monitor = new BakeMonitor(Defaults);

        var decisions = bake.Run(monitor, seconds: 10);

        Assert.Equal(10, decisions.Count);
        var end = decisions[^1];
        Assert.Equal(BakeDecision.Pause, end.Decision);
        Assert.Equal(CanaryOutcome.Marginal, end.Provisional.Outcome);
        Assert.StartsWith("Pause for a decision: the bake of 10 s is marginal (Marginal (score 75 of 100): latency_p99_ms", end.Explanation);
    }

    [Fact]
    public void Assess_TooFewSamplesAtTheEnd_PausesWithLowConfidenceAndNeverPasses()
    {
        var bake = new Bake(second => (0.01, 0.01, 180, 180));
        var monitor = new BakeMonitor(Defaults);

        var decisions = bake.Run(monitor, seconds: 5);

        Assert.All(decisions, a => Assert.True(a.IsLowConfidence));
        Assert.DoesNotContain(decisions, a => a.Decision == BakeDecision.Pass);
        var end = decisions[^1];
        Assert.Equal(BakeDecision.Pause, end.Decision);
        Assert.Equal(CanaryOutcome.NoData, end.Provisional.Outcome);
        Assert.Equal(
            "Pause for a decision: the bake of 5 s ended without enough data to judge (NoData: error_rate has too few samples (5 canary, 5 baseline) and 1 other metric also lack data).",
            end.Explanation);
    }

    [Fact]
    public void Assess_BeforeTheWindowHasSixSamples_ContinuesAndSaysItIsTooEarly()
    {
        var bake = new Bake(second => (0.01, 0.05, 180, 400));
        var monitor = new BakeMonitor(Defaults);

        var decisions = bake.Run(monitor, seconds: 5, bakeOverAtEnd: false);

        Assert.All(decisions, a => Assert.Equal(BakeDecision.Continue, a.Decision));
        Assert.All(decisions, a => Assert.Equal(CanaryOutcome.NoData, a.Window.Outcome));
        Assert.StartsWith("Keep baking, 5 s in; the last 6 s: NoData: error_rate has too few samples (5 canary, 5 baseline)", decisions[^1].Explanation);
    }

    [Fact]
    public void Assess_ZeroErrorBaselineAndErringCanary_RollsBack()
    {
        var bake = new Bake(second => (0, 0.004, Jitter(180, second), Jitter(180, second)));
        var monitor = new BakeMonitor(Defaults);

        var decisions = bake.Run(monitor, seconds: 60);

        Assert.Equal(BakeDecision.RollBack, decisions[^1].Decision);
        Assert.Equal(7, decisions.Count);
        Assert.Contains("baseline had no errors", decisions[^1].Window.Metrics.Single(m => m.Metric == "error_rate").Reason);
    }

    [Fact]
    public void Assess_ConstantIdenticalSeries_PassesAtTheEnd()
    {
        var bake = new Bake(second => (0.01, 0.01, 180, 180));
        var monitor = new BakeMonitor(Defaults);

        var decisions = bake.Run(monitor, seconds: 30);

        Assert.All(decisions.SkipLast(1), a => Assert.Equal(BakeDecision.Continue, a.Decision));
        Assert.Equal(BakeDecision.Pass, decisions[^1].Decision);
        Assert.StartsWith("Pass: the bake of 30 s passed (Pass (score 100 of 100): ", decisions[^1].Explanation);
    }

    [Fact]
    public void Assess_HeavilyTiedValuesOnBothSides_Passes()
    {
        // Error rates quantized to whole errors in 1,000 requests tie all the time.
        var bake = new Bake(second => (Math.Round(Jitter(0.01, second), 3), Math.Round(Jitter(0.01, second + 3), 3), 180, 180));
        var monitor = new BakeMonitor(Defaults);

        var decisions = bake.Run(monitor, seconds: 40);

        Assert.Equal(BakeDecision.Pass, decisions[^1].Decision);
        Assert.DoesNotContain(decisions, a => a.ConsecutiveWindowFailures > 0);
    }

    [Fact]
    public void Assess_MonitorRecreatedMidBake_StartsCountingAgainAndStillRollsBack()
    {
        var bake = new Bake(second => (Jitter(0.01, second), Jitter(0.02, second), 180, 180));
        var first = new BakeMonitor(Defaults);
        var beforeRestart = bake.Run(first, seconds: 6, bakeOverAtEnd: false);
        Assert.Equal(1, beforeRestart[^1].ConsecutiveWindowFailures);

        var restarted = new BakeMonitor(Defaults);
        var afterRestart = bake.Run(restarted, seconds: 8, bakeOverAtEnd: false);

        // The restarted monitor sees the same samples but has not seen two failures in a row.
        Assert.Equal(BakeDecision.RollBack, afterRestart[^1].Decision);
        Assert.Equal(2, afterRestart.Count(a => a.Window.Outcome == CanaryOutcome.Fail));
    }

    [Fact]
    public void Assess_CalledTwiceForTheSameSecond_CountsOneEvaluation()
    {
        var bake = new Bake(second => (Jitter(0.01, second), Jitter(0.02, second), 180, 180));
        var monitor = new BakeMonitor(Defaults);
        var samples = bake.Samples(6);
        var now = StepStart.AddSeconds(6);

        monitor.Assess(samples, StepStart, now, bakeOver: false);
        var again = monitor.Assess(samples, StepStart, now, bakeOver: false);

        Assert.Equal(1, again.ConsecutiveWindowFailures);
        Assert.Equal(BakeDecision.Continue, again.Decision);
    }

    [Fact]
    public void Assess_FaultInTheBakesLastSeconds_BakesOnUntilItIsConfirmed()
    {
        var bake = new Bake(second => (Jitter(0.01, second), Jitter(second > 26 ? 0.03 : 0.01, second), 180, 180));
        var monitor = new BakeMonitor(Defaults);

        var decisions = bake.Run(monitor, seconds: 30, extraSeconds: 6);

        Assert.Equal(BakeDecision.RollBack, decisions[^1].Decision);
        Assert.InRange(decisions.Count, 31, 36);
        Assert.Contains(decisions, a => a.Explanation.StartsWith("Keep baking past the bake's end", StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_AnalysisOff_Throws()
    {
        Assert.Throws<ArgumentException>(() => new BakeMonitor(new AnalysisSettings { Enabled = false }));
    }

    // Deterministic, lightly varying values (+-0.5% around the value) so ranks are meaningful.
    private static double Jitter(double value, int second) => value * (0.995 + second * 7 % 11 * 0.001);

    /// <summary>A bake whose every second yields (baseline error, canary error, baseline p99, canary p99).</summary>
    private sealed class Bake(Func<int, (double BaselineError, double CanaryError, double BaselineP99, double CanaryP99)> second)
    {
        public List<MetricSample> Samples(int seconds)
        {
            var samples = new List<MetricSample>();
            for (var s = 1; s <= seconds; s++)
            {
                Add(samples, s);
            }

            return samples;
        }

        /// <summary>Assesses once a second until a decision other than Continue, as the engine does.</summary>
        public List<BakeAssessment> Run(BakeMonitor monitor, int seconds, bool bakeOverAtEnd = true, int extraSeconds = 0)
        {
            var samples = new List<MetricSample>();
            var assessments = new List<BakeAssessment>();
            for (var s = 1; s <= seconds + extraSeconds; s++)
            {
                Add(samples, s);
                var assessment = monitor.Assess(samples, StepStart, StepStart.AddSeconds(s), bakeOverAtEnd && s >= seconds);
                assessments.Add(assessment);
                if (assessment.Decision != BakeDecision.Continue)
                {
                    break;
                }
            }

            return assessments;
        }

        private void Add(List<MetricSample> samples, int s)
        {
            var at = StepStart.AddSeconds(s);
            var (baselineError, canaryError, baselineP99, canaryP99) = second(s);
            samples.Add(new(Cohorts.Baseline, "error_rate", baselineError, at));
            samples.Add(new(Cohorts.Canary, "error_rate", canaryError, at));
            samples.Add(new(Cohorts.Baseline, "latency_p99_ms", baselineP99, at));
            samples.Add(new(Cohorts.Canary, "latency_p99_ms", canaryP99, at));
        }
    }
}
