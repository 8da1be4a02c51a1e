using Mcp.Dashboard.Data;
using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Domain.Reports;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Rollouts;
using Mcp.Dashboard.Rollouts.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Mcp.Dashboard.Reports;

/// <summary>Builds a rollout's report from what is stored: the rollout, its plan, window, event log and metric history.</summary>
public sealed class RolloutReports(IDbContextFactory<DashboardDbContext> contexts, MetricHistory history, TimeProvider clock)
{
    // Reports read the whole log; a rollout writes a few dozen lines, a stuck target a few hundred.
    private const int MaxEvents = 5000;

    public async Task<RolloutReport?> FindAsync(Guid rolloutId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Rollouts.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rolloutId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var plan = await db.Plans.AsNoTracking().AsSplitQuery().FirstAsync(p => p.Id == record.PlanId, cancellationToken);
        var window = record.WindowId is { } windowId
            ? await db.Windows.AsNoTracking().FirstOrDefaultAsync(w => w.Id == windowId, cancellationToken)
            : null;
        var events = await db.RolloutEvents.AsNoTracking()
            .Where(e => e.RolloutId == rolloutId)
            .OrderBy(e => e.Id)
            .Take(MaxEvents)
            .Select(e => new ReportEvent(e.At, e.Kind, e.Message, e.Actor, e.StepIndex))
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var snapshot = record.Snapshot;
        var pauses = RolloutPhases.Pauses(events.Select(e => (e.At, e.Kind, e.StepIndex)));
        var verdicts = (record.StepVerdicts ?? (record.LastVerdict is { } last ? [last] : [])).ToDictionary(v => v.StepIndex);
        var deadlineActed = events.Any(e => e.Kind == "rollout.deadline");
        ReportRollback? rollback = null;
        if (snapshot.RollbackRequestedBy is { } by)
        {
            var cause = RollbackCauses.Classify(by, snapshot.RollbackReason, RolloutEngine.Judge.Email);
            deadlineActed |= cause == RollbackCause.WindowDeadline;
            rollback = new ReportRollback(by, snapshot.RollbackRequestedAt, snapshot.RollbackReason, cause,
                snapshot.State == RolloutState.RolledBack ? snapshot.FinishedAt : null);
        }

        return new RolloutReport
        {
            RolloutId = record.Id,
            PlanId = plan.Id,
            PlanName = plan.Name,
            Environment = plan.Environment,
            Services = [.. plan.Services],
            FromVersion = plan.FromVersion,
            ToVersion = plan.ToVersion,
            Strategy = plan.Strategy,
            Outcome = snapshot.State,
            StartedBy = record.CreatedBy,
            BookedAt = record.CreatedAt,
            StartedAt = snapshot.StartedAt,
            FinishedAt = snapshot.FinishedAt,
            Window = record.WindowEnd is { } end
                ? new ReportWindow(window?.Start, end, record.WindowTimeZone, record.WindowOverrun,
                    WindowKeeping.Classify(RolloutStateMachine.IsTerminal(snapshot.State) && snapshot.StartedAt is not null ? snapshot.FinishedAt : null, end, deadlineActed))
                : null,
            FailureReason = snapshot.FailureReason,
            Rollback = rollback,
            Timeline = events,
            Phases = RolloutPhases.Measure(snapshot, record.CreatedAt, pauses, now),
            Steps = snapshot.Steps.OrderBy(s => s.Step.Index).Select(s => new ReportStep(
                s.Step.Index, s.Step.Describe(), s.State, s.StartedAt, s.FinishedAt, s.OutcomeNote, s.Step.NeedsAnalysis,
                verdicts.GetValueOrDefault(s.Step.Index), s.Step)).ToList(),
            Metrics = await MetricsAsync(record, plan.Analysis, now, cancellationToken),
            Checklist = plan.Stages.OrderBy(s => s.Order)
                .SelectMany(stage => stage.Checklist.OrderBy(i => i.Order).Select(i =>
                    new ReportChecklistItem(stage.Name, i.Title, i.Owner, i.Required, i.DoneBy, i.DoneAt, i.EvidenceNote)))
                .ToList(),
            RollbackChecklist = snapshot.RollbackChecklist,
            GeneratedAt = now,
        };
    }

    /// <summary>
    /// Per metric, the canary against the baseline over the rollout's run, held to the plan's
    /// thresholds (or the judge's defaults). Metrics the plan judges come first, then any
    /// other metric the history holds; history past its retention is simply absent.
    /// </summary>
    private async Task<IReadOnlyList<MetricComparison>> MetricsAsync(StoredRollout record, Domain.Plans.AnalysisSettings analysis, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (record.Snapshot.StartedAt is not { } started)
        {
            return [];
        }

        var to = (record.Snapshot.FinishedAt ?? now).AddMinutes(5);
        var points = await history.ReadAsync(record.Id, null, started.AddMinutes(-5), to, cancellationToken);
        var definitions = analysis.Metrics.Count > 0 ? analysis.Metrics : CanaryJudge.DefaultMetrics;
        var names = definitions.Select(d => d.Name)
            .Concat(points.Select(p => p.Metric).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Where(name => points.Any(p => p.Metric == name))
            .ToList();
        return names.Select(name => MetricComparisons.Compare(
                name,
                Buckets(points, name, Cohorts.Baseline),
                Buckets(points, name, Cohorts.Canary),
                definitions.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))))
            .ToList();
    }

    private static List<MetricBucketValue> Buckets(IEnumerable<MetricHistoryPoint> points, string metric, string cohort) =>
        points.Where(p => p.Metric == metric && p.Cohort == cohort).Select(p => new MetricBucketValue(p.Count, p.Mean, p.Max)).ToList();
}
