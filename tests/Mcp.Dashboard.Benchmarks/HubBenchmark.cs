using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Mcp.Dashboard.Benchmarks.Infrastructure;
using Mcp.Dashboard.Domain.Plans;
using Microsoft.AspNetCore.SignalR.Client;

namespace Mcp.Dashboard.Benchmarks;

/// <summary>
/// Sample ingested -> received by each of 200 .NET clients watching the rollout through the
/// SignalR hub <c>/hubs/rollouts</c>. The browser figure (through a Blazor circuit and the
/// page's chart) is a separate benchmark that comes with the live rollout page.
/// </summary>
public static class HubBenchmark
{
    private const int Watchers = 200;
    private const int Markers = 40;
    private const string MarkerMetric = "bench_marker";
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(250);

    public static async Task<BenchReport> RunAsync()
    {
        var report = new BenchReport("hub", "sample ingested -> SignalR hub client, 200 watchers");
        await using var recorder = await HookRecorder.StartAsync();
        await using var host = await BenchHost.StartAsync();
        var rolloutId = (await new BenchLab(host).StartAsync(
            [BenchLab.Canary("Hub bench", analysis: false, recorder.Target, new CanaryStep(10, 3600))]))[0];

        // received[client, marker] = Stopwatch timestamp of the first push carrying the marker.
        var received = new long[Watchers, Markers];
        var connections = new ConcurrentBag<HubConnection>();
        try
        {
            await Parallel.ForAsync(0, Watchers, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (client, ct) =>
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(host.BaseAddress, "/hubs/rollouts"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(host.Token))
                    .Build();
                connection.On<Guid, List<Sample>>("Samples", (_, samples) =>
                {
                    var now = Stopwatch.GetTimestamp();
                    foreach (var sample in samples.Where(s => s.Metric == MarkerMetric))
                    {
                        Interlocked.CompareExchange(ref received[client, (int)sample.Value], now, 0);
                    }
                });
                connection.On<JsonElement>("Rollout", _ => { });
                connection.On<Guid, JsonElement>("Events", (_, _) => { });
                connections.Add(connection);
                await connection.StartAsync(ct);
                await connection.InvokeAsync<JsonElement>("Watch", rolloutId, ct);
            });

            using var sender = host.Client();
            var sent = new long[Markers];
            for (var marker = -5; marker < Markers; marker++)
            {
                // Five unmarked warm-up pushes first, then one marker per spacing, well apart from the 100 ms coalescing.
                var body = new { samples = new[] { new { cohort = "canary", metric = marker < 0 ? "bench_warmup" : MarkerMetric, value = (double)Math.Max(marker, 0), at = DateTimeOffset.UtcNow } } };
                var before = Stopwatch.GetTimestamp();
                (await sender.PostJson($"/api/v1/rollouts/{rolloutId}/metrics", body)).EnsureSuccessStatusCode();
                if (marker >= 0)
                {
                    sent[marker] = before;
                }

                await Task.Delay(Spacing);
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            var latencies = new List<double>();
            var missing = 0;
            for (var client = 0; client < Watchers; client++)
            {
                for (var marker = 0; marker < Markers; marker++)
                {
                    var at = Volatile.Read(ref received[client, marker]);
                    if (at == 0)
                    {
                        missing++;
                    }
                    else
                    {
                        latencies.Add(Latencies.Ms(sent[marker], at));
                    }
                }
            }

            var all = new Latencies(latencies);
            report.Figure($"ingest sent -> hub client received: p50 (N={all.Count})", Ms(all.Percentile(50)));
            report.Figure("ingest sent -> hub client received: p90", Ms(all.Percentile(90)));
            report.Figure("ingest sent -> hub client received: p99", Ms(all.Percentile(99)), "p99 <= 250 ms with 200 watching browsers (this is the hub path, not a browser)", all.Percentile(99) <= 250);
            report.Figure("ingest sent -> hub client received: max", Ms(all.Max));
            report.Figure("pushes that never arrived", missing.ToString(CultureInfo.InvariantCulture), "0", missing == 0);
            report.Section("How it was measured", $"""
                {Watchers} .NET `HubConnection` clients (Microsoft.AspNetCore.SignalR.Client, WebSockets, the admin's API token through
                `AccessTokenProvider`) connect to `/hubs/rollouts` and call `Watch(rolloutId)` on one running rollout. The benchmark then
                ingests {Markers} single-sample batches through `POST /api/v1/rollouts/{"{id}"}/metrics`, {Spacing.TotalMilliseconds:0} ms apart, each with a marker
                value, and notes the Stopwatch time just before each request. Every client notes when the `Samples` push carrying each
                marker arrives. The figures are over all {Watchers} x {Markers} (client, marker) pairs.

                The server coalesces a rollout's samples into at most one push per 100 ms (`CallbackThrottler`), so a sample waits up
                to 100 ms before it is sent: the floor of this figure is the ingest request plus up to one coalescing interval, plus
                the fan-out to {Watchers} connections. All clients run in this process on the same 2 cores as the server.
                This is the hub path that CLIs and other tools use; the browser figure of product.md section 6 goes through a Blazor
                circuit and the page's chart, and is measured by the browser benchmark that comes with the live rollout page.
                """);
            Console.WriteLine($"hub: {Watchers} watchers, ingest -> client {all.Summary()}, {missing} missing");
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }

        return report;
    }

    private static string Ms(double value) => string.Create(CultureInfo.InvariantCulture, $"{value:0.0} ms");

    private sealed record Sample(string Cohort, string Metric, double Value, DateTimeOffset At);
}
