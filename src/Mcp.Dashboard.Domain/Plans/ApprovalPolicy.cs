using Mcp.Dashboard.Domain.Access;

namespace Mcp.Dashboard.Domain.Plans;

/// <summary>The outcome of asking whether someone may approve a plan, with the reason.</summary>
public sealed record ApprovalDecision(bool Allowed, string Reason, bool IsAuthorOverride = false);

/// <summary>
/// Who may approve: an Admin; a person the plan names as Approver; or, when it names none, a
/// release manager. Authors, and whoever last changed the plan, never approve it, except an
/// Admin, and that override is recorded on the plan and in the audit trail.
/// </summary>
public static class ApprovalPolicy
{
    public static ApprovalDecision Decide(MigrationPlan plan, Actor actor)
    {
        var namedApprovers = plan.Team.Where(m => m.Role == TeamRole.Approver).ToList();
        var isNamedApprover = namedApprovers.Any(m => actor.Is(m.Email));
        var isAuthor = plan.IsAuthorOrReviser(actor);

        if (isAuthor && !actor.IsAdmin)
        {
            return new(false, plan.IsAuthor(actor)
                ? "You wrote this plan, so someone else must approve it (an Admin may override)."
                : "You made the latest changes to this plan, so someone else must approve it (an Admin may override).");
        }

        if (actor.IsAdmin)
        {
            return isAuthor
                ? new(true, "Approved by an Admin who is also the plan's author (author override).", IsAuthorOverride: true)
                : new(true, "Approved by an Admin.");
        }

        if (isNamedApprover)
        {
            return new(true, "Approved by the plan's named approver.");
        }

        if (namedApprovers.Count > 0)
        {
            return new(false, $"This plan names its approvers: {string.Join(", ", namedApprovers.Select(a => a.Email))}.");
        }

        return actor.Roles.Contains(DashboardRoles.ReleaseManager)
            ? new(true, "Approved by a release manager (the plan names no approver).")
            : new(false, "Only an Admin, a named approver or (when none is named) a release manager can approve.");
    }
}
