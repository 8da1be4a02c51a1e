using Mcp.Dashboard.Domain.Access;

namespace Mcp.Dashboard.Demo;

/// <summary>A demo user: shown on the sign-in page in demo mode only.</summary>
public sealed record DemoAccount(string Email, string DisplayName, string Role);

public static class DemoAccounts
{
    public static readonly DemoAccount Admin = new("ada.admin@example.com", "Ada Admin", DashboardRoles.Admin);
    public static readonly DemoAccount ReleaseManager = new("li.wei@example.com", "Li Wei", DashboardRoles.ReleaseManager);
    public static readonly DemoAccount Approver = new("mei.chen@example.com", "Mei Chen", DashboardRoles.ReleaseManager);
    public static readonly DemoAccount Engineer = new("sam.okafor@example.com", "Sam Okafor", DashboardRoles.Engineer);
    public static readonly DemoAccount Stakeholder = new("bo.zhang@example.com", "Bo Zhang", DashboardRoles.Stakeholder);

    public static IReadOnlyList<DemoAccount> All { get; } = [Admin, ReleaseManager, Approver, Engineer, Stakeholder];
}
