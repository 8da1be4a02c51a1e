using System.Net.Http.Headers;
using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mcp.Dashboard.Tests.Infrastructure;

/// <summary>
/// The real dashboard on Kestrel at 127.0.0.1 with a fresh SQLite file, demo data, and an API
/// token per demo role. One per test class: tests in a class share it, so they create their
/// own plans rather than relying on each other's.
/// </summary>
public class DashboardHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly DirectoryInfo _folder;

    public DashboardHost()
        : this(Directory.CreateTempSubdirectory("mcp-dashboard-tests-"))
    {
    }

    private DashboardHost(DirectoryInfo folder) => _folder = folder;

    /// <summary>A host over an existing folder (database and keys), e.g. a restored backup.</summary>
    public static DashboardHost Over(DirectoryInfo folder, bool demoMode = true, string? bootstrapToken = null) =>
        bootstrapToken is null ? new(folder) { DemoMode = demoMode } : new(folder) { DemoMode = demoMode, BootstrapToken = bootstrapToken };
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public const string BootstrapAdminEmail = "root@example.com";

    public string BootstrapToken { get; init; } = "mcp_bootstrap_" + Guid.NewGuid().ToString("N");

    public string DatabasePath => Path.Combine(_folder.FullName, "dashboard.db");

    public string KeysPath => Path.Combine(_folder.FullName, "keys");

    public Uri BaseAddress { get; private set; } = null!;

    public string DemoPassword => "Demo-pass-2026";

    /// <summary>Demo data and demo users; on unless a test says otherwise.</summary>
    public bool DemoMode { get; init; } = true;

    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>Extra configuration for one test class, e.g. shorter webhook retries.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Replacements for the app's services (fakes named <c>Test*</c>), applied after the app's own registrations.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);

        // Outside Development the host does not read the build's static web assets manifest;
        // the tests run from the build output, so MudBlazor's and our CSS need it.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");
        builder.UseSetting("DataProtection:KeysDirectory", KeysPath);
        builder.UseSetting("Dashboard:DemoMode", DemoMode ? "true" : "false");
        builder.UseSetting("Dashboard:DemoPassword", DemoPassword);
        builder.UseSetting("Dashboard:DemoHistory", "false");
        builder.UseSetting("Bootstrap:AdminEmail", BootstrapAdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", "Root-pass-2026");
        builder.UseSetting("Bootstrap:ApiToken", BootstrapToken);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            TestServices?.Invoke(services);
        });
    }

    public async ValueTask InitializeAsync()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First());

        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var tokens = Services.GetRequiredService<ApiTokenService>();
        foreach (var account in DemoAccounts.All)
        {
            var user = await users.FindByEmailAsync(account.Email);
            if (user is null)
            {
                continue;
            }

            var actor = new Domain.Access.Actor(user.Id, account.Email, account.DisplayName, new HashSet<string> { account.Role });
            _tokens[account.Email] = (await tokens.CreateAsync(actor, "tests", null)).Token;
        }
    }

    /// <summary>A client on the real server, authenticated as the given demo user (or anonymous).</summary>
    public HttpClient ClientFor(DemoAccount? account)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (account is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[account.Email]);
        }

        return client;
    }

    /// <summary>The API token of a demo user, for clients that are not HttpClients (SignalR).</summary>
    public string TokenFor(DemoAccount account) => _tokens[account.Email];

    public HttpClient AdminClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BootstrapToken);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("MCP_KEEP_TEST_DATA") is { Length: > 0 })
        {
            return;
        }

        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS temp cleaner.
        }
    }
}
