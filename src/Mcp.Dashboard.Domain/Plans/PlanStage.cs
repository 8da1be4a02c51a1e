using Mcp.Dashboard.Domain.Inventory;

namespace Mcp.Dashboard.Domain.Plans;

/// <summary>One phase of a plan, acting on one node tier, with its own checklist.</summary>
public sealed class PlanStage
{
    private PlanStage()
    {
    }

    internal PlanStage(Guid id, Guid planId)
    {
        Id = id;
        PlanId = planId;
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    public int Order { get; internal set; }

    public string Name { get; internal set; } = "";

    public NodeTier Tier { get; internal set; }

    public List<ChecklistItem> Checklist { get; private set; } = [];
}

/// <summary>
/// A checklist item. Ticks are their own operation with their own concurrency, so two
/// engineers ticking different items never conflict with each other or with plan edits.
/// </summary>
public sealed class ChecklistItem
{
    private ChecklistItem()
    {
    }

    internal ChecklistItem(Guid id, Guid planId, Guid stageId)
    {
        Id = id;
        PlanId = planId;
        StageId = stageId;
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    public Guid StageId { get; internal set; }

    public int Order { get; internal set; }

    public string Title { get; internal set; } = "";

    public string? Owner { get; internal set; }

    public DateTimeOffset? Due { get; internal set; }

    public bool Required { get; internal set; }

    public string? DoneBy { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    public string? EvidenceNote { get; private set; }

    public int Revision { get; private set; }

    public bool IsDone => DoneAt is not null;

    /// <summary>Ticks the item. Ticking a done item again changes nothing and says so.</summary>
    public bool Complete(string doneBy, DateTimeOffset at, string? evidenceNote)
    {
        if (IsDone)
        {
            return false;
        }

        DoneBy = doneBy;
        DoneAt = at;
        EvidenceNote = string.IsNullOrWhiteSpace(evidenceNote) ? null : evidenceNote.Trim();
        Revision++;
        return true;
    }

    public bool Reopen()
    {
        if (!IsDone)
        {
            return false;
        }

        DoneBy = null;
        DoneAt = null;
        EvidenceNote = null;
        Revision++;
        return true;
    }

    public bool IsOverdue(DateTimeOffset now) => !IsDone && Due is { } due && due < now;
}
