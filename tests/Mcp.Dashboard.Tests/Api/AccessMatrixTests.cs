using System.Net;
using Mcp.Dashboard.Api;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Tests.Infrastructure;

namespace Mcp.Dashboard.Tests.Api;

/// <summary>
/// Every mutating endpoint refuses anonymous callers with 401 and the wrong roles with 403,
/// and a refused call changes nothing.
/// </summary>
public sealed class AccessMatrixTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> Matrix()
    {
        // endpoint key, caller, expected: "401", "403" or "ok"
        var data = new TheoryData<string, string, string>();
        string[] authorsOnly = ["plan.create", "plan.update", "plan.delete", "plan.submit", "plan.cancel", "environment.create", "environment.update"];
        foreach (var endpoint in authorsOnly)
        {
            data.Add(endpoint, "anonymous", "401");
            data.Add(endpoint, "stakeholder", "403");
            data.Add(endpoint, "engineer", "403");
        }

        foreach (var endpoint in new[] { "checklist.complete", "checklist.reopen" })
        {
            data.Add(endpoint, "anonymous", "401");
            data.Add(endpoint, "stakeholder", "403");
            data.Add(endpoint, "engineer", "ok");
        }

        data.Add("plan.approve", "anonymous", "401");
        data.Add("plan.approve", "stakeholder", "403");
        data.Add("plan.approve", "engineer", "403");
        data.Add("plan.approve", "author", "403");
        data.Add("token.create", "anonymous", "401");
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task MutatingEndpoint_ByCaller_AnswersAsRolesRequire(string endpoint, string caller, string expected)
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var plan = await (await manager.PostJson("/api/v1/plans", PlanBodies.Canary($"Matrix {endpoint} {caller}"))).Read<PlanResponse>();
        await manager.PostJson($"/api/v1/plans/{plan.Id}/submit", new { });
        var itemId = plan.Stages[0].Checklist[0].Id;
        var before = await (await manager.GetAsync($"/api/v1/plans/{plan.Id}", Ct)).Content.ReadAsStringAsync(Ct);

        using var client = caller switch
        {
            "anonymous" => host.ClientFor(null),
            "stakeholder" => host.ClientFor(DemoAccounts.Stakeholder),
            "engineer" => host.ClientFor(DemoAccounts.Engineer),
            "author" => host.ClientFor(DemoAccounts.ReleaseManager),
            _ => throw new ArgumentOutOfRangeException(nameof(caller)),
        };

        var response = endpoint switch
        {
            "plan.create" => await client.PostJson("/api/v1/plans", PlanBodies.Canary("Should not exist")),
            "plan.update" => await client.PutJson($"/api/v1/plans/{plan.Id}", PlanBodies.Canary("Hijacked")),
            "plan.delete" => await client.DeleteAsync($"/api/v1/plans/{plan.Id}", Ct),
            "plan.submit" => await client.PostJson($"/api/v1/plans/{plan.Id}/submit", new { }),
            "plan.cancel" => await client.PostJson($"/api/v1/plans/{plan.Id}/cancel", new { reason = "no" }),
            "plan.approve" => await client.PostJson($"/api/v1/plans/{plan.Id}/approve", new { }),
            "checklist.complete" => await client.PostJson($"/api/v1/plans/{plan.Id}/checklist/{itemId}/complete", new { }),
            "checklist.reopen" => await client.PostJson($"/api/v1/plans/{plan.Id}/checklist/{itemId}/reopen", new { }),
            "environment.create" => await client.PostJson("/api/v1/environments", new { name = $"env-{Guid.NewGuid():N}"[..20], services = Array.Empty<object>() }),
            "environment.update" => await client.PutJson("/api/v1/environments/staging", new { name = "staging", services = Array.Empty<object>() }),
            "token.create" => await client.PostJson("/api/v1/tokens", new { name = "x" }),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
        };

        switch (expected)
        {
            case "401":
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                break;
            case "403":
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                break;
            default:
                Assert.True(response.IsSuccessStatusCode, $"{endpoint} by {caller}: {(int)response.StatusCode}");
                return;
        }

        var after = await (await manager.GetAsync($"/api/v1/plans/{plan.Id}", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task RevokedToken_Is401()
    {
        using var admin = host.AdminClient();
        var created = await (await admin.PostJson("/api/v1/tokens", new { name = "short-lived" })).ReadJson();
        var token = created.GetProperty("token").GetString()!;
        var id = created.GetProperty("summary").GetProperty("id").GetString();
        using var client = host.ClientFor(null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/plans", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/tokens/{id}", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/plans", Ct)).StatusCode);
    }

    [Fact]
    public async Task ReadEndpoints_AreOpenToStakeholders_ButNotAnonymous()
    {
        using var stakeholder = host.ClientFor(DemoAccounts.Stakeholder);
        using var anonymous = host.ClientFor(null);
        foreach (var url in new[] { "/api/v1/plans", "/api/v1/environments", "/api/v1/audit" })
        {
            Assert.Equal(HttpStatusCode.OK, (await stakeholder.GetAsync(url, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url, Ct)).StatusCode);
        }
    }
}
