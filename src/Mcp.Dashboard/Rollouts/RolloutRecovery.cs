using Mcp.Dashboard.Domain.Rollouts;

namespace Mcp.Dashboard.Rollouts;

/// <summary>
/// After a restart, makes sure every unfinished rollout has its triggers. Quartz keeps the
/// triggers it had, but a process killed between a commit and the trigger that follows it
/// (say, just after a rollback was accepted) would otherwise leave a rollout waiting forever.
/// Scheduling again is harmless: each job decides on what is stored.
/// </summary>
public sealed class RolloutRecovery(RolloutStore store, RolloutScheduler scheduler, TimeProvider clock, ILogger<RolloutRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var active = await store.ListActiveAsync(cancellationToken);
        foreach (var rollout in active)
        {
            switch (rollout.State)
            {
                case RolloutState.RollingBack:
                    await scheduler.ScheduleRollbackAsync(rollout.Id, now, cancellationToken);
                    break;
                case RolloutState.Pending:
                    await scheduler.ScheduleAdvanceAsync(rollout.Id, rollout.StartsAt > now ? rollout.StartsAt : now, cancellationToken);
                    break;
                case RolloutState.Running:
                    await scheduler.ScheduleAdvanceAsync(rollout.Id, now, cancellationToken);
                    break;
            }
        }

        if (active.Count > 0)
        {
            logger.LogInformation("Checked the triggers of {Count} unfinished rollout(s) after start", active.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
