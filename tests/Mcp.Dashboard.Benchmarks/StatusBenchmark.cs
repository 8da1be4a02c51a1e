using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Mcp.Dashboard.Benchmarks.Infrastructure;

namespace Mcp.Dashboard.Benchmarks;

/// <summary>
/// <c>GET /status</c> throughput with wrk (Debian's package) over loopback, against
/// <c>GET /healthz</c> in the same run as the floor of what Kestrel and our pipeline cost.
/// The app runs Production-like with demo data (plans, windows and a live staging rollout),
/// so the page has real content and the snapshot is rebuilt as the rollout moves.
/// </summary>
public static partial class StatusBenchmark
{
    private const string Duration = "15s";
    private const int Connections = 64;
    private const int Threads = 2;

    public static async Task<BenchReport> RunAsync()
    {
        var report = new BenchReport("status-page", "status page requests per second", command: "status");
        var wrk = FindWrk();
        if (wrk is null)
        {
            report.Figure("wrk", "not installed (apt-get install -y wrk)", ">= 5,000 req/s", false);
            return report;
        }

        await using var host = await BenchHost.StartAsync(new Dictionary<string, string?>
        {
            ["Dashboard:DemoMode"] = "true",
            ["Dashboard:AllowDemoInProduction"] = "true",
        });
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var page = await client.GetAsync("/status");
        page.EnsureSuccessStatusCode();
        var size = (await page.Content.ReadAsByteArrayAsync()).Length;
        var etag = page.Headers.ETag!.Tag;

        // Warm-up: JIT, the rendered bytes, connection set-up.
        await RunWrkAsync(wrk, host.BaseAddress, "/status", "3s");
        await RunWrkAsync(wrk, host.BaseAddress, "/healthz", "3s");

        var status = await RunWrkAsync(wrk, host.BaseAddress, "/status", Duration);
        var health = await RunWrkAsync(wrk, host.BaseAddress, "/healthz", Duration);
        var revalidated = await RunWrkAsync(wrk, host.BaseAddress, "/status", Duration, $"If-None-Match: {etag}");

        // What a browser gets: the same page, compressed once per change.
        using var brotliRequest = new HttpRequestMessage(HttpMethod.Get, "/status") { Headers = { { "Accept-Encoding", "br" } } };
        var brotliSize = (await (await client.SendAsync(brotliRequest)).Content.ReadAsByteArrayAsync()).Length;
        var brotli = await RunWrkAsync(wrk, host.BaseAddress, "/status", Duration, "Accept-Encoding: br");

        report.Figure("GET /status (full page)", Describe(status, size), ">= 5,000 req/s", status.RequestsPerSecond >= 5000 && status.Errors == 0);
        report.Figure("GET /status with Accept-Encoding: br (what browsers get)", Describe(brotli, brotliSize), ">= 5,000 req/s", brotli.RequestsPerSecond >= 5000 && brotli.Errors == 0);
        report.Figure("GET /status with If-None-Match (304)", Describe(revalidated, 0), "", null);
        report.Figure("GET /healthz (same run)", Describe(health, 0), "", null);
        report.Figure("/status as a share of /healthz", string.Create(CultureInfo.InvariantCulture, $"{status.RequestsPerSecond / health.RequestsPerSecond:P0}"));
        report.Section("How it was measured", $"""
            The real app (Production environment, demo data on: demo plans, windows and a live staging canary that keeps
            moving) on Kestrel at 127.0.0.1, in the benchmark's process. `{wrk} -t{Threads} -c{Connections} -d{Duration} --latency <url>`
            runs against `/status`, then `/healthz`, then `/status` with `If-None-Match: <current ETag>` (a returning browser
            or the page's own poll), then `/status` with `Accept-Encoding: br` (the Brotli bytes, compressed once per change,
            that browsers get), each after a 3 s warm-up. wrk sends no Accept-Language, so the page is the English one
            ({size:N0} bytes). wrk, the app and the demo rollout share the same {Environment.ProcessorCount} cores.

            The page is a plain HTML document rendered once per change (and per language) into bytes held in memory with a
            strong ETag; a request costs the pipeline (localization, authentication, routing) and a byte copy, never a
            Blazor circuit or a database read. `/healthz` runs the same pipeline with an empty answer, so the gap between
            the two is what the page itself costs.
            """);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"status: {status.RequestsPerSecond:N0} req/s, Brotli {brotli.RequestsPerSecond:N0} req/s (/healthz {health.RequestsPerSecond:N0} req/s, 304 {revalidated.RequestsPerSecond:N0} req/s)"));
        return report;
    }

    private static string Describe(WrkResult result, int bytes) => string.Create(CultureInfo.InvariantCulture,
        $"{result.RequestsPerSecond:N0} req/s, p50 {result.P50}, p99 {result.P99}{(bytes > 0 ? $", {bytes:N0} B per answer" : "")} ({result.Requests:N0} requests, {result.Errors} non-2xx/3xx or socket errors)");

    private static string? FindWrk() =>
        new[] { "/usr/bin/wrk", "/usr/local/bin/wrk" }.FirstOrDefault(File.Exists);

    private static async Task<WrkResult> RunWrkAsync(string wrk, Uri baseAddress, string path, string duration, params string[] headers)
    {
        var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { $"-t{Threads}", $"-c{Connections}", $"-d{duration}", "--latency" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var header in headers)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add(header);
        }

        start.ArgumentList.Add(new Uri(baseAddress, path).ToString());
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return WrkResult.Parse(output);
    }

    private sealed record WrkResult(double RequestsPerSecond, long Requests, long Errors, string P50, string P99)
    {
        public static WrkResult Parse(string output)
        {
            var rps = double.Parse(RequestsPerSecondLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
            var requests = long.Parse(RequestsLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
            var non2xx = NonSuccessLine().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            var socket = SocketErrorsLine().Match(output) is { Success: true } s
                ? s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
                : 0;
            return new WrkResult(rps, requests, non2xx + socket, Percentile(output, "50%"), Percentile(output, "99%"));
        }

        private static string Percentile(string output, string which) =>
            Regex.Match(output, $@"^\s*{Regex.Escape(which)}\s+(\S+)", RegexOptions.Multiline) is { Success: true } m ? m.Groups[1].Value : "?";
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecondLine();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccessLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}
