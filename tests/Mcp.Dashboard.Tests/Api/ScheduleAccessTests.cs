using System.Net;
using Mcp.Dashboard.Api;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Tests.Infrastructure;

namespace Mcp.Dashboard.Tests.Api;

/// <summary>The 401/403 matrix for the schedule, rules, evidence and token endpoints.</summary>
public sealed class ScheduleAccessTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Endpoints() => new()
    {
        { "window.book", "POST" },
        { "window.cancel", "DELETE" },
        { "blackout.create", "POST" },
        { "blackout.delete", "DELETE" },
        { "rule.create", "POST" },
        { "rule.update", "PUT" },
        { "rule.delete", "DELETE" },
        { "evidence.record", "POST" },
        { "plan.request-changes", "POST" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_AnonymousIs401_StakeholderIs403(string endpoint, string method)
    {
        var (url, body) = await TargetAsync(endpoint);
        using var anonymous = host.ClientFor(null);
        using var stakeholder = host.ClientFor(DemoAccounts.Stakeholder);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(anonymous, method, url, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(stakeholder, method, url, body)).StatusCode);
        if (endpoint != "evidence.record")
        {
            using var engineer = host.ClientFor(DemoAccounts.Engineer);
            Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(engineer, method, url, body)).StatusCode);
        }
    }

    [Fact]
    public async Task Evidence_ByEngineer_IsRecordedAndAudited()
    {
        var (url, body) = await TargetAsync("evidence.record");
        using var engineer = host.ClientFor(DemoAccounts.Engineer);

        var plan = await (await engineer.PostJson(url, body)).Read<PlanResponse>();

        var backup = plan.DataMigrations.Single().Backup!;
        Assert.True(backup.Verified);
        Assert.Equal(DemoAccounts.Engineer.Email, backup.VerifiedBy);
        var audit = await (await engineer.GetAsync($"/api/v1/audit?planId={plan.Id}&action=data-migration", Ct)).ReadJson();
        Assert.Equal(1, audit.GetArrayLength());
    }

    private async Task<(string Url, object Body)> TargetAsync(string endpoint)
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var definition = PlanBodies.Canary($"Access {endpoint}") with
        {
            Services = ["edge-cache"],
            DataMigrations = [new() { Kind = Domain.Plans.DataMigrationKind.Backup, Title = "Backup", IsGate = true }],
        };
        var plan = await (await manager.PostJson("/api/v1/plans", definition)).Read<PlanResponse>();
        switch (endpoint)
        {
            case "window.book":
                return ($"/api/v1/plans/{plan.Id}/windows", new { start = "2027-08-01T18:00:00Z", end = "2027-08-01T19:00:00Z" });
            case "window.cancel":
                var window = await (await manager.PostJson($"/api/v1/plans/{plan.Id}/windows", new { start = "2027-08-08T18:00:00Z", end = "2027-08-08T19:00:00Z" })).ReadJson();
                return ($"/api/v1/plans/{plan.Id}/windows/{window.GetProperty("id").GetString()}", new { });
            case "blackout.create":
                return ("/api/v1/blackouts", new { name = "x", start = "2027-01-01T00:00:00Z", end = "2027-01-02T00:00:00Z" });
            case "blackout.delete":
                var blackout = await (await manager.PostJson("/api/v1/blackouts", new { name = "Delete me", start = "2027-09-01T00:00:00Z", end = "2027-09-02T00:00:00Z" })).ReadJson();
                return ($"/api/v1/blackouts/{blackout.GetProperty("id").GetString()}", new { });
            case "rule.create":
                return ("/api/v1/compatibility/rules", new { kind = "Blocked", from = "9.x", to = "10.x", reason = "no" });
            case "rule.update" or "rule.delete":
                var rule = await (await manager.PostJson("/api/v1/compatibility/rules", new { kind = "Blocked", from = "8.x", to = "9.x", reason = "no" })).ReadJson();
                return ($"/api/v1/compatibility/rules/{rule.GetProperty("id").GetString()}", new { kind = "Blocked", from = "8.x", to = "9.x", reason = "still no" });
            case "evidence.record":
                var task = plan.DataMigrations.Single();
                return ($"/api/v1/plans/{plan.Id}/data-migrations/{task.Id}/evidence", new { backup = new { location = "s3://b/1", checksum = "sha256:ab", verified = true } });
            case "plan.request-changes":
                await manager.PostJson($"/api/v1/plans/{plan.Id}/submit", new { });
                return ($"/api/v1/plans/{plan.Id}/request-changes", new { reason = "no" });
            default:
                throw new ArgumentOutOfRangeException(nameof(endpoint));
        }
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, object body) => method switch
    {
        "POST" => client.PostJson(url, body),
        "PUT" => client.PutJson(url, body),
        _ => client.DeleteAsync(url, Ct),
    };
}
