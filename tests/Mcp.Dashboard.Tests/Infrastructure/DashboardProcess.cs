using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Mcp.Dashboard.Tests.Infrastructure;

/// <summary>
/// The dashboard as a real separate process (<c>dotnet Mcp.Dashboard.dll</c> from the test's
/// build output) over a database and keys folder of its own, headless: no demo data, a
/// bootstrap admin and its API token. <see cref="Kill"/> is a SIGKILL, so nothing in the
/// process gets to clean up; <see cref="StartAsync"/> brings it back on the same files.
/// </summary>
public sealed class DashboardProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mcp-dashboard-crash-");
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public string BootstrapToken { get; } = "mcp_bootstrap_" + Guid.NewGuid().ToString("N");

    public string DatabasePath => Path.Combine(_folder.FullName, "dashboard.db");

    /// <summary>Where the current process listens; a new free port after every start.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>How long each start took, launch to ready.</summary>
    public List<TimeSpan> StartTimes { get; } = [];

    /// <summary>How many times the process was started.</summary>
    public int Starts => StartTimes.Count;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the process and waits until <c>/readyz</c> says the database and scheduler are up.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The dashboard is already running.");
        }

        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var dll = Path.Combine(AppContext.BaseDirectory, "Mcp.Dashboard.dll");
        var start = new ProcessStartInfo(DotnetHost(), [dll])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = start.Environment;
        environment["ASPNETCORE_URLS"] = BaseAddress.ToString();
        environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        environment["DOTNET_ENVIRONMENT"] = "Testing";
        environment["ConnectionStrings__Default"] = $"Data Source={DatabasePath}";
        environment["DataProtection__KeysDirectory"] = Path.Combine(_folder.FullName, "keys");
        environment["Dashboard__DemoMode"] = "false";
        environment["Bootstrap__AdminEmail"] = "root@example.com";
        environment["Bootstrap__ApiToken"] = BootstrapToken;
        environment["Logging__Console__FormatterName"] = "simple";

        var launched = Stopwatch.StartNew();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Remember($"--- start {Starts + 1} on {BaseAddress} (pid {process.Id}) ---");

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTimeOffset.UtcNow + ReadyTimeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                Assert.Fail($"The dashboard exited with code {process.ExitCode} while starting.\n{Output()}");
            }

            try
            {
                using var ready = await probe.GetAsync("/readyz", cancellationToken);
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    StartTimes.Add(launched.Elapsed);
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A slow first answer on a busy machine.
            }

            await Task.Delay(100, cancellationToken);
        }

        Assert.Fail($"The dashboard was not ready within {ReadyTimeout.TotalSeconds:0} s.\n{Output()}");
    }

    /// <summary>
    /// SIGKILL (Process.Kill on Unix), the whole process tree, and waits until it is gone: no
    /// shutdown hooks, no Quartz "wait for jobs", no flush, as with <c>kill -9</c>.
    /// </summary>
    public void Kill()
    {
        if (_process is not { } process)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        Remember($"--- killed pid {process.Id} ---");
        process.Dispose();
        _process = null;
    }

    /// <summary>A client on the current process, authenticated with the bootstrap admin's token.</summary>
    public HttpClient AdminClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BootstrapToken);
        return client;
    }

    /// <summary>What the process wrote (every run, the last lines), for failure messages.</summary>
    public string Output() => string.Join('\n', _output.TakeLast(200));

    public ValueTask DisposeAsync()
    {
        Kill();
        if (Environment.GetEnvironmentVariable("MCP_KEEP_TEST_DATA") is not { Length: > 0 })
        {
            try
            {
                _folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS temp cleaner.
            }
        }

        return ValueTask.CompletedTask;
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 2000 && _output.TryDequeue(out _))
        {
        }
    }

    // The port is free when asked; the process binds it a moment later. Good enough on loopback.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // `dotnet test` tells its children where the host is; otherwise the one on PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
