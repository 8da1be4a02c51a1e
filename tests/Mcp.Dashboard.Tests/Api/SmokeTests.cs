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
}
