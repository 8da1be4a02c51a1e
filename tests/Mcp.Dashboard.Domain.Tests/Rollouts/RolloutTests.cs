using Mcp.Dashboard.Domain.Rollouts;
using static Mcp.Dashboard.Domain.Tests.Rollouts.RolloutFixtures;

namespace Mcp.Dashboard.Domain.Tests.Rollouts;

public sealed class RolloutTests
{
    [Fact]
    public void Create_IsPendingWithEveryStepPending()
    {
        var rollout = Rollout.Create(RolloutId, PlanId, RolloutStepPlanner.Plan(RolloutId, Canary()));

        Assert.Equal(RolloutState.Pending, rollout.State);
        Assert.All(rollout.Steps, s => Assert.Equal(StepState.Pending, s.State));
        Assert.Equal(0, rollout.CurrentWeight);
        Assert.Null(rollout.Next(Now).Step);
    }

    [Fact]
    public void BeginStep_SetWeight_RunsTheStepAndSetsTheWeight()
    {
        var rollout = StartedCanary();

        Assert.True(rollout.BeginStep(0, Now));

        Assert.Equal(StepState.Running, rollout.Steps[0].State);
        Assert.Equal(Now, rollout.Steps[0].StartedAt);
        Assert.Equal(1, rollout.CurrentWeight);
    }

    [Fact]
    public void BeginStep_OutOfOrder_IsRefused()
    {
        var rollout = StartedCanary();

        var violation = Assert.Throws<RolloutRuleViolation>(() => rollout.BeginStep(2, Now));
        Assert.Contains("before step 0", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BeginStep_WhilePaused_IsRefused()
    {
        var rollout = StartedCanary();
        rollout.Pause("waiting for the on-call");

        Assert.Throws<RolloutRuleViolation>(() => rollout.BeginStep(0, Now));
    }

    [Fact]
    public void BeginStep_AlreadyRunningOrDone_ChangesNothing()
    {
        var rollout = StartedCanary();
        rollout.BeginStep(0, Now);

        Assert.False(rollout.BeginStep(0, Now.AddMinutes(1)));
        Assert.Equal(Now, rollout.Steps[0].StartedAt);

        rollout.CompleteStep(0, StepOutcome.Succeeded(), Now.AddMinutes(5));
        Assert.False(rollout.BeginStep(0, Now.AddMinutes(6)));
        Assert.Equal(StepState.Succeeded, rollout.Steps[0].State);
    }

    [Fact]
    public void CompleteStep_SameStepTwice_SecondChangesNothingAndSaysSo()
    {
        var rollout = StartedCanary();
        rollout.BeginStep(0, Now);

        var first = rollout.CompleteStep(0, StepOutcome.Succeeded("pass"), Now.AddMinutes(5));
        var replay = rollout.CompleteStep(0, StepOutcome.Failed("replayed after restart"), Now.AddMinutes(9));

        Assert.Equal(StepCompletion.Completed, first);
        Assert.Equal(StepCompletion.AlreadyCompleted, replay);
        Assert.Equal(StepState.Succeeded, rollout.Steps[0].State);
        Assert.Equal("pass", rollout.Steps[0].OutcomeNote);
        Assert.Equal(Now.AddMinutes(5), rollout.Steps[0].FinishedAt);
        Assert.Equal(1, rollout.NextStep!.Index);
    }

    [Fact]
    public void CompleteStep_ByIdempotencyKeyReplayed_CompletesOnce()
    {
        var rollout = StartedCanary();
        rollout.BeginStep(0, Now);
        var key = rollout.Steps[0].IdempotencyKey;

        var results = Enumerable.Range(0, 5).Select(i => rollout.CompleteStep(key, StepOutcome.Succeeded(), Now.AddMinutes(5 + i))).ToList();

        Assert.Equal(StepCompletion.Completed, results[0]);
        Assert.All(results.Skip(1), r => Assert.Equal(StepCompletion.AlreadyCompleted, r));
        Assert.Equal(Now.AddMinutes(5), rollout.Steps[0].FinishedAt);
    }

    [Fact]
    public void CompleteStep_NotBegun_IsRefused()
    {
        var rollout = StartedCanary();

        Assert.Throws<RolloutRuleViolation>(() => rollout.CompleteStep(0, StepOutcome.Succeeded(), Now));
    }

    [Fact]
    public void CompleteStep_LastStep_RolloutSucceeds()
    {
        var rollout = StartedCanary();
        for (var i = 0; i < rollout.Steps.Count; i++)
        {
            rollout.BeginStep(i, Now.AddMinutes(i * 10));
            rollout.CompleteStep(i, StepOutcome.Succeeded(), Now.AddMinutes((i * 10) + 5));
        }

        Assert.Equal(RolloutState.Succeeded, rollout.State);
        Assert.Equal(100, rollout.CurrentWeight);
        Assert.Equal(Now.AddMinutes(35), rollout.FinishedAt);
    }

    [Fact]
    public void CompleteStep_Failed_NothingRunsNextUntilRollback()
    {
        var rollout = StartedCanary();
        rollout.BeginStep(0, Now);

        rollout.CompleteStep(0, StepOutcome.Failed("error_rate 4% vs 0.1%"), Now.AddMinutes(5));

        Assert.Equal(RolloutState.Running, rollout.State);
        Assert.Null(rollout.NextStep);
        Assert.Contains("rollback", rollout.Next(Now).Description, StringComparison.Ordinal);
        Assert.Throws<RolloutRuleViolation>(() => rollout.BeginStep(1, Now.AddMinutes(6)));
    }

    [Fact]
    public void CompleteStep_WhilePaused_RecordsTheBakeAndStaysPaused()
    {
        var rollout = StartedCanary();
        rollout.BeginStep(0, Now);
        rollout.Pause("suspicious latency");

        Assert.Equal(StepCompletion.Completed, rollout.CompleteStep(0, StepOutcome.Succeeded(), Now.AddMinutes(5)));
        Assert.Equal(RolloutState.Paused, rollout.State);
        Assert.Null(rollout.Next(Now).Step);
    }

    [Fact]
    public void RequestRollback_HundredRequests_StartsTheRollbackExactlyOnce()
    {
        var rollout = StartedCanary();
        rollout.BeginStep(0, Now);

        var started = Enumerable.Range(0, 100)
            .Select(i => rollout.RequestRollback(i == 0 ? "li.wei@example.com" : $"user{i}@example.com", $"reason {i}", Now.AddSeconds(i)))
            .ToList();

        Assert.Equal(1, started.Count(s => s));
        Assert.True(started[0]);
        Assert.Equal(RolloutState.RollingBack, rollout.State);
        Assert.Equal("li.wei@example.com", rollout.RollbackRequestedBy);
        Assert.Equal("reason 0", rollout.RollbackReason);
        Assert.Equal(Now, rollout.RollbackRequestedAt);
    }

    [Fact]
    public void RequestRollback_AfterRolledBack_ReturnsFalseAndChangesNothing()
    {
        var rollout = StartedCanary();
        rollout.RequestRollback("li.wei@example.com", "error rate", Now);
        Assert.True(rollout.CompleteRollback(Now.AddMinutes(2)));

        var again = Enumerable.Range(0, 100).Select(_ => rollout.RequestRollback("sam@example.com", "again", Now.AddMinutes(3))).ToList();

        Assert.All(again, Assert.False);
        Assert.Equal(RolloutState.RolledBack, rollout.State);
        Assert.Equal("error rate", rollout.RollbackReason);
        Assert.Equal(Now.AddMinutes(2), rollout.FinishedAt);
        Assert.False(rollout.CompleteRollback(Now.AddMinutes(4)));
        Assert.Equal(0, rollout.CurrentWeight);
    }

    [Fact]
    public void RequestRollback_CancelsPendingStepsAndCutsTheRunningOneShort()
    {
        var rollout = StartedCanary();
        rollout.BeginStep(0, Now);

        rollout.RequestRollback("li.wei@example.com", "manual", Now.AddMinutes(1));

        Assert.All(rollout.Steps, s => Assert.Equal(StepState.Skipped, s.State));
        Assert.Equal("Interrupted by rollback", rollout.Steps[0].OutcomeNote);
        Assert.Equal("Cancelled by rollback", rollout.Steps[3].OutcomeNote);
        Assert.Equal(StepCompletion.AlreadyCompleted, rollout.CompleteStep(0, StepOutcome.Succeeded(), Now.AddMinutes(5)));
    }

    [Fact]
    public void RequestRollback_BeforeStart_IsRefused()
    {
        var rollout = Rollout.Create(RolloutId, PlanId, RolloutStepPlanner.Plan(RolloutId, Canary()));

        var violation = Assert.Throws<RolloutRuleViolation>(() => rollout.RequestRollback("sam@example.com", "x", Now));
        Assert.Contains("nothing to roll back", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestRollback_AfterFailure_StartsTheRollback()
    {
        var rollout = StartedCanary();
        rollout.Fail("target unreachable", Now);

        Assert.True(rollout.RequestRollback("system", "target unreachable", Now.AddMinutes(1)));
        Assert.Equal(RolloutState.RollingBack, rollout.State);
    }

    [Fact]
    public void Promote_MidCanary_SkipsRemainingBakesAndHeadsForFullTraffic()
    {
        var rollout = StartedCanary();
        rollout.BeginStep(0, Now);
        rollout.CompleteStep(0, StepOutcome.Succeeded(), Now.AddMinutes(5));
        rollout.BeginStep(1, Now.AddMinutes(5));

        var changed = rollout.Promote("li.wei@example.com", Now.AddMinutes(6));

        Assert.Equal(2, changed);
        Assert.Equal(StepState.Succeeded, rollout.Steps[1].State);
        Assert.Equal(StepState.Skipped, rollout.Steps[2].State);
        Assert.StartsWith("Promoted by li.wei@example.com", rollout.Steps[2].OutcomeNote, StringComparison.Ordinal);
        Assert.Equal(100, rollout.NextStep!.Weight);

        rollout.BeginStep(3, Now.AddMinutes(6));
        rollout.CompleteStep(3, StepOutcome.Succeeded(), Now.AddMinutes(6));
        Assert.Equal(100, rollout.CurrentWeight);
        Assert.Equal(RolloutState.Succeeded, rollout.State);
    }

    [Fact]
    public void Promote_Paused_ResumesAndSkips()
    {
        var rollout = StartedCanary();
        rollout.Pause("hold");

        Assert.Equal(3, rollout.Promote("li.wei@example.com", Now));
        Assert.Equal(RolloutState.Running, rollout.State);
        Assert.Null(rollout.PauseReason);
    }

    [Fact]
    public void Promote_BlueGreen_SkipsVerifyButKeepsTheSwitch()
    {
        var rollout = Rollout.Create(RolloutId, PlanId, RolloutStepPlanner.Plan(RolloutId, BlueGreen()));
        rollout.Start(Now);

        rollout.Promote("li.wei@example.com", Now);

        Assert.Equal(
            [StepState.Pending, StepState.Skipped, StepState.Pending, StepState.Pending, StepState.Pending],
            rollout.Steps.Select(s => s.State));
    }

    [Fact]
    public void PauseResume_KeepsAndClearsTheReason()
    {
        var rollout = StartedCanary();

        rollout.Pause("waiting for DBA");
        Assert.Equal(RolloutState.Paused, rollout.State);
        Assert.Equal("waiting for DBA", rollout.PauseReason);
        Assert.Contains("waiting for DBA", rollout.Next(Now).Description, StringComparison.Ordinal);

        rollout.Resume();
        Assert.Equal(RolloutState.Running, rollout.State);
        Assert.Null(rollout.PauseReason);
    }

    [Fact]
    public void Cancel_Running_IsRefusedButPausedCancels()
    {
        var rollout = StartedCanary();

        Assert.Throws<RolloutRuleViolation>(() => rollout.Cancel(Now));

        rollout.Pause("stop");
        rollout.Cancel(Now.AddMinutes(1));
        Assert.Equal(RolloutState.Cancelled, rollout.State);
        Assert.All(rollout.Steps, s => Assert.Equal(StepState.Skipped, s.State));
    }

    [Fact]
    public void Next_StepRunning_IsDueAtItsStartPlusBake()
    {
        var rollout = StartedCanary();
        rollout.BeginStep(0, Now);

        var next = rollout.Next(Now.AddMinutes(1));

        Assert.Equal(1, next.Step!.Index);
        Assert.Equal(Now.AddSeconds(300), next.DueAt);
    }

    [Fact]
    public void Next_NoStepRunning_NextStepIsDueNow()
    {
        var rollout = StartedCanary();

        var next = rollout.Next(Now);

        Assert.Equal(0, next.Step!.Index);
        Assert.Equal(Now, next.DueAt);
    }

    [Fact]
    public void RemainingPlannedDuration_CountsRunningRemainderAndPendingSteps()
    {
        var rollout = StartedCanary();
        rollout.BeginStep(0, Now);

        Assert.Equal(TimeSpan.FromSeconds(200 + 600 + 600), rollout.RemainingPlannedDuration(Now.AddSeconds(100)));
    }

    [Fact]
    public void Create_StepIndexesWithGaps_IsRefused()
    {
        var steps = RolloutStepPlanner.Plan(RolloutId, Canary());

        Assert.Throws<RolloutRuleViolation>(() => Rollout.Create(RolloutId, PlanId, [steps[0], steps[2]]));
    }
}
