using System.Collections.Concurrent;
using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Audit;
using Mcp.Dashboard.Data;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Schedule;
using Mcp.Dashboard.Live;
using Mcp.Dashboard.Plans;
using Microsoft.EntityFrameworkCore;

namespace Mcp.Dashboard.Schedule;

/// <summary>One thing on the calendar: a plan's window or a blackout occurrence.</summary>
public sealed record CalendarEntry(
    CalendarEntryKind Kind,
    Guid Id,
    string Title,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TimeZoneId,
    string? Environment,
    Guid? PlanId,
    PlanState? PlanState,
    string? Detail);

public enum CalendarEntryKind
{
    Window,
    Blackout,
}

/// <summary>A window as shown with its plan and current conflicts.</summary>
public sealed record WindowView(StoredWindow Window, IReadOnlyList<ScheduleConflict> Conflicts);

/// <summary>
/// Maintenance windows and blackouts: booking with conflict detection, the calendar, and
/// suggestions of the next free windows.
/// </summary>
public sealed class ScheduleService(
    IDbContextFactory<DashboardDbContext> contexts,
    AuditTrail audit,
    ChangeFeed changes,
    TimeProvider clock) : IPlanWindowFacts
{
    public const string Topic = "schedule";

    // Checking for conflicts and inserting must not interleave, or two people booking the same
    // slot at once would both succeed. One process owns the SQLite file, so a lock per
    // environment is enough; a shared database will need a database lock instead.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _bookingLocks = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Conflicts and the calendar look this far ahead at most per query.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(400);

    public async Task<IReadOnlyList<StoredBlackout>> ListBlackoutsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var blackouts = await db.Blackouts.AsNoTracking().ToListAsync(cancellationToken);
        return blackouts.OrderBy(b => b.Name, StringComparer.CurrentCulture).ToList();
    }

    public async Task<StoredBlackout> CreateBlackoutAsync(Actor actor, Blackout blackout, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireAuthor(actor, "declare blackouts");
        var stored = StoredBlackout.From(blackout, actor.Email, clock.GetUtcNow());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Blackouts.Add(stored);
        audit.Add(db, actor, "blackout.created", "blackout", stored.Id.ToString(), after: Describe(stored));
        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(new Change(Topic, null, "blackout.created", actor.Email));
        return stored;
    }

    public async Task DeleteBlackoutAsync(Actor actor, Guid id, string? reason, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireAuthor(actor, "remove blackouts");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.Blackouts.FirstOrDefaultAsync(b => b.Id == id, cancellationToken) ?? throw new NotFound($"Blackout {id}");
        db.Blackouts.Remove(stored);
        audit.Add(db, actor, "blackout.deleted", "blackout", id.ToString(), reason: reason, before: Describe(stored));
        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(new Change(Topic, null, "blackout.deleted", actor.Email));
    }

    public async Task<IReadOnlyList<WindowView>> ListWindowsAsync(Guid planId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken) ?? throw new NotFound($"Plan {planId}");
        var windows = await db.Windows.AsNoTracking().Where(w => w.PlanId == planId && w.CancelledAt == null).OrderBy(w => w.Start).ToListAsync(cancellationToken);
        var detector = await DetectorAsync(db, plan.Environment, cancellationToken);
        return windows.Select(w => new WindowView(w, detector.FindConflicts(new CandidateWindow(planId, plan.Environment, plan.Services, w.Start, w.End, w.Id)))).ToList();
    }

    /// <summary>Books a window, refusing with every conflict named when it collides.</summary>
    public async Task<StoredWindow> BookWindowAsync(Actor actor, Guid planId, DateTimeOffset start, DateTimeOffset end, string timeZoneId, string? note, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireAuthor(actor, "book maintenance windows");
        var errors = MaintenanceWindow.Validate(start, end, timeZoneId);
        if (errors.Count > 0)
        {
            throw new ScheduleValidationException(errors);
        }

        if (note is { Length: > 1000 })
        {
            throw ValidationFailed.For("note", "At most 1000 characters.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken) ?? throw new NotFound($"Plan {planId}");
        var bookingLock = _bookingLocks.GetOrAdd(plan.Environment, _ => new SemaphoreSlim(1, 1));
        await bookingLock.WaitAsync(cancellationToken);
        try
        {
            return await BookAsync(db, actor, plan, start, end, timeZoneId, note, cancellationToken);
        }
        finally
        {
            bookingLock.Release();
        }
    }

    private async Task<StoredWindow> BookAsync(DashboardDbContext db, Actor actor, MigrationPlan plan, DateTimeOffset start, DateTimeOffset end, string timeZoneId, string? note, CancellationToken cancellationToken)
    {
        var planId = plan.Id;
        if (PlanStateMachine.IsTerminal(plan.State) || plan.State == PlanState.Running)
        {
            throw new PlanRuleViolation($"A {PlanStateMachine.Describe(plan.State)} plan cannot get a new window.");
        }

        if (end <= clock.GetUtcNow())
        {
            throw ValidationFailed.For("end", "That window is already over; choose a time in the future.");
        }

        var detector = await DetectorAsync(db, plan.Environment, cancellationToken);
        var conflicts = detector.FindConflicts(new CandidateWindow(planId, plan.Environment, plan.Services, start, end));
        if (conflicts.Count > 0)
        {
            throw new ScheduleConflictException(
                $"The window collides with {conflicts.Count} other booking(s): {string.Join("; ", conflicts.Select(c => c.Description))}",
                conflicts.Select(c => c.Description).ToList());
        }

        var window = new StoredWindow
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            PlanId = planId,
            Start = start,
            End = end,
            TimeZoneId = timeZoneId,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            CreatedBy = actor.Email,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Windows.Add(window);
        audit.Add(db, actor, "window.booked", "window", window.Id.ToString(), planId, note, after: new { window.Start, window.End, window.TimeZoneId });
        await db.SaveChangesAsync(cancellationToken);
        Publish(planId, "window.booked", actor);
        return window;
    }

    public async Task CancelWindowAsync(Actor actor, Guid planId, Guid windowId, string? reason, CancellationToken cancellationToken = default)
    {
        AccessRules.RequireAuthor(actor, "cancel maintenance windows");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var window = await db.Windows.FirstOrDefaultAsync(w => w.Id == windowId && w.PlanId == planId, cancellationToken) ?? throw new NotFound($"Window {windowId}");
        var state = await db.Plans.Where(p => p.Id == planId).Select(p => p.State).FirstAsync(cancellationToken);
        if (state == PlanState.Running || PlanStateMachine.IsTerminal(state))
        {
            throw new PlanRuleViolation($"The windows of a {PlanStateMachine.Describe(state)} plan are history; they cannot be cancelled.");
        }

        if (!window.IsActive)
        {
            return;
        }

        window.CancelledAt = clock.GetUtcNow();
        window.Sequence++;
        audit.Add(db, actor, "window.cancelled", "window", windowId.ToString(), planId, reason, before: new { window.Start, window.End, window.TimeZoneId });
        await db.SaveChangesAsync(cancellationToken);
        Publish(planId, "window.cancelled", actor);
    }

    /// <summary>What booking this slot would collide with, without booking it.</summary>
    public async Task<IReadOnlyList<ScheduleConflict>> ConflictsAsync(Guid planId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken) ?? throw new NotFound($"Plan {planId}");
        var detector = await DetectorAsync(db, plan.Environment, cancellationToken);
        return end > start ? detector.FindConflicts(new CandidateWindow(planId, plan.Environment, plan.Services, start, end)) : [];
    }

    /// <summary>The next free windows of the given length, avoiding blackouts and conflicting plans.</summary>
    public async Task<IReadOnlyList<FreeWindow>> SuggestAsync(Guid planId, TimeSpan length, string timeZoneId, IReadOnlyList<LocalTimeRange> preferredHours, int count, DateTimeOffset? from = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken) ?? throw new NotFound($"Plan {planId}");
        var detector = await DetectorAsync(db, plan.Environment, cancellationToken);
        var now = clock.GetUtcNow();
        var request = new FreeWindowRequest(planId, plan.Environment, plan.Services, length, from is { } f && f > now ? f : now, timeZoneId)
        {
            Count = count,
            PreferredHours = preferredHours,
            Horizon = TimeSpan.FromDays(30),
        };
        return new FreeWindowFinder(detector).FindFreeWindows(request);
    }

    /// <summary>Windows and blackout occurrences between two instants, for the calendar page.</summary>
    public async Task<IReadOnlyList<CalendarEntry>> CalendarAsync(DateTimeOffset from, DateTimeOffset to, string? environment, CancellationToken cancellationToken = default)
    {
        if (to <= from || to - from > MaxRange)
        {
            throw ValidationFailed.For("to", $"Ask for a range of at most {MaxRange.TotalDays:0} days that ends after it starts.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var windows = await db.Windows.AsNoTracking().Where(w => w.CancelledAt == null && w.Start < to && w.End > from).ToListAsync(cancellationToken);
        var planIds = windows.Select(w => w.PlanId).Distinct().ToList();
        var plans = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var entries = windows
            .Where(w => plans.ContainsKey(w.PlanId) && plans[w.PlanId].State != PlanState.Cancelled && (environment is null || plans[w.PlanId].Environment == environment))
            .Select(w =>
            {
                var plan = plans[w.PlanId];
                return new CalendarEntry(CalendarEntryKind.Window, w.Id, plan.Name, w.Start, w.End, w.TimeZoneId, plan.Environment, plan.Id, plan.State, string.Join(", ", plan.Services));
            })
            .ToList();

        var blackouts = await db.Blackouts.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var blackout in blackouts.Select(b => b.ToBlackout()).Where(b => environment is null || b.AppliesTo(environment)))
        {
            entries.AddRange(blackout.OccurrencesBetween(from, to).Select(o =>
                new CalendarEntry(CalendarEntryKind.Blackout, blackout.Id, blackout.Name, o.Start, o.End, blackout.TimeZoneId, blackout.Environment, null, null, blackout.Reason)));
        }

        return entries.OrderBy(e => e.Start).ToList();
    }

    async Task<IReadOnlyList<WindowFact>> IPlanWindowFacts.ForPlanAsync(MigrationPlan plan, CancellationToken cancellationToken) =>
        (await ListWindowsAsync(plan.Id, cancellationToken))
            .Select(v => new WindowFact(v.Window.Id, v.Window.Start, v.Window.End, v.Window.TimeZoneId, v.Conflicts.Count))
            .ToList();

    private static async Task<ScheduleConflictDetector> DetectorAsync(DashboardDbContext db, string environmentName, CancellationToken cancellationToken)
    {
        var blackouts = (await db.Blackouts.AsNoTracking().ToListAsync(cancellationToken)).Select(b => b.ToBlackout()).ToList();

        // Only live plans hold their windows: finished or cancelled plans free them.
        var live = new[] { PlanState.Draft, PlanState.InReview, PlanState.Approved, PlanState.Scheduled, PlanState.Running };
        var plans = await db.Plans.AsNoTracking().Where(p => p.Environment == environmentName && live.Contains(p.State)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var planIds = plans.Keys.ToList();
        var windows = await db.Windows.AsNoTracking().Where(w => w.CancelledAt == null && planIds.Contains(w.PlanId)).ToListAsync(cancellationToken);
        var booked = windows.Select(w =>
        {
            var plan = plans[w.PlanId];
            return new BookedWindow(w.Id, plan.Id, plan.Name, plan.Environment, plan.Services, w.Start, w.End, w.TimeZoneId);
        }).ToList();

        var environment = await db.Environments.AsNoTracking().FirstOrDefaultAsync(e => e.Name == environmentName, cancellationToken);
        var graph = environment is null
            ? ServiceDependencyGraph.Empty
            : new ServiceDependencyGraph(environment.Services.Select(s => (s.Name, (IEnumerable<string>)s.DependsOn)));
        return new ScheduleConflictDetector(blackouts, booked, graph);
    }

    private static object Describe(StoredBlackout b) =>
        new { b.Name, b.Reason, b.Environment, b.Kind, b.TimeZoneId, b.Start, b.End, b.Rule, b.LocalStart, b.DurationSeconds };

    private void Publish(Guid planId, string kind, Actor actor)
    {
        changes.Publish(new Change(Topic, null, kind, actor.Email));
        changes.Publish(new Change(PlanService.Topic, planId.ToString(), kind, actor.Email));
    }
}
