using Mcp.Dashboard.Api;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Mcp.Dashboard.Tests.Playwright;

/// <summary>What one person does shows up on the pages others have open, within a second.</summary>
public sealed class LiveUpdateTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Tick_ByAnEngineer_AppearsOnTheApproversOpenPage()
    {
        using var manager = Fixture.Host.ClientFor(DemoAccounts.ReleaseManager);
        var plan = await (await manager.PostJson("/api/v1/plans", PlanBodies.Canary("Live tick"))).Read<PlanResponse>();
        var item = plan.Stages[0].Checklist[0];

        await RunAsync(async page =>
        {
            await SignInAsync(page, DemoAccounts.Approver.Email);
            await OpenAsync(page, $"/plans/{plan.Id}");
            await Expect(page.GetByText(item.Title).First).ToBeVisibleAsync();

            using var engineer = Fixture.Host.ClientFor(DemoAccounts.Engineer);
            await engineer.PostJson($"/api/v1/plans/{plan.Id}/checklist/{item.Id}/complete", new { note = "Verified from the restore drill" });

            // The feed coalesces for 100 ms; a second is the promise.
            await Expect(page.GetByText("Verified from the restore drill")).ToBeVisibleAsync(new() { Timeout = 1_500 });
        });
    }

    [Fact]
    public async Task Edit_ByAnotherManager_AppearsOnAnOpenPlanPage()
    {
        using var manager = Fixture.Host.ClientFor(DemoAccounts.ReleaseManager);
        var plan = await (await manager.PostJson("/api/v1/plans", PlanBodies.Canary("Before the edit"))).Read<PlanResponse>();

        await RunAsync(async page =>
        {
            await SignInAsync(page, DemoAccounts.Engineer.Email);
            await OpenAsync(page, $"/plans/{plan.Id}");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Before the edit");

            await manager.PutCurrent($"/api/v1/plans/{plan.Id}", PlanBodies.Canary("After the edit"));

            await Expect(page.Locator("h1")).ToHaveTextAsync("After the edit", new() { Timeout = 1_500 });
        }, Phone);
    }
}
