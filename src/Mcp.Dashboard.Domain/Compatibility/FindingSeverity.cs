namespace Mcp.Dashboard.Domain.Compatibility;

/// <summary>How much a <see cref="CompatibilityFinding"/> matters. Any error makes the upgrade incompatible.</summary>
public enum FindingSeverity
{
    Error = 0,
    Warning = 1,
    Info = 2,
}
