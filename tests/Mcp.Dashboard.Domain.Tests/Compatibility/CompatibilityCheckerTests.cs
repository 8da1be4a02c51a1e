using Mcp.Dashboard.Domain.Compatibility;

namespace Mcp.Dashboard.Domain.Tests.Compatibility;

public class CompatibilityCheckerTests
{
    private static readonly UpgradePathRule SchemaV7 = UpgradePathRule.RequiresIntermediate(
        Guid.NewGuid(), Range("2.3.x"), Range(">=2.5.0"), Range("2.4.x"), "Schema v7 needs the 2.4 migrator");

    private static readonly string[] Published =
        ["2.3.0", "2.3.1", "2.4.0", "2.4.1", "2.4.2", "2.5.0", "2.5.1", "2.6.0", "3.0.0"];

    [Fact]
    public void Check_MinorUpgradeWithoutRules_IsCompatibleWithNoFindings()
    {
        var result = CompatibilityChecker.Check(Version("2.4.1"), Version("2.5.0"), []);

        Assert.True(result.IsCompatible);
        Assert.Empty(result.Findings);
        Assert.Equal(Versions("2.4.1", "2.5.0"), result.SuggestedPath);
    }

    [Fact]
    public void Check_SkipsRequiredIntermediate_IsIncompatibleAndNamesTheStep()
    {
        var result = CompatibilityChecker.Check(Version("2.3.0"), Version("2.5.0"), [SchemaV7]);

        Assert.False(result.IsCompatible);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(CompatibilityFindingCode.SkipsRequiredStep, finding.Code);
        Assert.Equal(SchemaV7.Id, finding.RuleId);
        Assert.Equal(
            "2.3.0 -> 2.5.0 skips a required step: upgrade to 2.4.x first (rule: 'Schema v7 needs the 2.4 migrator').",
            finding.Message);
    }

    [Theory]
    [InlineData("2.3.0", "2.4.2")] // lands on the intermediate
    [InlineData("2.4.2", "2.5.0")] // starts from it (and the rule's "from" no longer matches)
    [InlineData("2.3.0", "2.3.5")] // the rule's "to" does not match
    public void Check_StepThatHonoursRequiredIntermediate_IsCompatible(string from, string to)
    {
        var result = CompatibilityChecker.Check(Version(from), Version(to), [SchemaV7]);

        Assert.True(result.IsCompatible);
        Assert.DoesNotContain(result.Findings, f => f.Severity == FindingSeverity.Error);
    }

    [Fact]
    public void Check_RequiredIntermediateWithoutReason_NamesTheRuleByItsRanges()
    {
        var rule = UpgradePathRule.RequiresIntermediate(Guid.NewGuid(), Range("2.3.x"), Range(">=2.5.0"), Range("2.4.x"));

        var result = CompatibilityChecker.Check(Version("2.3.0"), Version("2.5.0"), [rule]);

        Assert.Equal(
            "2.3.0 -> 2.5.0 skips a required step: upgrade to 2.4.x first (rule: '2.3.x -> >=2.5.0').",
            Assert.Single(result.Findings).Message);
    }

    [Fact]
    public void Check_BlockedPath_IsIncompatibleAndGivesTheReason()
    {
        var rule = UpgradePathRule.Blocked(Guid.NewGuid(), Range("2.x"), Range("3.x"), "3.0 needs a fresh install");

        var result = CompatibilityChecker.Check(Version("2.6.0"), Version("3.0.0"), [rule]);

        Assert.False(result.IsCompatible);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(CompatibilityFindingCode.Blocked, finding.Code);
        Assert.Equal("2.6.0 -> 3.0.0 is blocked (rule: '3.0 needs a fresh install').", finding.Message);
    }

    [Fact]
    public void Check_AllowedRule_IsCompatibleWithAnInfoNamingTheRule()
    {
        var rule = UpgradePathRule.Allowed(Guid.NewGuid(), Range("2.6.x"), Range("3.0.x"), "Tested in the 3.0 beta");

        var result = CompatibilityChecker.Check(Version("2.6.0"), Version("3.0.0"), [rule]);

        Assert.True(result.IsCompatible);
        var finding = Assert.Single(result.Findings);
        Assert.Equal((FindingSeverity.Info, CompatibilityFindingCode.ExplicitlyAllowed), (finding.Severity, finding.Code));
        Assert.Equal("2.6.0 -> 3.0.0 is explicitly allowed (rule: 'Tested in the 3.0 beta').", finding.Message);
    }

    [Fact]
    public void Check_AllowedAndBlockedBothMatch_BlockWinsAndTheOverlapIsWarned()
    {
        var allowed = UpgradePathRule.Allowed(Guid.NewGuid(), Range("2.6.x"), Range("3.x"), "Tested in the 3.0 beta");
        var blocked = UpgradePathRule.Blocked(Guid.NewGuid(), Range("2.x"), Range("3.x"), "3.0 needs a fresh install");

        var result = CompatibilityChecker.Check(Version("2.6.0"), Version("3.0.0"), [allowed, blocked]);

        Assert.False(result.IsCompatible);
        Assert.Collection(
            result.Findings,
            f => Assert.Equal(CompatibilityFindingCode.Blocked, f.Code),
            f =>
            {
                Assert.Equal((FindingSeverity.Warning, CompatibilityFindingCode.ConflictingRules), (f.Severity, f.Code));
                Assert.Equal(allowed.Id, f.RuleId);
                Assert.Contains("rule '3.0 needs a fresh install' restricts it and takes precedence", f.Message, StringComparison.Ordinal);
            });
    }

    [Fact]
    public void Check_Downgrade_IsAnError()
    {
        var result = CompatibilityChecker.Check(Version("2.5.0"), Version("2.4.2"), []);

        Assert.False(result.IsCompatible);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(CompatibilityFindingCode.Downgrade, finding.Code);
        Assert.Equal("2.5.0 -> 2.4.2 is a downgrade; only an Allowed rule can permit that.", finding.Message);
        Assert.Empty(result.SuggestedPath);
    }

    [Fact]
    public void Check_FromReleaseToItsOwnPrerelease_IsADowngrade()
    {
        var result = CompatibilityChecker.Check(Version("2.5.0"), Version("2.5.0-rc.2"), []);

        Assert.Equal(CompatibilityFindingCode.Downgrade, Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void Check_DowngradeWithAllowedRule_IsCompatibleAndSaysWhy()
    {
        var rollback = UpgradePathRule.Allowed(Guid.NewGuid(), Range("2.5.x"), Range("2.4.x"), "Rollback rehearsed by QA");

        var result = CompatibilityChecker.Check(Version("2.5.0"), Version("2.4.2"), [rollback]);

        Assert.True(result.IsCompatible);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(CompatibilityFindingCode.DowngradeAllowed, finding.Code);
        Assert.Equal("2.5.0 -> 2.4.2 is a downgrade, explicitly allowed (rule: 'Rollback rehearsed by QA').", finding.Message);
        Assert.Equal(Versions("2.5.0", "2.4.2"), result.SuggestedPath);
    }

    [Fact]
    public void Check_SameVersion_IsAnErrorWithNothingToUpgrade()
    {
        var result = CompatibilityChecker.Check(Version("2.4.1"), Version("2.4.1"), [SchemaV7], Versions(Published));

        Assert.False(result.IsCompatible);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(CompatibilityFindingCode.NothingToUpgrade, finding.Code);
        Assert.Equal("2.4.1 -> 2.4.1: nothing to upgrade, the versions are the same.", finding.Message);
        Assert.Empty(result.SuggestedPath);
    }

    [Fact]
    public void Check_MajorJumpWithoutRule_IsCompatibleButWarned()
    {
        var result = CompatibilityChecker.Check(Version("2.6.0"), Version("3.0.0"), [SchemaV7]);

        Assert.True(result.IsCompatible);
        var finding = Assert.Single(result.Findings);
        Assert.Equal((FindingSeverity.Warning, CompatibilityFindingCode.MajorVersionJump), (finding.Severity, finding.Code));
        Assert.Equal(
            "2.6.0 -> 3.0.0 crosses a major version and no rule covers it; check the release notes for breaking changes.",
            finding.Message);
    }

    [Fact]
    public void Check_JumpOverSeveralMajors_SaysHowMany()
    {
        var result = CompatibilityChecker.Check(Version("1.9.0"), Version("3.0.0"), []);

        Assert.Contains("crosses 2 major versions", Assert.Single(result.Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MajorJumpCoveredByAnyRule_IsNotWarned()
    {
        var rule = UpgradePathRule.RequiresIntermediate(Guid.NewGuid(), Range("2.x"), Range("3.x"), Range("2.6.x"));

        var result = CompatibilityChecker.Check(Version("2.6.0"), Version("3.0.0"), [rule]);

        Assert.True(result.IsCompatible);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Check_KnownVersions_SuggestsPathThroughTheHighestPatchOfTheIntermediate()
    {
        var result = CompatibilityChecker.Check(Version("2.3.0"), Version("2.5.0"), [SchemaV7], Versions(Published));

        Assert.False(result.IsCompatible);
        Assert.Equal(Versions("2.3.0", "2.4.2", "2.5.0"), result.SuggestedPath);
        Assert.Collection(
            result.Findings,
            f => Assert.Equal(CompatibilityFindingCode.SkipsRequiredStep, f.Code),
            f =>
            {
                Assert.Equal((FindingSeverity.Info, CompatibilityFindingCode.SuggestedPath), (f.Severity, f.Code));
                Assert.Equal("Suggested path: 2.3.0 -> 2.4.2 -> 2.5.0.", f.Message);
            });
    }

    [Fact]
    public void Check_ChainedIntermediates_SuggestsEveryStepWithTheFewestHops()
    {
        var schemaV8 = UpgradePathRule.RequiresIntermediate(Guid.NewGuid(), Range("<2.5.0"), Range(">=2.6.0"), Range("2.5.x"));

        var result = CompatibilityChecker.Check(Version("2.3.0"), Version("2.6.0"), [SchemaV7, schemaV8], Versions(Published));

        Assert.Equal(Versions("2.3.0", "2.4.2", "2.5.1", "2.6.0"), result.SuggestedPath);
    }

    [Fact]
    public void Check_BlockedStepOnTheWay_RoutesAroundIt()
    {
        var brokenPatch = UpgradePathRule.Blocked(Guid.NewGuid(), Range("2.4.2"), Range("2.5.x"), "2.4.2 loses queued jobs on upgrade");

        var result = CompatibilityChecker.Check(Version("2.3.0"), Version("2.5.0"), [SchemaV7, brokenPatch], Versions(Published));

        Assert.Equal(Versions("2.3.0", "2.4.1", "2.5.0"), result.SuggestedPath);
    }

    [Fact]
    public void Check_PrereleasesAmongKnownVersions_AreNotUsedAsStepsInThePath()
    {
        var result = CompatibilityChecker.Check(
            Version("2.3.0"), Version("2.5.0"), [SchemaV7], Versions("2.4.0", "2.4.3-rc.1", "2.5.0"));

        Assert.Equal(Versions("2.3.0", "2.4.0", "2.5.0"), result.SuggestedPath);
    }

    [Fact]
    public void Check_NoKnownVersionSatisfiesTheRule_ReportsThatNoPathExists()
    {
        var result = CompatibilityChecker.Check(Version("2.3.0"), Version("2.5.0"), [SchemaV7], Versions("2.3.1", "2.5.0"));

        Assert.False(result.IsCompatible);
        Assert.Empty(result.SuggestedPath);
        var finding = Assert.Single(result.Findings, f => f.Code == CompatibilityFindingCode.NoPathFound);
        Assert.Equal("No path from 2.3.0 to 2.5.0 through the known versions satisfies the rules.", finding.Message);
    }

    [Fact]
    public void Check_IncompatibleWithoutKnownVersions_HasNoSuggestedPath()
    {
        var result = CompatibilityChecker.Check(Version("2.3.0"), Version("2.5.0"), [SchemaV7]);

        Assert.Empty(result.SuggestedPath);
        Assert.DoesNotContain(result.Findings, f => f.Code is CompatibilityFindingCode.SuggestedPath or CompatibilityFindingCode.NoPathFound);
    }

    [Fact]
    public void Check_TargetNotAmongKnownVersions_IsWarned()
    {
        var result = CompatibilityChecker.Check(Version("2.4.2"), Version("2.5.7"), [], Versions(Published));

        Assert.True(result.IsCompatible);
        var finding = Assert.Single(result.Findings);
        Assert.Equal((FindingSeverity.Warning, CompatibilityFindingCode.UnknownTargetVersion), (finding.Severity, finding.Code));
        Assert.Equal("2.5.7 is not one of the known versions.", finding.Message);
    }

    [Fact]
    public void Check_SeveralFindings_AreOrderedErrorsThenWarningsThenInfo()
    {
        var allowed = UpgradePathRule.Allowed(Guid.NewGuid(), Range("2.3.x"), Range("2.5.x"));

        var result = CompatibilityChecker.Check(Version("2.3.0"), Version("2.5.0"), [allowed, SchemaV7], Versions(Published));

        Assert.Equal(
            [FindingSeverity.Error, FindingSeverity.Warning, FindingSeverity.Info],
            result.Findings.Select(f => f.Severity));
    }

    [Fact]
    public void Check_ManyKnownVersionsAndRules_StaysFast()
    {
        var known = Enumerable.Range(0, 10).SelectMany(minor => Enumerable.Range(0, 20).Select(patch => new PlatformVersion(2, minor, patch))).ToList();
        // Every minor is a required step: from below 2.m to 2.(m+1) or later, go through 2.m.x.
        var rules = Enumerable.Range(1, 8)
            .Select(minor => UpgradePathRule.RequiresIntermediate(
                Guid.NewGuid(), Range($"<2.{minor}.0"), Range($">=2.{minor + 1}.0"), Range($"2.{minor}.x")))
            .ToList();

        var result = CompatibilityChecker.Check(Version("2.0.0"), Version("2.9.19"), rules, known);

        Assert.Equal(
            Versions("2.0.0", "2.1.19", "2.2.19", "2.3.19", "2.4.19", "2.5.19", "2.6.19", "2.7.19", "2.8.19", "2.9.19"),
            result.SuggestedPath);
    }

    private static PlatformVersion Version(string text) => PlatformVersion.Parse(text);

    private static VersionRange Range(string text) => VersionRange.Parse(text);

    private static PlatformVersion[] Versions(params string[] texts) => [.. texts.Select(PlatformVersion.Parse)];
}
