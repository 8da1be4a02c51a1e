namespace Mcp.Dashboard.Domain.Audit;

/// <summary>
/// One line of the audit trail: who did what to which thing, when, why, and the state before
/// and after (as JSON). Entries are only ever added; the database refuses updates and deletes.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>E-mail of the person or token owner; "system" for the scheduler.</summary>
    public string Actor { get; private set; } = "";

    /// <summary>A dotted verb such as <c>plan.approved</c> or <c>checklist.completed</c>.</summary>
    public string Action { get; private set; } = "";

    /// <summary>The kind of thing acted on: plan, environment, blackout, user...</summary>
    public string Subject { get; private set; } = "";

    public string SubjectId { get; private set; } = "";

    /// <summary>Set for everything that belongs to a plan, so a plan's history is one query.</summary>
    public Guid? PlanId { get; private set; }

    public string? Reason { get; private set; }

    public string? Before { get; private set; }

    public string? After { get; private set; }

    /// <summary>How the request came in: "ui", "api", "scheduler".</summary>
    public string Channel { get; private set; } = "";

    public static AuditEntry Record(
        DateTimeOffset at,
        string actor,
        string action,
        string subject,
        string subjectId,
        Guid? planId = null,
        string? reason = null,
        string? before = null,
        string? after = null,
        string channel = "ui") => new()
        {
            At = at,
            Actor = actor,
            Action = action,
            Subject = subject,
            SubjectId = subjectId,
            PlanId = planId,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            Before = before,
            After = after,
            Channel = channel,
        };
}
