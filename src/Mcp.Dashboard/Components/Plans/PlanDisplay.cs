using Mcp.Dashboard.Domain.Plans;
using MudBlazor;

namespace Mcp.Dashboard.Components.Plans;

/// <summary>How plan vocabulary looks on screen: one place, so every page colours a state alike.</summary>
public static class PlanDisplay
{
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
        PlanState.InReview => "In review",
        PlanState.RolledBack => "Rolled back",
        _ => state.ToString(),
    };

    public static string StrategyText(DeploymentStrategy strategy) => strategy switch
    {
        DeploymentStrategy.BlueGreen => "Blue-green",
        _ => strategy.ToString(),
    };

    public static string KindText(PlanKind kind) => kind switch
    {
        PlanKind.VersionUpgrade => "Version upgrade",
        PlanKind.EnvironmentMigration => "Environment migration",
        PlanKind.ClusterExpansion => "Cluster expansion",
        PlanKind.CloudMigration => "Cloud migration",
        _ => kind.ToString(),
    };

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
        "checklist.completed" => $"{actorName} ticked a checklist item.",
        "checklist.reopened" => $"{actorName} reopened a checklist item.",
        "plan.revised" => $"{actorName} edited the plan.",
        "plan.submitted" => $"{actorName} submitted the plan for review.",
        "plan.approved" => $"{actorName} approved the plan.",
        "plan.changes-requested" => $"{actorName} requested changes.",
        "plan.cancelled" => $"{actorName} cancelled the plan.",
        "plan.deleted" => $"{actorName} deleted the plan.",
        "data-migration.evidence-recorded" => $"{actorName} recorded data-migration evidence.",
        _ => $"{actorName}: {kind}.",
    };

    public static string Ago(DateTimeOffset at, DateTimeOffset now)
    {
        var span = now - at;
        return span.TotalSeconds switch
        {
            < 60 => "just now",
            < 3600 => $"{(int)span.TotalMinutes} min ago",
            < 86400 => $"{(int)span.TotalHours} h ago",
            < 86400 * 14 => $"{(int)span.TotalDays} d ago",
            _ => at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
