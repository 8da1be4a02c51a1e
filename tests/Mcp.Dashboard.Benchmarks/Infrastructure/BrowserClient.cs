using System.Diagnostics;
using System.Globalization;

namespace Mcp.Dashboard.Benchmarks.Infrastructure;

/// <summary>
/// Chromium driven from a child process of the benchmark, so that Playwright's own .NET objects
/// (one per tab, frame, request and response) do not sit in the managed heap the memory
/// benchmark measures. The child is this program started as
/// <c>browser-client &lt;base address&gt; &lt;contexts&gt;</c>; it answers one line per command on stdin:
/// <c>open &lt;path&gt; &lt;count&gt; &lt;charts|page&gt;</c> -> <c>opened &lt;renderers&gt; &lt;renderer PSS MiB&gt;</c>,
/// <c>close</c> -> <c>closed</c>; end of input ends it.
/// </summary>
public sealed class BrowserClient : IAsyncDisposable
{
    private const string ChartsReady =
        "() => document.querySelectorAll('.chart-latest').length === 2 && [...document.querySelectorAll('.chart-latest')].every(p => p.textContent.length > 0)";

    private readonly Process _process;

    private BrowserClient(Process process) => _process = process;

    /// <summary>Starts the child and waits until its contexts are signed in.</summary>
    public static async Task<BrowserClient> StartAsync(Uri baseAddress, int contexts)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BrowserClient).Assembly.Location);
        }

        start.ArgumentList.Add("browser-client");
        start.ArgumentList.Add(baseAddress.ToString());
        start.ArgumentList.Add(contexts.ToString(CultureInfo.InvariantCulture));
        var client = new BrowserClient(Process.Start(start)!);
        await client.ExpectAsync("ready");
        return client;
    }

    /// <summary>Opens tabs of a path and returns Chromium's renderer count and their PSS once every tab's circuit is live.</summary>
    public async Task<(int Renderers, double PssMiB)> OpenAsync(string path, int count, bool charts)
    {
        await _process.StandardInput.WriteLineAsync($"open {path} {count} {(charts ? "charts" : "page")}");
        var answer = (await ExpectAsync("opened")).Split(' ');
        return (int.Parse(answer[1], CultureInfo.InvariantCulture), double.Parse(answer[2], CultureInfo.InvariantCulture));
    }

    public async Task CloseTabsAsync()
    {
        await _process.StandardInput.WriteLineAsync("close");
        await ExpectAsync("closed");
    }

    private async Task<string> ExpectAsync(string word)
    {
        var line = await _process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException($"The browser client ended before saying '{word}'.");
        return line.StartsWith(word, StringComparison.Ordinal) ? line : throw new InvalidOperationException($"The browser client said '{line}', expected '{word}'.");
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    /// <summary>The child's side: <c>browser-client &lt;base address&gt; &lt;contexts&gt;</c>.</summary>
    public static async Task<int> RunChildAsync(Uri baseAddress, int contexts)
    {
        await using var browser = await BenchBrowser.LaunchAsync();
        await browser.SignInAsync(baseAddress, contexts);
        Console.WriteLine("ready");
        while (await Console.In.ReadLineAsync() is { } command)
        {
            switch (command.Split(' '))
            {
                case ["open", var path, var count, var ready]:
                    await browser.OpenAsync(path, int.Parse(count, CultureInfo.InvariantCulture), parallel: 4, ready == "charts" ? ChartsReady : null);
                    var (renderers, pss) = BenchBrowser.Renderers();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"opened {renderers} {pss:0}"));
                    break;
                case ["close"]:
                    await browser.CloseTabsAsync();
                    Console.WriteLine("closed");
                    break;
                default:
                    await Console.Error.WriteLineAsync($"Unknown command: {command}");
                    return 2;
            }
        }

        return 0;
    }
}
