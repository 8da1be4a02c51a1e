using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Accounts;

/// <summary>
/// Role checks at the service boundary. Endpoints and pages check roles too (to hide buttons
/// and answer 403 early); these make sure no path around them exists.
/// </summary>
public static class AccessRules
{
    public static void RequireAuthor(Actor actor, string what) =>
        Require(actor, DashboardRoles.Authors, $"Only release managers and admins can {what}.");

    public static void RequireOperator(Actor actor, string what) =>
        Require(actor, DashboardRoles.Operators, $"Only engineers, release managers and admins can {what}.");

    public static void RequireAdmin(Actor actor, string what) =>
        Require(actor, [DashboardRoles.Admin], $"Only admins can {what}.");

    private static void Require(Actor actor, IEnumerable<string> roles, string message)
    {
        if (!actor.IsInAnyRole(roles))
        {
            throw new PlanAccessDenied(message);
        }
    }
}
