using Mcp.Dashboard.Domain.Reports;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Domain.Tests.Rollouts;

namespace Mcp.Dashboard.Domain.Tests.Reports;

public sealed class RolloutPhasesTests
{
    private static readonly DateTimeOffset T0 = RolloutFixtures.Now;

    [Fact]
    public void Measure_SucceededCanary_SplitsEachStepIntoDeployingAndBaking()
    {
        var rollout = Rollout.Create(RolloutFixtures.RolloutId, RolloutFixtures.PlanId, RolloutStepPlanner.Plan(RolloutFixtures.RolloutId, RolloutFixtures.Canary(new(10, 60), new(100, 0))));
        rollout.Start(T0.AddMinutes(10));
        rollout.BeginStep(0, T0.AddMinutes(10));
        rollout.RecordActionApplied(0, T0.AddMinutes(10).AddSeconds(2));
        rollout.CompleteStep(0, StepOutcome.Succeeded(), T0.AddMinutes(11).AddSeconds(2));
        rollout.BeginStep(1, T0.AddMinutes(11).AddSeconds(2));
        rollout.RecordActionApplied(1, T0.AddMinutes(11).AddSeconds(5));
        rollout.CompleteStep(1, StepOutcome.Succeeded(), T0.AddMinutes(11).AddSeconds(5));

        var phases = RolloutPhases.Measure(rollout.ToSnapshot(), T0, [], T0.AddHours(5));

        Assert.Equal(TimeSpan.FromMinutes(10), phases.Single(p => p.Kind == PhaseKind.WaitingForWindow).Duration);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)], phases.Where(p => p.Kind == PhaseKind.Deploying).Select(p => p.Duration));
        Assert.Equal([TimeSpan.FromSeconds(60), TimeSpan.Zero], phases.Where(p => p.Kind == PhaseKind.Baking).Select(p => p.Duration));
        Assert.Equal(TimeSpan.FromSeconds(65), phases.Single(p => p.Kind == PhaseKind.Total).Duration);
        Assert.DoesNotContain(phases, p => p.Kind is PhaseKind.RollingBack or PhaseKind.Paused);
        Assert.Equal(TimeSpan.FromSeconds(5), RolloutPhases.Totals(phases)[PhaseKind.Deploying]);
    }

    [Fact]
    public void Measure_RolledBack_MeasuresTheRollbackAndLeavesCancelledStepsOut()
    {
        var rollout = RolloutFixtures.StartedCanary();
        rollout.BeginStep(0, T0);
        rollout.RecordActionApplied(0, T0.AddSeconds(1));
        rollout.RequestRollback("sam@example.com", "bad", T0.AddSeconds(31));
        rollout.CompleteRollback(T0.AddSeconds(33));

        var phases = RolloutPhases.Measure(rollout.ToSnapshot(), T0, [], T0.AddHours(1));

        Assert.Equal(TimeSpan.FromSeconds(2), phases.Single(p => p.Kind == PhaseKind.RollingBack).Duration);
        Assert.Equal(TimeSpan.FromSeconds(30), phases.Single(p => p.Kind == PhaseKind.Baking).Duration);
        Assert.Single(phases, p => p.Kind == PhaseKind.Deploying);
        Assert.Equal(TimeSpan.FromSeconds(33), phases.Single(p => p.Kind == PhaseKind.Total).Duration);
        Assert.DoesNotContain(phases, p => p.Kind == PhaseKind.WaitingForWindow);
    }

    [Fact]
    public void Measure_StillRunning_MeasuresUpToNow()
    {
        var rollout = RolloutFixtures.StartedCanary();
        rollout.BeginStep(0, T0);
        rollout.RecordActionApplied(0, T0.AddSeconds(1));

        var phases = RolloutPhases.Measure(rollout.ToSnapshot(), T0, [new PauseSpan(T0.AddSeconds(10), null)], T0.AddSeconds(41));

        Assert.Equal(TimeSpan.FromSeconds(40), phases.Single(p => p.Kind == PhaseKind.Baking).Duration);
        Assert.Equal(TimeSpan.FromSeconds(31), phases.Single(p => p.Kind == PhaseKind.Paused).Duration);
        Assert.Equal(TimeSpan.FromSeconds(41), phases.Single(p => p.Kind == PhaseKind.Total).Duration);
    }

    [Fact]
    public void Pauses_PairsPausesWithWhatEndsThem_AndIgnoresARefusedRollback()
    {
        var spans = RolloutPhases.Pauses(
        [
            (T0, "step.started", 0),
            (T0.AddSeconds(10), "rollout.paused", null),
            (T0.AddSeconds(12), "verdict.hold", 0),
            (T0.AddSeconds(20), "rollout.resumed", null),
            (T0.AddSeconds(30), "target.refused", 1),
            (T0.AddSeconds(40), "rollback.requested", null),
            (T0.AddSeconds(45), "target.refused", null),
            (T0.AddSeconds(50), "rollback.completed", null),
        ]);

        Assert.Equal([new PauseSpan(T0.AddSeconds(10), T0.AddSeconds(20)), new PauseSpan(T0.AddSeconds(30), T0.AddSeconds(40))], spans);
    }

    [Fact]
    public void Pauses_StillPaused_IsOpen()
    {
        var spans = RolloutPhases.Pauses([(T0, "gate.waiting", 0)]);

        Assert.Equal([new PauseSpan(T0, null)], spans);
    }
}
