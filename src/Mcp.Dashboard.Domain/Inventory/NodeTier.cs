namespace Mcp.Dashboard.Domain.Inventory;

/// <summary>
/// Where a service sits in the platform. Large clusters are upgraded edge first, then
/// management, then core, so the enum order is the rollout order.
/// </summary>
public enum NodeTier
{
    Edge = 0,
    Management = 1,
    Core = 2,
}
