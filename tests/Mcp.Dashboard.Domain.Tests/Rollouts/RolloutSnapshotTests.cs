using System.Text.Json;
using System.Text.Json.Serialization;
using Mcp.Dashboard.Domain.Rollouts;
using static Mcp.Dashboard.Domain.Tests.Rollouts.RolloutFixtures;

namespace Mcp.Dashboard.Domain.Tests.Rollouts;

public sealed class RolloutSnapshotTests
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void Snapshot_SurvivesJsonAndRestoresTheSameRollout()
    {
        var rollout = StartedCanary();
        rollout.BeginStep(0, Now);
        rollout.RecordActionApplied(0, Now.AddMilliseconds(20));
        rollout.CompleteStep(0, StepOutcome.Succeeded("Pass"), Now.AddMinutes(5));
        rollout.BeginStep(1, Now.AddMinutes(5));
        rollout.Pause("marginal verdict");

        var json = JsonSerializer.Serialize(rollout.ToSnapshot(), Json);
        var restored = Rollout.Restore(JsonSerializer.Deserialize<RolloutSnapshot>(json, Json)!);

        Assert.Equal(rollout.ToSnapshot() with { Steps = [], RollbackChecklist = [] }, restored.ToSnapshot() with { Steps = [], RollbackChecklist = [] });
        Assert.Equal(rollout.Steps.Select(s => (s.State, s.StartedAt, s.FinishedAt, s.OutcomeNote, s.ActionAppliedAt, s.IdempotencyKey)),
            restored.Steps.Select(s => (s.State, s.StartedAt, s.FinishedAt, s.OutcomeNote, s.ActionAppliedAt, s.IdempotencyKey)));
        Assert.Equal(RolloutState.Paused, restored.State);
        Assert.Equal(10, restored.CurrentWeight);
    }

    [Fact]
    public void RecordActionApplied_OnlyTheFirstTimeChangesAnything()
    {
        var rollout = StartedCanary();
        rollout.BeginStep(0, Now);

        Assert.True(rollout.RecordActionApplied(0, Now));
        Assert.False(rollout.RecordActionApplied(0, Now.AddSeconds(3)));
        Assert.Equal(Now, rollout.Steps[0].ActionAppliedAt);
    }

    [Fact]
    public void RecordActionApplied_ForAStepThatIsNotRunning_IsRefused()
    {
        var rollout = StartedCanary();

        Assert.Throws<RolloutRuleViolation>(() => rollout.RecordActionApplied(0, Now));
    }

    [Fact]
    public void RollbackChecklist_OpensWithTheRequestAndTicksOnce()
    {
        var rollout = StartedCanary();
        rollout.BeginStep(0, Now);
        RollbackTask[] tasks = [new(1, "Restore DNS", "sam.okafor@example.com"), new(2, "Tell support", null)];

        Assert.True(rollout.RequestRollback("sam.okafor@example.com", "errors", Now, tasks));
        Assert.False(rollout.RequestRollback("li.wei@example.com", "again", Now, [new(1, "other", null)]));

        var first = rollout.CompleteRollbackTask(1, "sam.okafor@example.com", Now.AddMinutes(1));
        var again = rollout.CompleteRollbackTask(1, "li.wei@example.com", Now.AddMinutes(2));

        Assert.Equal(2, rollout.RollbackChecklist.Count);
        Assert.Equal("sam.okafor@example.com", again.DoneBy);
        Assert.Equal(first, again);
        Assert.Throws<NotFound>(() => rollout.CompleteRollbackTask(9, "x", Now));
    }
}

public sealed class BakeTimingTests
{
    [Fact]
    public void TheBakeCountsFromTheConfirmedAction_SoADelayedConfirmationStillBakesInFull()
    {
        var rollout = StartedCanary();
        rollout.BeginStep(0, Now);
        var bake = rollout.Steps[0].Step.Duration;
        Assert.Equal(Now + bake, rollout.Steps[0].DueAt);

        // The process was down for ten minutes before the re-sent action was confirmed.
        rollout.RecordActionApplied(0, Now.AddMinutes(10));

        Assert.Equal(Now.AddMinutes(10) + bake, rollout.Steps[0].DueAt);
        Assert.Equal(Now.AddMinutes(10), rollout.Steps[0].BakeStartedAt);
    }
}

public sealed class WeightTests
{
    [Fact]
    public void BlueGreen_TrafficMovesAtTheSwitch()
    {
        var rollout = Rollout.Create(RolloutId, PlanId, RolloutStepPlanner.Plan(RolloutId, BlueGreen(verifySeconds: 0, keepBlueMinutes: 0)));
        rollout.Start(Now);
        var weights = new List<int>();
        foreach (var step in rollout.Steps.ToList())
        {
            rollout.BeginStep(step.Index, Now);
            weights.Add(rollout.CurrentWeight);
            rollout.CompleteStep(step.Index, StepOutcome.Succeeded(), Now);
        }

        Assert.Equal([0, 0, 100, 100, 100], weights);
    }

    [Fact]
    public void Rolling_WeightIsTheShareOfBatchesReplaced()
    {
        var rollout = Rollout.Create(RolloutId, PlanId, RolloutStepPlanner.Plan(RolloutId, Rolling(instances: 6, batchSize: 2, intervalSeconds: 0)));
        rollout.Start(Now);
        var weights = new List<int>();
        foreach (var step in rollout.Steps.ToList())
        {
            rollout.BeginStep(step.Index, Now);
            weights.Add(rollout.CurrentWeight);
            rollout.CompleteStep(step.Index, StepOutcome.Succeeded(), Now);
        }

        Assert.Equal([33, 67, 100], weights);
    }
}

public sealed class FailedStepTests
{
    [Fact]
    public void ARollbackCausedByTheRunningStepsVerdict_FailsThatStep_AndSkipsTheRest()
    {
        var rollout = StartedCanary();
        rollout.BeginStep(0, Now);

        rollout.RequestRollback("judge", "error_rate doubled", Now.AddMinutes(1), runningStepFailed: true);

        Assert.Equal(StepState.Failed, rollout.Steps[0].State);
        Assert.Equal("error_rate doubled", rollout.Steps[0].OutcomeNote);
        Assert.All(rollout.Steps.Skip(1), s => Assert.Equal(StepState.Skipped, s.State));
    }
}

public sealed class HoldTests
{
    [Fact]
    public void AHoldForDecision_IsTheOnlyPauseWhoseResumeNamesTheHeldStep()
    {
        var rollout = StartedCanary();
        rollout.BeginStep(0, Now);

        rollout.HoldForDecision(0, "marginal");
        var restored = Rollout.Restore(rollout.ToSnapshot());
        Assert.Equal(0, restored.HeldStep);
        Assert.Equal(0, restored.Resume());

        restored.Pause("coffee");
        Assert.Null(restored.Resume());
    }
}
