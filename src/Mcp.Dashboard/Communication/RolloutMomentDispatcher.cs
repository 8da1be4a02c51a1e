using System.Threading.Channels;
using Mcp.Dashboard.Data;
using Mcp.Dashboard.Domain.Communication;
using Mcp.Dashboard.Live;
using Mcp.Dashboard.Rollouts;
using Microsoft.EntityFrameworkCore;

namespace Mcp.Dashboard.Communication;

/// <summary>
/// Turns rollout events (started, each step, paused, rolled back, completed) into deliveries.
/// It reads the append-only event log from a persisted cursor: the change feed only wakes it
/// up, so a change heard twice, or missed while the process was down, is neither sent twice
/// nor lost. The deliveries and the cursor move in one commit.
/// </summary>
public sealed class RolloutMomentDispatcher(
    IDbContextFactory<DashboardDbContext> contexts,
    CommunicationOutbox outbox,
    ChangeFeed changes,
    TimeProvider clock,
    ILogger<RolloutMomentDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 200;

    // Events older than this when the outbox first starts on a database (an upgrade) are history,
    // not news: nobody wants last month's "step 2 started".
    private static readonly TimeSpan FirstStartLookback = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = changes.Subscribe(RolloutStore.Topic, null, _ =>
        {
            _wake.Writer.TryWrite(true);
            return Task.CompletedTask;
        });

        await RunSafelyAsync(outbox.RescheduleWaitingAsync, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunSafelyAsync(CatchUpAsync, stoppingToken);
            try
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                idle.CancelAfter(TimeSpan.FromSeconds(30));
                await _wake.Reader.ReadAsync(idle.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // Idle for a while: look anyway.
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Reads every event past the cursor and queues the messages they call for.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            while (await NextBatchAsync(cancellationToken) == BatchSize)
            {
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task<int> NextBatchAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cursor = await db.CommunicationCursors.FirstOrDefaultAsync(c => c.Name == CommunicationCursor.RolloutEvents, cancellationToken);
        if (cursor is null)
        {
            var before = clock.GetUtcNow() - FirstStartLookback;
            var start = await db.RolloutEvents.Where(e => e.At < before).MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
            db.CommunicationCursors.Add(cursor = new CommunicationCursor { Name = CommunicationCursor.RolloutEvents, Position = start });
        }

        var events = await db.RolloutEvents.AsNoTracking().Where(e => e.Id > cursor.Position).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return 0;
        }

        var speaking = events.Where(e => MomentRules.ForRolloutEvent(e.Kind) is not null).ToList();
        var planIds = speaking.Select(e => e.PlanId).Distinct().ToList();
        var rolloutIds = speaking.Select(e => e.RolloutId).Distinct().ToList();
        var plans = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var rollouts = await db.Rollouts.AsNoTracking().Where(r => rolloutIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var links = outbox.Links();

        var composed = new List<Delivery>();
        foreach (var logLine in speaking)
        {
            if (!plans.TryGetValue(logLine.PlanId, out var plan) || !rollouts.TryGetValue(logLine.RolloutId, out var rollout))
            {
                continue;
            }

            var moment = MomentRules.ForRolloutEvent(logLine.Kind)!.Value;
            var facts = MessageFactsFor.Rollout(plan, rollout, logLine, links);
            for (var i = 0; i < plan.Communication.Entries.Count; i++)
            {
                var entry = plan.Communication.Entries[i];
                if (!CommunicationOutbox.Sends(entry) || !entry.Moments.Contains(moment))
                {
                    continue;
                }

                var delivery = outbox.Compose(plan, i, moment, facts, $"rollout:{rollout.Id:N}:event:{logLine.Id}:entry:{i}", logLine.Kind);
                delivery.RolloutId = rollout.Id;
                delivery.WindowId = rollout.WindowId;
                composed.Add(delivery);
            }
        }

        var added = await CommunicationOutbox.AddNewAsync(db, composed, cancellationToken);
        cursor.Position = events[^1].Id;
        await db.SaveChangesAsync(cancellationToken);
        if (added.Count > 0)
        {
            logger.LogInformation("Queued {Count} message(s) for rollout events up to {EventId}", added.Count, cursor.Position);
        }

        await outbox.AfterCommitAsync(added, cancellationToken);
        return events.Count;
    }

    private async Task RunSafelyAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        try
        {
            await work(cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The database may be busy or still migrating; the next wake-up tries again.
            logger.LogWarning(exception, "The communication dispatcher could not catch up; trying again shortly");
        }
    }
}
