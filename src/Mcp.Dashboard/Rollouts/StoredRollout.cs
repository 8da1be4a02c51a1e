using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;

namespace Mcp.Dashboard.Rollouts;

/// <summary>
/// A rollout as stored: the aggregate as one JSON snapshot (its steps always change together
/// with its state, in one row and one commit) plus the columns that lists and the engine
/// query by. <see cref="Version"/> guards against two writers: only one commit of a given
/// version succeeds, which is what makes a rollback happen once across processes too.
/// </summary>
public sealed class StoredRollout
{
    public Guid Id { get; set; }

    public Guid PlanId { get; set; }

    public string PlanName { get; set; } = "";

    public RolloutState State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    /// <summary>When a rollout booked into a future window starts: the window's start.</summary>
    public DateTimeOffset StartsAt { get; set; }

    /// <summary>The maintenance window it runs in, whose end is the deadline.</summary>
    public Guid? WindowId { get; set; }

    public DateTimeOffset? WindowEnd { get; set; }

    public string WindowTimeZone { get; set; } = "UTC";

    public WindowOverrunPolicy WindowOverrun { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }

    public RolloutSnapshot Snapshot { get; set; } = null!;

    /// <summary>The judge's last verdict on a finished or decided step, for pages opened later.</summary>
    public StepVerdict? LastVerdict { get; set; }

    /// <summary>
    /// The verdict that decided each judged step (passed, held, failed), oldest first: the
    /// evidence a report shows per step. Null for rollouts stored before it was kept.
    /// </summary>
    public IReadOnlyList<StepVerdict>? StepVerdicts { get; set; }

    /// <summary>Keeps the verdict that decided a step: as the latest one, and as that step's verdict for the report.</summary>
    public void RecordVerdict(StepVerdict verdict)
    {
        LastVerdict = verdict;
        StepVerdicts = [.. (StepVerdicts ?? []).Where(v => v.StepIndex != verdict.StepIndex), verdict];
    }

    public Rollout ToRollout() => Rollout.Restore(Snapshot);

    /// <summary>Takes the aggregate's new state and bumps the version.</summary>
    public void Update(Rollout rollout, DateTimeOffset now)
    {
        Snapshot = rollout.ToSnapshot();
        State = rollout.State;
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>A verdict as remembered: the step it was about, its outcome and sentence, and the per-metric numbers.</summary>
public sealed record StepVerdict(
    int StepIndex,
    Domain.Analysis.CanaryOutcome Outcome,
    double? Score,
    string Explanation,
    DateTimeOffset At,
    IReadOnlyList<Domain.Analysis.MetricResult> Metrics)
{
    /// <summary>What the judge decided on it: Continue (still baking), Pass, Pause or RollBack.</summary>
    public string? Decision { get; init; }

    /// <summary>The sentence behind the decision, e.g. which recent window failed and how often.</summary>
    public string? DecisionReason { get; init; }

    /// <summary>
    /// The facts <see cref="DecisionReason"/> is made of, so pages can say it in the reader's
    /// language. Null on verdicts stored before it was kept (they show the English sentence).
    /// </summary>
    public Domain.Analysis.BakeReason? DecisionFacts { get; init; }

    /// <summary>Too few samples to judge yet: shown as low confidence, never as a pass.</summary>
    public bool LowConfidence { get; init; }
}

/// <summary>
/// One line of a rollout's event log: started, each step, verdicts that decided something,
/// pauses, target refusals, the rollback. Append-only; the page, the hub and the feeds read it.
/// </summary>
public sealed class RolloutEvent
{
    public long Id { get; set; }

    public Guid RolloutId { get; set; }

    public Guid PlanId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>A dotted kind such as <c>step.started</c> or <c>rollback.completed</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>One plain sentence, e.g. "Step 2 (set canary weight to 10%) started."</summary>
    public string Message { get; set; } = "";

    public string Actor { get; set; } = "";

    public int? StepIndex { get; set; }
}
