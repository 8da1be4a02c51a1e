using System.Globalization;
using System.Text.Json;
using Mcp.Dashboard.Benchmarks.Infrastructure;
using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Benchmarks;

/// <summary>
/// Metric sample ingested -> the point received by the chart of each of 200 browser tabs
/// watching <c>/rollouts/{id}</c> in one headless Chromium: the whole path, through the
/// rollout's subscribers, each circuit's chart throttle, JS interop, and the chart script.
/// </summary>
/// <remarks>
/// The rollout's target is a webhook (a loopback recorder), so no simulated fleet streams
/// samples of its own: the only samples are the benchmark's. The chart script notes when each
/// point arrives only because the benchmark defines <c>window.__mcpCharts</c> before the page loads.
/// </remarks>
public static class BrowserBenchmark
{
    /// <summary>200, the target's number; MCP_BENCH_TABS sets another (a quick try, or a machine that cannot hold 200).</summary>
    private static readonly int Pages = int.TryParse(Environment.GetEnvironmentVariable("MCP_BENCH_TABS"), CultureInfo.InvariantCulture, out var tabs) ? tabs : 200;

    private const int Contexts = 4;
    private const int Markers = 45;
    private const int WarmUps = 5;
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(45);

    // A marker's error_rate encodes its number: 0.1000 + n / 10,000, exact through JSON.
    private static double MarkerValue(int marker) => (1000 + marker) / 10_000.0;

    private static int MarkerOf(double value) => (int)Math.Round(value * 10_000) - 1000;

    public static async Task<BenchReport> RunAsync()
    {
        var report = new BenchReport("browser", "sample ingested -> visible in the browser, 200 watching tabs");
        await using var recorder = await HookRecorder.StartAsync();
        await using var host = await BenchHost.StartAsync();
        var rolloutId = (await new BenchLab(host).StartAsync(
            [BenchLab.Canary("Browser bench", analysis: false, recorder.Target, new CanaryStep(10, 3600))]))[0];

        await using var browser = await BenchBrowser.LaunchAsync();
        await browser.SignInAsync(host.BaseAddress, Contexts, "window.__mcpCharts = { arrivals: [] };");
        var opening = System.Diagnostics.Stopwatch.StartNew();
        var pages = await browser.OpenAsync($"/rollouts/{rolloutId}", Pages, parallel: 4,
            readyScript: "() => document.querySelectorAll('.chart-latest').length === 2 && [...document.querySelectorAll('.chart-latest')].every(p => p.textContent.length > 0)");
        opening.Stop();
        await host.Circuits.WaitForAsync(Pages, Pages, TimeSpan.FromSeconds(30));
        var (renderers, rendererPss) = BenchBrowser.Renderers();
        Console.WriteLine($"browser: {Pages} tabs open in {opening.Elapsed.TotalSeconds:0} s, {host.Circuits.Connected} circuits connected, {renderers} renderer processes ({rendererPss:0} MiB PSS), load {Machine.LoadAverage()}");

        // Opening 200 tabs leaves the machine busy for a while (load average 30+ on 2 cores):
        // let it pass, then note how much CPU the idle tabs and the host use on their own.
        await Task.Delay(Settle);
        var loadAtMarkers = Machine.LoadAverage();
        var idleStart = BenchBrowser.CpuSeconds();
        await Task.Delay(TimeSpan.FromSeconds(10));
        var idleEnd = BenchBrowser.CpuSeconds();
        Console.WriteLine($"browser: settled, load {loadAtMarkers}");

        using var sender = host.Client();
        var sent = new double[Markers];
        var markersStart = BenchBrowser.CpuSeconds();
        var markersClock = System.Diagnostics.Stopwatch.StartNew();
        var answers = new List<double>();
        for (var marker = -WarmUps; marker < Markers; marker++)
        {
            var value = marker < 0 ? 0.05 : MarkerValue(marker);
            var body = new { samples = new[] { new { cohort = "canary", metric = "error_rate", value, at = DateTimeOffset.UtcNow } } };
            var before = DateTimeOffset.UtcNow;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            (await sender.PostJson($"/api/v1/rollouts/{rolloutId}/metrics", body)).EnsureSuccessStatusCode();
            if (marker >= 0)
            {
                sent[marker] = before.ToUnixTimeMilliseconds() + before.Ticks % TimeSpan.TicksPerMillisecond / (double)TimeSpan.TicksPerMillisecond;
                answers.Add(Latencies.Ms(started, System.Diagnostics.Stopwatch.GetTimestamp()));
            }

            await Task.Delay(Spacing);
        }

        var markersEnd = BenchBrowser.CpuSeconds();
        var markersSeconds = markersClock.Elapsed.TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(3));
        var connectedAfter = host.Circuits.Connected;
        var latencies = new List<double>();
        var missing = 0;
        var maxDrift = 0.0;
        foreach (var page in pages)
        {
            // [timeOrigin, arrivals of error_rate canary points, timeOrigin + now - Date.now()].
            var probe = await page.EvaluateAsync<JsonElement>("""
                () => ({
                  origin: performance.timeOrigin,
                  drift: performance.timeOrigin + performance.now() - Date.now(),
                  arrivals: window.__mcpCharts.arrivals.filter(a => a[0] === 'error_rate' && a[1] === 'canary').map(a => [a[2], a[3]]),
                })
                """);
            var origin = probe.GetProperty("origin").GetDouble();
            maxDrift = Math.Max(maxDrift, Math.Abs(probe.GetProperty("drift").GetDouble()));
            var arrived = new double?[Markers];
            foreach (var arrival in probe.GetProperty("arrivals").EnumerateArray())
            {
                var marker = MarkerOf(arrival[0].GetDouble());
                if (marker >= 0 && marker < Markers)
                {
                    arrived[marker] ??= origin + arrival[1].GetDouble();
                }
            }

            for (var marker = 0; marker < Markers; marker++)
            {
                if (arrived[marker] is { } at)
                {
                    latencies.Add(at - sent[marker]);
                }
                else
                {
                    missing++;
                }
            }
        }

        var all = new Latencies(latencies);
        var api = new Latencies(answers);
        var (renderersAfter, pssAfter) = BenchBrowser.Renderers();
        report.Figure($"ingest sent -> chart received: p50 (N={all.Count})", Ms(all.Percentile(50)));
        report.Figure("ingest sent -> chart received: p90", Ms(all.Percentile(90)));
        report.Figure("ingest sent -> chart received: p99", Ms(all.Percentile(99)), $"p99 <= 250 ms with 200 watching browsers ({Pages} tabs here)", all.Percentile(99) <= 250 && Pages >= 200);
        report.Figure("ingest sent -> chart received: max", Ms(all.Max));
        report.Figure("points that never reached a chart", missing.ToString(CultureInfo.InvariantCulture), "0", missing == 0);
        report.Figure("tabs / circuits connected (after opening; after the markers)", $"{Pages} / {Pages}; {connectedAfter}", "", connectedAfter == Pages ? null : false);
        report.Figure("Chromium renderer processes (PSS), after opening / at the end", Inv($"{renderers} ({rendererPss:0} MiB) / {renderersAfter} ({pssAfter:0} MiB)"));
        report.Figure("ingest API answer (context): p50 / p99", Inv($"{api.Percentile(50):0.0} / {api.Percentile(99):0.0} ms"));
        report.Figure("opening the tabs, 4 at a time", Inv($"{opening.Elapsed.TotalSeconds:0} s"));
        report.Figure("load average (1, 5, 15 min) when the markers started", loadAtMarkers);
        report.Figure("CPU used, 10 s idle before the markers: server+benchmark / renderers / other Chromium+driver", Cpu(idleStart, idleEnd, 10));
        report.Figure(Inv($"CPU used during the markers ({markersSeconds:0} s): server+benchmark / renderers / other Chromium+driver"), Cpu(markersStart, markersEnd, markersSeconds));
        report.Figure("largest page clock drift (timeOrigin + now() against Date.now())", Inv($"{maxDrift:0.0} ms"));
        report.Section("How it was measured", $"""
            The host runs in this process on Kestrel at 127.0.0.1. One rollout of a canary plan with a **webhook** target (a loopback
            recorder in this process accepts its actions), analysis off and a 1 h bake at 10%, so the simulated fleet streams nothing
            and the only samples are the benchmark's. One headless Chromium (the system's, with the browser tests' switches) holds
            {Contexts} browser contexts, each signed in once through the sign-in form as the bench admin; {Pages} tabs of `/rollouts/{"{id}"}` are
            spread over them, opened 4 at a time, each waited for until `#app-interactive` is attached (its circuit is live) and both
            charts have mounted, then left {Settle.TotalSeconds:0} s for the opening storm to pass. A `CircuitHandler` registered by the benchmark counts the host's circuits: {Pages} connected before the
            markers, {connectedAfter} after. Chromium ran {renderers} renderer processes for the {Pages} tabs (Chromium's own process limit;
            no switch was added to change it).

            Then the benchmark ingests {WarmUps} warm-up samples and {Markers} marker samples through `POST /api/v1/rollouts/{"{id}"}/metrics`,
            one sample per request, {Spacing.TotalSeconds:0} s apart: canary `error_rate` = 0.1 + n/10,000, so the value says which marker it is.
            The send time is `DateTimeOffset.UtcNow` just before the request. In each tab, the chart script (`wwwroot-assets/js/rollout-charts.js`,
            `probe`) notes `performance.now()` for every point it is handed, because the benchmark's init script defined
            `window.__mcpCharts = {"{ arrivals: [] }"}` before the page loaded; without it the script does nothing more than look the property up.
            That moment is when the chart has the point and has written the "Latest at …" text; the canvas redraw follows on the next
            animation frame. The arrival in wall-clock time is `performance.timeOrigin + now()`, compared with the send time on the same
            machine clock; the largest drift of that against `Date.now()` in any tab is in the table.

            The CPU rows read each process's user + system time from /proc (Chromium's processes are those below this one), as cores
            busy on average over the interval: the server and the benchmark share one process; the renderers are the tabs.

            Figures are over every (tab, marker) pair. Server, browser and the benchmark share the machine's {Environment.ProcessorCount} cores,
            and other work on the machine shows in the load average.
            """);
        Console.WriteLine($"browser: {Pages} tabs, ingest -> chart {all.Summary()}, {missing} missing, {renderersAfter} renderers");
        return report;
    }

    // As cores busy on average: 2.0 would be the whole of a 2-core machine.
    private static string Cpu((double Self, double Renderers, double Others) from, (double Self, double Renderers, double Others) to, double seconds) =>
        Inv($"{(to.Self - from.Self) / seconds:0.00} / {(to.Renderers - from.Renderers) / seconds:0.00} / {(to.Others - from.Others) / seconds:0.00} cores");

    private static string Ms(double value) => Inv($"{value:0.0} ms");

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
