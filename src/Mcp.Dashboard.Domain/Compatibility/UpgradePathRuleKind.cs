namespace Mcp.Dashboard.Domain.Compatibility;

/// <summary>What an <see cref="UpgradePathRule"/> says about the upgrades it matches.</summary>
public enum UpgradePathRuleKind
{
    /// <summary>The path is explicitly fine; this also waives the downgrade and major-version checks.</summary>
    Allowed = 0,

    /// <summary>The path must pass through a version in the rule's intermediate range.</summary>
    RequiresIntermediate = 1,

    /// <summary>The path is not supported at all.</summary>
    Blocked = 2,
}
