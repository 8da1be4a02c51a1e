using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Domain.Simulation;

namespace Mcp.Dashboard.Domain.Tests.Simulation;

public sealed class FleetSimulatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 30, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Tick_SameSeed_ReplaysTheSameSamples()
    {
        var first = Play(new FleetSimulator(new Random(11)), weight: 10, seconds: 50);
        var second = Play(new FleetSimulator(new Random(11)), weight: 10, seconds: 50);
        var other = Play(new FleetSimulator(new Random(12)), weight: 10, seconds: 50);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Tick_WeightZero_YieldsNoSamples()
    {
        var fleet = new FleetSimulator(new Random(1));

        Assert.Empty(fleet.Tick(Start));
    }

    [Theory]
    [InlineData(1, 5_000)]
    [InlineData(10, 50_000)]
    [InlineData(50, 250_000)]
    public void Tick_FollowsTheWeight_BothCohortsSeeTheSameVolume(int weight, double perCohort)
    {
        var samples = Play(new FleetSimulator(new Random(3)), weight, seconds: 30);

        foreach (var cohort in new[] { Cohorts.Baseline, Cohorts.Canary })
        {
            var requests = samples.Where(s => s.Cohort == cohort && s.Metric == FleetSimulator.RequestsPerSecond).Select(s => s.Value).ToList();
            Assert.Equal(30, requests.Count);
            Assert.InRange(requests.Average(), perCohort * 0.98, perCohort * 1.02);
        }
    }

    [Fact]
    public void Tick_Healthy_GivesAboutOnePercentErrorsAndA180MsP99()
    {
        var samples = Play(new FleetSimulator(new Random(5)), weight: 10, seconds: 300);

        Assert.InRange(Mean(samples, Cohorts.Baseline, FleetSimulator.ErrorRate), 0.007, 0.013);
        Assert.InRange(Mean(samples, Cohorts.Canary, FleetSimulator.ErrorRate), 0.007, 0.013);
        Assert.InRange(Median(samples, Cohorts.Baseline, FleetSimulator.LatencyP99), 150, 215);
    }

    [Fact]
    public void InjectFault_ActsOnTheCanaryOnlyAndClearFaultsRestoresIt()
    {
        var fleet = new FleetSimulator(new Random(8));
        fleet.InjectFault(FaultKind.ErrorSpike, 3);
        fleet.InjectFault(FaultKind.LatencyRegression, 1.5);
        var faulty = Play(fleet, weight: 10, seconds: 60);
        fleet.ClearFaults();
        var cleared = Play(fleet, weight: 10, seconds: 60, from: 60);

        var baselineErrors = Mean(faulty, Cohorts.Baseline, FleetSimulator.ErrorRate);
        Assert.InRange(Mean(faulty, Cohorts.Canary, FleetSimulator.ErrorRate) / baselineErrors, 2.7, 3.3);
        Assert.InRange(Median(faulty, Cohorts.Canary, FleetSimulator.LatencyP99) / Median(faulty, Cohorts.Baseline, FleetSimulator.LatencyP99), 1.35, 1.65);
        Assert.InRange(Mean(cleared, Cohorts.Canary, FleetSimulator.ErrorRate) / Mean(cleared, Cohorts.Baseline, FleetSimulator.ErrorRate), 0.85, 1.15);
    }

    [Fact]
    public void InjectFault_NonPositiveFactor_Throws()
    {
        var fleet = new FleetSimulator(new Random(1));

        Assert.Throws<ArgumentOutOfRangeException>(() => fleet.InjectFault(FaultKind.ErrorSpike, 0));
    }

    private static List<MetricSample> Play(FleetSimulator fleet, int weight, int seconds, int from = 0)
    {
        fleet.SetCanaryWeight(weight);
        var samples = new List<MetricSample>();
        for (var s = from + 1; s <= from + seconds; s++)
        {
            fleet.Tick(Start.AddSeconds(s), samples);
        }

        return samples;
    }

    private static IEnumerable<double> Values(List<MetricSample> samples, string cohort, string metric) =>
        samples.Where(s => s.Cohort == cohort && s.Metric == metric).Select(s => s.Value);

    private static double Mean(List<MetricSample> samples, string cohort, string metric) => Values(samples, cohort, metric).Average();

    private static double Median(List<MetricSample> samples, string cohort, string metric)
    {
        var sorted = Values(samples, cohort, metric).Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
