using System.Text.RegularExpressions;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mcp.Dashboard.Tests.Playwright;

/// <summary>The engineer's live rollout page in a real browser against the real engine and simulated fleet.</summary>
public sealed partial class RolloutPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private readonly RolloutLab _lab = new(fixture.Host);

    [Fact]
    public async Task ErrorSpike_InjectedFromThePage_ShowsTheFailingVerdictAndTheAutomaticRollback()
    {
        var planId = await _lab.ReadyPlanAsync(RolloutLab.Canary("Page watches the judge", analysis: true, (10, 600), (50, 600)));
        var rolloutId = await _lab.StartAsync(planId);

        await RunAsync(async page =>
        {
            await SignInAsync(page, DemoAccounts.Engineer.Email);
            await OpenAsync(page, $"/rollouts/{rolloutId}");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Page watches the judge");
            await Expect(page.GetByTestId("current-weight")).ToContainTextAsync("10%", new() { Timeout = 20_000 });

            // The judge needs enough samples a side before a verdict means anything.
            await Expect(page.Locator(".verdict-panel")).ToHaveAttributeAsync("data-low-confidence", "false", new() { Timeout = 30_000 });
            await Expect(page.GetByTestId("latest-error_rate")).ToContainTextAsync("canary");
            await HideToastsAsync(page);
            await ScreenshotAsync(page, "rollout-live-1366");

            await InjectFaultAsync(page, "Error spike ×3");
            await Expect(page.GetByTestId("active-faults")).ToContainTextAsync("Error spike ×3");

            await Expect(page.Locator(".rollout-header .rollout-state-chip")).ToHaveTextAsync("Rolled back", new() { Timeout = 30_000 });
            await Expect(page.GetByTestId("verdict-outcome")).ToHaveTextAsync("Fail");
            await Expect(page.GetByTestId("verdict-decision")).ToContainTextAsync("Roll back");
            var reason = page.Locator(".rollback-reason");
            await Expect(reason).ToContainTextAsync("automated judge");
            await Expect(reason).ToContainTextAsync("error_rate");
            await Expect(page.Locator("li.event[data-kind='rollback.requested']")).ToContainTextAsync("Automatic rollback");
            await Expect(page.Locator("li.step[data-state='Running']")).ToHaveCountAsync(0);
            await Expect(page.Locator(".rollback-checklist")).ToContainTextAsync("Tell support the upgrade was reverted");
            await HideToastsAsync(page);
            await ScreenshotAsync(page, "rollout-rolled-back-1366");
        });
    }

    [Fact]
    public async Task RollBack_ByTheEngineer_ShowsOnTheStakeholdersOpenPhonePage_WithTheReason()
    {
        var planId = await _lab.ReadyPlanAsync(RolloutLab.Canary("Two people watching", analysis: false, (10, 600), (50, 600)));
        var rolloutId = await _lab.StartAsync(planId);
        await _lab.WaitForBakeAsync(rolloutId);
        const string Reason = "Support reports checkout errors <b>since 10:02</b>";

        await using var stakeholderContext = await NewContextAsync(Phone);
        var stakeholder = await stakeholderContext.NewPageAsync();
        await SignInAsync(stakeholder, DemoAccounts.Stakeholder.Email);
        await OpenAsync(stakeholder, $"/rollouts/{rolloutId}");
        await Expect(stakeholder.GetByTestId("current-weight")).ToContainTextAsync("10%");
        await Expect(stakeholder.Locator(".action-rollback")).ToHaveCountAsync(0);
        await Expect(stakeholder.GetByTestId("latest-error_rate")).ToContainTextAsync("canary", new() { Timeout = 10_000 });
        await AssertNoSidewaysScrollAsync(stakeholder);
        if (BrowserFixture.ScreenshotFolder is not null)
        {
            // A few seconds of samples, so the picture shows lines rather than a first point.
            await Task.Delay(6_000, TestContext.Current.CancellationToken);
        }

        await ScreenshotAsync(stakeholder, "rollout-live-390");

        await RunAsync(async engineer =>
        {
            await SignInAsync(engineer, DemoAccounts.Engineer.Email);
            await OpenAsync(engineer, $"/rollouts/{rolloutId}");
            await engineer.GetByRole(AriaRole.Button, new() { Name = "Roll back" }).ClickAsync();
            var dialog = engineer.Locator(".rollback-dialog");
            await Expect(dialog).ToContainTextAsync("send all traffic back to 1.0.0");

            await dialog.GetByRole(AriaRole.Button, new() { Name = "Roll back now" }).ClickAsync();
            await Expect(dialog).ToContainTextAsync("Say why");

            await engineer.Locator("#rollback-reason").FillAsync(Reason);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Roll back now" }).ClickAsync();
            await Expect(engineer.Locator(".rollout-header .rollout-state-chip")).ToHaveTextAsync(RollingOrRolledBack());

            // The stakeholder's page hears it without a reload, with the reason as typed (encoded, not markup).
            await Expect(stakeholder.Locator(".rollout-header .rollout-state-chip")).ToHaveTextAsync(RollingOrRolledBack(), new() { Timeout = 3_000 });
            await Expect(stakeholder.Locator(".rollback-reason")).ToContainTextAsync(Reason, new() { Timeout = 3_000 });
            await Expect(stakeholder.Locator(".rollback-reason b")).ToHaveCountAsync(0);
            await Expect(stakeholder.Locator("li.event[data-kind='rollback.requested']")).ToContainTextAsync(DemoAccounts.Engineer.Email);

            await Expect(engineer.Locator(".rollout-header .rollout-state-chip")).ToHaveTextAsync("Rolled back", new() { Timeout = 15_000 });
            await engineer.GetByRole(AriaRole.Button, new() { Name = "Mark done: Tell support the upgrade was reverted" }).ClickAsync();
            await Expect(stakeholder.Locator(".rollback-checklist")).ToContainTextAsync($"Done by {DemoAccounts.Engineer.Email}");
            await HideToastsAsync(engineer);
            await ScreenshotAsync(engineer, "rollout-rolled-back-engineer-1366");
        });

        await Expect(stakeholder.Locator(".rollout-header .rollout-state-chip")).ToHaveTextAsync("Rolled back");
        await AssertNoSidewaysScrollAsync(stakeholder);
        await ScreenshotAsync(stakeholder, "rollout-rolled-back-390");
    }

    [Fact]
    public async Task StartRollout_OnTheApprovedPlansPage_OpensTheLivePageAndListsItUnderRollouts()
    {
        var planId = await _lab.ReadyPlanAsync(RolloutLab.Canary("Started from the plan page", analysis: false, (10, 600)));

        await RunAsync(async page =>
        {
            await SignInAsync(page, DemoAccounts.Engineer.Email);
            await OpenAsync(page, $"/plans/{planId}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Start rollout" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();

            // Blazor navigates inside the circuit (history.pushState): there is no load event to wait for.
            await page.WaitForURLAsync(RolloutUrl(), new() { WaitUntil = WaitUntilState.Commit });
            await Expect(page.Locator("h1")).ToHaveTextAsync("Started from the plan page");
            await Expect(page.Locator(".rollout-header .rollout-state-chip")).ToHaveTextAsync("Running");
            var rolloutPath = new Uri(page.Url).AbsolutePath;

            await OpenAsync(page, "/rollouts");
            await Expect(page.GetByTestId("active-rollouts").Locator($"a[href='{rolloutPath}']")).ToHaveTextAsync("Started from the plan page");
            await OpenAsync(page, "/");
            await Expect(page.GetByTestId("live-now").Locator($"a[href='{rolloutPath}']")).ToBeVisibleAsync();
        });
    }

    private async Task<IBrowserContext> NewContextAsync(ViewportSize viewport)
    {
        var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Fixture.Host.BaseAddress.ToString(),
            ViewportSize = viewport,
            Locale = "en-US",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    // MudMenu opens its popover after the circuit answers; retry the click if the first one raced it.
    private static async Task InjectFaultAsync(IPage page, string fault)
    {
        var item = page.Locator(".mud-popover-open .mud-menu-item, .mud-popover-open .mud-list-item").Filter(new() { HasText = fault }).First;
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Inject fault" }).ClickAsync();
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

    // Snackbars fade on their own; a screenshot for people to look at should not catch one mid-way.
    private static Task HideToastsAsync(IPage page) =>
        page.AddStyleTagAsync(new() { Content = ".mud-snackbar, [class*='mud-snackbar-location'] { display: none !important; }" });

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page scrolls sideways by {overflow}px at {page.ViewportSize?.Width}px.");
    }

    [GeneratedRegex("^(Rolling back…|Rolled back)$")]
    private static partial Regex RollingOrRolledBack();

    [GeneratedRegex("/rollouts/[0-9a-f-]{36}$")]
    private static partial Regex RolloutUrl();
}
