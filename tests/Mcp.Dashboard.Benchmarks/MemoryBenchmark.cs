using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Mcp.Dashboard.Benchmarks.Infrastructure;
using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Benchmarks;

/// <summary>
/// Server memory per watching Blazor circuit: tabs of a quiet page (the overview) and of a live
/// rollout page whose charts receive samples, 50 and then 100 of each; after a forced full,
/// compacting GC, the growth of the managed heap and of the process's working set over the same
/// measure with no circuits, divided by the number of circuits.
/// </summary>
public static class MemoryBenchmark
{
    private const int Contexts = 4;
    private const long IdleTarget = 400 * 1024;
    private const long LiveTarget = 1024 * 1024;
    private static readonly int[] Steps = [50, 100];
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(15);

    public static async Task<BenchReport> RunAsync()
    {
        var report = new BenchReport("memory", "server memory per watching circuit");
        await using var recorder = await HookRecorder.StartAsync();
        await using var host = await BenchHost.StartAsync();
        await using var client = await BrowserClient.StartAsync(host.BaseAddress, Contexts);
        var notes = new List<string>();

        // (a) Quiet: the overview, with nothing running.
        await MeasureAsync(report, notes, host, client, "quiet (overview `/`)", "/", charts: false, IdleTarget, "<= 400 KB idle");

        // (b) Live: a running rollout (webhook target, so only the benchmark's samples) fed
        // 4 samples a second (two metrics, two cohorts), as a fleet reporting once a second does.
        var rolloutId = (await new BenchLab(host).StartAsync(
            [BenchLab.Canary("Memory bench", analysis: false, recorder.Target, new CanaryStep(10, 3600))]))[0];
        using var feeding = new CancellationTokenSource();
        var feeder = FeedAsync(host, rolloutId, feeding.Token);
        await Task.Delay(TimeSpan.FromSeconds(5));
        await MeasureAsync(report, notes, host, client, "live rollout page (2 charts, 4 samples/s)", $"/rollouts/{rolloutId}", charts: true, LiveTarget, "<= 1 MB with live charts");
        await feeding.CancelAsync();
        var fed = await feeder;

        report.Section("How it was measured", $"""
            The host runs in this process (server GC, as the dashboard runs) on Kestrel at 127.0.0.1. Chromium (the system's, with the
            browser tests' switches) is driven by Playwright from a **child process** of the benchmark, so Playwright's .NET objects for
            each tab do not land in the heap being measured. {Contexts} browser contexts sign in once as the bench admin; tabs are spread over
            them, opened 4 at a time, and each waited for until `#app-interactive` is attached (its circuit is live) and, on the rollout
            page, both charts have mounted. A `CircuitHandler` registered by the benchmark counts the host's circuits; every measure
            below waits until that count equals the tabs open (connected and open), so each tab holds exactly one live circuit.

            For each page: with no circuits, a baseline; then {Steps[0]} tabs, {Settle.TotalSeconds:0} s to settle, a measure; then
            {Steps[1] - Steps[0]} more tabs, {Settle.TotalSeconds:0} s, a measure; then all tabs closed and the count waited back to 0.
            Each measure forces two full blocking compacting collections (large object heap included) with
            `GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true)` and `GC.WaitForPendingFinalizers()`, then reads
            `GC.GetTotalMemory(true)` (live managed objects), `GC.GetGCMemoryInfo(GCKind.FullBlocking).HeapSizeBytes` (the heap,
            fragmentation included) and the process working set. Per circuit = (measure - baseline) / tabs.

            The live rollout is a canary with a webhook target (a loopback recorder accepts its actions) and analysis off; the benchmark
            ingests 4 samples a second (error_rate and latency_p99_ms, canary and baseline: {fed} requests in all), so the charts are
            fed as from a fleet reporting once a second. The rollout's own sample buffer is shared by all circuits and grows by about
            64 bytes a second, which is within the noise of these figures.

            The working set counts everything the process maps: besides the circuits, Kestrel's and SignalR's pooled buffers, thread
            stacks and the GC's retained-but-free segments, which a forced collection does not necessarily hand back to the OS.
            Managed-heap figures are the steadier ones. Load average and other work on the machine show in the header.

            {string.Join("\n", notes)}
            """);
        return report;
    }

    private static async Task MeasureAsync(BenchReport report, List<string> notes, BenchHost host, BrowserClient client, string scenario, string path, bool charts, long target, string targetText)
    {
        await host.Circuits.WaitForAsync(0, 0, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var baseline = Memory.Measure();
        var open = 0;
        foreach (var step in Steps)
        {
            var (renderers, pss) = await client.OpenAsync(path, step - open, charts);
            open = step;
            await host.Circuits.WaitForAsync(open, open, TimeSpan.FromSeconds(60));
            await Task.Delay(Settle);
            var now = Memory.Measure();
            if (host.Circuits.Connected != open)
            {
                throw new InvalidOperationException($"{host.Circuits.Connected} circuits connected while measuring {open} tabs.");
            }

            var managed = (now.Managed - baseline.Managed) / (double)open;
            var heap = (now.Heap - baseline.Heap) / (double)open;
            var workingSet = (now.WorkingSet - baseline.WorkingSet) / (double)open;
            report.Figure($"{scenario}, {open} circuits: managed heap (live objects) per circuit", Kb(managed), targetText, managed <= target);
            report.Figure($"{scenario}, {open} circuits: GC heap size per circuit", Kb(heap), targetText, heap <= target);
            report.Figure($"{scenario}, {open} circuits: working set per circuit", Kb(workingSet), targetText, workingSet <= target);
            report.Figure($"{scenario}, {open} circuits: of the heap, small / large / pinned object heap per circuit",
                $"{Kb((now.Small - baseline.Small) / (double)open)} / {Kb((now.Large - baseline.Large) / (double)open)} / {Kb((now.Pinned - baseline.Pinned) / (double)open)}");
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"- {scenario}, {open} circuits: baseline {Mb(baseline.Managed)} managed / {Mb(baseline.Heap)} heap / {Mb(baseline.WorkingSet)} working set; with the circuits {Mb(now.Managed)} / {Mb(now.Heap)} / {Mb(now.WorkingSet)}; Chromium {renderers} renderer processes, {pss:0} MiB PSS."));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"memory: {scenario}, {open} circuits: per circuit {Kb(managed)} managed, {Kb(heap)} heap, {Kb(workingSet)} working set; {renderers} renderers; load {Machine.LoadAverage()}"));
        }

        await client.CloseTabsAsync();
        await host.Circuits.WaitForAsync(0, 0, TimeSpan.FromSeconds(60));
    }

    private static async Task<int> FeedAsync(BenchHost host, Guid rolloutId, CancellationToken stop)
    {
        using var sender = host.Client();
        var requests = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var random = new Random(7);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var at = DateTimeOffset.UtcNow;
                var body = new
                {
                    samples = new[]
                    {
                        new { cohort = "canary", metric = "error_rate", value = 0.01 + random.NextDouble() / 100, at },
                        new { cohort = "baseline", metric = "error_rate", value = 0.01 + random.NextDouble() / 100, at },
                        new { cohort = "canary", metric = "latency_p99_ms", value = 120 + random.NextDouble() * 20, at },
                        new { cohort = "baseline", metric = "latency_p99_ms", value = 120 + random.NextDouble() * 20, at },
                    },
                };
                (await sender.PostJson($"/api/v1/rollouts/{rolloutId}/metrics", body)).EnsureSuccessStatusCode();
                requests++;
            }
        }
        catch (OperationCanceledException)
        {
        }

        return requests;
    }

    private static string Kb(double bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:0} KB");

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024:0.0} MiB");

    private readonly record struct Memory(long Managed, long Heap, long WorkingSet, long Small, long Large, long Pinned)
    {
        public static Memory Measure()
        {
            for (var i = 0; i < 2; i++)
            {
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
            }

            var managed = GC.GetTotalMemory(forceFullCollection: true);
            var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            var generations = info.GenerationInfo;
            using var process = Process.GetCurrentProcess();

            // Generations 0-2 are the small object heap, 3 the large object heap (85,000 bytes and
            // up), 4 the pinned object heap (Kestrel's and SignalR's pooled I/O buffers live there).
            var small = generations[0].SizeAfterBytes + generations[1].SizeAfterBytes + generations[2].SizeAfterBytes;
            return new Memory(managed, info.HeapSizeBytes, process.WorkingSet64, small, generations[3].SizeAfterBytes, generations[4].SizeAfterBytes);
        }
    }
}
