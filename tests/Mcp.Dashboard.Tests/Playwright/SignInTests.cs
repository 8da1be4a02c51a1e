using Mcp.Dashboard.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mcp.Dashboard.Tests.Playwright;

public sealed class SignInTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task SignIn_WithDemoAccount_LandsOnOverview() => RunAsync(async page =>
    {
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await Expect(page.GetByText(DemoAccounts.ReleaseManager.Email)).ToBeVisibleAsync();
        await ScreenshotAsync(page, "signin-laptop");

        await SignInAsync(page, DemoAccounts.ReleaseManager.Email);

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task SignIn_WrongPassword_SaysSoAndStaysOnThePage() => RunAsync(async page =>
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("E-mail").FillAsync(DemoAccounts.Engineer.Email);
        await page.GetByLabel("Password").FillAsync("wrong-password-here");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("do not match");
    });

    [Fact]
    public Task SignIn_OnPhone_FitsTheScreen() => RunAsync(async page =>
    {
        await page.GotoAsync("/signin");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the sign-in page scrolls sideways on a phone");
        await ScreenshotAsync(page, "signin-phone");
    }, Phone);
}
