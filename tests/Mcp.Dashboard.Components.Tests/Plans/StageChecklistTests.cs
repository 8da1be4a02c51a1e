using Mcp.Dashboard.Components.Plans;
using Mcp.Dashboard.Components.Tests.Shared;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Components.Tests.Plans;

public sealed class StageChecklistTests : PlanTestContext
{
    [Fact]
    public async Task StageChecklist_ColleagueTicksItem_ShowsTickWithoutReload()
    {
        SignIn("li.wei@example.com", "Li Wei", DashboardRoles.ReleaseManager);
        var plan = await Plans.CreateAsync(TestActors.LiWei, ValidDefinition(), cancellationToken: Ct);
        var stage = plan.Stages.OrderBy(s => s.Order).First();
        var item = stage.Checklist.OrderBy(i => i.Order).First();
        var cut = Render<StageChecklist>(p => p
            .Add(x => x.PlanId, plan.Id)
            .Add(x => x.InitialStage, stage)
            .Add(x => x.Team, plan.Team));
        Assert.DoesNotContain("Done by", cut.Find($"li[data-item='{item.Id}']").TextContent);

        await Plans.CompleteChecklistItemAsync(TestActors.SamOkafor, plan.Id, item.Id, "Restore tested, see RB-112", cancellationToken: Ct);

        cut.WaitForAssertion(() =>
        {
            var row = cut.Find($"li[data-item='{item.Id}']");
            Assert.Contains("item-done", row.ClassList);
            Assert.Contains("Done by Sam Okafor", row.TextContent);
            Assert.Contains("Restore tested, see RB-112", row.TextContent);
        });
    }

    [Fact]
    public async Task StageChecklist_ItemPastDue_IsFlaggedOverdue()
    {
        SignIn("sam.okafor@example.com", "Sam Okafor", DashboardRoles.Engineer);
        var now = DateTimeOffset.UtcNow;
        var definition = ValidDefinition() with
        {
            Stages =
            [
                new StageDefinition
                {
                    Name = "Edge nodes",
                    Tier = Domain.Inventory.NodeTier.Edge,
                    Checklist =
                    [
                        new ChecklistItemDefinition { Title = "Backup verified", Required = true, Due = now.AddHours(-2) },
                        new ChecklistItemDefinition { Title = "Dashboards updated", Due = now.AddDays(2) },
                    ],
                },
            ],
        };
        var plan = await Plans.CreateAsync(TestActors.LiWei, definition, cancellationToken: Ct);
        var stage = plan.Stages.Single();

        var cut = Render<StageChecklist>(p => p.Add(x => x.PlanId, plan.Id).Add(x => x.InitialStage, stage));

        var rows = cut.FindAll("li.item");
        Assert.Equal(2, rows.Count);
        Assert.Contains("item-overdue", rows[0].ClassList);
        Assert.Contains("Overdue", rows[0].TextContent);
        Assert.NotNull(rows[0].QuerySelector(".due-overdue"));
        Assert.DoesNotContain("item-overdue", rows[1].ClassList);
        Assert.Null(rows[1].QuerySelector(".due-overdue"));
    }

    [Fact]
    public async Task StageChecklist_StakeholderSignedIn_HasNoTickButtons()
    {
        SignIn("bo.zhang@example.com", "Bo Zhang", DashboardRoles.Stakeholder);
        var plan = await Plans.CreateAsync(TestActors.LiWei, ValidDefinition(), cancellationToken: Ct);

        var cut = Render<StageChecklist>(p => p.Add(x => x.PlanId, plan.Id).Add(x => x.InitialStage, plan.Stages.OrderBy(s => s.Order).First()));

        Assert.Empty(cut.FindAll("button.tick"));
    }

    [Fact]
    public async Task StageChecklist_EngineerSignedIn_HasTickButtonPerOpenItem()
    {
        SignIn("sam.okafor@example.com", "Sam Okafor", DashboardRoles.Engineer);
        var plan = await Plans.CreateAsync(TestActors.LiWei, ValidDefinition(), cancellationToken: Ct);
        var stage = plan.Stages.OrderBy(s => s.Order).First();

        var cut = Render<StageChecklist>(p => p.Add(x => x.PlanId, plan.Id).Add(x => x.InitialStage, stage));

        Assert.Equal(stage.Checklist.Count, cut.FindAll("button.tick").Count);
    }
}
