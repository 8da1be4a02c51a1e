using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Mcp.Dashboard.Benchmarks.Infrastructure;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Rollouts.Targets;

namespace Mcp.Dashboard.Benchmarks;

/// <summary>
/// Rollback press -> the webhook target receives the rollback action. Canary rollouts with a
/// long bake (analysis off) run against a loopback webhook recorder; each is rolled back by
/// <c>POST /api/v1/rollouts/{id}/rollback</c> with a bearer token, one after another and then
/// ten at a time, timed from just before the request is sent to the recorder's receipt of the
/// signed <c>rollback</c> POST, both on this process's Stopwatch.
/// </summary>
public static class RollbackBenchmark
{
    private const int WarmUp = 10;
    private const int Sequential = 100;
    private const int Concurrent = 100;
    private const int Concurrency = 10;

    public static async Task<BenchReport> RunAsync()
    {
        var report = new BenchReport("rollback", "rollback press -> target receives the rollback action");
        await using var recorder = await HookRecorder.StartAsync();
        await using var host = await BenchHost.StartAsync();
        var lab = new BenchLab(host);

        var total = WarmUp + Sequential + Concurrent;
        var plans = Enumerable.Range(0, total)
            .Select(i => BenchLab.Canary($"Rollback bench {i}", analysis: false, recorder.Target, new CanaryStep(10, 3600)))
            .ToList();
        var rollouts = await lab.StartAsync(plans);

        // Every rollout is baking at 10% once the target has its setWeight.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await Task.WhenAll(rollouts.Select(id => recorder.Arrival(id, TargetAction.SetWeight).WaitAsync(timeout.Token)));
        await Task.Delay(TimeSpan.FromSeconds(2));

        using var client = host.Client();
        await MeasureAsync(client, recorder, rollouts.Take(WarmUp).ToList(), 1);
        var sequential = await MeasureAsync(client, recorder, rollouts.Skip(WarmUp).Take(Sequential).ToList(), 1);
        var concurrent = await MeasureAsync(client, recorder, rollouts.Skip(WarmUp + Sequential).ToList(), Concurrency);

        Add(report, "one at a time", sequential);
        Add(report, $"{Concurrency} at once", concurrent);
        report.Figure("deliveries with a bad signature", recorder.BadSignatures.ToString(CultureInfo.InvariantCulture), "0", recorder.BadSignatures == 0);
        report.Section("How it was measured", $"""
            {total} canary plans (one service each, analysis off, first step 10% with a one-hour bake) are created, approved and
            started through the API on the real dashboard (Kestrel on 127.0.0.1, SQLite file, Quartz persistent store in the same
            file). Their **Webhook target** is a loopback recorder in this process that verifies every HMAC-SHA256 signature.
            Once every rollout is baking, each is rolled back with `POST /api/v1/rollouts/{"{id}"}/rollback` and a bearer token:
            {WarmUp} as warm-up (not counted), {Sequential} one after another, then {Concurrent} by {Concurrency} concurrent callers.
            The latency runs from just before the request is sent to the recorder receiving the `rollback` action, both read from
            this process's `Stopwatch`. The path: the API commits the request, schedules a Quartz trigger for now in the persistent
            store, the scheduler thread acquires and fires it, the job posts the signed action to the target.
            "API answer" is the same start to the 202 response; the rollback POST may reach the target before or after it.
            """);
        var line = $"rollback: sequential {sequential.Delivered.Summary()}; {Concurrency} concurrent {concurrent.Delivered.Summary()}";
        Console.WriteLine(line);
        return report;
    }

    private static void Add(BenchReport report, string mode, Run run)
    {
        var d = run.Delivered;
        report.Figure($"press -> target, {mode}: p50", Ms(d.Percentile(50)), "<= 50 ms", d.Percentile(50) <= 50);
        report.Figure($"press -> target, {mode}: p90", Ms(d.Percentile(90)));
        report.Figure($"press -> target, {mode}: p99", Ms(d.Percentile(99)), "<= 250 ms", d.Percentile(99) <= 250);
        report.Figure($"press -> target, {mode}: max (N={d.Count})", Ms(d.Max));
        report.Figure($"API answer (202), {mode}: p50 / p99", $"{Ms(run.Answered.Percentile(50))} / {Ms(run.Answered.Percentile(99))}");
    }

    private static string Ms(double value) => string.Create(CultureInfo.InvariantCulture, $"{value:0.0} ms");

    private static async Task<Run> MeasureAsync(HttpClient client, HookRecorder recorder, IReadOnlyList<Guid> rollouts, int concurrency)
    {
        var delivered = new ConcurrentBag<double>();
        var answered = new ConcurrentBag<double>();
        await Parallel.ForEachAsync(rollouts, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, cancellationToken) =>
        {
            var arrival = recorder.Arrival(id, TargetAction.Rollback);
            var pressed = Stopwatch.GetTimestamp();
            using var response = await client.PostJson($"/api/v1/rollouts/{id}/rollback", new { reason = "benchmark" });
            var answer = Stopwatch.GetTimestamp();
            await response.Read<JsonElement>();
            var received = await arrival.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            delivered.Add(Latencies.Ms(pressed, received));
            answered.Add(Latencies.Ms(pressed, answer));
        });
        return new Run(new Latencies(delivered), new Latencies(answered));
    }

    private sealed record Run(Latencies Delivered, Latencies Answered);
}
