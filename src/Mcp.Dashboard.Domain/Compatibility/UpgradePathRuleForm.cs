namespace Mcp.Dashboard.Domain.Compatibility;

/// <summary>
/// An upgrade path rule as typed into the rule editor: free text that
/// <see cref="CompatibilityRuleValidation"/> turns into an <see cref="UpgradePathRule"/> or into
/// messages for the fields that need fixing.
/// </summary>
public sealed class UpgradePathRuleForm
{
    public UpgradePathRuleKind Kind { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    /// <summary>The intermediate range; only <see cref="UpgradePathRuleKind.RequiresIntermediate"/> rules take one.</summary>
    public string? Via { get; set; }

    /// <summary>Why the rule exists; required for <see cref="UpgradePathRuleKind.Blocked"/>.</summary>
    public string? Reason { get; set; }
}
