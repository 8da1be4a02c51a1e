using Mcp.Dashboard.Benchmarks.Infrastructure;

namespace Mcp.Dashboard.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Mcp.Dashboard.Benchmarks -- [all|rollback|detection|ingest|hub|browser|memory|status]</c>.
/// Each benchmark prints one line and writes docs/benchmarks/&lt;name&gt;.md.
/// </summary>
/// <remarks>
/// A named class rather than top-level statements: the dashboard's own entry point is the
/// global <c>Program</c> the host is built from.
/// </remarks>
public static class BenchmarkCommand
{
    private static readonly Dictionary<string, Func<Task<BenchReport>>> All = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rollback"] = RollbackBenchmark.RunAsync,
        ["detection"] = DetectionBenchmark.RunAsync,
        ["ingest"] = IngestBenchmark.RunAsync,
        ["hub"] = HubBenchmark.RunAsync,
        ["browser"] = BrowserBenchmark.RunAsync,
        ["memory"] = MemoryBenchmark.RunAsync,
        ["status"] = StatusBenchmark.RunAsync,
    };

    /// <returns>The number of benchmarks that missed a target (0 when all met), or 2 for an unknown name.</returns>
    public static async Task<int> Main(string[] args)
    {
        // The memory benchmark's browser runs in a child process of this program (see BrowserClient).
        if (args is ["browser-client", var baseAddress, var contexts])
        {
            return await BrowserClient.RunChildAsync(new Uri(baseAddress), int.Parse(contexts, System.Globalization.CultureInfo.InvariantCulture));
        }

        var chosen = args.Length == 0 || args is ["all"] ? [.. All.Keys] : args;
        var unknown = chosen.Where(name => !All.ContainsKey(name)).ToList();
        if (unknown.Count > 0)
        {
            await Console.Error.WriteLineAsync($"Unknown benchmark(s): {string.Join(", ", unknown)}. Choose from: all, {string.Join(", ", All.Keys)}.");
            return 2;
        }

        Console.WriteLine($"{Environment.ProcessorCount} cores, {Machine.CpuModel()}, {Machine.MemoryGiB()}; load average {Machine.LoadAverage()}");
        var missed = 0;
        foreach (var name in chosen)
        {
            var report = await All[name]();
            var path = report.Write();
            Console.WriteLine($"  {(report.AllMet ? "met" : "MISSED")}: {Path.GetRelativePath(Machine.RepositoryRoot(), path)} (load average now {Machine.LoadAverage()})");
            missed += report.AllMet ? 0 : 1;
        }

        // A missed target is a finding for the report, not a crash; the exit code counts them.
        return missed;
    }
}
