using System.Collections.Concurrent;
using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Rollouts.Metrics;

namespace Mcp.Dashboard.Rollouts;

/// <summary>
/// Judges rollout steps on their samples: every second while a step bakes (a clear failure
/// rolls back at once), and at the bake's end for the runner. Keeps each rollout's latest
/// verdict for the pages, the hub and the API.
/// </summary>
public sealed class RolloutAnalysis(RecentSamples samples) : IStepJudge, ILiveVerdicts
{
    /// <summary>
    /// The change-feed topic of the judge's once-a-second verdicts (id: the rollout). Apart from
    /// the rollout topic, because nothing stored changes: pages that list rollouts never hear
    /// them, and the rollout page takes the verdict from memory without a database read.
    /// </summary>
    public const string VerdictTopic = "rollout-verdict";

    private readonly ConcurrentDictionary<Guid, StepWatch> _watches = new();
    private readonly ConcurrentDictionary<Guid, StepVerdict> _latest = new();

    public StepVerdict? Latest(Guid rolloutId) => _latest.GetValueOrDefault(rolloutId);

    /// <summary>The rollouts this analysis holds state for.</summary>
    public IEnumerable<Guid> Watched => _watches.Keys.Concat(_latest.Keys).Distinct().ToList();

    public void Forget(Guid rolloutId)
    {
        _watches.TryRemove(rolloutId, out _);
        _latest.TryRemove(rolloutId, out _);
    }

    /// <summary>The judgement of a baking step as of <paramref name="now"/>; the ticker calls it every second.</summary>
    public BakeAssessment Assess(Guid rolloutId, RolloutStepRun step, MigrationPlan plan, DateTimeOffset now)
    {
        var started = step.BakeStartedAt ?? now;
        var watch = _watches.AddOrUpdate(
            rolloutId,
            _ => new StepWatch(step.Index, new BakeMonitor(plan.Analysis)),
            (_, existing) => existing.StepIndex == step.Index ? existing : new StepWatch(step.Index, new BakeMonitor(plan.Analysis)));
        var bakeOver = step.DueAt is { } due && now >= due;
        BakeAssessment assessment;
        lock (watch)
        {
            assessment = watch.Monitor.Assess(samples.Read(rolloutId, started), started, now, bakeOver);
        }

        // A rollback is decided on the recent window, so that is the verdict that explains it;
        // otherwise the whole bake so far is the fairest provisional verdict.
        var verdict = assessment.Decision == BakeDecision.RollBack ? assessment.Window : assessment.Provisional;
        _latest[rolloutId] = new StepVerdict(step.Index, verdict.Outcome, verdict.Score, verdict.Explanation, now, verdict.Metrics)
        {
            Decision = assessment.Decision.ToString(),
            DecisionReason = assessment.Explanation,
            DecisionFacts = assessment.Reason,
            LowConfidence = assessment.IsLowConfidence,
        };
        return assessment;
    }

    public StepJudgement JudgeStepEnd(StoredRollout rollout, RolloutStepRun step, MigrationPlan plan, DateTimeOffset now)
    {
        if (!step.Step.NeedsAnalysis)
        {
            return HealthCheck(rollout.Id, step, plan);
        }

        var assessment = Assess(rollout.Id, step, plan, now);
        var decision = assessment.Decision switch
        {
            BakeDecision.Pass => StepDecision.Pass,
            BakeDecision.RollBack => StepDecision.RollBack,
            BakeDecision.Pause => StepDecision.Pause,
            _ => StepDecision.KeepBaking,
        };
        return new StepJudgement(decision, assessment.Explanation, _latest.GetValueOrDefault(rollout.Id));
    }

    /// <summary>
    /// A plan's own rollback triggers ("error_rate above 2% for 60 s"): met when every canary
    /// sample of the metric over the trigger's period breaches it, with at least one sample for
    /// every two seconds of the period, so a gap in the data never fires a trigger.
    /// </summary>
    public string? TriggerThatFired(Guid rolloutId, MigrationPlan plan, DateTimeOffset now)
    {
        foreach (var trigger in plan.Rollback.Triggers)
        {
            var period = TimeSpan.FromSeconds(Math.Max(1, trigger.ForSeconds));
            var values = samples.ReadValues(rolloutId, trigger.Metric, Cohorts.Canary, now - period);
            if (values.Length == 0 || values.Length < period.TotalSeconds / 2)
            {
                continue;
            }

            var breached = trigger.Comparison == TriggerComparison.Above
                ? values.All(v => v > trigger.Threshold)
                : values.All(v => v < trigger.Threshold);
            if (breached)
            {
                var what = string.IsNullOrWhiteSpace(trigger.Description) ? $"{trigger.Metric} {(trigger.Comparison == TriggerComparison.Above ? "above" : "below")} {trigger.Threshold}" : trigger.Description;
                return $"The plan's rollback trigger fired: {what} on the canary for {period.TotalSeconds:0} s (last value {values[^1]:0.####}).";
            }
        }

        return null;
    }

    /// <summary>
    /// A rolling batch's health check: with samples, the canary's median error rate over the
    /// interval must stay under the critical limit; without any (a target that reports no
    /// metrics), the target's confirmation of the batch is the check.
    /// </summary>
    private StepJudgement HealthCheck(Guid rolloutId, RolloutStepRun step, MigrationPlan plan)
    {
        var errorRates = samples.ReadValues(rolloutId, "error_rate", Cohorts.Canary, step.BakeStartedAt ?? DateTimeOffset.MinValue);
        if (errorRates.Length == 0)
        {
            return new StepJudgement(StepDecision.Pass, "The target confirmed the batch; it reports no error-rate samples to check.");
        }

        var limit = (plan.Analysis.Metrics.Count > 0 ? plan.Analysis.Metrics : CanaryJudge.DefaultMetrics)
            .FirstOrDefault(m => m.Name == "error_rate")?.AbsoluteLimit ?? 0.05;
        var median = CanaryJudge.Median(errorRates);
        return median > limit
            ? new StepJudgement(StepDecision.RollBack, $"Batch health check failed: the replaced instances' median error rate is {median:0.0%}, above the {limit:0.0%} limit.")
            : new StepJudgement(StepDecision.Pass, $"Batch healthy: median error rate {median:0.00%} over {errorRates.Length} samples.");
    }

    private sealed record StepWatch(int StepIndex, BakeMonitor Monitor);
}
