using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Reports;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Rollouts;

namespace Mcp.Dashboard.Reports;

/// <summary>
/// Everything one rollout's report says, as plain data: the page renders it, the Markdown
/// writer writes it, and the API returns it as JSON. Times are instants (UTC); each reader
/// shows them in its own zone.
/// </summary>
public sealed record RolloutReport
{
    public required Guid RolloutId { get; init; }

    public required Guid PlanId { get; init; }

    public required string PlanName { get; init; }

    public required string Environment { get; init; }

    public required IReadOnlyList<string> Services { get; init; }

    public required string FromVersion { get; init; }

    public required string ToVersion { get; init; }

    public required DeploymentStrategy Strategy { get; init; }

    /// <summary>How it ended (or where it is, if it has not).</summary>
    public required RolloutState Outcome { get; init; }

    public required string StartedBy { get; init; }

    /// <summary>When it was started or booked into its window.</summary>
    public required DateTimeOffset BookedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public ReportWindow? Window { get; init; }

    public string? FailureReason { get; init; }

    public ReportRollback? Rollback { get; init; }

    public required IReadOnlyList<ReportEvent> Timeline { get; init; }

    public required IReadOnlyList<PhaseDuration> Phases { get; init; }

    public required IReadOnlyList<ReportStep> Steps { get; init; }

    /// <summary>Canary against baseline per metric over the whole rollout, from the stored metric history.</summary>
    public required IReadOnlyList<MetricComparison> Metrics { get; init; }

    public required IReadOnlyList<ReportChecklistItem> Checklist { get; init; }

    public required IReadOnlyList<RollbackTask> RollbackChecklist { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    public bool IsFinished => RolloutStateMachine.IsTerminal(Outcome);
}

/// <summary>The window the rollout ran in, and whether it kept to it (null while it runs).</summary>
public sealed record ReportWindow(DateTimeOffset? Start, DateTimeOffset End, string TimeZone, WindowOverrunPolicy OverrunPolicy, WindowOutcome? Outcome);

/// <summary>The rollback: who asked, when, why, and what kind of cause that was.</summary>
public sealed record ReportRollback(string RequestedBy, DateTimeOffset? RequestedAt, string? Reason, RollbackCause Cause, DateTimeOffset? CompletedAt);

public sealed record ReportEvent(DateTimeOffset At, string Kind, string Message, string Actor, int? StepIndex);

/// <summary>
/// A step with the verdict that decided it, when it was judged. <paramref name="Step"/> is the
/// plan's step itself, kept (not in the JSON) so the page can word it in the reader's language.
/// </summary>
public sealed record ReportStep(
    int Index,
    string Description,
    StepState State,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Note,
    bool NeedsAnalysis,
    StepVerdict? Verdict,
    [property: System.Text.Json.Serialization.JsonIgnore] RolloutStep? Step = null);

/// <summary>A plan checklist item with who ticked it, when, and the evidence they left.</summary>
public sealed record ReportChecklistItem(string Stage, string Title, string? Owner, bool Required, string? DoneBy, DateTimeOffset? DoneAt, string? EvidenceNote);
