using System.Net;
using Mcp.Dashboard.Api;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Mcp.Dashboard.Tests.Api;

/// <summary>
/// The procedure in docs/operations.md: an online backup with VACUUM INTO while the dashboard
/// serves requests, then a fresh instance started on the copy (with the keys folder) has
/// everything, including the webhook secret it can still decrypt.
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task OnlineBackup_RestoredIntoNewInstance_HasThePlansAuditAndSecrets()
    {
        var ct = TestContext.Current.CancellationToken;
        var restoreFolder = Directory.CreateTempSubdirectory("mcp-restore-");
        Guid planId;
        await using (var live = new DashboardHost())
        {
            await live.InitializeAsync();
            using var manager = live.ClientFor(DemoAccounts.ReleaseManager);
            var body = PlanBodies.Canary("Survives a restore") with { Target = new() { Kind = Domain.Plans.TargetKind.Webhook, Url = "https://hooks.example.com/x", Secret = "restore-me" } };
            planId = (await (await manager.PostJson("/api/v1/plans", body)).Read<PlanResponse>()).Id;

            // Writers keep writing while the backup runs.
            var writes = Task.Run(async () =>
            {
                for (var i = 0; i < 20; i++)
                {
                    await manager.PostJson("/api/v1/plans", PlanBodies.Canary($"Concurrent {i}"));
                }
            }, ct);
            await using (var connection = new SqliteConnection($"Data Source={live.DatabasePath}"))
            {
                await connection.OpenAsync(ct);
                await using var command = connection.CreateCommand();
                command.CommandText = "VACUUM INTO $target";
                command.Parameters.AddWithValue("$target", Path.Combine(restoreFolder.FullName, "dashboard.db"));
                await command.ExecuteNonQueryAsync(ct);
            }

            await writes;
            CopyFolder(live.KeysPath, Path.Combine(restoreFolder.FullName, "keys"));
        }

        await using var restored = DashboardHost.Over(restoreFolder);
        await restored.InitializeAsync();
        using var admin = restored.AdminClient();
        var plan = await (await admin.GetAsync($"/api/v1/plans/{planId}", ct)).Read<PlanResponse>();
        Assert.Equal("Survives a restore", plan.Name);
        Assert.True(plan.Target.SecretSet);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/audit?planId={planId}", ct)).StatusCode);
        Assert.NotEmpty((await (await admin.GetAsync($"/api/v1/audit?planId={planId}", ct)).ReadJson()).EnumerateArray());

        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(restored.Services);
        var plans = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Plans.PlanService>(scope.ServiceProvider);
        Assert.Equal("restore-me", plans.UnprotectSecret(await plans.GetAsync(planId, ct)));
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
