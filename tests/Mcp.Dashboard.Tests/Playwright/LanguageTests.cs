using Mcp.Dashboard.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mcp.Dashboard.Tests.Playwright;

/// <summary>
/// The two languages from the reader's side: the app-bar switcher changes the whole UI and
/// back, and a browser that asks for Chinese gets it without choosing. With MCP_SCREENSHOTS set
/// it keeps the main pages in Chinese at laptop and phone width, to look for clipped labels.
/// </summary>
public sealed class LanguageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task CultureSwitcher_ChineseThenEnglish_NavigationFollows()
    {
        await RunAsync(async page =>
        {
            await SignInAsync(page, DemoAccounts.ReleaseManager.Email);
            await OpenAsync(page, "/plans");
            var nav = page.Locator(".mud-navmenu");
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Plans", Exact = true })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Language" }).ClickAsync();
            await page.GetByText("简体中文").ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith("/plans", StringComparison.Ordinal));
            await WaitUntilInteractiveAsync(page);

            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "迁移计划", Exact = true })).ToBeVisibleAsync();
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "审计记录" })).ToBeVisibleAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("迁移计划");

            await page.GetByRole(AriaRole.Button, new() { Name = "语言" }).ClickAsync();
            await page.GetByText("English").ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith("/plans", StringComparison.Ordinal));
            await WaitUntilInteractiveAsync(page);

            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Plans", Exact = true })).ToBeVisibleAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Migration plans");
        });
    }

    [Fact]
    public async Task ChineseBrowser_NoChoiceMade_GetsChinese()
    {
        await using var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Fixture.Host.BaseAddress.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/signin");

        await Expect(page.Locator("h1")).ToHaveTextAsync("登录");
        await Expect(page.GetByLabel("邮箱")).ToBeVisibleAsync();

        // The server-side validation speaks it too.
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.GetByText("请输入邮箱地址。")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task MainPages_InChinese_RenderAndFitAPhone()
    {
        foreach (var (size, viewport) in new[] { ("laptop", Laptop), ("phone", Phone) })
        {
            await RunAsync(async page =>
            {
                await SignInAsync(page, DemoAccounts.ReleaseManager.Email);
                await page.GotoAsync("/culture?name=zh-Hans&returnUrl=%2F");
                await WaitUntilInteractiveAsync(page);

                await CheckAsync(page, "overview", size);

                await OpenAsync(page, "/plans");
                await CheckAsync(page, "plans", size);

                await page.GetByRole(AriaRole.Link, new() { Name = "User service 2.4.2 -> 2.5.0" }).First.ClickAsync();
                await Expect(page.Locator("h1")).ToContainTextAsync("User service");
                await WaitUntilInteractiveAsync(page);
                await CheckAsync(page, "plan", size);

                await OpenAsync(page, "/rollouts");
                var rollout = page.Locator("a.rollout-link").First;
                await rollout.ClickAsync();
                await page.WaitForURLAsync(url => url.Contains("/rollouts/", StringComparison.Ordinal));
                await WaitUntilInteractiveAsync(page);
                await Expect(page.Locator("#timeline-title")).ToHaveTextAsync("步骤");
                await CheckAsync(page, "rollout", size);
            }, viewport);
        }
    }

    private static async Task CheckAsync(IPage page, string name, string size)
    {
        await Expect(page.Locator("h1").First).ToBeVisibleAsync();
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        if (size == "phone")
        {
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, $"{name} in Chinese scrolls sideways on a phone");
        }

        await ScreenshotAsync(page, $"zh-{name}-{size}");
        await ScreenshotAsync(page, $"zh-{name}-{size}-viewport", fullPage: false);
    }
}
