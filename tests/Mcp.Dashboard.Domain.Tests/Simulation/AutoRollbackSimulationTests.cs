using Mcp.Dashboard.Domain.Simulation;

namespace Mcp.Dashboard.Domain.Tests.Simulation;

/// <summary>
/// The automatic rollback targets (product brief section 6) with the default policy, the
/// default fleet (5,000 requests a second per cohort at 1%) and analysis enabled with nothing
/// else: a doubled error rate rolled back within 10 s, and at most 1% false rollbacks over
/// 1,000 healthy runs of 1%, 10% and 50% baked 120 s each, judged every second.
/// </summary>
public sealed class AutoRollbackSimulationTests
{
    private static readonly TimeSpan TenSeconds = TimeSpan.FromSeconds(10);

    [Fact]
    public void Run_ThousandHealthyCanaries_RollBackAtMostOnePercent()
    {
        var result = AutoRollbackSimulation.Run(AutoRollbackScenario.Healthy, runs: 1_000, seed: 20260130);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"healthy: {result.FalseRollbacks} false rollbacks, {result.Paused} paused, {result.Passed} passed of {result.Runs}");
        Assert.Equal(result.Runs, result.Passed + result.Paused + result.RolledBack);
        Assert.True(result.FalseRollbackRate <= 0.01, $"{result.FalseRollbacks} false rollbacks in {result.Runs} healthy runs");
    }

    [Fact]
    public void Run_ThousandDoubledErrorRates_RolledBackWithinTenSecondsInAtLeast99Percent()
    {
        var result = AutoRollbackSimulation.Run(AutoRollbackScenario.ErrorRateDoubled, runs: 1_000, seed: 20260131);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"doubled error rate: p50 {result.DetectionP50?.TotalSeconds} s, p95 {result.DetectionP95?.TotalSeconds} s, max {result.DetectionMax?.TotalSeconds} s, " +
            $"{result.ShareDetectedWithin(TenSeconds):P1} within 10 s, {result.Undetected} undetected, {result.FalseRollbacks} rolled back before the fault");
        Assert.Equal(0, result.Undetected);
        Assert.True(result.ShareDetectedWithin(TenSeconds) >= 0.99, $"only {result.ShareDetectedWithin(TenSeconds):P1} within 10 s");
    }

    [Fact]
    public void Run_SameSeed_GivesTheSameResult()
    {
        var first = AutoRollbackSimulation.Run(AutoRollbackScenario.ErrorRateDoubled, runs: 40, seed: 9);
        var second = AutoRollbackSimulation.Run(AutoRollbackScenario.ErrorRateDoubled, runs: 40, seed: 9);

        Assert.Equal(first.DetectionTimes, second.DetectionTimes);
        Assert.Equal((first.Passed, first.Paused, first.RolledBack), (second.Passed, second.Paused, second.RolledBack));
    }

    [Fact]
    public void Run_TrafficTooThinToSeeADoubling_ReportsSlowDetectionHonestly()
    {
        // 1% of a 20,000 req/s service: 200 requests and 2 errors a second per cohort.
        var thin = AutoRollbackScenario.ErrorRateDoubled with { Fleet = FleetProfile.Default with { FleetRequestsPerSecond = 20_000 } };

        var result = AutoRollbackSimulation.Run(thin, runs: 100, seed: 4);

        TestContext.Current.TestOutputHelper?.WriteLine($"thin traffic: {result.ShareDetectedWithin(TenSeconds):P0} within 10 s");
        Assert.True(result.ShareDetectedWithin(TenSeconds) < 0.5);
    }
}
