namespace Mcp.Dashboard.Domain.Compatibility;

/// <summary>The verdict on one planned upgrade, with the findings behind it and, when possible, a way through.</summary>
public sealed class CompatibilityResult
{
    internal CompatibilityResult(IReadOnlyList<CompatibilityFinding> findings, IReadOnlyList<PlatformVersion> suggestedPath)
    {
        Findings = findings;
        SuggestedPath = suggestedPath;
    }

    /// <summary>Whether the upgrade can be done in one step as planned: true when no finding is an error.</summary>
    public bool IsCompatible => !Findings.Any(f => f.Severity == FindingSeverity.Error);

    /// <summary>Errors first, then warnings, then information; in rule order within each.</summary>
    public IReadOnlyList<CompatibilityFinding> Findings { get; }

    /// <summary>
    /// The versions to go through, source and target included, such that every step satisfies the rules.
    /// It is just the source and target when the upgrade is compatible as planned, and empty when no such
    /// path is known (there are no known versions to route through, or none of them helps).
    /// </summary>
    public IReadOnlyList<PlatformVersion> SuggestedPath { get; }
}
