using System.Net;
using Mcp.Dashboard.Tests.Infrastructure;

namespace Mcp.Dashboard.Tests.Api;

public sealed class SmokeTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    [Fact]
    public async Task Host_StartsOnTestDatabase_ServesHealthAndDemoPlans()
    {
        Assert.True(File.Exists(host.DatabasePath), "the test database file should have been created");
        using var anonymous = host.ClientFor(null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/readyz", TestContext.Current.CancellationToken)).StatusCode);

        using var admin = host.AdminClient();
        var plans = await (await admin.GetAsync("/api/v1/plans", TestContext.Current.CancellationToken)).ReadJson();
        Assert.True(plans.GetArrayLength() >= 5);
    }

    [Fact]
    public async Task Database_IsInWalMode_WithQuartzAndAuditGuardsInstalled()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={host.DatabasePath}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));

        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name IN ('QRTZ_TRIGGERS', 'QRTZ_JOB_DETAILS', 'AuditEntries_NoUpdate', 'AuditEntries_NoDelete')";
        Assert.Equal(4L, (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);

        command.CommandText = "DELETE FROM AuditEntries";
        var refused = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
    }
}
