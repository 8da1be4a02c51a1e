using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Mcp.Dashboard.Benchmarks.Infrastructure;
using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Benchmarks;

/// <summary>
/// <c>POST /api/v1/rollouts/{id}/metrics</c> throughput over loopback HTTP with a bearer token:
/// batches of 1,000 and 5,000 samples from 1, 4 and 8 concurrent clients, about 10 s each.
/// </summary>
public static class IngestBenchmark
{
    private static readonly int[] BatchSizes = [1000, 5000];
    private static readonly int[] ClientCounts = [1, 4, 8];
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);
    private const int Metrics = 10;

    public static async Task<BenchReport> RunAsync()
    {
        var report = new BenchReport("ingest", "metric ingest API throughput");
        await using var recorder = await HookRecorder.StartAsync();
        await using var host = await BenchHost.StartAsync();
        var configs = BatchSizes.SelectMany(b => ClientCounts.Select(c => (Batch: b, Clients: c))).ToList();
        var rollouts = await new BenchLab(host).StartAsync(configs
            .Select((c, i) => BenchLab.Canary($"Ingest bench {i}", analysis: false, recorder.Target, new CanaryStep(10, 3600)))
            .ToList());

        var best = 0.0;
        var lines = new List<string>();
        for (var i = 0; i < configs.Count; i++)
        {
            var (batch, clients) = configs[i];
            await RunForAsync(host, rollouts[i], batch, clients, WarmUp);
            var result = await RunForAsync(host, rollouts[i], batch, clients, Duration);
            best = Math.Max(best, result.SamplesPerSecond);
            report.Figure($"batch {batch:N0}, {clients} client(s)",
                string.Create(CultureInfo.InvariantCulture, $"{result.SamplesPerSecond:N0} samples/s, {result.RequestsPerSecond:N1} req/s, p50 {result.Latency.Percentile(50):0.0} ms, p99 {result.Latency.Percentile(99):0.0} ms (N={result.Latency.Count}, {result.Errors} errors)"),
                ">= 50,000 samples/s", result.Errors == 0 ? null : false);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{batch}x{clients}: {result.SamplesPerSecond:N0}/s"));
        }

        report.Figure("best configuration", string.Create(CultureInfo.InvariantCulture, $"{best:N0} samples/s"), ">= 50,000 samples/s", best >= 50_000);
        report.Section("How it was measured", $"""
            One running canary rollout per configuration (webhook target at a loopback recorder, analysis off, so nothing judges the
            samples). Each client has its own HTTP/1.1 connection and the admin's bearer token, and sends batches back to back for
            {Duration.TotalSeconds:0} s after {WarmUp.TotalSeconds:0} s of warm-up: {Metrics} metrics x 2 cohorts = {Metrics * 2} series, timestamps now plus a few
            microseconds apart, so the in-memory store sees mostly in-order samples with some interleaving between clients, as from
            real senders. Each request body is written with `Utf8JsonWriter` just before it is sent. Throughput counts samples in
            requests answered 202; latency is each request's send to response.

            The clients, their JSON writing and the server share the same 2 cores, so these figures understate what the server does
            with its clients on other machines; more clients than cores mostly adds queueing (latency) rather than throughput.
            """);
        Console.WriteLine($"ingest: best {best:N0} samples/s ({string.Join(", ", lines)})");
        return report;
    }

    private static async Task<Result> RunForAsync(BenchHost host, Guid rolloutId, int batch, int clients, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        long samples = 0, requests = 0, errors = 0;
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            using var client = host.Client();
            var buffer = new ArrayBufferWriter<byte>(batch * 96);
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                buffer.ResetWrittenCount();
                WriteBatch(buffer, batch);
                using var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                var sent = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync($"/api/v1/rollouts/{rolloutId}/metrics", content);
                await response.Content.LoadIntoBufferAsync();
                latencies.Add(Latencies.Ms(sent, Stopwatch.GetTimestamp()));
                Interlocked.Increment(ref requests);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    Interlocked.Add(ref samples, batch);
                }
                else if (Interlocked.Increment(ref errors) == 1)
                {
                    Console.Error.WriteLine($"ingest: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }));
        var seconds = (Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency;
        return new Result(samples / seconds, requests / seconds, new Latencies(latencies), errors);
    }

    private static void WriteBatch(IBufferWriter<byte> buffer, int batch)
    {
        using var json = new Utf8JsonWriter(buffer);
        var now = DateTimeOffset.UtcNow;
        json.WriteStartObject();
        json.WriteStartArray("samples");
        for (var i = 0; i < batch; i++)
        {
            json.WriteStartObject();
            json.WriteString("cohort", i % 2 == 0 ? "baseline" : "canary");
            json.WriteString("metric", MetricNames[i / 2 % Metrics]);
            json.WriteNumber("value", 0.01 + (i % 97 / 10_000.0));
            json.WriteString("at", now.AddTicks(i * 10));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static readonly string[] MetricNames = [.. Enumerable.Range(0, Metrics).Select(i => $"bench_metric_{i}")];

    private sealed record Result(double SamplesPerSecond, double RequestsPerSecond, Latencies Latency, long Errors);
}
