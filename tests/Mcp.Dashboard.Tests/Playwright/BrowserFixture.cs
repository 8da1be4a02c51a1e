using Mcp.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Mcp.Dashboard.Tests.Playwright;

/// <summary>
/// The real app on Kestrel plus one headless Chromium for a test class. Playwright cannot
/// download browsers here, so it drives the system's Chromium (MCP_CHROMIUM_PATH, default
/// Debian's /usr/bin/chromium).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    // The status page polls every 2 s here (20 s by default) so tests see it follow a rollout quickly.
    public DashboardHost Host { get; } = new() { Settings = new Dictionary<string, string> { ["Status:RefreshSeconds"] = "2" } };

    public IBrowser Browser { get; private set; } = null!;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("MCP_CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Set MCP_SCREENSHOTS to a folder to keep screenshots of key pages for people to look at.</summary>
    public static string? ScreenshotFolder => Environment.GetEnvironmentVariable("MCP_SCREENSHOTS");

    public async ValueTask InitializeAsync()
    {
        await Host.InitializeAsync();
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Host.DisposeAsync();
    }
}

/// <summary>Gives each test a fresh browser context (its own cookies) at a chosen size.</summary>
public abstract class BrowserTest(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static readonly ViewportSize Laptop = new() { Width = 1366, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    protected BrowserFixture Fixture { get; } = fixture;

    protected async Task RunAsync(Func<IPage, Task> test, ViewportSize? viewport = null)
    {
        await using var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Fixture.Host.BaseAddress.ToString(),
            ViewportSize = viewport ?? Laptop,
            Locale = "en-US",
            TimezoneId = "Asia/Shanghai",
        });
        // A hang guard, not a speed check: the suite shares 2 cores with real hosts, a kill -9
        // process and Prometheus, and a sign-in can wait seconds behind them.
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await test(page);
    }

    protected async Task SignInAsync(IPage page, string email, string? password = null)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password ?? Fixture.Host.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        await WaitUntilInteractiveAsync(page);
    }

    /// <summary>Opens a page and waits until its circuit is live, so clicks reach the server.</summary>
    protected static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitUntilInteractiveAsync(page);
    }

    protected static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("#app-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Saves a full-page screenshot when MCP_SCREENSHOTS is set; otherwise does nothing.</summary>
    protected static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        if (BrowserFixture.ScreenshotFolder is not { } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
    }
}
