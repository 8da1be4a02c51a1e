namespace Mcp.Dashboard.Domain.Configuration;

/// <summary>
/// The differences between two configurations as values rather than text, so re-indenting or re-quoting
/// shows no change. Only possible when both sides are valid YAML; otherwise it says why not.
/// </summary>
public sealed class StructuralDiff
{
    private StructuralDiff(IReadOnlyList<ConfigKeyChange> changes, string? cannotCompareReason)
    {
        Changes = changes;
        CannotCompareReason = cannotCompareReason;
    }

    public bool CanCompare => CannotCompareReason is null;

    /// <summary>Why the configurations could not be compared, naming the side and the first error; null when they could.</summary>
    public string? CannotCompareReason { get; }

    /// <summary>
    /// In document order, depth first; within each map, the old map's keys (removed or changed) come first,
    /// then the keys only the new map has, in its order.
    /// </summary>
    public IReadOnlyList<ConfigKeyChange> Changes { get; }

    internal static StructuralDiff Compared(IReadOnlyList<ConfigKeyChange> changes) => new(changes, null);

    internal static StructuralDiff NotComparable(string reason) => new([], reason);
}
