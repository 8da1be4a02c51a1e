using System.Collections.Concurrent;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Live;
using Mcp.Dashboard.Plans;
using Mcp.Dashboard.Rollouts.Metrics;
using Mcp.Dashboard.Rollouts.Targets;
using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Rollouts;

/// <summary>
/// The rollout heartbeat, once a second: the simulated fleets produce their samples, and the
/// judge looks at every baking step and at the plans' rollback triggers. A clear failure asks
/// for the rollback straight away; it does not wait for the bake's end.
/// </summary>
/// <remarks>
/// This is continuous computation over in-memory samples, not a deferred action, so it is a
/// timer rather than a Quartz job; what it decides (a rollback) goes through Quartz like any
/// other action. It never writes unless something is decided.
/// </remarks>
public sealed class RolloutTicker(
    RolloutStore store,
    RolloutEngine engine,
    RolloutAnalysis analysis,
    SimulatedFleets fleets,
    InFlightActions inFlight,
    RecentSamples samples,
    PlanService plans,
    PrometheusMetricSource prometheus,
    ChangeFeed changes,
    IOptions<RolloutOptions> options,
    TimeProvider clock,
    ILogger<RolloutTicker> logger) : BackgroundService
{
    public static TimeSpan Interval { get; } = TimeSpan.FromSeconds(1);

    private readonly Dictionary<Guid, MigrationPlan> _plans = [];
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastPolled = new();
    private readonly ConcurrentDictionary<Guid, Task> _polling = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "The rollout heartbeat failed; trying again next second");
            }
        }
    }

    public async Task TickAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var active = await store.ListActiveAsync(cancellationToken);
        ForgetFinished(active);
        foreach (var record in active.Where(r => r.State is RolloutState.Running or RolloutState.Paused or RolloutState.RollingBack))
        {
            // One rollout's trouble (its plan gone, a rule refusing a late rollback) must not
            // cost the others their samples and their judge this second.
            try
            {
                await TickAsync(record, now, cancellationToken);
            }
            catch (RolloutRuleViolation)
            {
                // The rollout finished between the listing and the decision: nothing to do.
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "The heartbeat failed for rollout {RolloutId}", record.Id);
            }
        }
    }

    private async Task TickAsync(StoredRollout record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var plan = await PlanOfAsync(record.PlanId, cancellationToken);
        if (plan.Target.Kind == TargetKind.Simulated)
        {
            var fleet = fleets.For(record.Id);
            fleet.Resume(record.Snapshot.CurrentWeight);
            if (fleet.Tick(now) is { Count: > 0 } batch)
            {
                samples.Append(record.Id, batch);
            }
        }
        else if (plan.Analysis is { Enabled: true, Prometheus: { } source } && record.State != RolloutState.RollingBack)
        {
            PollPrometheus(record.Id, plan, source, now, cancellationToken);
        }

        // A paused canary still serves its share of traffic, so it is still watched: a failure
        // while paused rolls back too.
        if (record.State is RolloutState.Running or RolloutState.Paused)
        {
            await JudgeAsync(record, plan, now, cancellationToken);
        }
    }

    private async Task JudgeAsync(StoredRollout record, MigrationPlan plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rollout = record.ToRollout();
        string? failure = null;
        if (rollout.CurrentStep is { Step.NeedsAnalysis: true, ActionAppliedAt: not null } step)
        {
            var assessment = analysis.Assess(record.Id, step, plan, now);
            changes.Publish(new Change(RolloutAnalysis.VerdictTopic, record.Id.ToString(), "verdict.updated", RolloutEngine.Judge.Email));
            if (assessment.Decision == Domain.Analysis.BakeDecision.RollBack)
            {
                failure = assessment.Explanation;
            }
        }

        failure ??= rollout.CurrentWeight > 0 ? analysis.TriggerThatFired(record.Id, plan, now) : null;
        if (failure is not null)
        {
            await engine.RequestRollbackAsync(RolloutEngine.Judge, record.Id, failure, analysis.Latest(record.Id), cancellationToken);
        }
    }

    /// <summary>
    /// Reads the plan's queries for both cohorts in the background, at most one reading in
    /// flight per rollout, so a slow Prometheus never delays the heartbeat of other rollouts.
    /// A failed reading is logged and simply leaves a gap: too few samples is NoData, never a pass.
    /// </summary>
    private void PollPrometheus(Guid rolloutId, MigrationPlan plan, PrometheusSettings source, DateTimeOffset now, CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.PrometheusPollSeconds);
        if (_lastPolled.TryGetValue(rolloutId, out var last) && now - last < interval || _polling.ContainsKey(rolloutId))
        {
            return;
        }

        _lastPolled[rolloutId] = now;
        _polling[rolloutId] = Task.Run(async () =>
        {
            try
            {
                var read = await prometheus.ReadAsync(source, plan.Analysis.Metrics, now, stoppingToken);
                if (read.Count > 0)
                {
                    samples.Append(rolloutId, read);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not read Prometheus for rollout {RolloutId}", rolloutId);
            }
            finally
            {
                _polling.TryRemove(rolloutId, out _);
            }
        }, CancellationToken.None);
    }

    private async Task<MigrationPlan> PlanOfAsync(Guid planId, CancellationToken cancellationToken)
    {
        // A running plan cannot be edited, so its definition holds for the rollout's life.
        if (!_plans.TryGetValue(planId, out var plan))
        {
            plan = await plans.GetAsync(planId, cancellationToken);
            _plans[planId] = plan;
        }

        return plan;
    }

    private void ForgetFinished(IReadOnlyList<StoredRollout> active)
    {
        var live = active.Select(r => r.Id).ToHashSet();
        foreach (var rolloutId in fleets.All.Select(f => f.RolloutId).Concat(analysis.Watched).Concat(_lastPolled.Keys).Distinct().Where(id => !live.Contains(id)).ToList())
        {
            fleets.Forget(rolloutId);
            analysis.Forget(rolloutId);
            inFlight.Forget(rolloutId);
            _lastPolled.TryRemove(rolloutId, out _);
        }

        var livePlans = active.Select(r => r.PlanId).ToHashSet();
        foreach (var planId in _plans.Keys.Where(id => !livePlans.Contains(id)).ToList())
        {
            _plans.Remove(planId);
        }
    }
}
