using Mcp.Dashboard.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mcp.Dashboard.Tests.Playwright;

public sealed class AdminTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Admin_CreatesAnEngineer_WhoCanThenSignIn()
    {
        await RunAsync(async page =>
        {
            await SignInAsync(page, DemoAccounts.Admin.Email);
            await OpenAsync(page, "/admin/users");
            await page.GetByRole(AriaRole.Button, new() { Name = "New user" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("E-mail").FillAsync("new.engineer@example.com");
            await dialog.GetByLabel("Name").FillAsync("New Engineer");
            await dialog.GetByLabel("Password").FillAsync("a-long-enough-passw0rd");
            await dialog.Locator(".mud-select").First.ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Engineer" }).First.ClickAsync();
            await page.Keyboard.PressAsync("Escape");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
            await Expect(page.GetByText("new.engineer@example.com", new() { Exact = true })).ToBeVisibleAsync();
        });

        await RunAsync(async page =>
        {
            await SignInAsync(page, "new.engineer@example.com", "a-long-enough-passw0rd");
            await Expect(page.GetByText("New Engineer").First).ToBeVisibleAsync();
        });
    }
}
