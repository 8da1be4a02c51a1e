using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Mcp.Dashboard.Hosting;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mcp.Dashboard.Benchmarks.Infrastructure;

/// <summary>
/// The real dashboard on Kestrel at 127.0.0.1:0, in this process, over a fresh SQLite file,
/// Production environment, demo mode off (no demo rollout eating CPU), logging at Warning, and
/// the bootstrap admin's API token for every call. Timings on both sides read one Stopwatch clock.
/// </summary>
public sealed class BenchHost : WebApplicationFactory<Program>
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mcp-dashboard-bench-");

    public const string AdminEmail = "bench@example.com";
    public const string AdminPassword = "Bench-pass-2026";

    public string Token { get; } = "mcp_bench_" + Guid.NewGuid().ToString("N");

    /// <summary>The Blazor circuits the host holds and how many have a live connection (the browser benchmarks check these).</summary>
    public CircuitCounter Circuits => Services.GetRequiredService<CircuitCounter>();

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Settings the benchmark changes on top of the app's defaults (e.g. a Quartz option under test).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public static JsonSerializerOptions Json { get; } = CreateJson();

    public static async Task<BenchHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        // Under `dotnet run` the working directory is the repository, where the factory's own
        // content-root lookup lands on a folder that does not exist; point it at the web project.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MCP_DASHBOARD", Path.Combine(Machine.RepositoryRoot(), "src", "Mcp.Dashboard"));
        var host = new BenchHost { Settings = settings ?? new Dictionary<string, string?>() };
        host.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        host.StartServer();
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        host.BaseAddress = new Uri(addresses.Addresses.First());
        using var client = host.Client();
        (await client.GetAsync("/readyz")).EnsureSuccessStatusCode();
        return host;
    }

    /// <summary>A client with its own connection pool, signed in with the admin API token.</summary>
    public HttpClient Client()
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");

        // Outside Development the host does not read the build's static web assets manifest;
        // the browser benchmarks run from the build output and need blazor.web.js and MudBlazor's files.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_folder.FullName, "dashboard.db")}");
        builder.UseSetting("DataProtection:KeysDirectory", Path.Combine(_folder.FullName, "keys"));
        builder.UseSetting("Dashboard:DemoMode", "false");
        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Bootstrap:ApiToken", Token);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<CircuitCounter>();
            services.AddScoped<CircuitHandler, CountingCircuitHandler>();
        });
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS temp cleaner.
        }
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        DashboardServices.ConfigureJson(options);
        options.RespectNullableAnnotations = false;
        return options;
    }
}

/// <summary>JSON the way the API speaks it.</summary>
public static class BenchJson
{
    public static Task<HttpResponseMessage> PostJson<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, BenchHost.Json);

    public static async Task<T> Read<T>(this HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<T>(BenchHost.Json))!;
    }
}
