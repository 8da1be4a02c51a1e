using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;

namespace Mcp.Dashboard.Rollouts;

/// <summary>What to do with a step whose bake or interval is over.</summary>
public enum StepDecision
{
    /// <summary>The evidence is good: the step succeeded.</summary>
    Pass,

    /// <summary>Marginal or too little evidence: hold for a human.</summary>
    Pause,

    /// <summary>The evidence is bad: roll back.</summary>
    RollBack,

    /// <summary>The bake is over but its last seconds look bad: judge again in a second before deciding.</summary>
    KeepBaking,
}

/// <summary>The decision on a step and the sentence that explains it.</summary>
public sealed record StepJudgement(StepDecision Decision, string Explanation, StepVerdict? Verdict = null);

/// <summary>Judges a step at the end of its bake (analysis) or interval (health check).</summary>
public interface IStepJudge
{
    StepJudgement JudgeStepEnd(StoredRollout rollout, RolloutStepRun step, MigrationPlan plan, DateTimeOffset now);
}
