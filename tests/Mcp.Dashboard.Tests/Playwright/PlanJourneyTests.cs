using System.Text.RegularExpressions;
using Mcp.Dashboard.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mcp.Dashboard.Tests.Playwright;

/// <summary>
/// The release manager's journey from nothing to an approved plan, as people do it in the
/// browser: template, checklist item with an owner, a window refused by a blackout, a
/// suggested free window, submit; then the approver approves and a stakeholder only reads.
/// </summary>
public sealed partial class PlanJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string PlanName = "Edge cache 3.1.0 -> 3.2.0 (journey)";

    [Fact]
    public async Task ReleaseManager_PlansBooksAndSubmits_ApproverApproves_StakeholderOnlyReads()
    {
        string planUrl = "";

        await RunAsync(async page =>
        {
            await SignInAsync(page, DemoAccounts.ReleaseManager.Email);
            await OpenAsync(page, "/plans/new");
            await page.Locator("[data-template=canary-upgrade]").ClickAsync();

            await page.Locator("#plan-name").FillAsync(PlanName);
            await ChooseAsync(page, "Environment", "production");
            await ChooseAsync(page, "Services", "edge-cache");
            await page.Keyboard.PressAsync("Escape");
            await page.Locator("#plan-from").FillAsync("3.1.0");
            await page.Locator("#plan-to").FillAsync("3.2.0");

            await page.GetByRole(AriaRole.Tab, new() { Name = "Stages" }).ClickAsync();
            var firstStage = page.Locator(".stage-card").First;
            var itemsBefore = await firstStage.GetByLabel("Checklist item").CountAsync();
            await firstStage.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
            await firstStage.GetByLabel("Checklist item").Nth(itemsBefore).FillAsync("Cache warm-up script rehearsed");
            await page.Locator($"#stage-0-item-{itemsBefore}-owner").FillAsync(DemoAccounts.Engineer.Email);
            await page.Keyboard.PressAsync("Tab");
            await ScreenshotAsync(page, "journey-1-editor");

            await page.Locator("#save-plan").ClickAsync();
            // Blazor navigates inside the circuit (history.pushState): there is no load event to wait for.
            await page.WaitForURLAsync(PlanUrl(), new() { WaitUntil = WaitUntilState.Commit });
            await WaitUntilInteractiveAsync(page);
            planUrl = new Uri(page.Url).AbsolutePath;
            await Expect(page.Locator("h1")).ToHaveTextAsync(PlanName);
            await Expect(page.GetByText("Cache warm-up script rehearsed")).ToBeVisibleAsync();

            // Tuesday 11:00 in Shanghai is inside the weekday business-hours blackout.
            var start = page.Locator("[data-field=start] input");
            await start.FillAsync("2027-03-09T11:00");
            await start.BlurAsync();
            await Expect(page.GetByText(new Regex("Business hours \\(Shanghai\\)")).First).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true })).ToBeDisabledAsync();
            await ScreenshotAsync(page, "journey-2-blackout-conflict");

            await page.GetByRole(AriaRole.Button, new() { Name = "Suggest free windows" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Book this" }).First.ClickAsync();
            await Expect(page.Locator("li.window")).ToHaveCountAsync(1);

            await page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
            await Expect(page.GetByText("In review").First).ToBeVisibleAsync();
            await ScreenshotAsync(page, "journey-3-submitted");
        });

        await RunAsync(async page =>
        {
            await SignInAsync(page, DemoAccounts.Approver.Email);
            await OpenAsync(page, planUrl);
            await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            await Expect(page.GetByText("Approved", new() { Exact = true }).First).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);
            await ScreenshotAsync(page, "journey-4-approved");
        });

        await RunAsync(async page =>
        {
            await SignInAsync(page, DemoAccounts.Stakeholder.Email);
            await OpenAsync(page, planUrl);
            await Expect(page.Locator("h1")).ToHaveTextAsync(PlanName);
            await Expect(page.GetByText("Cache warm-up script rehearsed")).ToBeVisibleAsync();
            foreach (var action in new[] { "Edit", "Submit for review", "Approve", "Cancel plan", "Book", "Tick" })
            {
                await Expect(page.GetByRole(AriaRole.Button, new() { Name = action, Exact = true })).ToHaveCountAsync(0);
            }

            await page.GotoAsync(planUrl + "/edit");
            await Expect(page.GetByText(new Regex("Your role does not (allow that|open this page)"))).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Plan name")).ToHaveCountAsync(0);
            await ScreenshotAsync(page, "journey-5-stakeholder-refused");
        }, Phone);
    }

    /// <summary>
    /// Picks an option of a MudSelect by its label. A select can still be disabled for a moment
    /// after the field it depends on changed (services wait for the environment), so the click
    /// is repeated until the list opens.
    /// </summary>
    private static async Task ChooseAsync(IPage page, string label, string option)
    {
        var select = page.Locator(".mud-select").Filter(new() { Has = page.GetByText(label, new() { Exact = true }) }).First;
        var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First;
        for (var attempt = 1; ; attempt++)
        {
            await select.ClickAsync();
            try
            {
                await item.WaitForAsync(new() { Timeout = 2_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 5)
            {
            }
        }

        await item.ClickAsync();
    }

    [GeneratedRegex("/plans/[0-9a-f-]{36}$")]
    private static partial Regex PlanUrl();
}
