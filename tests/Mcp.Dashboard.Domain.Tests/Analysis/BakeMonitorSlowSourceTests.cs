using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Domain.Tests.Analysis;

/// <summary>A source read every five seconds (Prometheus): the window widens to hold its samples, and one sample never counts twice.</summary>
public sealed class BakeMonitorSlowSourceTests
{
    private static readonly DateTimeOffset StepStart = new(2026, 1, 30, 10, 0, 0, TimeSpan.Zero);

    private static List<MetricSample> EveryFiveSeconds(int count, double canaryErrors) =>
        Enumerable.Range(1, count).SelectMany(i =>
        {
            var at = StepStart.AddSeconds(5 * i);
            var wobble = 1 + i % 3 * 0.01;
            return new[]
            {
                new MetricSample(Cohorts.Baseline, "error_rate", 0.01 * wobble, at),
                new MetricSample(Cohorts.Canary, "error_rate", canaryErrors * wobble, at),
                new MetricSample(Cohorts.Baseline, "latency_p99_ms", 180 * wobble, at),
                new MetricSample(Cohorts.Canary, "latency_p99_ms", 181 * wobble, at),
            };
        }).ToList();

    [Fact]
    public void AClearFailureReadEveryFiveSeconds_RollsBackOnTwoFreshReadings()
    {
        var monitor = new BakeMonitor(new AnalysisSettings { Enabled = true });
        var samples = EveryFiveSeconds(6, canaryErrors: 0.05);

        // Evaluated every second; the sixth reading arrived at 30 s.
        var decisions = Enumerable.Range(30, 5)
            .Select(second => monitor.Assess(samples, StepStart, StepStart.AddSeconds(second), bakeOver: false))
            .ToList();

        Assert.Equal(CanaryOutcome.Fail, decisions[0].Window.Outcome);
        Assert.All(decisions, d => Assert.Equal(1, d.ConsecutiveWindowFailures));
        Assert.All(decisions, d => Assert.Equal(BakeDecision.Continue, d.Decision));

        var next = monitor.Assess(EveryFiveSeconds(7, canaryErrors: 0.05), StepStart, StepStart.AddSeconds(35), bakeOver: false);

        Assert.Equal(BakeDecision.RollBack, next.Decision);
    }

    [Fact]
    public void AHealthyCanaryReadEveryFiveSeconds_KeepsBaking()
    {
        var monitor = new BakeMonitor(new AnalysisSettings { Enabled = true });

        var assessment = monitor.Assess(EveryFiveSeconds(12, canaryErrors: 0.0101), StepStart, StepStart.AddSeconds(60), bakeOver: false);

        Assert.Equal(BakeDecision.Continue, assessment.Decision);
        Assert.NotEqual(CanaryOutcome.NoData, assessment.Window.Outcome);
    }
}
