using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mcp.Dashboard.Tests.Metrics;

/// <summary>
/// A real Prometheus (Debian's package; installed when missing, or the binary named by
/// MCP_PROMETHEUS_PATH) on a free loopback port, scraping every second an exposition endpoint
/// this fixture serves. Each scrape advances the counters by a fixed amount, so rates and their
/// ratios are exact: baseline (version 2.3.0) errors 1 in 100 requests, canary (2.5.0) 5 in 100;
/// p99 latency 247 ms and 495 ms by the buckets; a queue-depth gauge of 12 and 30.
/// </summary>
public sealed class PrometheusServer : IAsyncLifetime
{
    public const string Baseline = "version=\"2.3.0\"";
    public const string Canary = "version=\"2.5.0\"";

    // Counters start high so rate()'s extrapolation towards zero never clips one series and not another.
    private const long Start = 1_000_000;

    private readonly StringBuilder _output = new();
    private DirectoryInfo _folder = null!;
    private WebApplication _exposition = null!;
    private Process? _process;
    private long _scrapes;

    public Uri Url { get; private set; } = null!;

    public string Version { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var binary = await FindOrInstallAsync();
        Version = (await RunAsync(binary, "--version")).Split('\n')[0].Trim();
        _folder = Directory.CreateTempSubdirectory("mcp-prometheus-tests-");

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _exposition = builder.Build();
        _exposition.MapGet("/metrics", () => Results.Text(Exposition(Interlocked.Increment(ref _scrapes)), "text/plain; version=0.0.4; charset=utf-8"));
        await _exposition.StartAsync();
        var target = new Uri(_exposition.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        var config = Path.Combine(_folder.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: mcp-test
                static_configs:
                  - targets: ['127.0.0.1:{target.Port}']
            """);

        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(_folder.FullName, "data")}", $"--web.listen-address=127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {binary}.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForDataAsync();
    }

    private static string Exposition(long n)
    {
        string Counter(long perScrape) => (Start + (perScrape * n)).ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append("# TYPE http_requests_total counter\n");
        text.Append($"http_requests_total{{{Baseline},code=\"200\"}} {Counter(99)}\n");
        text.Append($"http_requests_total{{{Baseline},code=\"500\"}} {Counter(1)}\n");
        text.Append($"http_requests_total{{{Canary},code=\"200\"}} {Counter(95)}\n");
        text.Append($"http_requests_total{{{Canary},code=\"503\"}} {Counter(5)}\n");
        text.Append("# TYPE http_request_duration_seconds histogram\n");
        foreach (var (selector, buckets) in new[] { (Baseline, new[] { 50L, 100, 100, 100 }), (Canary, new[] { 10L, 50, 100, 100 }) })
        {
            var bounds = new[] { "0.1", "0.25", "0.5", "+Inf" };
            for (var i = 0; i < bounds.Length; i++)
            {
                text.Append($"http_request_duration_seconds_bucket{{{selector},le=\"{bounds[i]}\"}} {Counter(buckets[i])}\n");
            }

            text.Append($"http_request_duration_seconds_sum{{{selector}}} {Counter(20)}\n");
            text.Append($"http_request_duration_seconds_count{{{selector}}} {Counter(100)}\n");
        }

        text.Append("# TYPE mcp_test_queue_depth gauge\n");
        text.Append($"mcp_test_queue_depth{{{Baseline}}} 12\n");
        text.Append($"mcp_test_queue_depth{{{Canary}}} 30\n");
        return text.ToString();
    }

    // Ready when Prometheus answers and a rate over both cohorts exists (two scrapes at least).
    private async Task WaitForDataAsync()
    {
        using var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"Prometheus exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                var answer = await client.GetStringAsync("/api/v1/query?query=" + Uri.EscapeDataString("count(rate(http_requests_total{job=\"mcp-test\"}[1m]))"));
                if (answer.Contains("\"4\"", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Prometheus at {Url} had no data after 60 s:\n{Output}");
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 64 * 1024)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static async Task<string> FindOrInstallAsync()
    {
        if (Environment.GetEnvironmentVariable("MCP_PROMETHEUS_PATH") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new FileNotFoundException($"MCP_PROMETHEUS_PATH names {configured}, which does not exist.");
        }

        if (OnPath("prometheus") is { } found)
        {
            return found;
        }

        // Debian's package, as .ci/test installs it; as root directly, otherwise through sudo -n.
        var sudo = Environment.IsPrivilegedProcess ? "" : "sudo -n ";
        var script = $"{sudo}apt-get update -qq && {sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus";
        var output = await RunAsync("/bin/sh", "-c", script);
        return OnPath("prometheus") ?? throw new InvalidOperationException($"prometheus is not installed and installing it failed (set MCP_PROMETHEUS_PATH to a binary):\n{output}");
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    private static async Task<string> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return await stdout + await stderr;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (_exposition is not null)
        {
            await _exposition.StopAsync();
            await _exposition.DisposeAsync();
        }

        try
        {
            _folder?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
