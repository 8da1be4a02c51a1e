namespace Mcp.Dashboard.Domain.Compatibility;

/// <summary>What a <see cref="CompatibilityFinding"/> is about, so callers can react without reading its sentence.</summary>
public enum CompatibilityFindingCode
{
    /// <summary>The source and target are the same version.</summary>
    NothingToUpgrade,

    /// <summary>The target is older than the source and no rule allows it.</summary>
    Downgrade,

    /// <summary>The target is older than the source, and an Allowed rule says that is fine.</summary>
    DowngradeAllowed,

    /// <summary>The upgrade crosses a major version and no rule says anything about it.</summary>
    MajorVersionJump,

    /// <summary>A Blocked rule matches.</summary>
    Blocked,

    /// <summary>A RequiresIntermediate rule matches and the upgrade does not go through its intermediate.</summary>
    SkipsRequiredStep,

    /// <summary>An Allowed rule matches and nothing restricts the upgrade.</summary>
    ExplicitlyAllowed,

    /// <summary>An Allowed rule matches, but a restricting rule matches too and takes precedence.</summary>
    ConflictingRules,

    /// <summary>The target is not among the known versions.</summary>
    UnknownTargetVersion,

    /// <summary>A multi-step path through known versions satisfies the rules.</summary>
    SuggestedPath,

    /// <summary>No path through the known versions satisfies the rules.</summary>
    NoPathFound,
}
