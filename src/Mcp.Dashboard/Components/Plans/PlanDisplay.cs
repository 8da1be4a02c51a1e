using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Mcp.Dashboard.Components.Plans;

/// <summary>How plan vocabulary looks on screen: one place, so every page colours a state alike.</summary>
public static class PlanDisplay
{
    private static IStringLocalizer<Vocabulary> L => Vocabulary.Localizer;

    public static Color StateColor(PlanState state) => state switch
    {
        PlanState.Draft => Color.Default,
        PlanState.InReview => Color.Info,
        PlanState.Approved => Color.Success,
        PlanState.Scheduled => Color.Primary,
        PlanState.Running => Color.Secondary,
        PlanState.Completed => Color.Success,
        PlanState.RolledBack => Color.Error,
        PlanState.Cancelled => Color.Dark,
        _ => Color.Default,
    };

    public static string StateText(PlanState state) => state switch
    {
        PlanState.Draft => L["Draft"],
        PlanState.InReview => L["In review"],
        PlanState.Approved => L["Approved"],
        PlanState.Scheduled => L["Scheduled"],
        PlanState.Running => L["Running"],
        PlanState.Completed => L["Completed"],
        PlanState.RolledBack => L["Rolled back"],
        PlanState.Cancelled => L["Cancelled"],
        _ => state.ToString(),
    };

    public static string StrategyText(DeploymentStrategy strategy) => strategy switch
    {
        DeploymentStrategy.Canary => L["Canary"],
        DeploymentStrategy.BlueGreen => L["Blue-green"],
        DeploymentStrategy.Rolling => L["Rolling"],
        _ => strategy.ToString(),
    };

    public static string KindText(PlanKind kind) => kind switch
    {
        PlanKind.VersionUpgrade => L["Version upgrade"],
        PlanKind.EnvironmentMigration => L["Environment migration"],
        PlanKind.ClusterExpansion => L["Cluster expansion"],
        PlanKind.CloudMigration => L["Cloud migration"],
        _ => kind.ToString(),
    };

    /// <summary>Edge, Management, Core: the node tiers a staged plan runs in order.</summary>
    public static string TierText(Mcp.Dashboard.Domain.Inventory.NodeTier tier) => tier switch
    {
        Mcp.Dashboard.Domain.Inventory.NodeTier.Edge => L["Edge"],
        Mcp.Dashboard.Domain.Inventory.NodeTier.Management => L["Management"],
        Mcp.Dashboard.Domain.Inventory.NodeTier.Core => L["Core"],
        _ => tier.ToString(),
    };

    /// <summary>A role as people say it: "Release manager", not "ReleaseManager".</summary>
    public static string RoleText(string role) => role switch
    {
        Mcp.Dashboard.Domain.Access.DashboardRoles.Admin => L["Admin"],
        Mcp.Dashboard.Domain.Access.DashboardRoles.ReleaseManager => L["Release manager"],
        Mcp.Dashboard.Domain.Access.DashboardRoles.Engineer => L["Engineer"],
        Mcp.Dashboard.Domain.Access.DashboardRoles.Stakeholder => L["Stakeholder"],
        _ => role,
    };

    /// <summary>A team role in words: "technical lead", "on-call engineer".</summary>
    public static string TeamRoleText(TeamRole role) => role switch
    {
        TeamRole.TechnicalLead => L["technical lead"],
        TeamRole.Tester => L["tester"],
        TeamRole.BusinessCoordinator => L["business coordinator"],
        TeamRole.Approver => L["approver"],
        TeamRole.OnCall => L["on-call engineer"],
        _ => role.ToString(),
    };

    public static string DataMigrationKindText(DataMigrationKind kind) => kind switch
    {
        DataMigrationKind.Backup => L["Backup"],
        DataMigrationKind.Sync => L["Sync"],
        DataMigrationKind.ConsistencyCheck => L["Consistency check"],
        _ => kind.ToString(),
    };

    /// <summary>
    /// A readiness gate's title in the reader's language. The engine words gates in English; their
    /// titles are a closed set, so they are translated by what they say. Details carry names and
    /// numbers and stay as the engine wrote them.
    /// </summary>
    public static string GateTitle(ReadinessGate gate) => gate.Title switch
    {
        "Plan is approved" => L["Plan is approved"],
        "Environment and services exist" => L["Environment and services exist"],
        "Upgrade path is allowed" => L["Upgrade path is allowed"],
        "Config change is valid" => L["Config change is valid"],
        "Maintenance window booked" => L["Maintenance window booked"],
        "Maintenance window open" => L["Maintenance window open"],
        "Stages run edge -> management -> core" => L["Stages run edge -> management -> core"],
        "Team roles assigned" => L["Team roles assigned"],
        "Rollback plan written" => L["Rollback plan written"],
        _ when gate.Key.StartsWith("checklist:", StringComparison.Ordinal) && gate.BlocksStart && Inside(gate.Title, "Pre-flight checklist (", ")") is { } stage => L["Pre-flight checklist ({0})", stage],
        _ when gate.Key.StartsWith("checklist:", StringComparison.Ordinal) && Inside(gate.Title, "Checklist for ", "") is { } stage => L["Checklist for {0}", stage],
        _ => gate.Title,
    };

    private static string? Inside(string text, string prefix, string suffix) =>
        text.StartsWith(prefix, StringComparison.Ordinal) && text.EndsWith(suffix, StringComparison.Ordinal) && text.Length >= prefix.Length + suffix.Length
            ? text[prefix.Length..^suffix.Length]
            : null;

    public static string GateIcon(GateStatus status) => status switch
    {
        GateStatus.Met => Icons.Material.Filled.CheckCircle,
        GateStatus.Warning => Icons.Material.Filled.Warning,
        _ => Icons.Material.Filled.Cancel,
    };

    public static Color GateColor(GateStatus status) => status switch
    {
        GateStatus.Met => Color.Success,
        GateStatus.Warning => Color.Warning,
        _ => Color.Error,
    };

    /// <summary>"Sam Okafor ticked a checklist item": a change in words for the snackbar.</summary>
    public static string DescribeChange(string actorName, string kind) => kind switch
    {
        "checklist.completed" => L["{0} ticked a checklist item.", actorName],
        "checklist.reopened" => L["{0} reopened a checklist item.", actorName],
        "plan.revised" => L["{0} edited the plan.", actorName],
        "plan.submitted" => L["{0} submitted the plan for review.", actorName],
        "plan.approved" => L["{0} approved the plan.", actorName],
        "plan.changes-requested" => L["{0} requested changes.", actorName],
        "plan.cancelled" => L["{0} cancelled the plan.", actorName],
        "plan.deleted" => L["{0} deleted the plan.", actorName],
        "data-migration.evidence-recorded" => L["{0} recorded data-migration evidence.", actorName],
        _ => $"{actorName}: {kind}.",
    };

    public static string Ago(DateTimeOffset at, DateTimeOffset now)
    {
        var span = now - at;
        return span.TotalSeconds switch
        {
            < 60 => L["just now"],
            < 3600 => L["{0} min ago", (int)span.TotalMinutes],
            < 86400 => L["{0} h ago", (int)span.TotalHours],
            < 86400 * 14 => L["{0} d ago", (int)span.TotalDays],
            _ => at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
