using Mcp.Dashboard.Domain.Rollouts;

namespace Mcp.Dashboard.Domain.Tests.Rollouts;

public sealed class RolloutStateMachineTests
{
    [Theory]
    [InlineData(RolloutState.Pending, RolloutTrigger.Start, RolloutState.Running)]
    [InlineData(RolloutState.Running, RolloutTrigger.Pause, RolloutState.Paused)]
    [InlineData(RolloutState.Paused, RolloutTrigger.Resume, RolloutState.Running)]
    [InlineData(RolloutState.Running, RolloutTrigger.Promote, RolloutState.Running)]
    [InlineData(RolloutState.Paused, RolloutTrigger.Promote, RolloutState.Running)]
    [InlineData(RolloutState.Running, RolloutTrigger.StepFinished, RolloutState.Running)]
    [InlineData(RolloutState.Paused, RolloutTrigger.StepFinished, RolloutState.Paused)]
    [InlineData(RolloutState.Running, RolloutTrigger.Finish, RolloutState.Succeeded)]
    [InlineData(RolloutState.Running, RolloutTrigger.RollbackRequested, RolloutState.RollingBack)]
    [InlineData(RolloutState.Paused, RolloutTrigger.RollbackRequested, RolloutState.RollingBack)]
    [InlineData(RolloutState.Failed, RolloutTrigger.RollbackRequested, RolloutState.RollingBack)]
    [InlineData(RolloutState.RollingBack, RolloutTrigger.RollbackFinished, RolloutState.RolledBack)]
    [InlineData(RolloutState.Running, RolloutTrigger.Fail, RolloutState.Failed)]
    [InlineData(RolloutState.RollingBack, RolloutTrigger.Fail, RolloutState.Failed)]
    [InlineData(RolloutState.Pending, RolloutTrigger.Cancel, RolloutState.Cancelled)]
    [InlineData(RolloutState.Paused, RolloutTrigger.Cancel, RolloutState.Cancelled)]
    public void Fire_AllowedMove_GoesToNextState(RolloutState from, RolloutTrigger trigger, RolloutState expected) =>
        Assert.Equal(expected, RolloutStateMachine.Fire(from, trigger));

    [Theory]
    [InlineData(RolloutState.Running, RolloutTrigger.Start, "only a pending rollout can start")]
    [InlineData(RolloutState.Paused, RolloutTrigger.Pause, "already paused")]
    [InlineData(RolloutState.Running, RolloutTrigger.Resume, "already running")]
    [InlineData(RolloutState.Pending, RolloutTrigger.Resume, "only a paused rollout")]
    [InlineData(RolloutState.Pending, RolloutTrigger.RollbackRequested, "nothing to roll back")]
    [InlineData(RolloutState.Running, RolloutTrigger.Cancel, "pause it first")]
    [InlineData(RolloutState.Running, RolloutTrigger.RollbackFinished, "only a rollout that is rolling back")]
    [InlineData(RolloutState.RollingBack, RolloutTrigger.Resume, "wait for the rollback")]
    [InlineData(RolloutState.Succeeded, RolloutTrigger.RollbackRequested, "history")]
    [InlineData(RolloutState.RolledBack, RolloutTrigger.Start, "history")]
    [InlineData(RolloutState.Cancelled, RolloutTrigger.Resume, "history")]
    [InlineData(RolloutState.Pending, RolloutTrigger.Promote, "only a running or paused rollout")]
    public void Fire_RefusedMove_ThrowsWithAReason(RolloutState from, RolloutTrigger trigger, string reason)
    {
        var violation = Assert.Throws<RolloutRuleViolation>(() => RolloutStateMachine.Fire(from, trigger));
        Assert.Contains(reason, violation.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(violation.Message, RolloutStateMachine.Refusal(from, trigger));
    }

    [Fact]
    public void TerminalStates_PermitNothing()
    {
        foreach (var state in new[] { RolloutState.Succeeded, RolloutState.RolledBack, RolloutState.Cancelled })
        {
            Assert.True(RolloutStateMachine.IsTerminal(state));
            Assert.Empty(RolloutStateMachine.PermittedTriggers(state));
        }
    }

    [Fact]
    public void Refusal_AllowedMove_IsNull() =>
        Assert.Null(RolloutStateMachine.Refusal(RolloutState.Pending, RolloutTrigger.Start));
}
