using System.Net;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Tests.Infrastructure;

namespace Mcp.Dashboard.Tests.Status;

/// <summary>Coordinator notes: who may write them, what is refused, and the audit trail.</summary>
public sealed class StatusNotesTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private readonly RolloutLab _lab = new(host);

    [Fact]
    public async Task TheBusinessCoordinator_MayWrite_AnEngineerOffTheTeamMayNot_AndItIsAudited()
    {
        var definition = RolloutLab.Canary("Coordinated upgrade", false, (10, 600)) with
        {
            Team =
            [
                new TeamMember { Name = "Mei Chen", Email = DemoAccounts.Approver.Email, Role = TeamRole.Approver },
                new TeamMember { Name = "Bo Zhang", Email = DemoAccounts.Stakeholder.Email, Role = TeamRole.BusinessCoordinator },
            ],
        };
        var planId = await _lab.ReadyPlanAsync(definition, opensIn: TimeSpan.FromHours(50));
        using var coordinator = host.ClientFor(DemoAccounts.Stakeholder);
        using var engineer = host.ClientFor(DemoAccounts.Engineer);
        using var anonymous = host.ClientFor(null);

        var written = await coordinator.PostJson($"/api/v1/plans/{planId}/status-notes", new { text = "  Support is briefed.  " });
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        Assert.Equal("Support is briefed.", (await written.ReadJson()).GetProperty("text").GetString());

        var refused = await engineer.PostJson($"/api/v1/plans/{planId}/status-notes", new { text = "Not mine to say" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJson($"/api/v1/plans/{planId}/status-notes", new { text = "x" })).StatusCode);

        var audit = await (await host.ClientFor(DemoAccounts.Admin).GetAsync($"/api/v1/audit?planId={planId}", TestContext.Current.CancellationToken)).ReadJson();
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "status-note.added" && e.GetProperty("actor").GetString() == DemoAccounts.Stakeholder.Email);

        var list = await (await engineer.GetAsync($"/api/v1/plans/{planId}/status-notes", TestContext.Current.CancellationToken)).ReadJson();
        var note = Assert.Single(list.EnumerateArray());
        var noteId = note.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.DeleteAsync($"/api/v1/plans/{planId}/status-notes/{noteId}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync($"/api/v1/plans/{planId}/status-notes/{noteId}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task EmptyTooLongAndUnknown_AreProblems_NeverErrors()
    {
        var planId = await _lab.ReadyPlanAsync(RolloutLab.Canary("Note limits", false, (10, 600)), opensIn: TimeSpan.FromHours(60));
        using var author = host.ClientFor(DemoAccounts.ReleaseManager);

        Assert.Equal(HttpStatusCode.BadRequest, (await author.PostJson($"/api/v1/plans/{planId}/status-notes", new { text = "   " })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await author.PostJson($"/api/v1/plans/{planId}/status-notes", new { text = new string('x', 1001) })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await author.PostJson($"/api/v1/plans/{planId}/status-notes", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await author.PostJson($"/api/v1/plans/{Guid.NewGuid()}/status-notes", new { text = "hello" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync($"/api/v1/plans/{Guid.NewGuid()}/status-notes", TestContext.Current.CancellationToken)).StatusCode);
    }
}

/// <summary>Private mode: Status:Public = false puts the page and every feed behind sign-in.</summary>
public sealed class PrivateStatusTests(PrivateStatusTests.PrivateHost host) : IClassFixture<PrivateStatusTests.PrivateHost>
{
    public sealed class PrivateHost : DashboardHost
    {
        public PrivateHost() => Settings = new Dictionary<string, string> { ["Status:Public"] = "false" };
    }

    [Fact]
    public async Task Anonymous_BrowsersAreSentToSignIn_FeedReadersGet401_SignedInReadersGetThePage()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

        var page = await anonymous.GetAsync("/status", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        foreach (var feed in new[] { "/status/feed.atom", "/status/badge.svg", "/calendar.ics", "/status?fragment=1" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(feed, TestContext.Current.CancellationToken)).StatusCode);
        }

        using var stakeholder = host.ClientFor(DemoAccounts.Stakeholder);
        var signedIn = await stakeholder.GetAsync("/status", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.True(signedIn.Headers.CacheControl!.Private);
        Assert.Equal(HttpStatusCode.OK, (await stakeholder.GetAsync("/status/feed.atom", TestContext.Current.CancellationToken)).StatusCode);
        var calendar = await stakeholder.GetAsync("/calendar.ics", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        Assert.True(calendar.Headers.CacheControl!.Private);
    }
}
