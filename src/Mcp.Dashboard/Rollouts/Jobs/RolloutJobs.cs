using Mcp.Dashboard.Audit;
using Quartz;

namespace Mcp.Dashboard.Rollouts.Jobs;

/// <summary>Runs the rollout's next step, or starts it when its window opens.</summary>
[DisallowConcurrentExecution]
public sealed class AdvanceRolloutJob(RolloutRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        AuditTrail.Channel = "scheduler";
        await runner.AdvanceAsync(RolloutScheduler.RolloutIdOf(context), cancellationToken);
    }
}

/// <summary>Carries out a rollback that was asked for: the target's rollback action, then the records.</summary>
[DisallowConcurrentExecution]
public sealed class RollbackRolloutJob(RolloutRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        AuditTrail.Channel = "scheduler";
        await runner.CarryOutRollbackAsync(RolloutScheduler.RolloutIdOf(context), cancellationToken);
    }
}

/// <summary>Applies the plan's window-overrun policy (pause or roll back) before the window closes.</summary>
[DisallowConcurrentExecution]
public sealed class WindowDeadlineJob(RolloutRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        AuditTrail.Channel = "scheduler";
        await runner.ApplyWindowDeadlineAsync(RolloutScheduler.RolloutIdOf(context), cancellationToken);
    }
}
