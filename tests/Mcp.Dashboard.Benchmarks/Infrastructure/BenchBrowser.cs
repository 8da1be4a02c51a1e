using System.Globalization;
using Microsoft.Playwright;

namespace Mcp.Dashboard.Benchmarks.Infrastructure;

/// <summary>
/// One headless Chromium driven by Playwright, as the browser tests run it: the system's
/// Chromium (MCP_CHROMIUM_PATH, default Debian's /usr/bin/chromium) with the same switches.
/// Pages are opened in a few browser contexts, each signed in once as the bench admin.
/// </summary>
public sealed class BenchBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly List<IBrowserContext> _contexts = [];

    private BenchBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public static string ChromiumPath => Environment.GetEnvironmentVariable("MCP_CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>The browser tests' switches (tests/Mcp.Dashboard.Tests/Playwright/BrowserFixture.cs).</summary>
    public static IReadOnlyList<string> Switches { get; } =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"];

    public IBrowser Browser { get; }

    public IReadOnlyList<IBrowserContext> Contexts => _contexts;

    public static async Task<BenchBrowser> LaunchAsync()
    {
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = Switches });
        return new BenchBrowser(playwright, browser);
    }

    /// <summary>
    /// Adds <paramref name="count"/> browser contexts, each signed in through the sign-in form.
    /// The sign-in tab is closed afterwards, so it leaves no circuit behind.
    /// </summary>
    public async Task SignInAsync(Uri baseAddress, int count, string? initScript = null)
    {
        for (var i = 0; i < count; i++)
        {
            var context = await Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = baseAddress.ToString(),
                ViewportSize = new ViewportSize { Width = 1024, Height = 768 },
                Locale = "en-US",
                TimezoneId = "UTC",
            });
            context.SetDefaultTimeout(120_000);
            if (initScript is not null)
            {
                await context.AddInitScriptAsync(initScript);
            }

            var page = await context.NewPageAsync();
            await page.GotoAsync("/signin");
            await page.Locator("#email").FillAsync(BenchHost.AdminEmail);
            await page.Locator("#password").FillAsync(BenchHost.AdminPassword);
            await page.Locator("button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
            await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = false });
            _contexts.Add(context);
        }
    }

    /// <summary>
    /// Opens <paramref name="count"/> tabs of <paramref name="path"/>, spread over the contexts,
    /// <paramref name="parallel"/> at a time, each waited for until its circuit is live and,
    /// when given, <paramref name="readyScript"/> (a JS expression) is true.
    /// </summary>
    public async Task<IReadOnlyList<IPage>> OpenAsync(string path, int count, int parallel, string? readyScript = null)
    {
        var pages = new IPage[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) =>
        {
            var page = await _contexts[i % _contexts.Count].NewPageAsync();
            await page.GotoAsync(path);
            await page.Locator("#app-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            if (readyScript is not null)
            {
                await page.WaitForFunctionAsync(readyScript, null, new() { PollingInterval = 100 });
            }

            pages[i] = page;
        });
        return pages;
    }

    /// <summary>Closes every tab (the browser tells Blazor, which disposes the circuit at once), keeping the signed-in contexts.</summary>
    public async Task CloseTabsAsync()
    {
        foreach (var page in _contexts.SelectMany(c => c.Pages).ToList())
        {
            await page.CloseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }

    /// <summary>
    /// Chromium renderer processes below this process (so another test's Chromium is not
    /// counted), with their summed proportional set size (shared pages split between sharers).
    /// </summary>
    public static (int Count, double PssMiB) Renderers()
    {
        var count = 0;
        var pssKiB = 0L;
        foreach (var (pid, _, renderer) in Descendants())
        {
            if (!renderer)
            {
                continue;
            }

            count++;
            try
            {
                var pss = File.ReadLines($"/proc/{pid}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
                if (pss is not null)
                {
                    pssKiB += long.Parse(pss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
            }
        }

        return (count, pssKiB / 1024.0);
    }

    /// <summary>
    /// CPU seconds (user + system) used so far by this process (the server and the benchmark), by
    /// Chromium's renderer processes, and by the rest below it (Chromium's browser and utility
    /// processes, Playwright's driver). Processes that already exited are not counted.
    /// </summary>
    public static (double Self, double Renderers, double Others) CpuSeconds()
    {
        var self = CpuOf(Environment.ProcessId);
        double renderers = 0, others = 0;
        foreach (var (pid, _, renderer) in Descendants())
        {
            if (renderer)
            {
                renderers += CpuOf(pid);
            }
            else
            {
                others += CpuOf(pid);
            }
        }

        return (self, renderers, others);
    }

    // Fields after the parenthesised command name (which may hold spaces): [1] ppid, [11] utime, [12] stime.
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    // Linux reports CPU time in clock ticks of USER_HZ, 100 a second on every mainstream build.
    private static double CpuOf(int pid) =>
        StatFields(pid) is { } fields
            ? (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0
            : 0;

    private static List<(int Pid, int Parent, bool Renderer)> Descendants()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && StatFields(pid) is { } fields)
            {
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
        }

        var self = Environment.ProcessId;
        var result = new List<(int, int, bool)>();
        foreach (var (pid, parent) in parents)
        {
            var ancestor = parent;
            for (var depth = 0; ancestor > 1 && ancestor != self && depth < 16; depth++)
            {
                ancestor = parents.GetValueOrDefault(ancestor);
            }

            if (ancestor != self || pid == self)
            {
                continue;
            }

            try
            {
                result.Add((pid, parent, File.ReadAllText($"/proc/{pid}/cmdline").Contains("--type=renderer", StringComparison.Ordinal)));
            }
            catch (IOException)
            {
            }
        }

        return result;
    }
}
