using Mcp.Dashboard.Domain.Reports;
using Mcp.Dashboard.Domain.Rollouts;

namespace Mcp.Dashboard.Domain.Tests.Reports;

public sealed class DeliveryStatsTests
{
    [Fact]
    public void SuccessRate_CountsFinishedRollouts_AndLeavesCancelledAndRunningOut()
    {
        var rate = SuccessRate.Of([RolloutState.Succeeded, RolloutState.Succeeded, RolloutState.Succeeded, RolloutState.RolledBack, RolloutState.Cancelled, RolloutState.Running, RolloutState.Failed]);

        Assert.Equal(new SuccessRate(3, 1, 1, 1), rate);
        Assert.Equal(5, rate.Finished);
        Assert.Equal(0.6, rate.Rate!.Value, 10);
    }

    [Fact]
    public void SuccessRate_NothingFinished_HasNoRate() =>
        Assert.Null(SuccessRate.Of([RolloutState.Running, RolloutState.Cancelled]).Rate);

    [Theory]
    [InlineData(0.5, 3.0)]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 5.0)]
    [InlineData(0.9, 4.6)]
    [InlineData(0.25, 2.0)]
    public void Percentile_InterpolatesBetweenRanks(double p, double expected) =>
        Assert.Equal(expected, Percentiles.Of([5, 1, 3, 2, 4], p)!.Value, 10);

    [Fact]
    public void Percentile_OfOneValue_IsThatValue_AndOfNone_IsNull()
    {
        Assert.Equal(7, Percentiles.Of([7], 0.9));
        Assert.Null(Percentiles.Of([], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of([1], 1.5));
    }

    [Fact]
    public void PerStrategy_GroupsByStrategyAndPhase_CountingOnlyRolloutsThatHadThePhase()
    {
        static IReadOnlyDictionary<PhaseKind, TimeSpan> Phases(int total, int? rollback = null)
        {
            var phases = new Dictionary<PhaseKind, TimeSpan> { [PhaseKind.Total] = TimeSpan.FromSeconds(total) };
            if (rollback is { } r)
            {
                phases[PhaseKind.RollingBack] = TimeSpan.FromSeconds(r);
            }

            return phases;
        }

        var stats = Percentiles.PerStrategy(
        [
            ("Canary", Phases(100)), ("Canary", Phases(200)), ("Canary", Phases(300, rollback: 4)),
            ("Rolling", Phases(60)),
        ]);

        var canaryTotal = stats.Single(s => s is { Strategy: "Canary", Phase: PhaseKind.Total });
        Assert.Equal(3, canaryTotal.Rollouts);
        Assert.Equal(TimeSpan.FromSeconds(200), canaryTotal.Median);
        Assert.Equal(TimeSpan.FromSeconds(280), canaryTotal.P90);
        Assert.Equal(1, stats.Single(s => s is { Strategy: "Canary", Phase: PhaseKind.RollingBack }).Rollouts);
        Assert.Equal(TimeSpan.FromSeconds(60), stats.Single(s => s.Strategy == "Rolling").Median);
    }
}
