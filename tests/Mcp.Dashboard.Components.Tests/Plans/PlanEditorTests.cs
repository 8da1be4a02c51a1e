using Mcp.Dashboard.Components.Plans;
using Mcp.Dashboard.Components.Tests.Shared;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Domain.Plans;
using Microsoft.AspNetCore.Components;

namespace Mcp.Dashboard.Components.Tests.Plans;

public sealed class PlanEditorTests : PlanTestContext
{
    public PlanEditorTests()
    {
        SignIn("li.wei@example.com", "Li Wei", DashboardRoles.ReleaseManager);
    }

    [Fact]
    public void PlanEditor_CoreStageBeforeEdge_ShowsStageOrderWarning()
    {
        var definition = ValidDefinition() with
        {
            Stages =
            [
                new StageDefinition { Name = "Core service nodes", Tier = NodeTier.Core },
                new StageDefinition { Name = "Edge nodes", Tier = NodeTier.Edge },
            ],
        };

        var cut = Render<PlanEditor>(p => p.Add(x => x.Definition, definition));

        cut.WaitForAssertion(() =>
            Assert.Contains("upgrade edge first, then management, then core", cut.Find(".stage-order-warning").TextContent));
    }

    [Fact]
    public void PlanEditor_StagesInTierOrder_ShowsNoStageOrderWarning()
    {
        var cut = Render<PlanEditor>(p => p.Add(x => x.Definition, ValidDefinition()));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#stage-0-name")));
        Assert.Empty(cut.FindAll(".stage-order-warning"));
    }

    [Fact]
    public async Task PlanEditor_SaveWithoutName_ShowsMessageNextToNameField()
    {
        var cut = Render<PlanEditor>(p => p.Add(x => x.Definition, ValidDefinition()));

        cut.Find("#plan-name").Change("");
        cut.Find("#save-plan").Click();

        cut.WaitForAssertion(() =>
        {
            var field = cut.Find("#plan-name").Closest(".mud-input-control")!;
            Assert.Contains("Give the plan a name.", field.TextContent);
        });
        Assert.Empty(await Plans.ListAsync(Ct));
    }

    [Fact]
    public async Task PlanEditor_SaveValidPlan_CreatesPlan()
    {
        MigrationPlan? saved = null;
        var cut = Render<PlanEditor>(p => p
            .Add(x => x.Definition, ValidDefinition())
            .Add(x => x.Saved, EventCallback.Factory.Create<MigrationPlan>(this, plan => saved = plan)));

        cut.Find("#plan-name").Change("Gateway canary to 2.5.0");
        cut.Find("#save-plan").Click();

        cut.WaitForState(() => saved is not null);
        var stored = await Plans.GetAsync(saved!.Id, cancellationToken: Ct);
        Assert.Equal("Gateway canary to 2.5.0", stored.Name);
        Assert.Equal(PlanState.Draft, stored.State);
        Assert.Equal("li.wei@example.com", stored.CreatedBy);
        Assert.Equal(3, stored.Stages.Count);
    }

    [Fact]
    public async Task PlanEditor_SomeoneRevisedMeanwhile_ShowsConflictAndKeepsTypedName()
    {
        var plan = await Plans.CreateAsync(TestActors.LiWei, ValidDefinition(), cancellationToken: Ct);
        var cut = Render<PlanEditor>(p => p
            .Add(x => x.Definition, plan.ToDefinition())
            .Add(x => x.PlanId, plan.Id)
            .Add(x => x.Revision, plan.Revision)
            .Add(x => x.State, plan.State));
        cut.Find("#plan-name").Change("My better name");

        await Plans.ReviseAsync(TestActors.MeiChen, plan.Id, plan.ToDefinition() with { Description = "Mei's edit" }, plan.Revision, cancellationToken: Ct);
        cut.Find("#save-plan").Click();

        cut.WaitForAssertion(() => Assert.Contains("Someone else changed this plan", cut.Find(".conflict").TextContent));
        Assert.Equal("My better name", cut.Find("#plan-name").GetAttribute("value"));
        var stored = await Plans.GetAsync(plan.Id, cancellationToken: Ct);
        Assert.Equal(plan.Name, stored.Name);
        Assert.Equal("Mei's edit", stored.Description);
    }
}
