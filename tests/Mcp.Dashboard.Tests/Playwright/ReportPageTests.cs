using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mcp.Dashboard.Tests.Playwright;

/// <summary>
/// The printable report and the delivery-insight page in a real browser: reached from the rollout
/// page's Report button, in the browser's zone, fitting a phone, printable without the chrome.
/// </summary>
public sealed class ReportPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task ReportButton_OpensThePrintableReport_InTheBrowsersZone_AndItFitsAPhone()
    {
        var lab = new RolloutLab(Fixture.Host);
        var rolloutId = await lab.StartAsync(await lab.ReadyPlanAsync(RolloutLab.Canary("Browser report", analysis: false, (10, 2))));
        await lab.WaitForStateAsync(rolloutId, RolloutState.Succeeded);

        await RunAsync(async page =>
        {
            await SignInAsync(page, DemoAccounts.ReleaseManager.Email);
            await OpenAsync(page, $"/rollouts/{rolloutId}");
            await ScreenshotAsync(page, "rollout-page-report-button", fullPage: false);
            await page.GetByRole(AriaRole.Link, new() { Name = "Report", Exact = true }).ClickAsync();

            await page.WaitForURLAsync(url => url.Contains("/report", StringComparison.Ordinal) && url.Contains("tz=Asia", StringComparison.Ordinal));
            await Expect(page.Locator("h1")).ToContainTextAsync("Rollout report: Browser report");
            await Expect(page.Locator(".report-summary")).ToContainTextAsync("Asia/Shanghai (UTC+08:00)");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download Markdown" })).ToHaveAttributeAsync("href", $"/rollouts/{rolloutId}/report.md?tz=Asia%2FShanghai");
            await ScreenshotAsync(page, "report-succeeded-laptop");

            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print" })).ToBeHiddenAsync();
            await Expect(page.Locator(".report-bar")).ToBeHiddenAsync();
            await ScreenshotAsync(page, "report-succeeded-print");
        });

        await RunAsync(async page =>
        {
            await SignInAsync(page, DemoAccounts.Stakeholder.Email);
            await page.GotoAsync($"/rollouts/{rolloutId}/report");

            // Without ?tz the page asks the browser once and reloads in its zone.
            await page.WaitForURLAsync(url => url.Contains("tz=Asia%2FShanghai", StringComparison.Ordinal));
            await Expect(page.Locator("h1")).ToContainTextAsync("Browser report");
            Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "the report scrolls sideways on a phone");
            await ScreenshotAsync(page, "report-succeeded-phone");
        }, Phone);
    }

    [Fact]
    public async Task InsightPage_FitsAPhone_AndFiltersByEnvironment()
    {
        var lab = new RolloutLab(Fixture.Host);
        var rolloutId = await lab.StartAsync(await lab.ReadyPlanAsync(RolloutLab.Canary("Insight in the browser", analysis: false, (10, 2))));
        await lab.WaitForStateAsync(rolloutId, RolloutState.Succeeded);

        foreach (var (size, viewport) in new[] { ("laptop", Laptop), ("phone", Phone) })
        {
            await RunAsync(async page =>
            {
                await SignInAsync(page, DemoAccounts.Stakeholder.Email);
                await OpenAsync(page, "/insight");
                await Expect(page.Locator("h1")).ToHaveTextAsync("Delivery insight");
                await Expect(page.Locator($"tr[data-rollout='{rolloutId}']")).ToBeVisibleAsync();

                await page.Locator("[data-testid=environment]").ClickAsync();
                await page.GetByRole(AriaRole.Option, new() { Name = RolloutLab.Environment }).ClickAsync();
                await Expect(page.Locator("tr[data-rollout]", new() { HasText = "staging" })).ToHaveCountAsync(0);
                Assert.EndsWith($"/insight?days=30&environment={RolloutLab.Environment}", page.Url, StringComparison.Ordinal);
                Assert.All(await page.Locator("tr[data-rollout] td[data-label=Environment]").AllInnerTextsAsync(), text => Assert.Equal(RolloutLab.Environment, text.Trim()));
                await Expect(page.Locator($"tr[data-rollout='{rolloutId}']")).ToBeVisibleAsync();
                await Expect(page.Locator("[data-testid=success-rate]")).ToHaveTextAsync("100%");
                Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "insight scrolls sideways on a phone");
                await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
                await ScreenshotAsync(page, $"insight-{size}");
            }, viewport);
        }
    }
}
