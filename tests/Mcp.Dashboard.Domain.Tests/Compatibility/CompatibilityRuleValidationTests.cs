using Mcp.Dashboard.Domain.Compatibility;

namespace Mcp.Dashboard.Domain.Tests.Compatibility;

public class CompatibilityRuleValidationTests
{
    [Fact]
    public void Validate_CompleteRequiresIntermediateForm_BuildsTheRule()
    {
        var id = Guid.NewGuid();
        var form = new UpgradePathRuleForm
        {
            Kind = UpgradePathRuleKind.RequiresIntermediate,
            From = "2.3.x",
            To = ">=2.5.0",
            Via = " 2.4.x ",
            Reason = "  Schema v7 needs the 2.4 migrator ",
        };

        var result = CompatibilityRuleValidation.Validate(form, id);

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.Equal(id, result.Rule.Id);
        Assert.Equal(UpgradePathRuleKind.RequiresIntermediate, result.Rule.Kind);
        Assert.Equal(("2.3.x", ">=2.5.0", "2.4.x"), (result.Rule.From.ToString(), result.Rule.To.ToString(), result.Rule.Via?.ToString()));
        Assert.Equal("Schema v7 needs the 2.4 migrator", result.Rule.Reason);
    }

    [Fact]
    public void Validate_WithoutId_AssignsANewOne()
    {
        var result = CompatibilityRuleValidation.Validate(new UpgradePathRuleForm { From = "2.x", To = "3.x" });

        Assert.True(result.IsValid);
        Assert.NotEqual(Guid.Empty, result.Rule.Id);
        Assert.Equal(UpgradePathRuleKind.Allowed, result.Rule.Kind);
        Assert.Null(result.Rule.Reason);
    }

    [Fact]
    public void Validate_EmptyForm_AsksForFromAndTo()
    {
        var result = CompatibilityRuleValidation.Validate(new UpgradePathRuleForm());

        Assert.False(result.IsValid);
        Assert.Null(result.Rule);
        Assert.Equal(["from", "to"], result.Errors.Keys.Order());
        Assert.Equal("Enter the versions this rule applies to, e.g. 2.3.x.", Assert.Single(result.Errors["from"]));
        Assert.Equal("Enter the target versions, e.g. >=2.5.0.", Assert.Single(result.Errors["to"]));
    }

    [Fact]
    public void Validate_MalformedRanges_ExplainUnderTheirFields()
    {
        var form = new UpgradePathRuleForm { From = "2.3", To = "=>2.5.0" };

        var result = CompatibilityRuleValidation.Validate(form);

        Assert.StartsWith("'2.3' is incomplete", Assert.Single(result.Errors[CompatibilityRuleValidation.FromField]), StringComparison.Ordinal);
        Assert.StartsWith("'=>' is not a comparator", Assert.Single(result.Errors[CompatibilityRuleValidation.ToField]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RequiresIntermediateWithoutVia_AsksForIt()
    {
        var form = new UpgradePathRuleForm { Kind = UpgradePathRuleKind.RequiresIntermediate, From = "2.3.x", To = ">=2.5.0" };

        var result = CompatibilityRuleValidation.Validate(form);

        Assert.Equal("Say which version must come first, e.g. 2.4.x.", Assert.Single(result.Errors["via"]));
    }

    [Theory]
    [InlineData(UpgradePathRuleKind.Allowed)]
    [InlineData(UpgradePathRuleKind.Blocked)]
    public void Validate_ViaOnOtherKinds_IsRejected(UpgradePathRuleKind kind)
    {
        var form = new UpgradePathRuleForm { Kind = kind, From = "2.3.x", To = ">=2.5.0", Via = "2.4.x", Reason = "Because" };

        var result = CompatibilityRuleValidation.Validate(form);

        Assert.Equal(
            "Only rules that require an intermediate version take one; clear this field or change the rule kind.",
            Assert.Single(result.Errors["via"]));
    }

    [Fact]
    public void Validate_ViaCoveringEveryTarget_IsRejectedBecauseTheRuleCouldNeverFire()
    {
        var form = new UpgradePathRuleForm { Kind = UpgradePathRuleKind.RequiresIntermediate, From = "2.3.x", To = "2.4.x", Via = "2.x" };

        var result = CompatibilityRuleValidation.Validate(form);

        Assert.Contains("includes every target version in 2.4.x", Assert.Single(result.Errors["via"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ViaCoveringEveryStart_IsRejectedBecauseTheRuleCouldNeverFire()
    {
        var form = new UpgradePathRuleForm { Kind = UpgradePathRuleKind.RequiresIntermediate, From = "2.4.1", To = ">=2.5.0", Via = "2.4.x" };

        var result = CompatibilityRuleValidation.Validate(form);

        Assert.Contains("includes every starting version in 2.4.1", Assert.Single(result.Errors["via"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Validate_BlockedWithoutReason_AsksWhy(string? reason)
    {
        var form = new UpgradePathRuleForm { Kind = UpgradePathRuleKind.Blocked, From = "2.x", To = "3.x", Reason = reason };

        var result = CompatibilityRuleValidation.Validate(form);

        Assert.Equal("Say why this path is blocked; people see it when their plan is rejected.", Assert.Single(result.Errors["reason"]));
    }

    [Fact]
    public void Validate_OverlongReason_IsRejected()
    {
        var form = new UpgradePathRuleForm { From = "2.x", To = "3.x", Reason = new string('a', CompatibilityRuleValidation.MaxReasonLength + 1) };

        var result = CompatibilityRuleValidation.Validate(form);

        Assert.Equal("Keep the reason under 500 characters; it has 501.", Assert.Single(result.Errors["reason"]));
    }

    [Fact]
    public void Validate_UndefinedKind_IsRejected()
    {
        var form = new UpgradePathRuleForm { Kind = (UpgradePathRuleKind)42, From = "2.x", To = "3.x" };

        var result = CompatibilityRuleValidation.Validate(form);

        Assert.Equal(["kind"], result.Errors.Keys);
    }

    [Fact]
    public void Validate_BlockedForm_BuildsABlockedRuleWithItsReason()
    {
        var form = new UpgradePathRuleForm { Kind = UpgradePathRuleKind.Blocked, From = "2.x", To = "3.x", Reason = "3.0 needs a fresh install" };

        var result = CompatibilityRuleValidation.Validate(form);

        Assert.True(result.IsValid);
        Assert.Equal("2.x -> 3.x is blocked (3.0 needs a fresh install)", result.Rule.ToString());
    }

    [Fact]
    public void Blocked_BlankReason_Throws()
    {
        Assert.Throws<ArgumentException>(() => UpgradePathRule.Blocked(Guid.NewGuid(), VersionRange.Any, VersionRange.Any, " "));
    }
}
