using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;

namespace Mcp.Dashboard.Domain.Tests.Rollouts;

public sealed class WindowDeadlineTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // 23:00 Asia/Shanghai is 15:00 UTC.
    private static readonly DateTimeOffset WindowEnd = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Evaluate_OverrunWithPausePolicy_PausesFiveMinutesBeforeTheEnd()
    {
        var deadline = WindowDeadline.Evaluate(TimeSpan.FromMinutes(90), Now, WindowEnd, Shanghai, WindowOverrunPolicy.Pause);

        Assert.True(deadline.ActionNeeded);
        Assert.Equal(WindowEnd.AddMinutes(-5), deadline.ActAt);
        Assert.Equal("Window closes 23:00 Asia/Shanghai; the rollout will pause at 22:55 if not finished.", deadline.Describe());
    }

    [Fact]
    public void Evaluate_OverrunWithRollBackPolicy_RollsBackAtTheCutoff()
    {
        var deadline = WindowDeadline.Evaluate(TimeSpan.FromMinutes(58), Now, WindowEnd, Shanghai, WindowOverrunPolicy.RollBack, TimeSpan.FromMinutes(10));

        Assert.True(deadline.ActionNeeded);
        Assert.Equal(WindowEnd.AddMinutes(-10), deadline.ActAt);
        Assert.Equal("Window closes 23:00 Asia/Shanghai; the rollout will roll back at 22:50 if not finished.", deadline.Describe());
    }

    [Fact]
    public void Evaluate_FitsInTheWindow_NoActionNeeded()
    {
        var deadline = WindowDeadline.Evaluate(TimeSpan.FromMinutes(40), Now, WindowEnd, Shanghai, WindowOverrunPolicy.RollBack);

        Assert.False(deadline.ActionNeeded);
        Assert.Equal(Now.AddMinutes(40), deadline.ExpectedFinish);
        Assert.Equal("Window closes 23:00 Asia/Shanghai; the rollout should finish by 22:40, no action needed.", deadline.Describe());
    }

    [Fact]
    public void Evaluate_FinishesInsideTheMargin_ActionNeeded()
    {
        var deadline = WindowDeadline.Evaluate(TimeSpan.FromMinutes(57), Now, WindowEnd, Shanghai, WindowOverrunPolicy.Pause);

        Assert.True(deadline.ActionNeeded);
    }

    [Fact]
    public void Evaluate_CutoffAlreadyPast_ActsNow()
    {
        var late = WindowEnd.AddMinutes(-2);

        var deadline = WindowDeadline.Evaluate(TimeSpan.FromMinutes(10), late, WindowEnd, Shanghai, WindowOverrunPolicy.Pause);

        Assert.True(deadline.ActionNeeded);
        Assert.Equal(late, deadline.ActAt);
    }

    [Fact]
    public void Evaluate_Rollout_UsesItsRemainingPlannedDuration()
    {
        var rollout = Rollout.Create(RolloutFixtures.RolloutId, RolloutFixtures.PlanId, RolloutStepPlanner.Plan(RolloutFixtures.RolloutId, RolloutFixtures.Canary()));
        rollout.Start(Now);

        // 300 + 600 + 600 s = 25 min: fits before 22:55.
        var deadline = WindowDeadline.Evaluate(rollout, Now, WindowEnd, Shanghai, WindowOverrunPolicy.Pause);

        Assert.False(deadline.ActionNeeded);
        Assert.Equal(Now.AddMinutes(25), deadline.ExpectedFinish);
    }
}
