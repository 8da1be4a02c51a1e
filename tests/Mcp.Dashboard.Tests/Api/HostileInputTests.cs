using System.Net;
using System.Text;
using Mcp.Dashboard.Api;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Tests.Infrastructure;

namespace Mcp.Dashboard.Tests.Api;

/// <summary>Malformed, oversized and hostile bodies get a 4xx problem and change nothing.</summary>
public sealed class HostileInputTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Bodies() => new()
    {
        { "not json", "{ this is not json" },
        { "wrong type", """{ "name": 42, "environment": "production" }""" },
        { "null for a required field", """{ "name": null, "environment": "production", "services": ["user-service"], "fromVersion": "1", "toVersion": "2" }""" },
        { "unknown enum", """{ "name": "x", "environment": "production", "services": ["user-service"], "fromVersion": "1", "toVersion": "2", "strategy": "YOLO" }""" },
        { "empty object", "{}" },
        { "array instead of object", "[1,2,3]" },
        { "deep nesting", new string('[', 5000) + new string(']', 5000) },
        { "markup and control characters", "{ \"name\": \"<script>alert(1)</script>\\u0000\", \"environment\": \"../../etc\", \"services\": [\"user-service\"], \"fromVersion\": \"1\", \"toVersion\": \"2\" }" },
        { "negative canary weight", """{ "name": "x", "environment": "production", "services": ["user-service"], "fromVersion": "1", "toVersion": "2", "canary": { "steps": [ { "weight": -5, "bakeSeconds": 10 } ] } }""" },
        { "huge number", """{ "name": "x", "environment": "production", "services": ["user-service"], "fromVersion": "1", "toVersion": "2", "rolling": { "batchSize": 99999999999999999999 } }""" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task CreatePlan_WithBadBody_Is400ProblemAndStoresNothing(string label, string body)
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var countBefore = (await (await manager.GetAsync("/api/v1/plans", Ct)).ReadJson()).GetArrayLength();

        var response = await manager.PostAsync("/api/v1/plans", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{label}: got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.Equal(countBefore, (await (await manager.GetAsync("/api/v1/plans", Ct)).ReadJson()).GetArrayLength());
    }

    [Fact]
    public async Task CreatePlan_OversizedBody_Is413Problem()
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var huge = "{\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";

        var response = await manager.PostAsync("/api/v1/plans", new StringContent(huge, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task CreatePlan_WrongContentType_Is415()
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var response = await manager.PostAsync("/api/v1/plans", new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded"), Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Validation_NamesEveryBadField()
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var body = PlanBodies.Canary() with { Name = "", Services = [], Canary = new() { Steps = [new(10, 10), new(5, 10)] } };

        var problem = await (await manager.PostJson("/api/v1/plans", body)).ReadJson();

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("services", out _));
        Assert.True(errors.TryGetProperty("canary.steps[1].weight", out _));
    }

    [Fact]
    public async Task MalformedIfMatch_Is400_AndPlanUnchanged()
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var plan = await (await manager.PostJson("/api/v1/plans", PlanBodies.Canary("If-Match target"))).Read<PlanResponse>();
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/plans/{plan.Id}")
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(PlanBodies.Canary("Changed"), ApiJson.Options), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"not-a-number\"");

        var response = await manager.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("If-Match target", (await (await manager.GetAsync($"/api/v1/plans/{plan.Id}", Ct)).Read<PlanResponse>()).Name);
    }

    [Fact]
    public async Task UnknownPlan_Is404Problem()
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var response = await manager.GetAsync($"/api/v1/plans/{Guid.NewGuid()}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
