namespace Mcp.Dashboard.Domain.Compatibility;

/// <summary>
/// Judges one upgrade step against the rules. Both the planned upgrade and every candidate step of a
/// suggested path go through here, so a suggested path can never contain a step the check would reject.
/// </summary>
/// <remarks>
/// Restrictions win: when an Allowed rule and a Blocked or RequiresIntermediate rule match the same
/// step, the step is rejected and the overlap is reported, because silently letting the permissive
/// rule through is the worse mistake in a migration. Allowed rules waive the built-in downgrade and
/// major-version checks instead.
/// </remarks>
internal static class UpgradeHop
{
    /// <summary>
    /// Returns whether the step is free of errors, adding findings to <paramref name="findings"/> when given.
    /// Path search passes <see langword="null"/> to skip building sentences nobody will read.
    /// </summary>
    public static bool Assess(
        PlatformVersion from,
        PlatformVersion to,
        IReadOnlyList<UpgradePathRule> rules,
        List<CompatibilityFinding>? findings)
    {
        var hop = findings is null ? "" : $"{from} -> {to}";
        var isClean = true;
        var anyRuleMatches = false;
        UpgradePathRule? firstRestriction = null;
        List<UpgradePathRule>? allowedBy = null;

        foreach (var rule in rules)
        {
            if (!rule.Matches(from, to))
            {
                continue;
            }

            anyRuleMatches = true;
            switch (rule.Kind)
            {
                case UpgradePathRuleKind.Blocked:
                    isClean = false;
                    firstRestriction ??= rule;
                    findings?.Add(new(FindingSeverity.Error, CompatibilityFindingCode.Blocked,
                        $"{hop} is blocked (rule: '{rule.Label}').", rule.Id));
                    break;

                case UpgradePathRuleKind.RequiresIntermediate when !rule.IsSatisfiedBy(from, to):
                    isClean = false;
                    firstRestriction ??= rule;
                    findings?.Add(new(FindingSeverity.Error, CompatibilityFindingCode.SkipsRequiredStep,
                        $"{hop} skips a required step: upgrade to {rule.Via} first (rule: '{rule.Label}').", rule.Id));
                    break;

                case UpgradePathRuleKind.Allowed:
                    (allowedBy ??= []).Add(rule);
                    break;
            }
        }

        var isDowngrade = to < from;
        if (isDowngrade && allowedBy is null)
        {
            isClean = false;
            findings?.Add(new(FindingSeverity.Error, CompatibilityFindingCode.Downgrade,
                $"{hop} is a downgrade; only an Allowed rule can permit that."));
        }

        if (!anyRuleMatches && to.Major > from.Major)
        {
            var majors = to.Major - from.Major == 1 ? "a major version" : $"{to.Major - from.Major} major versions";
            findings?.Add(new(FindingSeverity.Warning, CompatibilityFindingCode.MajorVersionJump,
                $"{hop} crosses {majors} and no rule covers it; check the release notes for breaking changes."));
        }

        foreach (var rule in allowedBy ?? [])
        {
            findings?.Add(
                firstRestriction is not null
                    ? new(FindingSeverity.Warning, CompatibilityFindingCode.ConflictingRules,
                        $"{hop} is allowed by rule '{rule.Label}', but rule '{firstRestriction.Label}' restricts it and takes precedence.", rule.Id)
                    : isDowngrade
                        ? new(FindingSeverity.Info, CompatibilityFindingCode.DowngradeAllowed,
                            $"{hop} is a downgrade, explicitly allowed (rule: '{rule.Label}').", rule.Id)
                        : new(FindingSeverity.Info, CompatibilityFindingCode.ExplicitlyAllowed,
                            $"{hop} is explicitly allowed (rule: '{rule.Label}').", rule.Id));
        }

        return isClean;
    }
}
