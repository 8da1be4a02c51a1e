using Mcp.Dashboard.Components.Pages;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace Mcp.Dashboard.Components.Tests.Pages;

public sealed class HomePageTests : PageTestContext
{
    [Fact]
    public async Task HomePage_PlansInSeveralStates_CountsPlansByState()
    {
        var actor = SignIn("li.wei@example.com", DashboardRoles.ReleaseManager);
        var plans = Services.GetRequiredService<PlanService>();
        var ct = Xunit.TestContext.Current.CancellationToken;
        await plans.CreateAsync(actor, Definition("First draft"), ct);
        await plans.CreateAsync(actor, Definition("Second draft"), ct);
        var reviewed = await plans.CreateAsync(actor, Definition("For review"), ct);
        await plans.SubmitAsync(actor, reviewed.Id, "ready", ct);

        var cut = Render<Home>();

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=count-Draft]").TextContent));
        Assert.Equal("1", cut.Find("[data-testid=count-InReview]").TextContent);
        Assert.Equal("0", cut.Find("[data-testid=count-Running]").TextContent);
        Assert.Contains("For review", cut.Find("[data-testid=to-review]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomePage_PlanSubmittedElsewhere_UpdatesCountsLive()
    {
        var actor = SignIn("li.wei@example.com", DashboardRoles.ReleaseManager);
        var plans = Services.GetRequiredService<PlanService>();
        var ct = Xunit.TestContext.Current.CancellationToken;
        var plan = await plans.CreateAsync(actor, Definition("Live one"), ct);
        var cut = Render<Home>();
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=count-Draft]").TextContent));

        await plans.SubmitAsync(actor, plan.Id, null, ct);

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=count-InReview]").TextContent));
        Assert.Equal("0", cut.Find("[data-testid=count-Draft]").TextContent);
    }

    [Fact]
    public async Task HomePage_OpenRequiredItemsOwnedByMe_ListsOnlyThoseOnLivePlans()
    {
        var actor = SignIn("li.wei@example.com", DashboardRoles.ReleaseManager);
        var plans = Services.GetRequiredService<PlanService>();
        var ct = Xunit.TestContext.Current.CancellationToken;
        PlanDefinition Owned(string name) => Definition(name) with
        {
            Stages =
            [
                new()
                {
                    Name = "Edge",
                    Checklist =
                    [
                        new() { Title = $"{name}: mine, open", Required = true, Owner = "Li.Wei@Example.com" },
                        new() { Title = $"{name}: mine, done", Required = true, Owner = "li.wei@example.com" },
                        new() { Title = $"{name}: mine, optional", Owner = "li.wei@example.com" },
                        new() { Title = $"{name}: someone else's", Required = true, Owner = "sam.okafor@example.com" },
                    ],
                },
            ],
        };
        var live = await plans.CreateAsync(actor, Owned("Live"), ct);
        await plans.CompleteChecklistItemAsync(actor, live.Id, live.ChecklistItems.Single(i => i.Title.EndsWith("mine, done", StringComparison.Ordinal)).Id, null, ct);
        var cancelled = await plans.CreateAsync(actor, Owned("Cancelled"), ct);
        await plans.CancelAsync(actor, cancelled.Id, "postponed", ct);

        var cut = Render<Home>();

        cut.WaitForAssertion(() => Assert.Equal(["Live: mine, open"], cut.FindAll("[data-testid=my-items] a").Select(a => a.TextContent).ToArray()));
    }

    private static PlanDefinition Definition(string name) => PlanTemplates.Find("canary-upgrade")!.Create() with
    {
        Name = name,
        Environment = "production",
        Services = ["user-service"],
        FromVersion = "2.3.0",
        ToVersion = "2.5.0",
    };
}
