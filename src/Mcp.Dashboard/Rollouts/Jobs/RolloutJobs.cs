using Mcp.Dashboard.Audit;
using Quartz;

namespace Mcp.Dashboard.Rollouts.Jobs;

/// <summary>
/// What the rollout jobs share: the scheduler channel for the audit trail, and a retry when a
/// run fails (a busy database, a target's key that cannot be read). Quartz deletes a one-shot
/// trigger after its run whatever happened, so a failure must schedule the next try itself,
/// or the rollout would wait until the next restart.
/// </summary>
public abstract class RolloutJob(RolloutScheduler scheduler, ILogger logger) : IJob
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    protected abstract RolloutTriggerKind Kind { get; }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        AuditTrail.Channel = "scheduler";
        var rolloutId = RolloutScheduler.RolloutIdOf(context);
        try
        {
            await RunAsync(rolloutId, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "The {Kind} job of rollout {RolloutId} failed; trying again in {Seconds} s", Kind, rolloutId, RetryAfterFailure.TotalSeconds);
            await scheduler.ScheduleAsync(Kind, rolloutId, DateTimeOffset.UtcNow + RetryAfterFailure, CancellationToken.None);
        }
    }

    protected abstract Task RunAsync(Guid rolloutId, CancellationToken cancellationToken);
}

/// <summary>Runs the rollout's next step, or starts it when its window opens.</summary>
[DisallowConcurrentExecution]
public sealed class AdvanceRolloutJob(RolloutRunner runner, RolloutScheduler scheduler, ILogger<AdvanceRolloutJob> logger) : RolloutJob(scheduler, logger)
{
    protected override RolloutTriggerKind Kind => RolloutTriggerKind.Advance;

    protected override Task RunAsync(Guid rolloutId, CancellationToken cancellationToken) => runner.AdvanceAsync(rolloutId, cancellationToken);
}

/// <summary>Carries out a rollback that was asked for: the target's rollback action, then the records.</summary>
[DisallowConcurrentExecution]
public sealed class RollbackRolloutJob(RolloutRunner runner, RolloutScheduler scheduler, ILogger<RollbackRolloutJob> logger) : RolloutJob(scheduler, logger)
{
    protected override RolloutTriggerKind Kind => RolloutTriggerKind.Rollback;

    protected override Task RunAsync(Guid rolloutId, CancellationToken cancellationToken) => runner.CarryOutRollbackAsync(rolloutId, cancellationToken);
}

/// <summary>Applies the plan's window-overrun policy (pause or roll back) before the window closes.</summary>
[DisallowConcurrentExecution]
public sealed class WindowDeadlineJob(RolloutRunner runner, RolloutScheduler scheduler, ILogger<WindowDeadlineJob> logger) : RolloutJob(scheduler, logger)
{
    protected override RolloutTriggerKind Kind => RolloutTriggerKind.Deadline;

    protected override Task RunAsync(Guid rolloutId, CancellationToken cancellationToken) => runner.ApplyWindowDeadlineAsync(rolloutId, cancellationToken);
}
