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

    private static PlanDefinition Definition(string name) => PlanTemplates.Find("canary-upgrade")!.Create() with
    {
        Name = name,
        Environment = "production",
        Services = ["user-service"],
        FromVersion = "2.3.0",
        ToVersion = "2.5.0",
    };
}
