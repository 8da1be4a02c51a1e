namespace Mcp.Dashboard.Domain.Inventory;

/// <summary>
/// An environment of the inventory (staging, production...) and the services running in it.
/// The inventory feeds compatibility checks, stage ordering and window conflict detection.
/// </summary>
public sealed class DeploymentEnvironment
{
    private DeploymentEnvironment()
    {
    }

    public DeploymentEnvironment(string name, string? description = null)
    {
        Name = name;
        Description = description;
    }

    public string Name { get; private set; } = "";

    public string? Description { get; set; }

    public List<PlatformService> Services { get; set; } = [];

    public int Revision { get; set; }

    public PlatformService? FindService(string name) =>
        Services.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A service of an environment, with its tier, version and what it calls.</summary>
public sealed record PlatformService
{
    public required string Name { get; init; }

    public NodeTier Tier { get; init; }

    public required string Version { get; init; }

    public IReadOnlyList<string> DependsOn { get; init; } = [];
}
