using Mcp.Dashboard.Api;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Tests.Infrastructure;

namespace Mcp.Dashboard.Tests.Api;

/// <summary>Whatever people type is encoded on every page that shows it.</summary>
public sealed class EncodingTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private const string Hostile = "<script>alert('xss')</script><img src=x onerror=alert(1)>";

    [Fact]
    public async Task PlanWithMarkupInEveryField_IsEncodedOnEveryPage()
    {
        var ct = TestContext.Current.CancellationToken;
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var body = PlanBodies.Canary(Hostile) with
        {
            Description = Hostile,
            Stages = [new StageDefinition { Name = Hostile, Checklist = [new() { Title = Hostile, Required = true, Owner = "sam.okafor@example.com" }] }],
            Team = [new() { Name = Hostile, Email = "mei.chen@example.com", Role = TeamRole.Approver }],
            Rollback = new() { Steps = [new() { Title = Hostile }], Triggers = [new() { Metric = "error_rate", Threshold = 0.02, Description = Hostile }] },
            ConfigChange = new() { OldYaml = "a: 1\n", NewYaml = "a: \"" + Hostile.Replace("\"", "'", StringComparison.Ordinal) + "\"\n" },
        };
        var plan = await (await manager.PostJson("/api/v1/plans", body)).Read<PlanResponse>();
        await manager.PostJson($"/api/v1/plans/{plan.Id}/submit", new { note = Hostile });

        using var session = await BrowserlessSession.SignInAsync(host, DemoAccounts.Approver.Email, ct);
        foreach (var page in new[] { "/", "/plans", $"/plans/{plan.Id}", $"/audit?planId={plan.Id}", "/calendar", "/compatibility" })
        {
            var html = await session.GetPageAsync(page, ct);
            Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        }

        var details = await session.GetPageAsync($"/plans/{plan.Id}", ct);
        Assert.Contains("&lt;script&gt;alert", details, StringComparison.Ordinal);
    }
}
