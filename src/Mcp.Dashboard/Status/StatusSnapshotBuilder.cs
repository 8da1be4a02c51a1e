using Mcp.Dashboard.Data;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Domain.Status;
using Mcp.Dashboard.Rollouts;
using Mcp.Dashboard.Schedule;
using Microsoft.EntityFrameworkCore;

namespace Mcp.Dashboard.Status;

/// <summary>
/// Reads what the status page shows from the database in a handful of queries and applies the
/// domain's wording and state rules. Plans marked internal, drafts and plans in review are
/// never read, so nothing about them can leak into the page, the feed or the badge.
/// </summary>
public sealed class StatusSnapshotBuilder(IDbContextFactory<DashboardDbContext> contexts, TimeProvider clock)
{
    /// <summary>How far back finished migrations, timelines and history bars reach.</summary>
    public const int HistoryDays = 30;

    /// <summary>At most this many timeline entries per migration, newest kept.</summary>
    public const int TimelineLimit = 50;

    private static readonly PlanState[] Announced = [PlanState.Approved, PlanState.Scheduled, PlanState.Running, PlanState.Completed, PlanState.RolledBack];

    public async Task<StatusSnapshot> BuildAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var since = now.AddDays(-HistoryDays);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var plans = await db.Plans.AsNoTracking()
            .Where(p => !p.Internal && Announced.Contains(p.State))
            .Select(p => new PlanRow(p.Id, p.Name, p.Environment, p.Services, p.FromVersion, p.ToVersion, p.UpdatedAt))
            .ToListAsync(cancellationToken);
        var planIds = plans.Select(p => p.Id).ToList();
        var windows = (await db.Windows.AsNoTracking().Where(w => planIds.Contains(w.PlanId)).ToListAsync(cancellationToken)).ToLookup(w => w.PlanId);
        var rollouts = (await db.Rollouts.AsNoTracking()
            .Where(r => planIds.Contains(r.PlanId) && (r.UpdatedAt >= since || RolloutStore.ActiveStates.Contains(r.State)))
            .ToListAsync(cancellationToken)).ToLookup(r => r.PlanId);
        var events = (await db.RolloutEvents.AsNoTracking().Where(e => planIds.Contains(e.PlanId) && e.At >= since).ToListAsync(cancellationToken)).ToLookup(e => e.PlanId);
        var notes = (await db.StatusNotes.AsNoTracking().Where(n => planIds.Contains(n.PlanId) && n.At >= since).ToListAsync(cancellationToken)).ToLookup(n => n.PlanId);
        var environments = await db.Environments.AsNoTracking().ToListAsync(cancellationToken);

        var cards = new List<(MigrationCard Card, ComponentState ServiceState)>();
        var episodes = new List<(PlanRow Plan, ServiceEpisode Episode)>();
        foreach (var plan in plans)
        {
            var planRollouts = rollouts[plan.Id].OrderBy(r => r.CreatedAt).ToList();
            var built = Card(plan, windows[plan.Id].ToList(), planRollouts, events[plan.Id].ToList(), notes[plan.Id].ToList(), now, since);
            if (built is { } card)
            {
                cards.Add(card);
            }

            episodes.AddRange(Episodes(planRollouts, events[plan.Id]).Select(e => (plan, e)));
        }

        var components = environments.OrderBy(e => e.Name, StringComparer.Ordinal)
            .SelectMany(environment => environment.Services.OrderBy(s => s.Name, StringComparer.Ordinal).Select(service =>
            {
                bool Touches(string env, IEnumerable<string> services) =>
                    env == environment.Name && services.Contains(service.Name, StringComparer.OrdinalIgnoreCase);
                var state = ComponentHistory.Worst(cards.Where(c => Touches(c.Card.Environment, c.Card.Services)).Select(c => c.ServiceState));
                var history = ComponentHistory.Bars(episodes.Where(e => Touches(e.Plan.Environment, e.Plan.Services)).Select(e => e.Episode), now, HistoryDays);
                return new ServiceComponent(environment.Name, service.Name, state, history);
            }))
            .ToList();

        var overall = ComponentHistory.Worst(components.Select(c => c.State).Concat(cards.Select(c => c.ServiceState)));
        var lastUpdate = cards.SelectMany(c => c.Card.Timeline).Select(e => (DateTimeOffset?)e.At).DefaultIfEmpty(null).Max();
        return new StatusSnapshot(now, lastUpdate, overall, [.. cards.Select(c => c.Card)], components);
    }

    private static (MigrationCard, ComponentState)? Card(
        PlanRow plan, List<StoredWindow> windows, List<StoredRollout> rollouts, List<RolloutEvent> events, List<StatusNote> notes, DateTimeOffset now, DateTimeOffset since)
    {
        var active = windows.Where(w => w.IsActive).OrderBy(w => w.Start).ToList();
        var latest = rollouts.LastOrDefault();
        var nextWindow = active.FirstOrDefault(w => w.End > now);

        // A finished rollout followed by a newly booked window: the card announces the new one.
        var current = latest is not null && (RolloutStore.ActiveStates.Contains(latest.State) || nextWindow is null || nextWindow.CreatedAt < latest.UpdatedAt)
            ? latest
            : null;
        if (current is null && nextWindow is null)
        {
            return null;
        }

        var window = current?.WindowId is { } id ? windows.FirstOrDefault(w => w.Id == id) ?? nextWindow : nextWindow;
        var snapshot = current?.Snapshot;
        var step = snapshot is null ? null : CurrentStep(snapshot);
        var verdict = current?.LastVerdict is { } v && step is not null && v.StepIndex == step.Index ? v : null;
        var facts = new MigrationFacts
        {
            Rollout = current?.State,
            CurrentWeight = snapshot?.CurrentWeight ?? 0,
            CurrentStep = step,
            StepCount = snapshot?.Steps.Count ?? 0,
            LatestVerdict = verdict?.Outcome,
            VerdictLowConfidence = verdict?.LowConfidence ?? false,
            WindowStart = window?.Start,
            WindowEnd = window?.End,
            FromVersion = plan.FromVersion,
            ToVersion = plan.ToVersion,
        };
        var progress = MigrationProgress.Describe(facts, now);

        var timeline = Timeline(plan, windows, rollouts, events, notes, since);
        var updated = timeline.Count > 0 ? timeline[0].At : plan.UpdatedAt;

        // A rollback shows on its services for a day, then they are simply operational again.
        var serviceState = progress.ServiceState == ComponentState.RolledBack && (snapshot?.FinishedAt ?? current!.UpdatedAt) < now - ComponentHistory.RolledBackShownFor
            ? ComponentState.Operational
            : progress.ServiceState;
        var card = new MigrationCard(plan.Id, plan.Name, plan.Environment, plan.Services, plan.FromVersion, plan.ToVersion,
            window?.Start, window?.End, progress.Phase, progress.Headline, updated, timeline);
        return (card, serviceState);
    }

    private static RolloutStep? CurrentStep(RolloutSnapshot snapshot)
    {
        var running = snapshot.Steps.FirstOrDefault(s => s.State == StepState.Running);
        if (running is not null)
        {
            return running.Step;
        }

        if (snapshot.HeldStep is { } held && held < snapshot.Steps.Count)
        {
            return snapshot.Steps[held].Step;
        }

        return snapshot.Steps.LastOrDefault(s => s.State == StepState.Succeeded)?.Step;
    }

    private static List<TimelineEntry> Timeline(
        PlanRow plan, List<StoredWindow> windows, List<StoredRollout> rollouts, List<RolloutEvent> events, List<StatusNote> notes, DateTimeOffset since)
    {
        var entries = new List<TimelineEntry>();
        foreach (var window in windows)
        {
            if (window.CreatedAt >= since)
            {
                entries.Add(new($"urn:mcp-dashboard:window:{window.Id}:announced", window.CreatedAt, TimelineKind.Announced,
                    new StatusPhrase("Maintenance announced."), window.Note));
            }

            if (window.CancelledAt is { } cancelled && cancelled >= since)
            {
                entries.Add(new($"urn:mcp-dashboard:window:{window.Id}:cancelled", cancelled, TimelineKind.WindowCancelled,
                    new StatusPhrase("The maintenance window was cancelled."), null));
            }
        }

        var steps = rollouts.ToDictionary(r => r.Id, r => r.Snapshot.Steps);
        foreach (var e in events)
        {
            var step = e.StepIndex is { } index && steps.TryGetValue(e.RolloutId, out var runs) && index < runs.Count ? runs[index].Step : null;
            if (StatusTimeline.Translate(e.Kind, step, plan.FromVersion, plan.ToVersion) is { } translated)
            {
                entries.Add(new($"urn:mcp-dashboard:event:{e.Id}", e.At, translated.Kind, translated.Phrase, null));
            }
        }

        entries.AddRange(notes.Select(n => new TimelineEntry($"urn:mcp-dashboard:note:{n.Id}", n.At, TimelineKind.Note, null, n.Text)));
        return [.. entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id, StringComparer.Ordinal).Take(TimelineLimit)];
    }

    /// <summary>What each rollout did to its services, for the history bars.</summary>
    private static IEnumerable<ServiceEpisode> Episodes(List<StoredRollout> rollouts, IEnumerable<RolloutEvent> events)
    {
        var byRollout = events.ToLookup(e => e.RolloutId);
        foreach (var rollout in rollouts)
        {
            var snapshot = rollout.Snapshot;
            if (snapshot.StartedAt is not { } started)
            {
                continue;
            }

            yield return new ServiceEpisode(ComponentState.UnderMaintenance, started, snapshot.FinishedAt ?? (RolloutStore.ActiveStates.Contains(rollout.State) ? null : rollout.UpdatedAt));
            var requested = byRollout[rollout.Id].Where(e => e.Kind == "rollback.requested").Select(e => (DateTimeOffset?)e.At).Min();
            if (requested is { } from)
            {
                yield return new ServiceEpisode(ComponentState.Degraded, from, rollout.State == RolloutState.RollingBack ? null : snapshot.FinishedAt ?? rollout.UpdatedAt);
            }

            if (rollout.State == RolloutState.RolledBack)
            {
                var at = snapshot.FinishedAt ?? rollout.UpdatedAt;
                yield return new ServiceEpisode(ComponentState.RolledBack, at, at);
            }
            else if (rollout.State == RolloutState.Failed)
            {
                var at = snapshot.FinishedAt ?? rollout.UpdatedAt;
                yield return new ServiceEpisode(ComponentState.Degraded, at, at);
            }
        }

    }

    private sealed record PlanRow(Guid Id, string Name, string Environment, List<string> Services, string FromVersion, string ToVersion, DateTimeOffset UpdatedAt);
}
