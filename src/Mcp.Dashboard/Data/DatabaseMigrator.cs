using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Demo;
using Microsoft.EntityFrameworkCore;

namespace Mcp.Dashboard.Data;

/// <summary>
/// Brings the database to the latest migration before anything else uses it, then provisions
/// the bootstrap admin and (in demo mode) the demo data. It runs as the first hosted service,
/// so Quartz, which starts after it, always finds its tables.
/// </summary>
public sealed class DatabaseMigrator(
    IDbContextFactory<DashboardDbContext> contexts,
    IServiceScopeFactory scopes,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            }

            await DatabaseProvider.PrepareAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }

        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentityBootstrapper>().RunAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEnabledAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
