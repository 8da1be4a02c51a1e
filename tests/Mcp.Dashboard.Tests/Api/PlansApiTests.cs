using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Mcp.Dashboard.Api;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Tests.Infrastructure;

namespace Mcp.Dashboard.Tests.Api;

public sealed class PlansApiTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_ValidPlan_Returns201WithETagAndLocation()
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var response = await manager.PostJson("/api/v1/plans", PlanBodies.Canary());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var plan = await response.Read<PlanResponse>();
        Assert.Equal($"/api/v1/plans/{plan.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(PlanState.Draft, plan.State);
        Assert.Equal("li.wei@example.com", plan.CreatedBy);
        Assert.Single(plan.Stages[0].Checklist);
    }

    [Fact]
    public async Task Put_WithStaleIfMatch_Returns412AndKeepsTheOtherEdit()
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var plan = await (await manager.PostJson("/api/v1/plans", PlanBodies.Canary("Original"))).Read<PlanResponse>();

        var first = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/plans/{plan.Id}") { Content = JsonContent(PlanBodies.Canary("First editor")) };
        first.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var firstResponse = await manager.SendAsync(first, Ct);
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal("\"2\"", firstResponse.Headers.ETag?.Tag);

        var second = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/plans/{plan.Id}") { Content = JsonContent(PlanBodies.Canary("Second editor")) };
        second.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var secondResponse = await manager.SendAsync(second, Ct);

        Assert.Equal(HttpStatusCode.PreconditionFailed, secondResponse.StatusCode);
        Assert.Equal("application/problem+json", secondResponse.Content.Headers.ContentType?.MediaType);
        var current = await (await manager.GetAsync($"/api/v1/plans/{plan.Id}", Ct)).Read<PlanResponse>();
        Assert.Equal("First editor", current.Name);
    }

    [Fact]
    public async Task Revise_ApprovedPlan_GoesBackToReview()
    {
        var plan = await CreateSubmittedAsync("Approved then edited");
        using var approver = host.ClientFor(DemoAccounts.Approver);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostJson($"/api/v1/plans/{plan.Id}/approve", new { note = "ok" })).StatusCode);

        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var revised = await (await manager.PutCurrent($"/api/v1/plans/{plan.Id}", PlanBodies.Canary("Approved then edited (v2)"))).Read<PlanResponse>();

        Assert.Equal(PlanState.InReview, revised.State);
        Assert.Null(revised.ApprovedBy);
    }

    [Fact]
    public async Task Approve_ByAuthor_Is403_ByNamedApprover_Succeeds()
    {
        var plan = await CreateSubmittedAsync("Author cannot approve");
        using var author = host.ClientFor(DemoAccounts.ReleaseManager);
        var denied = await author.PostJson($"/api/v1/plans/{plan.Id}/approve", new { });
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("someone else must approve", (await denied.ReadJson()).GetProperty("detail").GetString());

        using var approver = host.ClientFor(DemoAccounts.Approver);
        var approved = await (await approver.PostJson($"/api/v1/plans/{plan.Id}/approve", new { note = "Looks right" })).Read<PlanResponse>();
        Assert.Equal(PlanState.Approved, approved.State);
        Assert.Equal(DemoAccounts.Approver.Email, approved.ApprovedBy);
    }

    [Fact]
    public async Task Approve_ByWhoeverLastChangedThePlan_Is403()
    {
        var plan = await CreateSubmittedAsync("Changed by the approver");
        using var approver = host.ClientFor(DemoAccounts.Approver);
        Assert.Equal(HttpStatusCode.OK, (await approver.PutCurrent($"/api/v1/plans/{plan.Id}", PlanBodies.Canary("Changed by the approver (tweaked)"))).StatusCode);

        var response = await approver.PostJson($"/api/v1/plans/{plan.Id}/approve", new { });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("latest changes", (await response.ReadJson()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Approve_WithTheETagOfAnOlderRevision_Is412_AndThePlanStaysInReview()
    {
        var plan = await CreateSubmittedAsync("Approve what you saw");
        var seen = $"\"{plan.Revision}\"";
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        await manager.PutCurrent($"/api/v1/plans/{plan.Id}", PlanBodies.Canary("Approve what you saw (changed)"));

        using var approver = host.ClientFor(DemoAccounts.Approver);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/plans/{plan.Id}/approve") { Content = JsonContent(new { }) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(seen));
        var response = await approver.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(PlanState.InReview, (await (await manager.GetAsync($"/api/v1/plans/{plan.Id}", Ct)).Read<PlanResponse>()).State);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.PreconditionRequired)]
    [InlineData("W/\"1\"", HttpStatusCode.PreconditionFailed)]
    [InlineData("\"1\", \"2\"", HttpStatusCode.BadRequest)]
    [InlineData("*", HttpStatusCode.OK)]
    public async Task Put_IfMatch_MissingWeakOrListIsRefused_StarOverwritesOnPurpose(string? ifMatch, HttpStatusCode expected)
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var plan = await (await manager.PostJson("/api/v1/plans", PlanBodies.Canary("Guarded"))).Read<PlanResponse>();
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/plans/{plan.Id}") { Content = JsonContent(PlanBodies.Canary("Overwritten")) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        var response = await manager.SendAsync(request, Ct);

        Assert.Equal(expected, response.StatusCode);
        var name = (await (await manager.GetAsync($"/api/v1/plans/{plan.Id}", Ct)).Read<PlanResponse>()).Name;
        Assert.Equal(expected == HttpStatusCode.OK ? "Overwritten" : "Guarded", name);
    }

    [Fact]
    public async Task Approve_ByAdminAuthor_IsAllowedAndAuditedAsOverride()
    {
        using var admin = host.ClientFor(DemoAccounts.Admin);
        var plan = await (await admin.PostJson("/api/v1/plans", PlanBodies.Canary("Admin's own plan"))).Read<PlanResponse>();
        await admin.PostJson($"/api/v1/plans/{plan.Id}/submit", new { });

        var approved = await admin.PostJson($"/api/v1/plans/{plan.Id}/approve", new { });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var audit = await (await admin.GetAsync($"/api/v1/audit?planId={plan.Id}", Ct)).ReadJson();
        var actions = audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("plan.approved-by-author-override", actions);
        Assert.Contains("plan.approved", actions);
    }

    [Fact]
    public async Task Approve_Draft_Is409NamingTheState()
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var plan = await (await manager.PostJson("/api/v1/plans", PlanBodies.Canary("Still a draft"))).Read<PlanResponse>();
        using var approver = host.ClientFor(DemoAccounts.Approver);

        var response = await approver.PostJson($"/api/v1/plans/{plan.Id}/approve", new { });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("draft", (await response.ReadJson()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task CompleteChecklistItem_ByEngineer_RecordsWhoAndWhen_AndSecondTickChangesNothing()
    {
        var plan = await CreateSubmittedAsync("Tick me");
        var itemId = plan.Stages[0].Checklist[0].Id;
        using var engineer = host.ClientFor(DemoAccounts.Engineer);

        var first = await (await engineer.PostJson($"/api/v1/plans/{plan.Id}/checklist/{itemId}/complete", new { note = "Backup at s3://bk/2026-11-23, sha256 ok" })).Read<ChecklistItemResponse>();
        var second = await (await engineer.PostJson($"/api/v1/plans/{plan.Id}/checklist/{itemId}/complete", new { note = "again" })).Read<ChecklistItemResponse>();

        Assert.True(first.Done);
        Assert.Equal(DemoAccounts.Engineer.Email, first.DoneBy);
        Assert.Equal("Backup at s3://bk/2026-11-23, sha256 ok", second.EvidenceNote);
        Assert.Equal(first.DoneAt, second.DoneAt);
    }

    [Fact]
    public async Task Revise_KeepsTicksOfItemsThatKeepTheirId()
    {
        var plan = await CreateSubmittedAsync("Keep ticks");
        var itemId = plan.Stages[0].Checklist[0].Id;
        using var engineer = host.ClientFor(DemoAccounts.Engineer);
        await engineer.PostJson($"/api/v1/plans/{plan.Id}/checklist/{itemId}/complete", new { });

        var definition = PlanBodies.Canary("Keep ticks") with
        {
            Stages = [new StageDefinition { Id = plan.Stages[0].Id, Name = "Edge nodes", Checklist = [new() { Id = itemId, Title = "Backup verified (renamed)", Required = true }, new() { Title = "New item" }] }],
        };
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var revised = await (await manager.PutCurrent($"/api/v1/plans/{plan.Id}", definition)).Read<PlanResponse>();

        var kept = revised.Stages[0].Checklist.Single(i => i.Id == itemId);
        Assert.True(kept.Done);
        Assert.Equal("Backup verified (renamed)", kept.Title);
        Assert.Equal(2, revised.Stages[0].Checklist.Count);
    }

    [Fact]
    public async Task Revise_MovingATickedItemOutOfARemovedStage_KeepsTheItemAndItsTick()
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var definition = PlanBodies.Canary("Move out of a removed stage") with
        {
            Stages =
            [
                new StageDefinition { Name = "Edge", Tier = Domain.Inventory.NodeTier.Edge, Checklist = [new() { Title = "Stays" }] },
                new StageDefinition { Name = "Core", Tier = Domain.Inventory.NodeTier.Core, Checklist = [new() { Title = "Moves", Required = true }] },
            ],
        };
        var plan = await (await manager.PostJson("/api/v1/plans", definition)).Read<PlanResponse>();
        var moving = plan.Stages[1].Checklist[0];
        using var engineer = host.ClientFor(DemoAccounts.Engineer);
        await engineer.PostJson($"/api/v1/plans/{plan.Id}/checklist/{moving.Id}/complete", new { note = "done before the move" });

        var edited = definition with
        {
            Stages = [new StageDefinition { Id = plan.Stages[0].Id, Name = "Edge", Tier = Domain.Inventory.NodeTier.Edge, Checklist = [new() { Id = plan.Stages[0].Checklist[0].Id, Title = "Stays" }, new() { Id = moving.Id, Title = "Moves", Required = true }] }],
        };
        var revised = await (await manager.PutCurrent($"/api/v1/plans/{plan.Id}", edited)).Read<PlanResponse>();

        var stage = Assert.Single(revised.Stages);
        var moved = stage.Checklist.Single(i => i.Id == moving.Id);
        Assert.True(moved.Done);
        Assert.Equal("done before the move", moved.EvidenceNote);
    }

    [Fact]
    public async Task Create_WithEvidenceInTheDefinition_IgnoresIt_TheGateStaysUnmet()
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var definition = PlanBodies.Canary("Forged evidence") with
        {
            DataMigrations = [new() { Kind = DataMigrationKind.Backup, Title = "Backup", IsGate = true, Backup = new() { Location = "x", Checksum = "y", Verified = true, VerifiedBy = "cto@example.com" } }],
        };

        var plan = await (await manager.PostJson("/api/v1/plans", definition)).Read<PlanResponse>();

        Assert.Null(plan.DataMigrations.Single().Backup);
        var readiness = await (await manager.GetAsync($"/api/v1/plans/{plan.Id}/readiness", Ct)).ReadJson();
        Assert.Contains(readiness.GetProperty("gates").EnumerateArray(), g => g.GetProperty("title").GetString() == "Backup" && g.GetProperty("status").GetString() == "Unmet");
    }

    [Fact]
    public async Task Create_WithDuplicateIds_Is400()
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var id = Guid.NewGuid();
        var definition = PlanBodies.Canary("Duplicate ids") with
        {
            DataMigrations = [new() { Id = id, Kind = DataMigrationKind.Backup, Title = "A" }, new() { Id = id, Kind = DataMigrationKind.Sync, Title = "B" }],
        };

        var response = await manager.PostJson("/api/v1/plans", definition);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Evidence_ForAnUnknownTask_Is404_AndNonsenseIs400()
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var plan = await (await manager.PostJson("/api/v1/plans", PlanBodies.Canary("Evidence checks") with { DataMigrations = [new() { Kind = DataMigrationKind.Sync, Title = "Sync" }] })).Read<PlanResponse>();
        using var engineer = host.ClientFor(DemoAccounts.Engineer);

        Assert.Equal(HttpStatusCode.NotFound, (await engineer.PostJson($"/api/v1/plans/{plan.Id}/data-migrations/{Guid.NewGuid()}/evidence", new { sync = new { progressPercent = 50 } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await engineer.PostJson($"/api/v1/plans/{plan.Id}/data-migrations/{plan.DataMigrations[0].Id}/evidence", new { sync = new { progressPercent = 150 } })).StatusCode);
    }

    [Fact]
    public async Task Revise_TargetUrlToANewHost_DropsTheSigningKey()
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var body = PlanBodies.Canary("Key follows host") with { Target = new TargetSettings { Kind = TargetKind.Webhook, Url = "https://deploy.example.com/hook", Secret = "k" } };
        var plan = await (await manager.PostJson("/api/v1/plans", body)).Read<PlanResponse>();

        var moved = await (await manager.PutCurrent($"/api/v1/plans/{plan.Id}", body with { Target = new TargetSettings { Kind = TargetKind.Webhook, Url = "https://elsewhere.example.net/hook" } })).Read<PlanResponse>();

        Assert.False(moved.Target.SecretSet);
    }

    [Fact]
    public async Task SlackWebhookUrl_IsWholeForAuthors_MaskedForStakeholdersAndTheAuditTrail()
    {
        const string Hook = "https://hooks.slack.com/services/T000/B000/very-secret-path";
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var body = PlanBodies.Canary("Chatty plan") with
        {
            Communication = new() { Entries = [new() { Channel = CommunicationChannel.Slack, Destination = Hook, Moments = [CommunicationMoment.Start] }] },
        };
        var plan = await (await manager.PostJson("/api/v1/plans", body)).Read<PlanResponse>();

        Assert.Equal(Hook, (await (await manager.GetAsync($"/api/v1/plans/{plan.Id}", Ct)).Read<PlanResponse>()).Communication.Entries[0].Destination);
        using var stakeholder = host.ClientFor(DemoAccounts.Stakeholder);
        Assert.Equal("https://hooks.slack.com/…", (await (await stakeholder.GetAsync($"/api/v1/plans/{plan.Id}", Ct)).Read<PlanResponse>()).Communication.Entries[0].Destination);
        Assert.DoesNotContain("very-secret-path", await (await stakeholder.GetAsync($"/api/v1/audit?planId={plan.Id}", Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_Draft_Succeeds_Approved_Is409()
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var draft = await (await manager.PostJson("/api/v1/plans", PlanBodies.Canary("Delete me"))).Read<PlanResponse>();
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteCurrent($"/api/v1/plans/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/plans/{draft.Id}", Ct)).StatusCode);

        var approved = await CreateSubmittedAsync("Do not delete me");
        using var approver = host.ClientFor(DemoAccounts.Approver);
        await approver.PostJson($"/api/v1/plans/{approved.Id}/approve", new { });
        Assert.Equal(HttpStatusCode.Conflict, (await manager.DeleteCurrent($"/api/v1/plans/{approved.Id}")).StatusCode);
    }

    [Fact]
    public async Task Get_WebhookSecret_IsNeverReturned()
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var body = PlanBodies.Canary("Webhook target") with { Target = new TargetSettings { Kind = TargetKind.Webhook, Url = "https://deploy.example.com/hooks/mcp", Secret = "s3cr3t-signing-key" } };
        var created = await manager.PostJson("/api/v1/plans", body);
        var text = await created.Content.ReadAsStringAsync(Ct);

        Assert.DoesNotContain("s3cr3t-signing-key", text, StringComparison.Ordinal);
        var plan = JsonSerializer.Deserialize<PlanResponse>(text, ApiJson.Options)!;
        Assert.True(plan.Target.SecretSet);
        var audit = await (await host.AdminClient().GetAsync($"/api/v1/audit?planId={plan.Id}", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("s3cr3t-signing-key", audit, StringComparison.Ordinal);
    }

    private async Task<PlanResponse> CreateSubmittedAsync(string name)
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var plan = await (await manager.PostJson("/api/v1/plans", PlanBodies.Canary(name))).Read<PlanResponse>();
        return await (await manager.PostJson($"/api/v1/plans/{plan.Id}/submit", new { })).Read<PlanResponse>();
    }

    private static StringContent JsonContent<T>(T body) =>
        new(JsonSerializer.Serialize(body, ApiJson.Options), System.Text.Encoding.UTF8, "application/json");
}
