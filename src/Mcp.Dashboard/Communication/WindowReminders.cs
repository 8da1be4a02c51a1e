using Mcp.Dashboard.Data;
using Mcp.Dashboard.Domain.Communication;
using Mcp.Dashboard.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace Mcp.Dashboard.Communication;

/// <summary>
/// Reminders before a window (72 h, 24 h, 1 h), as the plan's entries ask. Run every minute by
/// the heartbeat job on the injected clock; the delivery key names the window's SEQUENCE, so a
/// cancelled window gets none and a changed one gets fresh ones, and each goes out once.
/// </summary>
public sealed class WindowReminders(
    IDbContextFactory<DashboardDbContext> contexts,
    CommunicationOutbox outbox,
    TimeProvider clock,
    ILogger<WindowReminders> logger)
{
    private static readonly TimeSpan Horizon = TimeSpan.FromHours(72) + TimeSpan.FromMinutes(5);

    private static readonly PlanState[] Finished = [PlanState.Cancelled, PlanState.Completed, PlanState.RolledBack];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var horizon = now + Horizon;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var windows = await db.Windows.AsNoTracking()
            .Where(w => w.CancelledAt == null && w.Start > now && w.Start <= horizon)
            .ToListAsync(cancellationToken);
        if (windows.Count == 0)
        {
            return 0;
        }

        var planIds = windows.Select(w => w.PlanId).Distinct().ToList();
        var plans = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var links = outbox.Links();
        var composed = new List<Delivery>();
        foreach (var window in windows)
        {
            if (!plans.TryGetValue(window.PlanId, out var plan) || Finished.Contains(plan.State))
            {
                continue;
            }

            for (var i = 0; i < plan.Communication.Entries.Count; i++)
            {
                var entry = plan.Communication.Entries[i];
                if (!CommunicationOutbox.Sends(entry) || MomentRules.DueReminder(entry.Moments, window.Start, window.CreatedAt, now) is not { } moment)
                {
                    continue;
                }

                var delivery = outbox.Compose(plan, i, moment, MessageFactsFor.Window(plan, window, links), $"window:{window.Id:N}:seq:{window.Sequence}:{moment}:entry:{i}", "window.reminder");
                delivery.WindowId = window.Id;
                composed.Add(delivery);
            }
        }

        var added = await CommunicationOutbox.AddNewAsync(db, composed, cancellationToken);
        if (added.Count == 0)
        {
            return 0;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node queued the same reminder first: the unique key kept it to one.
            return 0;
        }

        logger.LogInformation("Queued {Count} window reminder(s)", added.Count);
        await outbox.AfterCommitAsync(added, cancellationToken);
        return added.Count;
    }
}
