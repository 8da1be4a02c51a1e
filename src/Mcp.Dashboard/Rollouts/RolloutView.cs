using Mcp.Dashboard.Data;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Rollouts;

/// <summary>A rollout as pages and the API show it: state, steps, what runs next, the deadline, the verdict.</summary>
public sealed record RolloutView
{
    public required Guid Id { get; init; }

    public required Guid PlanId { get; init; }

    public required string PlanName { get; init; }

    public required RolloutState State { get; init; }

    public required int CurrentWeight { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public required string CreatedBy { get; init; }

    public string? PauseReason { get; init; }

    public string? RollbackReason { get; init; }

    public string? RollbackRequestedBy { get; init; }

    public DateTimeOffset? RollbackRequestedAt { get; init; }

    public required IReadOnlyList<RolloutStepView> Steps { get; init; }

    /// <summary>What runs next and when, in a sentence.</summary>
    public required string Next { get; init; }

    public DateTimeOffset? NextAt { get; init; }

    /// <summary>The window deadline in a sentence, e.g. "Window closes 23:00 Asia/Shanghai; the rollout will pause at 22:55 if not finished."</summary>
    public string? Deadline { get; init; }

    public DateTimeOffset? DeadlineAt { get; init; }

    /// <summary>The facts behind <see cref="Deadline"/>, so a page can word it in the reader's language and zone.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public WindowDeadline? DeadlineFacts { get; init; }

    public WindowOverrunPolicy WindowOverrun { get; init; }

    /// <summary>The judge's latest word: live while a step bakes, else the last decided one.</summary>
    public StepVerdict? Verdict { get; init; }

    public required IReadOnlyList<RollbackTask> RollbackChecklist { get; init; }

    public required int Version { get; init; }

    public bool IsFinished => RolloutStateMachine.IsTerminal(State);

    public bool CanPause => RolloutStateMachine.CanFire(State, RolloutTrigger.Pause);

    public bool CanResume => RolloutStateMachine.CanFire(State, RolloutTrigger.Resume);

    public bool CanPromote => RolloutStateMachine.CanFire(State, RolloutTrigger.Promote) && Steps.Any(s => s.State is StepState.Pending or StepState.Running);

    public bool CanRollBack => State is RolloutState.Running or RolloutState.Paused or RolloutState.Failed or RolloutState.Pending;
}

public sealed record RolloutStepView(
    int Index,
    RolloutAction Action,
    string Description,
    string? Tier,
    int? Weight,
    StepState State,
    DateTimeOffset? StartedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? FinishedAt,
    string? Note,
    bool NeedsAnalysis,
    string IdempotencyKey,
    [property: System.Text.Json.Serialization.JsonIgnore] RolloutStep? Step = null);

/// <summary>A line of the event log, as shown.</summary>
public sealed record RolloutEventView(long Id, DateTimeOffset At, string Kind, string Message, string Actor, int? StepIndex);

/// <summary>Reads rollouts for pages and the API.</summary>
public sealed class RolloutQueries(IDbContextFactory<DashboardDbContext> contexts, ILiveVerdicts liveVerdicts, IOptions<RolloutOptions> options, TimeProvider clock)
{
    public async Task<RolloutView?> FindAsync(Guid rolloutId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Rollouts.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rolloutId, cancellationToken);
        return record is null ? null : ToView(record);
    }

    public async Task<RolloutView> GetAsync(Guid rolloutId, CancellationToken cancellationToken = default) =>
        await FindAsync(rolloutId, cancellationToken) ?? throw new Domain.NotFound($"Rollout {rolloutId}");

    /// <summary>Rollouts newest first, optionally of one plan.</summary>
    public async Task<IReadOnlyList<RolloutView>> ListAsync(Guid? planId = null, int take = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Rollouts.AsNoTracking();
        if (planId is { } id)
        {
            query = query.Where(r => r.PlanId == id);
        }

        var records = await query.OrderByDescending(r => r.CreatedAt).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);
        return records.Select(ToView).ToList();
    }

    /// <summary>The event log, oldest first, after the line with id <paramref name="afterId"/>.</summary>
    public async Task<IReadOnlyList<RolloutEventView>> EventsAsync(Guid rolloutId, long afterId = 0, int take = 500, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.RolloutEvents.AsNoTracking()
            .Where(e => e.RolloutId == rolloutId && e.Id > afterId)
            .OrderBy(e => e.Id)
            .Take(Math.Clamp(take, 1, 5000))
            .Select(e => new RolloutEventView(e.Id, e.At, e.Kind, e.Message, e.Actor, e.StepIndex))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The id of the newest event log line, or 0.</summary>
    public async Task<long> LastEventIdAsync(Guid rolloutId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.RolloutEvents.Where(e => e.RolloutId == rolloutId).MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
    }

    public RolloutView ToView(StoredRollout record)
    {
        var rollout = record.ToRollout();
        var now = clock.GetUtcNow();
        var next = rollout.State == RolloutState.Pending
            ? new RolloutNext(rollout.Steps[0].Step, record.StartsAt, record.StartsAt > now
                ? "Starts when the window opens."
                : "Starting now.")
            : rollout.Next(now);
        WindowDeadline? deadline = record.WindowEnd is { } end && !rollout.IsFinished && rollout.State != RolloutState.RollingBack
            ? WindowDeadline.Evaluate(rollout, now, end, TimeZoneOrUtc(record.WindowTimeZone), record.WindowOverrun, TimeSpan.FromMinutes(options.Value.WindowSafetyMarginMinutes))
            : null;
        return new RolloutView
        {
            Id = record.Id,
            PlanId = record.PlanId,
            PlanName = record.PlanName,
            State = rollout.State,
            CurrentWeight = rollout.CurrentWeight,
            StartsAt = record.StartsAt,
            StartedAt = rollout.StartedAt,
            FinishedAt = rollout.FinishedAt,
            CreatedBy = record.CreatedBy,
            PauseReason = rollout.PauseReason,
            RollbackReason = rollout.RollbackReason,
            RollbackRequestedBy = rollout.RollbackRequestedBy,
            RollbackRequestedAt = rollout.RollbackRequestedAt,
            Steps = rollout.Steps.Select(s => new RolloutStepView(
                s.Index, s.Action, s.Step.Describe(), s.Step.Tier?.ToString(), s.Step.Weight, s.State,
                s.StartedAt, s.State == StepState.Running ? s.DueAt : null, s.FinishedAt, s.OutcomeNote, s.Step.NeedsAnalysis, s.IdempotencyKey, s.Step)).ToList(),
            Next = next.Description,
            NextAt = next.DueAt,
            Deadline = deadline?.Describe(),
            DeadlineAt = deadline?.ActAt,
            DeadlineFacts = deadline,
            WindowOverrun = record.WindowOverrun,
            Verdict = liveVerdicts.Latest(record.Id) ?? record.LastVerdict,
            RollbackChecklist = rollout.RollbackChecklist,
            Version = record.Version,
        };
    }

    private static TimeZoneInfo TimeZoneOrUtc(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}

/// <summary>The provisional verdicts of steps baking now, kept in memory by the analysis loop.</summary>
public interface ILiveVerdicts
{
    StepVerdict? Latest(Guid rolloutId);
}
