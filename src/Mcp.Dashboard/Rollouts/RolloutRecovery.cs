using Mcp.Dashboard.Domain.Rollouts;
using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Rollouts;

/// <summary>
/// After a restart, makes sure every unfinished rollout has its triggers. Quartz keeps the
/// triggers it had, but a process killed between a commit and the trigger that follows it
/// (say, just after a rollback was accepted) would otherwise leave a rollout waiting forever.
/// Scheduling again is harmless: each job decides on what is stored. The window deadline is
/// only put back when it is missing and still ahead: one already due either fired or would
/// pause a rollout someone has since resumed.
/// </summary>
public sealed class RolloutRecovery(RolloutStore store, RolloutScheduler scheduler, IOptions<RolloutOptions> options, TimeProvider clock, ILogger<RolloutRecovery> logger) : IHostedService
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

            if (rollout.State is RolloutState.Pending or RolloutState.Running or RolloutState.Paused
                && rollout.WindowEnd is { } end
                && await scheduler.NextFireAsync(rollout.Id, RolloutTriggerKind.Deadline, cancellationToken) is null)
            {
                // Same moment as RolloutEngine.StartAsync: the margin before the window closes, not before the start.
                var deadline = end - TimeSpan.FromMinutes(options.Value.WindowSafetyMarginMinutes);
                deadline = deadline > rollout.StartsAt ? deadline : rollout.StartsAt;
                if (deadline > now)
                {
                    await scheduler.ScheduleDeadlineAsync(rollout.Id, deadline, cancellationToken);
                }
            }
        }

        if (active.Count > 0)
        {
            logger.LogInformation("Checked the triggers of {Count} unfinished rollout(s) after start", active.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
