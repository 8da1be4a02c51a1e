namespace Mcp.Dashboard.Domain.Access;

/// <summary>The application roles. A user may hold several.</summary>
public static class DashboardRoles
{
    public const string Admin = "Admin";
    public const string ReleaseManager = "ReleaseManager";
    public const string Engineer = "Engineer";
    public const string Stakeholder = "Stakeholder";

    public static IReadOnlyList<string> All { get; } = [Admin, ReleaseManager, Engineer, Stakeholder];

    /// <summary>Who may write plans, windows, blackouts, inventory and rules.</summary>
    public static IReadOnlyList<string> Authors { get; } = [Admin, ReleaseManager];

    /// <summary>Who may tick checklist items and record evidence.</summary>
    public static IReadOnlyList<string> Operators { get; } = [Admin, ReleaseManager, Engineer];
}
