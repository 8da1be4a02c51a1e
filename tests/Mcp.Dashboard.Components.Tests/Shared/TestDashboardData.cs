using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Audit;
using Mcp.Dashboard.Compatibility;
using Mcp.Dashboard.Data;
using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Inventory;
using Mcp.Dashboard.Live;
using Mcp.Dashboard.Plans;
using Mcp.Dashboard.Rollouts;
using Mcp.Dashboard.Schedule;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mcp.Dashboard.Components.Tests.Shared;

/// <summary>
/// The real plan services over a real SQLite file in a temp folder, so components are tested
/// against the same rules, concurrency checks and change feed as the app.
/// </summary>
public sealed class TestDashboardData : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mcp-bunit-" + Guid.NewGuid().ToString("N"));

    public TestDashboardData(IServiceCollection services)
    {
        Directory.CreateDirectory(_folder);
        ConnectionString = $"Data Source={Path.Combine(_folder, "dashboard.db")}";
        services.AddDbContextFactory<DashboardDbContext>(options => options.UseSqlite(ConnectionString));
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddDataProtection().SetApplicationName("Mcp.Dashboard.Tests");
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditReader>();
        services.AddSingleton<ApiTokenService>();
        services.AddSingleton<ChangeFeed>();
        services.AddSingleton<PlanService>();
        services.AddSingleton<InventoryService>();
        services.AddSingleton<CompatibilityService>();
        services.AddSingleton<ScheduleService>();
        services.AddSingleton<IPlanWindowFacts>(provider => provider.GetRequiredService<ScheduleService>());
        services.AddSingleton<PlanReadinessService>();
        services.AddSingleton<ILiveVerdicts, TestLiveVerdicts>();
        services.AddSingleton<RolloutQueries>();
        services.AddSingleton<Mcp.Dashboard.Status.StatusNoteService>();
    }

    public string ConnectionString { get; }

    /// <summary>
    /// Applies the migrations through a context of its own: asking the test's service provider
    /// would lock it against registrations the test still makes.
    /// </summary>
    public void Migrate()
    {
        using var db = new DashboardDbContext(new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite(ConnectionString).Options);
        db.Database.Migrate();
    }

    /// <summary>Applies the migrations and adds a production environment with a few services.</summary>
    public static async Task SeedAsync(IServiceProvider services)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        await services.GetRequiredService<InventoryService>().CreateAsync(TestActors.Admin, "production", null,
        [
            new PlatformService { Name = "gateway", Tier = NodeTier.Edge, Version = "2.3.0" },
            new PlatformService { Name = "config-service", Tier = NodeTier.Management, Version = "2.3.0" },
            new PlatformService { Name = "user-service", Tier = NodeTier.Core, Version = "2.3.0", DependsOn = ["config-service"] },
        ]);
    }

    public void Dispose()
    {
        // SQLite keeps pooled connections open on the file; release them before deleting.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
