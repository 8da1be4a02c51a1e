namespace Mcp.Dashboard.Domain.Compatibility;

/// <summary>
/// Decides whether a planned upgrade between two platform versions respects the upgrade path rules.
/// Plans are checked when written and again before they start, since rules may change in between.
/// </summary>
public static class CompatibilityChecker
{
    /// <param name="from">The version the platform runs now.</param>
    /// <param name="to">The version the plan upgrades to.</param>
    /// <param name="rules">The upgrade path rules in force.</param>
    /// <param name="knownVersions">
    /// Versions that exist (typically the published ones). When given, an incompatible upgrade gets a
    /// <see cref="CompatibilityResult.SuggestedPath"/> through them, and an unknown target is flagged.
    /// </param>
    public static CompatibilityResult Check(
        PlatformVersion from,
        PlatformVersion to,
        IEnumerable<UpgradePathRule> rules,
        IEnumerable<PlatformVersion>? knownVersions = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(rules);

        var findings = new List<CompatibilityFinding>();
        if (from == to)
        {
            findings.Add(new(FindingSeverity.Error, CompatibilityFindingCode.NothingToUpgrade,
                $"{from} -> {to}: nothing to upgrade, the versions are the same."));
            return new CompatibilityResult(findings, []);
        }

        var ruleList = rules.ToList();
        var known = knownVersions?.ToList();
        var isDirectlyCompatible = UpgradeHop.Assess(from, to, ruleList, findings);

        if (known is not null && !known.Contains(to))
        {
            findings.Add(new(FindingSeverity.Warning, CompatibilityFindingCode.UnknownTargetVersion,
                $"{to} is not one of the known versions."));
        }

        IReadOnlyList<PlatformVersion> suggestedPath = [];
        if (isDirectlyCompatible)
        {
            suggestedPath = [from, to];
        }
        else if (known is not null && from < to)
        {
            suggestedPath = UpgradeRoute.Find(from, to, ruleList, known) ?? [];
            findings.Add(suggestedPath.Count > 0
                ? new(FindingSeverity.Info, CompatibilityFindingCode.SuggestedPath,
                    $"Suggested path: {string.Join(" -> ", suggestedPath)}.")
                : new(FindingSeverity.Info, CompatibilityFindingCode.NoPathFound,
                    $"No path from {from} to {to} through the known versions satisfies the rules."));
        }

        // OrderBy is stable, so findings keep rule order within a severity.
        return new CompatibilityResult(findings.OrderBy(f => f.Severity).ToList(), suggestedPath);
    }
}
