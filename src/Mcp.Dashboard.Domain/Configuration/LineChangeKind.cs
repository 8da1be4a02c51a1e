namespace Mcp.Dashboard.Domain.Configuration;

/// <summary>How a <see cref="SideBySideRow"/> differs between the old and new text.</summary>
public enum LineChangeKind
{
    Unchanged,
    Added,
    Removed,

    /// <summary>An old line replaced by a new one: a removal paired with the addition right after it.</summary>
    Changed,
}
