using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Domain.Tests.Analysis;

public sealed class CanaryJudgeTests
{
    private static readonly AnalysisSettings Defaults = new();

    [Fact]
    public void Judge_ZeroErrorBaselineAndErroringCanary_FailsWithReason()
    {
        var baseline = Enumerable.Repeat(0.0, 30).ToArray();
        var canary = Enumerable.Repeat(0.008, 30).ToArray();

        var verdict = CanaryJudge.Judge([new("error_rate", baseline, canary), Latency(30, 250, 250)], Defaults);

        Assert.Equal(CanaryOutcome.Fail, verdict.Outcome);
        var error = verdict.Metrics.Single(m => m.Metric == "error_rate");
        Assert.Equal(CanaryOutcome.Fail, error.Outcome);
        Assert.Equal("baseline had no errors; canary 0.8%", error.Reason);
    }

    [Fact]
    public void Judge_ZeroErrorBaselineAndCanaryBelowFloor_Passes()
    {
        var baseline = Enumerable.Repeat(0.0, 30).ToArray();
        var canary = Enumerable.Repeat(0.0, 29).Append(0.01).ToArray(); // mean 0.033%, below the 0.1% floor

        var verdict = CanaryJudge.Judge([new("error_rate", baseline, canary), Latency(30, 250, 250)], Defaults);

        Assert.Equal(CanaryOutcome.Pass, verdict.Outcome);
    }

    [Fact]
    public void Judge_TooFewSamples_IsNoDataWithCounts()
    {
        var verdict = CanaryJudge.Judge(
            [new("error_rate", Constant(12, 0.01), Constant(7, 0.01)), new("latency_p99_ms", Constant(12, 200), Constant(7, 200))],
            Defaults);

        Assert.Equal(CanaryOutcome.NoData, verdict.Outcome);
        Assert.Null(verdict.Score);
        Assert.Equal("too few samples (7 canary, 12 baseline)", verdict.Metrics[0].Reason);
        Assert.Contains("too few samples (7 canary, 12 baseline)", verdict.Explanation);
    }

    [Fact]
    public void Judge_OneMetricWithoutData_IsJudgedOnTheOthers()
    {
        var random = new Random(5);
        var verdict = CanaryJudge.Judge([ErrorRate(random, 30, 0.01, 0.01)], Defaults);

        Assert.Equal(CanaryOutcome.Pass, verdict.Outcome);
        Assert.Equal(CanaryOutcome.NoData, verdict.Metrics.Single(m => m.Metric == "latency_p99_ms").Outcome);
        Assert.Equal(100, verdict.Score);
    }

    [Fact]
    public void Judge_IdenticalDistributions_PassesWithFullScore()
    {
        var random = new Random(42);
        var verdict = CanaryJudge.Judge([ErrorRate(random, 30, 0.01, 0.01), Latency(random, 30, 250, 250)], Defaults);

        Assert.Equal(CanaryOutcome.Pass, verdict.Outcome);
        Assert.Equal(100, verdict.Score);
        Assert.StartsWith("Pass (score 100 of 100): ", verdict.Explanation);
    }

    [Fact]
    public void Judge_DoubledErrorRate_FailsOnTheCriticalMetric()
    {
        var random = new Random(42);
        var verdict = CanaryJudge.Judge([ErrorRate(random, 30, 0.01, 0.02), Latency(random, 30, 250, 250)], Defaults);

        Assert.Equal(CanaryOutcome.Fail, verdict.Outcome);
        var error = verdict.Metrics.Single(m => m.Metric == "error_rate");
        Assert.Equal(CanaryOutcome.Fail, error.Outcome);
        Assert.True(error.PValue < 0.001);
        Assert.InRange(error.Shift!.Value, 0.007, 0.013);
        Assert.InRange(error.Shift.Value, error.ShiftLower!.Value, error.ShiftUpper!.Value);
        Assert.StartsWith("canary is significantly worse", error.Reason);
    }

    [Fact]
    public void Judge_Explanation_IsOneSentenceWithTheNumbers()
    {
        // Deterministic series: baseline 1.0% +- 0.05, canary 2.1% +- 0.05, 30 each.
        var baseline = Enumerable.Range(0, 30).Select(i => 0.0095 + i % 10 * 0.0001).ToArray();
        var canary = Enumerable.Range(0, 30).Select(i => 0.0205 + i % 10 * 0.0001).ToArray();

        var verdict = CanaryJudge.Judge([new("error_rate", baseline, canary), Latency(30, 250, 250)], Defaults);

        Assert.Equal(
            "Fail: error_rate on the canary is 2.1% against 1.0% on the baseline (shift +1.1 points, 95% CI +1.1 to +1.1, p < 0.001, 30 vs 30 samples).",
            verdict.Explanation);
    }

    [Fact]
    public void Judge_ShiftBeyondToleranceButNotSignificant_IsMarginal()
    {
        // Canary half like baseline, half 60 ms slower: the HL shift is +27.5 ms (26% > 20%),
        // but U = 62.5 of 100 gives p = 0.37, so the judge cannot call it a regression.
        double[] baseline = [100, 101, 102, 103, 104, 105, 106, 107, 108, 109];
        double[] canary = [100, 101, 102, 103, 104, 160, 161, 162, 163, 164];
        var random = new Random(1);

        var verdict = CanaryJudge.Judge([ErrorRate(random, 10, 0.01, 0.01), new("latency_p99_ms", baseline, canary)], Defaults);

        var latency = verdict.Metrics.Single(m => m.Metric == "latency_p99_ms");
        Assert.Equal(CanaryOutcome.Marginal, latency.Outcome);
        Assert.True(latency.PValue > 0.3);
        Assert.Equal(CanaryOutcome.Marginal, verdict.Outcome);
        Assert.Equal(75, verdict.Score);
        Assert.StartsWith("Marginal (score 75 of 100): latency_p99_ms on the canary is 132 ms against 104.5 ms", verdict.Explanation);
    }

    [Fact]
    public void Judge_LightMetricFails_ScoreBetweenBoundsIsMarginal()
    {
        var settings = new AnalysisSettings
        {
            Metrics =
            [
                new() { Name = "error_rate", Critical = true, Weight = 1, RelativeTolerance = 0.5 },
                new() { Name = "latency_p99_ms", Weight = 1, RelativeTolerance = 0.2 },
                new() { Name = "cpu", Weight = 0.25, RelativeTolerance = 0.1 },
            ],
        };
        var verdict = CanaryJudge.Judge(
            [new("error_rate", Steady(20, 0.01), Steady(20, 0.01)), Latency(20, 250, 250), new("cpu", Steady(20, 0.4), Steady(20, 0.8))],
            settings);

        Assert.Equal(CanaryOutcome.Fail, verdict.Metrics.Single(m => m.Metric == "cpu").Outcome);
        Assert.Equal(100 * 2 / 2.25, verdict.Score!.Value, 9);
        Assert.Equal(CanaryOutcome.Marginal, verdict.Outcome);
    }

    [Fact]
    public void Judge_CriticalMetricFails_OverridesAHighScore()
    {
        // Nine healthy metrics and a failing critical one score 90, a Pass by score alone.
        var metrics = Enumerable.Range(0, 9).Select(i => new AnalysisMetric { Name = $"m{i}", RelativeTolerance = 0.2 })
            .Prepend(new AnalysisMetric { Name = "error_rate", Critical = true, RelativeTolerance = 0.5 })
            .ToList();
        var series = Enumerable.Range(0, 9).Select(i => new MetricSeries($"m{i}", Steady(20, 10), Steady(20, 10)))
            .Prepend(new MetricSeries("error_rate", Steady(20, 0.01), Steady(20, 0.03)))
            .ToList();

        var verdict = CanaryJudge.Judge(series, new AnalysisSettings { Metrics = metrics });

        Assert.Equal(90, verdict.Score!.Value, 9);
        Assert.Equal(CanaryOutcome.Fail, verdict.Outcome);
        Assert.StartsWith("Fail: error_rate on the canary is 3.0", verdict.Explanation);
    }

    [Fact]
    public void Judge_NonCriticalFailureAlone_FailsOnScore()
    {
        var verdict = CanaryJudge.Judge([new("error_rate", Steady(20, 0.01), Steady(20, 0.01)), Latency(20, 200, 400)], Defaults);

        Assert.Equal(50, verdict.Score);
        Assert.Equal(CanaryOutcome.Fail, verdict.Outcome);
        Assert.Equal(CanaryOutcome.Fail, verdict.Metrics.Single(m => m.Metric == "latency_p99_ms").Outcome);
        Assert.Equal(
            "Fail (score 50 of 100): latency_p99_ms on the canary is 399.8 ms against 199.9 ms on the baseline (shift +199.9 ms, 95% CI +199.2 to +200.6, p < 0.001, 20 vs 20 samples).",
            verdict.Explanation);
    }

    [Fact]
    public void Judge_SignificantShiftWithinTolerance_Passes()
    {
        // +10 ms on 200 ms is significant with 30 clean samples but within the 20% tolerance.
        var verdict = CanaryJudge.Judge([new("error_rate", Steady(30, 0.01), Steady(30, 0.01)), Latency(30, 200, 210)], Defaults);

        var latency = verdict.Metrics.Single(m => m.Metric == "latency_p99_ms");
        Assert.True(latency.PValue < 0.001);
        Assert.Equal(CanaryOutcome.Pass, latency.Outcome);
        Assert.Equal(CanaryOutcome.Pass, verdict.Outcome);
    }

    [Fact]
    public void Judge_CanaryMedianAboveAbsoluteLimit_Fails()
    {
        var verdict = CanaryJudge.Judge([new("error_rate", Steady(20, 0.045), Steady(20, 0.052)), Latency(20, 200, 200)], Defaults);

        var error = verdict.Metrics.Single(m => m.Metric == "error_rate");
        Assert.Equal(CanaryOutcome.Fail, error.Outcome);
        Assert.Contains("above the limit 5.0%", error.Reason);
    }

    [Fact]
    public void Judge_LowerIsWorseMetricDrops_Fails()
    {
        var settings = new AnalysisSettings
        {
            Metrics = [new() { Name = "throughput", HigherIsWorse = false, Critical = true, RelativeTolerance = 0.1 }],
        };

        var dropped = CanaryJudge.Judge([new("throughput", Steady(20, 1000), Steady(20, 700))], settings);
        var rose = CanaryJudge.Judge([new("throughput", Steady(20, 1000), Steady(20, 1300))], settings);

        Assert.Equal(CanaryOutcome.Fail, dropped.Outcome);
        Assert.Equal(CanaryOutcome.Pass, rose.Outcome);
    }

    // Simulation model for the two tuning tests: one sample per second per fleet; each error_rate
    // sample is the failed fraction of 1,000 requests (binomial), baseline 1%; each
    // latency_p99_ms sample is 250 ms with 10% Gaussian noise. Both use the plan defaults.
    private const int RequestsPerSecond = 1_000;

    [Fact]
    public void Judge_ThousandHealthyRuns_FalseFailRateAtMostOnePercent()
    {
        var random = new Random(20261123);
        var fails = 0;
        const int runs = 1_000;
        for (var run = 0; run < runs; run++)
        {
            var verdict = CanaryJudge.Judge([ErrorRate(random, 10, 0.01, 0.01), Latency(random, 10, 250, 250)], Defaults);
            if (verdict.Outcome == CanaryOutcome.Fail)
            {
                fails++;
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"false fails: {fails} of {runs}");
        Assert.True(fails <= runs / 100, $"{fails} false fails in {runs} healthy runs");
    }

    [Fact]
    public void Judge_DoubledErrorRateWithTenSamplesPerSide_FailsInAtLeast95PercentOfRuns()
    {
        var random = new Random(777);
        var detected = 0;
        const int runs = 1_000;
        for (var run = 0; run < runs; run++)
        {
            var verdict = CanaryJudge.Judge([ErrorRate(random, 10, 0.01, 0.02), Latency(random, 10, 250, 250)], Defaults);
            if (verdict.Outcome == CanaryOutcome.Fail)
            {
                detected++;
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"detected: {detected} of {runs}");
        Assert.True(detected >= runs * 95 / 100, $"only {detected} of {runs} regressions detected");
    }

    private static MetricSeries ErrorRate(Random random, int samples, double baselineRate, double canaryRate) =>
        new("error_rate", Binomial(random, samples, baselineRate), Binomial(random, samples, canaryRate));

    private static double[] Binomial(Random random, int samples, double rate) =>
        Enumerable.Range(0, samples)
            .Select(_ =>
            {
                var failed = 0;
                for (var i = 0; i < RequestsPerSecond; i++)
                {
                    if (random.NextDouble() < rate)
                    {
                        failed++;
                    }
                }

                return failed / (double)RequestsPerSecond;
            })
            .ToArray();

    private static MetricSeries Latency(Random random, int samples, double baselineMs, double canaryMs) =>
        new("latency_p99_ms", Gaussian(random, samples, baselineMs, baselineMs * 0.1), Gaussian(random, samples, canaryMs, canaryMs * 0.1));

    private static double[] Gaussian(Random random, int samples, double mean, double sd) =>
        Enumerable.Range(0, samples)
            .Select(_ => mean + sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))
            .ToArray();

    // Deterministic, lightly varying series: +-0.5% around the value, so ranks are meaningful.
    private static MetricSeries Latency(int samples, double baselineMs, double canaryMs) =>
        new("latency_p99_ms", Steady(samples, baselineMs), Steady(samples, canaryMs));

    private static double[] Steady(int samples, double value) =>
        Enumerable.Range(0, samples).Select(i => value * (0.995 + i % 10 * 0.001)).ToArray();

    private static double[] Constant(int samples, double value) => Enumerable.Repeat(value, samples).ToArray();
}
