using System.Collections.Concurrent;
using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;

namespace Mcp.Dashboard.Rollouts;

/// <summary>Recent metric samples of a rollout, as the analysis reads them.</summary>
public interface IRolloutSampleReader
{
    IReadOnlyList<MetricSample> Read(Guid rolloutId, DateTimeOffset since);
}

/// <summary>
/// Judges rollout steps on their samples: at a bake's end for the runner, and (via the
/// analysis loop) continuously while it bakes, keeping the provisional verdict for pages.
/// </summary>
public sealed class RolloutAnalysis(IRolloutSampleReader samples) : IStepJudge, ILiveVerdicts
{
    private readonly ConcurrentDictionary<Guid, StepVerdict> _live = new();

    public StepVerdict? Latest(Guid rolloutId) => _live.GetValueOrDefault(rolloutId);

    public void Publish(Guid rolloutId, StepVerdict verdict) => _live[rolloutId] = verdict;

    public void Forget(Guid rolloutId) => _live.TryRemove(rolloutId, out _);

    public StepJudgement JudgeStepEnd(StoredRollout rollout, RolloutStepRun step, MigrationPlan plan, DateTimeOffset now)
    {
        var since = step.StartedAt ?? now;
        var verdict = CanaryJudge.Judge(Series(samples.Read(rollout.Id, since)), plan.Analysis);
        var remembered = new StepVerdict(step.Index, verdict.Outcome, verdict.Score, verdict.Explanation, now, verdict.Metrics);
        Publish(rollout.Id, remembered);
        var decision = verdict.Outcome switch
        {
            CanaryOutcome.Pass => StepDecision.Pass,
            CanaryOutcome.Fail => StepDecision.RollBack,
            _ => StepDecision.Pause,
        };
        return new StepJudgement(decision, verdict.Explanation, remembered);
    }

    /// <summary>The samples per metric, baseline and canary apart, as the judge takes them.</summary>
    public static IReadOnlyList<MetricSeries> Series(IReadOnlyList<MetricSample> samples) =>
        samples
            .GroupBy(s => s.Metric, StringComparer.OrdinalIgnoreCase)
            .Select(g => new MetricSeries(
                g.Key,
                g.Where(s => s.Cohort == Cohorts.Baseline).OrderBy(s => s.At).Select(s => s.Value).ToList(),
                g.Where(s => s.Cohort == Cohorts.Canary).OrderBy(s => s.At).Select(s => s.Value).ToList()))
            .ToList();
}
