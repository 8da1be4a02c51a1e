using Mcp.Dashboard.Components.Pages.Compatibility;
using Mcp.Dashboard.Components.Tests.Shared;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Compatibility;
using Mcp.Dashboard.Domain.Inventory;

namespace Mcp.Dashboard.Components.Tests.Compatibility;

public sealed class CompatibilityPageTests : ScheduleTestContext
{
    public CompatibilityPageTests()
    {
        SignIn("li.wei@example.com", "Li Wei", DashboardRoles.ReleaseManager);
    }

    [Fact]
    public async Task CompatibilityChecker_JumpSkipsRequiredVersion_ShowsVerdictAndSuggestedPath()
    {
        await Inventory.CreateAsync(TestActors.Admin, "staging", null,
            [new PlatformService { Name = "user-service", Tier = NodeTier.Core, Version = "2.4.2" }], Ct);
        await Compatibility.CreateAsync(TestActors.LiWei, new UpgradePathRuleForm
        {
            Kind = UpgradePathRuleKind.RequiresIntermediate, From = "2.3.x", To = ">=2.5.0", Via = "2.4.x", Reason = "Schema v7 needs the 2.4 migrator",
        }, Ct);
        var cut = Render<CompatibilityPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-rule]")));

        cut.Find("#check-from").Change("2.3.0");
        cut.Find("#check-to").Change("2.5.0");
        cut.Find("button.check-run").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("false", cut.Find(".verdict").GetAttribute("data-compatible"));
            Assert.Equal(["2.3.0", "2.4.2", "2.5.0"], cut.FindAll(".path-chip").Select(c => c.TextContent.Trim()));
        });
        Assert.Contains("upgrade to 2.4.x first", cut.Find(".finding-error").TextContent);
    }

    [Fact]
    public void CompatibilityRuleEditor_IntermediateWithoutVia_ShowsMessageNextToVia()
    {
        var cut = Render<CompatibilityPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("button.rule-new")));
        cut.Find("button.rule-new").Click();

        cut.Find("#rule-from").Change("2.3.x");
        cut.Find("#rule-to").Change(">=2.5.0");
        cut.Find("button.rule-save").Click();

        cut.WaitForAssertion(() => Assert.Contains("Say which version must come first", cut.Find("[data-field='via']").TextContent));
        Assert.DoesNotContain("Enter", cut.Find("[data-field='from']").TextContent);
    }
}
