using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mcp.Dashboard.Tests.Playwright;

/// <summary>
/// A stakeholder without an account reads /status on a phone while a simulated rollout
/// advances: the page follows it without a reload, in Chinese and in English.
/// </summary>
public sealed class StatusPageBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("zh-CN", "zh-Hans", "10% 的流量在新版本上，各项检查均正常。", "50% 的流量在新版本上，各项检查均正常。", "正在进行")]
    [InlineData("en-US", "en", "10% of traffic on the new version, all checks healthy.", "50% of traffic on the new version, all checks healthy.", "Happening now")]
    public async Task AStakeholderOnAPhone_SeesTheRolloutAdvance_WithoutAReload(string locale, string lang, string first, string second, string heading)
    {
        var lab = new RolloutLab(Fixture.Host);
        var planId = await lab.ReadyPlanAsync(RolloutLab.Canary($"Phone reader {locale}", false, (10, 6), (50, 3600)));
        var rolloutId = await lab.StartAsync(planId);
        await lab.WaitForBakeAsync(rolloutId);

        await using var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Fixture.Host.BaseAddress.ToString(),
            ViewportSize = Phone,
            Locale = locale,
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/status");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading })).ToBeVisibleAsync();
        var headline = page.Locator($"#plan-{planId:N} .headline");
        await Expect(headline).ToContainTextAsync(first);

        // Times are rewritten in the reader's zone (Shanghai) by the page's script.
        await Expect(page.Locator($"#plan-{planId:N} time").First).Not.ToContainTextAsync("UTC");

        await page.EvaluateAsync("() => window.__stillTheSamePage = true");
        await ScreenshotAsync(page, $"status-phone-{lang}-before", fullPage: false);

        await lab.WaitForAsync(rolloutId, v => v.CurrentWeight == 50, seconds: 60);
        await Expect(headline).ToContainTextAsync(second, new() { Timeout = 30_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__stillTheSamePage === true"));
        await Expect(page.Locator("#status-announce")).Not.ToBeEmptyAsync();
        await ScreenshotAsync(page, $"status-phone-{lang}-after");

        using var engineer = Fixture.Host.ClientFor(Demo.DemoAccounts.Engineer);
        await engineer.PostJson($"/api/v1/rollouts/{rolloutId}/rollback", new { reason = "end of the test" });
        await lab.WaitForStateAsync(rolloutId, RolloutState.RolledBack);
    }

    [Fact]
    public async Task TheLanguageSwitcher_ChangesThePage_AndTheLaptopLayoutHasEveryLandmark()
    {
        await RunAsync(async page =>
        {
            await page.GotoAsync("/status");
            await Expect(page.GetByRole(AriaRole.Main)).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Language" })).ToBeVisibleAsync();
            await ScreenshotAsync(page, "status-laptop-en", fullPage: false);

            await page.GetByRole(AriaRole.Link, new() { Name = "简体中文" }).ClickAsync();

            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "服务", Exact = true })).ToBeVisibleAsync();
            await ScreenshotAsync(page, "status-laptop-zh");
        });
    }

    [Fact]
    public async Task AReleaseManager_WritesANoteOnThePlanPage_AndReadersSeeItOnTheStatusPage()
    {
        var lab = new RolloutLab(Fixture.Host);
        var planId = await lab.ReadyPlanAsync(RolloutLab.Canary("Noted upgrade", false, (10, 600)), opensIn: TimeSpan.FromHours(70));

        await RunAsync(async page =>
        {
            await SignInAsync(page, Demo.DemoAccounts.ReleaseManager.Email);
            await OpenAsync(page, $"/plans/{planId}");
            await page.GetByLabel("Note for readers").FillAsync("Support is briefed; expect slower sign-ins for ten minutes.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Post note" }).ClickAsync();
            await Expect(page.Locator(".status-notes .note-text")).ToHaveTextAsync("Support is briefed; expect slower sign-ins for ten minutes.");
            await page.Locator(".status-notes").ScrollIntoViewIfNeededAsync();
            await ScreenshotAsync(page, "status-notes-panel", fullPage: false);

            await page.GotoAsync($"/status#plan-{planId:N}");
            await Expect(page.Locator($"#plan-{planId:N} .note-text")).ToHaveTextAsync("Support is briefed; expect slower sign-ins for ten minutes.");
        }, Phone);
    }
}
