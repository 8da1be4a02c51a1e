using System.Net;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Tests.Infrastructure;

namespace Mcp.Dashboard.Tests.Api;

/// <summary>Demo users have a published password: they only live while demo mode is on.</summary>
public sealed class DemoModeTests
{
    [Fact]
    public async Task DemoModeTurnedOff_DemoUsersAreLockedAndTheirTokensRevoked()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("mcp-demo-off-");
        string engineerToken;
        await using (var demo = DashboardHost.Over(folder))
        {
            await demo.InitializeAsync();
            using var engineer = demo.ClientFor(DemoAccounts.Engineer);
            engineerToken = engineer.DefaultRequestHeaders.Authorization!.Parameter!;
            Assert.Equal(HttpStatusCode.OK, (await engineer.GetAsync("/api/v1/plans", ct)).StatusCode);
        }

        await using var production = DashboardHost.Over(folder, demoMode: false);
        await production.InitializeAsync();
        using var client = production.ClientFor(null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", engineerToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/plans", ct)).StatusCode);

        using var session = new HttpClient { BaseAddress = production.BaseAddress };
        Assert.DoesNotContain(DemoAccounts.Engineer.Email, await session.GetStringAsync("/signin", ct), StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => BrowserlessSession.SignInAsync(production, DemoAccounts.Engineer.Email, ct));
    }

    [Fact]
    public async Task BootstrapToken_ChangedInConfiguration_TheOldOneStopsWorking()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("mcp-rotate-");
        var first = "mcp_first_" + Guid.NewGuid().ToString("N");
        var second = "mcp_second_" + Guid.NewGuid().ToString("N");
        await using (var before = DashboardHost.Over(folder, bootstrapToken: first))
        {
            await before.InitializeAsync();
            Assert.Equal(HttpStatusCode.OK, (await before.AdminClient().GetAsync("/api/v1/plans", ct)).StatusCode);
        }

        await using var after = DashboardHost.Over(folder, bootstrapToken: second);
        await after.InitializeAsync();
        using var old = after.ClientFor(null);
        old.DefaultRequestHeaders.Authorization = new("Bearer", first);

        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/v1/plans", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await after.AdminClient().GetAsync("/api/v1/plans", ct)).StatusCode);
    }

    [Fact]
    public async Task DemoModeInProduction_RefusesToStart_NamingTheSetting()
    {
        await using var host = new DashboardHost { EnvironmentName = "Production" };

        var failure = await Assert.ThrowsAnyAsync<Exception>(async () => await host.InitializeAsync());

        Assert.Contains("Dashboard:DemoMode", failure.ToString(), StringComparison.Ordinal);
    }
}
