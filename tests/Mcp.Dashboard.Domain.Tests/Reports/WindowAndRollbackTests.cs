using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Reports;

namespace Mcp.Dashboard.Domain.Tests.Reports;

public sealed class WindowKeepingTests
{
    private static readonly DateTimeOffset End = new(2026, 11, 23, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FinishedBeforeTheEnd_Kept() => Assert.Equal(WindowOutcome.Kept, WindowKeeping.Classify(End.AddMinutes(-1), End, false));

    [Fact]
    public void FinishedOnTheEnd_Kept() => Assert.Equal(WindowOutcome.Kept, WindowKeeping.Classify(End, End, false));

    [Fact]
    public void FinishedAfterTheEnd_Overran() => Assert.Equal(WindowOutcome.Overran, WindowKeeping.Classify(End.AddSeconds(1), End, false));

    [Fact]
    public void DeadlinePolicyActed_CountsAgainstTheWindowEvenIfTheRollbackWasQuick() =>
        Assert.Equal(WindowOutcome.DeadlineReached, WindowKeeping.Classify(End.AddMinutes(-4), End, true));

    [Fact]
    public void NoWindow_SaysSo() => Assert.Equal(WindowOutcome.NoWindow, WindowKeeping.Classify(End, null, false));

    [Fact]
    public void NotFinished_IsNotClassified() => Assert.Null(WindowKeeping.Classify(null, End, false));
}

public sealed class RollbackCausesTests
{
    [Theory]
    [InlineData("sam@example.com", "Checkout errors reported", RollbackCause.Manual)]
    [InlineData("judge", "Canary failed: error_rate 4.1% against 1.0%.", RollbackCause.Judge)]
    [InlineData("judge", "The plan's rollback trigger fired: error_rate above 0.02 on the canary for 60 s (last value 0.05).", RollbackCause.PlanTrigger)]
    [InlineData("judge", "The maintenance window closes at 22:00 UTC and the rollout had not finished; the plan says roll back.", RollbackCause.WindowDeadline)]
    [InlineData("JUDGE", "anything", RollbackCause.Judge)]
    public void Classify_TellsWhoAsked(string by, string reason, RollbackCause expected) =>
        Assert.Equal(expected, RollbackCauses.Classify(by, reason, "judge"));

    [Fact]
    public void KeyFor_GroupsTheJudgeByFailedMetrics_AndPeopleByTheirWords()
    {
        Assert.Equal("error_rate, latency_p99_ms", RollbackCauses.KeyFor(RollbackCause.Judge, "x", ["latency_p99_ms", "error_rate", "error_rate"]));
        Assert.Equal("verdict", RollbackCauses.KeyFor(RollbackCause.Judge, "x"));
        Assert.Equal("error_rate above 0.02", RollbackCauses.KeyFor(RollbackCause.PlanTrigger, "The plan's rollback trigger fired: error_rate above 0.02 on the canary for 60 s (last value 0.05)."));
        Assert.Equal("window closed", RollbackCauses.KeyFor(RollbackCause.WindowDeadline, "whatever"));
        Assert.Equal(RollbackCauses.KeyFor(RollbackCause.Manual, "  Checkout   errors reported. "), RollbackCauses.KeyFor(RollbackCause.Manual, "checkout errors reported"));
        Assert.Equal("(no reason given)", RollbackCauses.KeyFor(RollbackCause.Manual, " "));
    }

    [Fact]
    public void Group_CountsAndShowsTheLatestWording_MostFrequentFirst()
    {
        var t = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var groups = RollbackCauses.Group(
        [
            new RollbackInstance(RollbackCause.Manual, "db slow", "DB slow", t),
            new RollbackInstance(RollbackCause.Judge, "error_rate", "Canary failed ...", t.AddDays(1)),
            new RollbackInstance(RollbackCause.Manual, "db slow", "db slow!", t.AddDays(2)),
        ]);

        Assert.Equal(2, groups.Count);
        Assert.Equal(new RollbackReasonGroup(RollbackCause.Manual, "db slow", "db slow!", 2, t.AddDays(2)), groups[0]);
        Assert.Equal(1, groups[1].Count);
    }
}

public sealed class MetricComparisonTests
{
    private static readonly AnalysisMetric ErrorRate = new() { Name = "error_rate", AbsoluteLimit = 0.05, RelativeTolerance = 0.5 };

    private static MetricBucketValue[] Buckets(params double[] means) => means.Select(m => new MetricBucketValue(10, m, m * 1.5)).ToArray();

    [Fact]
    public void Summarise_TakesMedianAndP99OfBucketMeans_AndThePeakSample()
    {
        var summary = MetricComparisons.Summarise(Buckets(1, 2, 3, 4, 100))!;

        Assert.Equal(50, summary.Samples);
        Assert.Equal(3, summary.Median);
        Assert.Equal(96.16, summary.P99, 6);
        Assert.Equal(150, summary.Peak);
        Assert.Null(MetricComparisons.Summarise([new MetricBucketValue(0, 0, 0)]));
    }

    [Fact]
    public void Compare_HealthyCanary_IsWithin()
    {
        var comparison = MetricComparisons.Compare("error_rate", Buckets(0.010, 0.011, 0.009), Buckets(0.011, 0.012, 0.010), ErrorRate);

        Assert.Equal(ThresholdCheck.Within, comparison.Check);
        Assert.Equal(1.1, comparison.Ratio!.Value, 6);
    }

    [Fact]
    public void Compare_DoubledErrors_IsOutsideTheTolerance()
    {
        var comparison = MetricComparisons.Compare("error_rate", Buckets(0.01), Buckets(0.02), ErrorRate);

        Assert.Equal(ThresholdCheck.Outside, comparison.Check);
        Assert.Contains("100% above the baseline", comparison.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_Outside_KeepsTheFactsOfEachBrokenThreshold()
    {
        var doubled = MetricComparisons.Compare("error_rate", Buckets(0.01), Buckets(0.02), ErrorRate);
        var limit = MetricComparisons.Compare("error_rate", Buckets(0.06), Buckets(0.06), ErrorRate);

        var median = Assert.Single(doubled.Problems!);
        Assert.Equal(ComparisonProblemKind.Median, median.Kind);
        Assert.Equal(1.0, median.Value, 6);
        Assert.Equal(ComparisonProblemKind.Limit, limit.Problems![0].Kind);
        Assert.Equal(0.06, limit.Problems[0].Value, 6);
        Assert.Equal(0.05, limit.Problems[0].Reference, 6);
    }

    [Fact]
    public void Compare_ALateSpike_ShowsInTheTailEvenWhenTheMedianIsFine()
    {
        var comparison = MetricComparisons.Compare("error_rate", Buckets(0.010, 0.010, 0.010, 0.010, 0.011), Buckets(0.010, 0.010, 0.010, 0.010, 0.030), ErrorRate);

        Assert.Equal(1, comparison.Ratio!.Value, 6);
        Assert.Equal(ThresholdCheck.Outside, comparison.Check);
        Assert.StartsWith("The canary's 99th percentile", comparison.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_AboveTheAbsoluteLimit_IsOutside()
    {
        var comparison = MetricComparisons.Compare("error_rate", Buckets(0.06), Buckets(0.06), ErrorRate);

        Assert.Equal(ThresholdCheck.Outside, comparison.Check);
        Assert.StartsWith("The canary median 0.06 is above the limit 0.05", comparison.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_LowerIsWorse_FlipsTheChecks()
    {
        var throughput = new AnalysisMetric { Name = "rps", HigherIsWorse = false, RelativeTolerance = 0.1 };

        Assert.Equal(ThresholdCheck.Outside, MetricComparisons.Compare("rps", Buckets(100), Buckets(80), throughput).Check);
        Assert.Equal(ThresholdCheck.Within, MetricComparisons.Compare("rps", Buckets(100), Buckets(120), throughput).Check);
    }

    [Fact]
    public void Compare_ZeroBaseline_HasNoRatio_AndFailsANonZeroCanary()
    {
        var comparison = MetricComparisons.Compare("error_rate", Buckets(0), Buckets(0.01), ErrorRate);

        Assert.Null(comparison.Ratio);
        Assert.Equal(ThresholdCheck.Outside, comparison.Check);
    }

    [Fact]
    public void Compare_MissingCohort_IsNoData() =>
        Assert.Equal(ThresholdCheck.NoData, MetricComparisons.Compare("error_rate", Buckets(0.01), [], ErrorRate).Check);
}
