using System.Net;
using Mcp.Dashboard.Communication;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mcp.Dashboard.Tests.Communication;

/// <summary>A host that retries messages quickly and signs webhook messages with the receiver's key.</summary>
public sealed class CommunicationHost : DashboardHost
{
    public CommunicationHost()
    {
        Settings = new Dictionary<string, string>
        {
            ["Communication:MaxAttempts"] = "3",
            ["Communication:BackoffSeconds"] = "0.2",
            ["Communication:MaxBackoffSeconds"] = "1",
            ["Communication:TimeoutSeconds"] = "5",
            ["Communication:SigningKey"] = MessageReceiver.SigningKey,
            ["Communication:PublicBaseUrl"] = "https://dash.example.com",

            // Everything, HttpClient's own request lines included, reaches the capture.
            ["Logging:LogLevel:Default"] = "Debug",
        };
        TestServices = services => services.AddSingleton<ILoggerProvider>(Logs);
    }

    public LogCapture Logs { get; } = new();
}

/// <summary>The communication plan sends itself: rollout moments, channels, retries, test sends and who may do what.</summary>
public sealed class CommunicationTests(CommunicationHost host) : IClassFixture<CommunicationHost>, IAsyncLifetime
{
    private readonly RolloutLab _lab = new(host);
    private MessageReceiver _receiver = null!;

    public async ValueTask InitializeAsync() => _receiver = await MessageReceiver.StartAsync();

    public async ValueTask DisposeAsync() => await _receiver.DisposeAsync();

    private static CommunicationEntry Entry(CommunicationChannel channel, Uri destination, params CommunicationMoment[] moments) =>
        new() { Audience = CommunicationAudience.Engineers, Channel = channel, Destination = destination.ToString(), Moments = moments };

    private async Task<Guid> CreatePlanAsync(string name, params CommunicationEntry[] entries)
    {
        using var author = host.ClientFor(DemoAccounts.ReleaseManager);
        var created = await author.PostJson("/api/v1/plans", PlanBodies.Canary(name) with { Communication = new CommunicationPlan { Entries = entries } });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await created.ReadJson()).GetProperty("id").GetGuid();
    }

    private async Task<IReadOnlyList<DeliveryView>> DeliveriesAsync(Guid planId)
    {
        using var reader = host.ClientFor(DemoAccounts.Stakeholder);
        return await (await reader.GetAsync($"/api/v1/plans/{planId}/deliveries", TestContext.Current.CancellationToken)).Read<List<DeliveryView>>();
    }

    private async Task<DeliveryView> WaitForDeliveryAsync(Guid planId, Func<DeliveryView, bool> condition, int seconds = 30)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(seconds);
        IReadOnlyList<DeliveryView> deliveries;
        do
        {
            deliveries = await DeliveriesAsync(planId);
            if (deliveries.FirstOrDefault(condition) is { } found)
            {
                return found;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        while (DateTimeOffset.UtcNow < deadline);

        Assert.Fail($"No such delivery in {seconds} s: {string.Join(", ", deliveries.Select(d => $"{d.Event}:{d.State}:{d.Attempts}:{d.LastError}"))}");
        return null!;
    }

    [Fact]
    public async Task Rollout_SendsStartEachStepAndCompletion_ToASignedWebhook_Once()
    {
        var hook = _receiver.Hook("rollout-" + Guid.NewGuid().ToString("N"));
        var definition = RolloutLab.Canary("Comms on a rollout", false, (10, 1)) with
        {
            Communication = new CommunicationPlan { Entries = [Entry(CommunicationChannel.Webhook, hook, CommunicationMoment.Start, CommunicationMoment.EachStep, CommunicationMoment.Completion)] },
        };
        var planId = await _lab.ReadyPlanAsync(definition);
        var rolloutId = await _lab.StartAsync(planId);
        await _lab.WaitForStateAsync(rolloutId, RolloutState.Succeeded);

        var name = hook.Segments[^1];
        var messages = await _receiver.WaitForAsync(m => m.Any(x => x.Hook == name && x.Json.GetProperty("event").GetString() == "rollout.succeeded"));
        var mine = messages.Where(m => m.Hook == name).ToList();
        var events = mine.Select(m => m.Json.GetProperty("event").GetString()).ToList();
        Assert.Single(events, e => e == "rollout.started");
        Assert.Contains("step.started", events);
        Assert.Single(events, e => e == "rollout.succeeded");
        Assert.Equal(mine.Count, mine.DistinctBy(m => m.IdempotencyKey).Count());
        Assert.All(mine, m =>
        {
            Assert.True(m.SignatureValid, "signed with the communication key");
            Assert.Equal(m.IdempotencyKey, m.Json.GetProperty("deliveryId").GetString());
            Assert.Equal(planId, m.Json.GetProperty("planId").GetGuid());
            Assert.Equal(rolloutId, m.Json.GetProperty("rolloutId").GetGuid());
            Assert.Equal("Engineers", m.Json.GetProperty("audience").GetString());
        });
        var started = mine.First(m => m.Json.GetProperty("event").GetString() == "rollout.started").Json;
        Assert.Contains($"https://dash.example.com/rollouts/{rolloutId}", started.GetProperty("text").GetString());

        // The log says the same, and a second catch-up (a restart, say) sends nothing again.
        await host.Services.GetRequiredService<RolloutMomentDispatcher>().CatchUpAsync(TestContext.Current.CancellationToken);
        var logged = await DeliveriesAsync(planId);
        Assert.Equal(mine.Count, logged.Count);
        Assert.All(logged, d => Assert.Equal(DeliveryState.Sent, d.State));
    }

    [Fact]
    public async Task Rollback_IsAnnouncedOnSlackAndTeams_WithTheReasonEscaped()
    {
        var slack = _receiver.Hook("slack-" + Guid.NewGuid().ToString("N"));
        var teams = _receiver.Hook("teams-" + Guid.NewGuid().ToString("N"));
        var definition = RolloutLab.Canary("Comms on a rollback", false, (10, 120)) with
        {
            Communication = new CommunicationPlan
            {
                Entries =
                [
                    Entry(CommunicationChannel.Slack, slack, CommunicationMoment.Rollback) with { Audience = CommunicationAudience.Business },
                    Entry(CommunicationChannel.Teams, teams, CommunicationMoment.Rollback),
                ],
            },
        };
        var rolloutId = await _lab.StartAsync(await _lab.ReadyPlanAsync(definition));
        await _lab.WaitForBakeAsync(rolloutId);
        using var engineer = host.ClientFor(DemoAccounts.Engineer);
        Assert.Equal(HttpStatusCode.Accepted, (await engineer.PostJson($"/api/v1/rollouts/{rolloutId}/rollback", new { reason = "<b>errors</b> & <!channel>" })).StatusCode);

        var messages = await _receiver.WaitForAsync(m => m.Any(x => x.Hook == slack.Segments[^1]) && m.Any(x => x.Hook == teams.Segments[^1]));
        var slackBody = messages.Single(m => m.Hook == slack.Segments[^1]).Json;
        var slackText = slackBody.GetProperty("blocks")[1].GetProperty("text").GetProperty("text").GetString()!;
        Assert.Contains("&lt;b&gt;errors&lt;/b&gt; &amp; &lt;!channel&gt;", slackText);
        Assert.DoesNotContain("<!channel>", slackBody.GetProperty("text").GetString());
        Assert.StartsWith("We went back to the previous version", slackText);

        var card = messages.Single(m => m.Hook == teams.Segments[^1]).Json.GetProperty("attachments")[0].GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Contains(@"\<b\>errors\</b\>", card.GetProperty("body")[1].GetProperty("text").GetString());
        Assert.False(messages.Single(m => m.Hook == slack.Segments[^1]).CarriesSignature, "Slack URLs are their own credential; only the generic webhook is signed");
    }

    [Fact]
    public async Task TestSend_ReceiverFailsTwice_IsSentOnTheThirdAttempt()
    {
        var hook = _receiver.Hook("flaky");
        var planId = await CreatePlanAsync("Comms flaky receiver", Entry(CommunicationChannel.Webhook, hook, CommunicationMoment.Start));
        _receiver.FailNext(2, 503);
        using var author = host.ClientFor(DemoAccounts.ReleaseManager);

        var response = await author.PostJson($"/api/v1/plans/{planId}/communication/0/test", new { });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var sent = await WaitForDeliveryAsync(planId, d => d.State == DeliveryState.Sent);
        Assert.Equal(3, sent.Attempts);
        Assert.True(sent.IsTest);
        Assert.StartsWith("[Test]", sent.Subject);
        Assert.Equal(DemoAccounts.ReleaseManager.Email, sent.RequestedBy);
        Assert.Equal(3, _receiver.Messages.Count(m => m.Hook == "flaky"));
        Assert.Single(_receiver.Messages.Where(m => m.Hook == "flaky").Select(m => m.IdempotencyKey).Distinct());

        var audit = await (await author.GetAsync($"/api/v1/audit?planId={planId}", TestContext.Current.CancellationToken)).ReadJson();
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "communication.test");
    }

    [Fact]
    public async Task AChatWebhookUrl_IsACredential_AndNeverReachesALog()
    {
        // A Slack or Teams incoming-webhook URL is its own password: whoever reads it can post.
        var hook = _receiver.Hook("T0ABC-B0DEF-xoxSecretPathPart");
        var planId = await CreatePlanAsync("Comms secret URL", Entry(CommunicationChannel.Slack, hook, CommunicationMoment.Start));
        _receiver.FailNext(1, 503);
        using var author = host.ClientFor(DemoAccounts.ReleaseManager);

        Assert.Equal(HttpStatusCode.Accepted, (await author.PostJson($"/api/v1/plans/{planId}/communication/0/test", new { })).StatusCode);
        await WaitForDeliveryAsync(planId, d => d.State == DeliveryState.Sent);

        Assert.NotEmpty(host.Logs.Lines);
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains("xoxSecretPathPart", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADestinationThatKeepsFailing_IsFailedWithTheError_ThenRetryNowSendsIt()
    {
        var hook = _receiver.Hook("down");
        var planId = await CreatePlanAsync("Comms receiver down", Entry(CommunicationChannel.Slack, hook, CommunicationMoment.Start));
        _receiver.FailWithStatus = 500;
        using var author = host.ClientFor(DemoAccounts.ReleaseManager);
        await author.PostJson($"/api/v1/plans/{planId}/communication/0/test", new { });

        var failed = await WaitForDeliveryAsync(planId, d => d.State == DeliveryState.Failed);
        Assert.Equal(3, failed.Attempts);
        Assert.Contains("HTTP 500", failed.LastError);
        Assert.Contains("Gave up after 3 attempts", failed.LastError);
        Assert.DoesNotContain("/hooks/", failed.LastError);
        Assert.DoesNotContain("/hooks/", failed.Destination);

        _receiver.FailWithStatus = null;
        using var stakeholder = host.ClientFor(DemoAccounts.Stakeholder);
        Assert.Equal(HttpStatusCode.Forbidden, (await stakeholder.PostJson($"/api/v1/deliveries/{failed.Id}/retry", new { })).StatusCode);
        using var engineer = host.ClientFor(DemoAccounts.Engineer);
        Assert.Equal(HttpStatusCode.Accepted, (await engineer.PostJson($"/api/v1/deliveries/{failed.Id}/retry", new { })).StatusCode);

        var sent = await WaitForDeliveryAsync(planId, d => d.Id == failed.Id && d.State == DeliveryState.Sent);
        Assert.Equal(1, sent.Attempts);
    }

    [Fact]
    public async Task PlainHttpToAnOutsideHost_IsRefused_WithoutBeingSent()
    {
        var planId = await CreatePlanAsync("Comms plain http", Entry(CommunicationChannel.Webhook, new Uri("http://hooks.example.com/x"), CommunicationMoment.Start));
        using var author = host.ClientFor(DemoAccounts.ReleaseManager);
        await author.PostJson($"/api/v1/plans/{planId}/communication/0/test", new { });

        var failed = await WaitForDeliveryAsync(planId, d => d.State == DeliveryState.Failed);
        Assert.Contains("https", failed.LastError);
        Assert.Equal("http://hooks.example.com/…", failed.Destination);
    }

    [Fact]
    public async Task TestSend_NeedsAnAuthor_AndAnEntryThatSends()
    {
        var planId = await CreatePlanAsync("Comms access", Entry(CommunicationChannel.Webhook, _receiver.Hook("access"), CommunicationMoment.Start),
            new CommunicationEntry { Channel = CommunicationChannel.StatusPage, Moments = [CommunicationMoment.Start] });
        using var anonymous = host.ClientFor(null);
        using var engineer = host.ClientFor(DemoAccounts.Engineer);
        using var stakeholder = host.ClientFor(DemoAccounts.Stakeholder);
        using var author = host.ClientFor(DemoAccounts.ReleaseManager);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJson($"/api/v1/plans/{planId}/communication/0/test", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.PostJson($"/api/v1/plans/{planId}/communication/0/test", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stakeholder.PostJson($"/api/v1/plans/{planId}/communication/0/test", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await author.PostJson($"/api/v1/plans/{planId}/communication/1/test", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await author.PostJson($"/api/v1/plans/{planId}/communication/7/test", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/plans/{planId}/deliveries", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task PlanWithUnknownPlaceholder_IsRefused_NamingTheField()
    {
        using var author = host.ClientFor(DemoAccounts.ReleaseManager);
        var entry = Entry(CommunicationChannel.Slack, _receiver.Hook("x"), CommunicationMoment.Start) with
        {
            Templates = new Dictionary<CommunicationMoment, string> { [CommunicationMoment.Start] = "Started {plan} at {whenever}" },
        };

        var response = await author.PostJson("/api/v1/plans", PlanBodies.Canary("Comms typo") with { Communication = new CommunicationPlan { Entries = [entry] } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJson()).GetProperty("errors");
        Assert.Contains("{whenever}", errors.GetProperty("communication.entries[0].templates.Start")[0].GetString());
    }

    [Fact]
    public async Task DemoInbox_TakesAnonymousMessages_InDemoMode_OnKnownChannelsOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = host.ClientFor(null);

        var taken = await anonymous.PostAsync("/demo/inbox/slack", new StringContent("{\"text\":\"<b>hi</b>\"}", System.Text.Encoding.UTF8, "application/json"), ct);
        var refused = await anonymous.PostAsync("/demo/inbox/elsewhere", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), ct);

        Assert.Equal(HttpStatusCode.NoContent, taken.StatusCode);
        Assert.False(refused.IsSuccessStatusCode);
        Assert.Contains(host.Services.GetRequiredService<DemoInbox>().Messages, m => m.Channel == "slack" && m.Body == "{\"text\":\"<b>hi</b>\"}");
    }
}
