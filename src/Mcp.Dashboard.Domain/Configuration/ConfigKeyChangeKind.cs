namespace Mcp.Dashboard.Domain.Configuration;

/// <summary>How a value at one key path differs between the old and new configuration.</summary>
public enum ConfigKeyChangeKind
{
    Added,
    Removed,
    Changed,
}
