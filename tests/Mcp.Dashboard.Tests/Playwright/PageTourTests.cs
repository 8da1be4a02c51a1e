using Mcp.Dashboard.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mcp.Dashboard.Tests.Playwright;

/// <summary>
/// Every main page, as each kind of user, at laptop and phone width: it renders without the
/// error bar and never scrolls sideways. With MCP_SCREENSHOTS set it also keeps a screenshot
/// of each, which is how we look at what we built.
/// </summary>
public sealed class PageTourTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    public static TheoryData<string, string, string> Tour()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (who, email) in new[] { ("manager", DemoAccounts.ReleaseManager.Email), ("engineer", DemoAccounts.Engineer.Email), ("stakeholder", DemoAccounts.Stakeholder.Email) })
        {
            foreach (var path in new[] { "/", "/plans", "/rollouts", "/calendar", "/inventory", "/audit" })
            {
                data.Add(who, email, path);
            }
        }

        data.Add("admin", DemoAccounts.Admin.Email, "/admin/users");
        data.Add("manager", DemoAccounts.ReleaseManager.Email, "/plans/new");
        data.Add("manager", DemoAccounts.ReleaseManager.Email, "/compatibility");
        data.Add("manager", DemoAccounts.ReleaseManager.Email, "/account/tokens");
        return data;
    }

    [Theory]
    [MemberData(nameof(Tour))]
    public async Task Page_RendersAndFitsAPhone(string who, string email, string path)
    {
        foreach (var (size, viewport) in new[] { ("laptop", Laptop), ("phone", Phone) })
        {
            await RunAsync(async page =>
            {
                await SignInAsync(page, email);
                await OpenAsync(page, path);
                await Expect(page.Locator("h1").First).ToBeVisibleAsync();
                await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
                if (size == "phone")
                {
                    var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
                    Assert.False(overflow, $"{path} as {who} scrolls sideways on a phone");
                }

                await ScreenshotAsync(page, $"{who}{path.Replace('/', '-').TrimEnd('-')}-{size}");
            }, viewport);
        }
    }

    [Fact]
    public async Task PlanDetails_OfTheDemoCanary_ForEachRole()
    {
        foreach (var account in new[] { DemoAccounts.ReleaseManager, DemoAccounts.Approver, DemoAccounts.Stakeholder })
        {
            await RunAsync(async page =>
            {
                await SignInAsync(page, account.Email);
                await OpenAsync(page, "/plans");
                await page.GetByRole(AriaRole.Link, new() { Name = "User service 2.4.2 -> 2.5.0" }).First.ClickAsync();
                await Expect(page.Locator("h1")).ToContainTextAsync("User service");
                await ScreenshotAsync(page, $"plan-details-{account.Role.ToLowerInvariant()}-{account.Email[..3]}");
                await ScreenshotAsync(page, $"plan-details-{account.Email[..3]}-viewport", fullPage: false);
            });
        }
    }
}
