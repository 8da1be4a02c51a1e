using System.Net;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Tests.Infrastructure;

namespace Mcp.Dashboard.Tests.Api;

public sealed class CompatibilityApiTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Check_SkippingTheRequired24_IsIncompatibleAndSuggestsAPath()
    {
        using var client = host.ClientFor(DemoAccounts.Engineer);

        var result = await (await client.GetAsync("/api/v1/compatibility/check?from=2.3.0&to=2.5.0", Ct)).ReadJson();

        Assert.False(result.GetProperty("isCompatible").GetBoolean());
        Assert.Equal(["2.3.0", "2.4.2", "2.5.0"], result.GetProperty("suggestedPath").EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    [Fact]
    public async Task Rule_CreateUpdateDelete_WithStaleETagRefused()
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var created = await manager.PostJson("/api/v1/compatibility/rules", new { kind = "Blocked", from = "3.0.x", to = "3.2.x", reason = "3.1 carries the config migration" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJson()).GetProperty("id").GetString();

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/compatibility/rules/{id}")
        {
            Content = new StringContent("""{ "kind": "Blocked", "from": "3.0.x", "to": "3.3.x", "reason": "changed" }""", System.Text.Encoding.UTF8, "application/json"),
        };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"7\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await manager.SendAsync(stale, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/compatibility/rules/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Rule_Nonsense_Is400NamingTheField()
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var response = await manager.PostJson("/api/v1/compatibility/rules", new { kind = "RequiresIntermediate", from = "two point three", to = "2.5.x" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJson()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("from", out _));
        Assert.True(errors.TryGetProperty("via", out _));
    }

    [Fact]
    public async Task Readiness_OfTheDemoOrderMigration_FailsCompatibilityWithTheRuleReason()
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var plans = await (await manager.GetAsync("/api/v1/plans", Ct)).ReadJson();
        var id = plans.EnumerateArray().First(p => p.GetProperty("name").GetString()!.StartsWith("Order service", StringComparison.Ordinal)).GetProperty("id").GetString();

        var readiness = await (await manager.GetAsync($"/api/v1/plans/{id}/readiness", Ct)).ReadJson();

        var gate = readiness.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("key").GetString() == "compatibility");
        Assert.Equal("Unmet", gate.GetProperty("status").GetString());
        Assert.Contains("2.4.x", gate.GetProperty("detail").GetString());
    }
}
