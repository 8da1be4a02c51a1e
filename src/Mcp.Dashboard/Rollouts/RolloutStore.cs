using System.Collections.Concurrent;
using Mcp.Dashboard.Audit;
using Mcp.Dashboard.Data;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Mcp.Dashboard.Rollouts;

/// <summary>
/// Loads a rollout with its plan, lets a caller change them, and saves both with the event log
/// lines and audit entries in one transaction. Writers of one rollout take turns in this
/// process, and the version column refuses a stale write from anywhere else: the loser reloads
/// and decides again on what is now stored. Calls to targets never happen inside a change, so
/// a slow target cannot hold up a rollback.
/// </summary>
public sealed class RolloutStore(
    IDbContextFactory<DashboardDbContext> contexts,
    AuditTrail audit,
    ChangeFeed changes,
    TimeProvider clock,
    ILogger<RolloutStore> logger)
{
    public const string Topic = "rollout";

    private const int MaxAttempts = 5;
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _turns = new();

    public async Task<T> ChangeAsync<T>(Guid rolloutId, Func<RolloutChange, T> change, CancellationToken cancellationToken = default)
    {
        var turn = _turns.GetOrAdd(rolloutId, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var record = await db.Rollouts.FirstOrDefaultAsync(r => r.Id == rolloutId, cancellationToken)
                             ?? throw new NotFound($"Rollout {rolloutId}");
                var plan = await db.Plans.AsSplitQuery().FirstAsync(p => p.Id == record.PlanId, cancellationToken);
                var context = new RolloutChange(db, audit, record, record.ToRollout(), plan, clock.GetUtcNow());
                var result = change(context);
                if (!context.Changed)
                {
                    return result;
                }

                record.Update(context.Rollout, context.Now);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
                {
                    logger.LogDebug("Rollout {RolloutId} changed underneath; deciding again", rolloutId);
                    continue;
                }

                Publish(record, context);
                return result;
            }
        }
        finally
        {
            turn.Release();
        }
    }

    public Task ChangeAsync(Guid rolloutId, Action<RolloutChange> change, CancellationToken cancellationToken = default) =>
        ChangeAsync(rolloutId, context =>
        {
            change(context);
            return true;
        }, cancellationToken);

    /// <summary>Adds a new rollout with its first event and audit entry, and the plan's new state.</summary>
    public async Task AddAsync(StoredRollout record, MigrationPlan plan, Action<RolloutChange> describe, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Attach(plan);
        db.Rollouts.Add(record);
        var context = new RolloutChange(db, audit, record, record.ToRollout(), plan, clock.GetUtcNow());
        describe(context);
        await db.SaveChangesAsync(cancellationToken);
        Publish(record, context);
    }

    public async Task<StoredRollout?> FindAsync(Guid rolloutId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Rollouts.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rolloutId, cancellationToken);
    }

    /// <summary>The plan's rollout that is not finished yet, if any: a plan runs one rollout at a time.</summary>
    public async Task<StoredRollout?> FindActiveForPlanAsync(Guid planId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Rollouts.AsNoTracking()
            .Where(r => r.PlanId == planId && ActiveStates.Contains(r.State))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Rollouts the scheduler must still act on.</summary>
    public async Task<IReadOnlyList<StoredRollout>> ListActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Rollouts.AsNoTracking().Where(r => ActiveStates.Contains(r.State)).ToListAsync(cancellationToken);
    }

    /// <summary>States in which a rollout still has something to do.</summary>
    public static readonly RolloutState[] ActiveStates = [RolloutState.Pending, RolloutState.Running, RolloutState.Paused, RolloutState.RollingBack];

    // Published with the rollout's id: its own page hears it, and so does anyone showing a list
    // of rollouts (a subscription without an id hears every rollout). A change with no log line
    // (an action confirmed) is still announced, so pages never show a stale step.
    private void Publish(StoredRollout record, RolloutChange context)
    {
        var id = record.Id.ToString();
        foreach (var entry in context.Events)
        {
            changes.Publish(new Change(Topic, id, entry.Kind, entry.Actor));
        }

        if (context.Events.Count == 0)
        {
            changes.Publish(new Change(Topic, id, "rollout.changed", "system"));
        }

        if (context.PlanChanged)
        {
            var actor = context.Events.Count > 0 ? context.Events[^1].Actor : "system";
            changes.Publish(new Change(Plans.PlanService.Topic, record.PlanId.ToString(), "plan.rollout", actor));
        }
    }
}

/// <summary>
/// One change to one rollout, inside <see cref="RolloutStore.ChangeAsync{T}"/>: the aggregate,
/// its plan, and the event log lines and audit entries that go with the change.
/// </summary>
public sealed class RolloutChange(DashboardDbContext db, AuditTrail audit, StoredRollout record, Rollout rollout, MigrationPlan plan, DateTimeOffset now)
{
    private readonly List<RolloutEvent> _events = [];
    private readonly PlanState _planStateBefore = plan.State;
    private bool _touched;

    public StoredRollout Record { get; } = record;

    public Rollout Rollout { get; } = rollout;

    public MigrationPlan Plan { get; } = plan;

    public DateTimeOffset Now { get; } = now;

    public IReadOnlyList<RolloutEvent> Events => _events;

    public bool Changed => _touched || _events.Count > 0;

    public bool PlanChanged => Plan.State != _planStateBefore;

    /// <summary>Marks the rollout as changed even when no event line is written.</summary>
    public void Touch() => _touched = true;

    /// <summary>Writes one line to the rollout's event log (and so to every open page).</summary>
    public void Event(string kind, string message, string actor = "system", int? stepIndex = null) =>
        _events.Add(db.RolloutEvents.Add(new RolloutEvent
        {
            RolloutId = Record.Id,
            PlanId = Record.PlanId,
            At = Now,
            Kind = kind,
            Message = message,
            Actor = actor,
            StepIndex = stepIndex,
        }).Entity);

    /// <summary>An audit entry for a person's (or the judge's) action on the rollout.</summary>
    public void Audit(Actor actor, string action, string? reason, object? before = null, object? after = null) =>
        audit.Add(db, actor, action, RolloutStore.Topic, Record.Id.ToString(), Record.PlanId, reason, before, after);

    /// <summary>Moves the plan's lifecycle along with the rollout, unless it is already there.</summary>
    public void AdvancePlan(PlanTrigger trigger, Actor actor)
    {
        if (PlanStateMachine.CanFire(Plan.State, trigger))
        {
            Plan.Advance(trigger, actor, Now);
        }
    }
}
