using Mcp.Dashboard.Data;
using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Domain.Reports;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Rollouts;
using Microsoft.EntityFrameworkCore;

namespace Mcp.Dashboard.Reports;

/// <summary>Delivery across plans over a period: how rollouts ended, why they rolled back, how long phases took, whether windows were kept.</summary>
public sealed record DeliveryInsight
{
    public required int Days { get; init; }

    public string? Environment { get; init; }

    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public required SuccessRate Outcomes { get; init; }

    public required IReadOnlyList<CauseCount> RollbacksByCause { get; init; }

    public required IReadOnlyList<RollbackReasonGroup> RollbackReasons { get; init; }

    public required IReadOnlyList<PhaseStatistics> PhaseTimes { get; init; }

    public required WindowCounts Windows { get; init; }

    /// <summary>The most recent rollouts of the period, newest first, each linking to its report.</summary>
    public required IReadOnlyList<InsightRollout> Recent { get; init; }

    /// <summary>Environments that have plans, for the filter.</summary>
    public required IReadOnlyList<string> Environments { get; init; }

    public bool IsEmpty => Outcomes.Finished == 0 && Outcomes.Cancelled == 0 && Recent.Count == 0;
}

public sealed record CauseCount(RollbackCause Cause, int Count);

/// <summary>Finished rollouts by how they kept to their window.</summary>
public sealed record WindowCounts(int Kept, int Overran, int DeadlineReached, int NoWindow)
{
    /// <summary>Kept over those that had a window; null when none had.</summary>
    public double? KeptRate => Kept + Overran + DeadlineReached is var judged and > 0 ? (double)Kept / judged : null;
}

public sealed record InsightRollout(
    Guid Id,
    Guid PlanId,
    string PlanName,
    string Environment,
    string Strategy,
    RolloutState State,
    DateTimeOffset BookedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    TimeSpan? Duration,
    WindowOutcome? Window,
    RollbackCause? RollbackCause);

/// <summary>Computes <see cref="DeliveryInsight"/> from stored rollouts, plans and event logs.</summary>
public sealed class DeliveryInsights(IDbContextFactory<DashboardDbContext> contexts, TimeProvider clock)
{
    public static readonly IReadOnlyList<int> Periods = [30, 90, 365];

    public const int MaxDays = 3660;

    // A year of a busy team is a few thousand rollouts; the cap keeps one request bounded.
    private const int MaxRollouts = 5000;
    private const int RecentCount = 25;

    public async Task<DeliveryInsight> ComputeAsync(int days, string? environment, CancellationToken cancellationToken = default)
    {
        days = Math.Clamp(days, 1, MaxDays);
        var now = clock.GetUtcNow();
        var from = now.AddDays(-days);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plans = await db.Plans.AsNoTracking().IgnoreAutoIncludes()
            .Select(p => new { p.Id, p.Environment, p.Strategy })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var planIds = plans.Values.Where(p => environment is null || p.Environment == environment).Select(p => p.Id).ToList();
        var records = await db.Rollouts.AsNoTracking()
            .Where(r => r.CreatedAt >= from && planIds.Contains(r.PlanId))
            .OrderByDescending(r => r.CreatedAt)
            .Take(MaxRollouts)
            .ToListAsync(cancellationToken);
        var ids = records.Select(r => r.Id).ToList();
        var timingKinds = RolloutPhases.PauseStarts.Concat(RolloutPhases.PauseEnds).Append("target.refused").ToList();
        var events = (await db.RolloutEvents.AsNoTracking()
                .Where(e => ids.Contains(e.RolloutId) && timingKinds.Contains(e.Kind))
                .Select(e => new { e.RolloutId, e.Id, e.At, e.Kind, e.StepIndex })
                .ToListAsync(cancellationToken))
            .GroupBy(e => e.RolloutId)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.Id).Select(e => (e.At, e.Kind, e.StepIndex)).ToList());

        var rollouts = new List<InsightRollout>();
        var rollbacks = new List<RollbackInstance>();
        var phaseTimes = new List<(string, IReadOnlyDictionary<PhaseKind, TimeSpan>)>();
        foreach (var record in records)
        {
            var plan = plans[record.PlanId];
            var snapshot = record.Snapshot;
            var log = events.GetValueOrDefault(record.Id) ?? [];
            var finished = RolloutStateMachine.IsTerminal(snapshot.State);
            RollbackCause? cause = null;
            if (snapshot.RollbackRequestedBy is { } by)
            {
                var c = RollbackCauses.Classify(by, snapshot.RollbackReason, RolloutEngine.Judge.Email);
                cause = c;
                var failedMetrics = (record.LastVerdict?.Metrics ?? []).Where(m => m.Outcome == CanaryOutcome.Fail).Select(m => m.Metric);
                rollbacks.Add(new RollbackInstance(c, RollbackCauses.KeyFor(c, snapshot.RollbackReason, failedMetrics),
                    snapshot.RollbackReason ?? "", snapshot.RollbackRequestedAt ?? record.UpdatedAt));
            }

            var deadline = log.Any(e => e.Kind == "rollout.deadline") || cause == RollbackCause.WindowDeadline;
            // A rollout cancelled before it started never used its window: neither kept nor overran.
            var window = WindowKeeping.Classify(finished && snapshot.StartedAt is not null ? snapshot.FinishedAt : null, record.WindowEnd, deadline);

            // Only rollouts that ran and ended say how long delivery takes; a running one would drag medians down.
            if (finished && snapshot.StartedAt is not null)
            {
                var phases = RolloutPhases.Measure(snapshot, record.CreatedAt, RolloutPhases.Pauses(log), now);
                phaseTimes.Add((plan.Strategy.ToString(), RolloutPhases.Totals(phases)));
            }

            rollouts.Add(new InsightRollout(record.Id, record.PlanId, record.PlanName, plan.Environment, plan.Strategy.ToString(), snapshot.State,
                record.CreatedAt, snapshot.StartedAt, snapshot.FinishedAt,
                snapshot.StartedAt is { } s ? (snapshot.FinishedAt ?? now) - s : null, window, cause));
        }

        var windows = rollouts.Where(r => r.Window is not null).ToList();
        return new DeliveryInsight
        {
            Days = days,
            Environment = environment,
            From = from,
            To = now,
            Outcomes = SuccessRate.Of(rollouts.Select(r => r.State)),
            RollbacksByCause = rollbacks.GroupBy(r => r.Cause).OrderBy(g => g.Key).Select(g => new CauseCount(g.Key, g.Count())).ToList(),
            RollbackReasons = RollbackCauses.Group(rollbacks),
            PhaseTimes = Percentiles.PerStrategy(phaseTimes),
            Windows = new WindowCounts(
                windows.Count(r => r.Window == WindowOutcome.Kept),
                windows.Count(r => r.Window == WindowOutcome.Overran),
                windows.Count(r => r.Window == WindowOutcome.DeadlineReached),
                windows.Count(r => r.Window == WindowOutcome.NoWindow)),
            Recent = rollouts.Take(RecentCount).ToList(),
            Environments = plans.Values.Select(p => p.Environment).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        };
    }
}
