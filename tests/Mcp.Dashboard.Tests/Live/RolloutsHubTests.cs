using System.Collections.Concurrent;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Hosting;
using Mcp.Dashboard.Rollouts;
using Mcp.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Mcp.Dashboard.Tests.Live;

/// <summary>The hub at /hubs/rollouts with a real .NET SignalR client, as docs/api.md shows it.</summary>
public sealed class RolloutsHubTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private readonly RolloutLab _lab = new(host);

    private HubConnection Connect(string? token, bool tokenInQuery = false)
    {
        var url = new Uri(host.BaseAddress, "/hubs/rollouts" + (tokenInQuery && token is not null ? $"?access_token={token}" : ""));
        return new HubConnectionBuilder()
            .WithUrl(url, options =>
            {
                if (!tokenInQuery && token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .AddJsonProtocol(json => DashboardServices.ConfigureJson(json.PayloadSerializerOptions))
            .Build();
    }

    [Fact]
    public async Task AWatcher_GetsTheRollout_ThenItsSamplesEventsAndChanges()
    {
        var rolloutId = await _lab.StartAsync(await _lab.ReadyPlanAsync(RolloutLab.Canary("Hub watcher", analysis: true, (10, 600))));
        await _lab.WaitForBakeAsync(rolloutId);
        await using var connection = Connect(host.TokenFor(DemoAccounts.Stakeholder));
        var samples = new ConcurrentQueue<MetricSample>();
        var events = new ConcurrentQueue<RolloutEventView>();
        var views = new ConcurrentQueue<RolloutView>();
        connection.On<Guid, IReadOnlyList<MetricSample>>("Samples", (_, batch) => { foreach (var s in batch) { samples.Enqueue(s); } });
        connection.On<Guid, IReadOnlyList<RolloutEventView>>("Events", (_, batch) => { foreach (var e in batch) { events.Enqueue(e); } });
        connection.On<RolloutView>("Rollout", view => views.Enqueue(view));
        await connection.StartAsync(TestContext.Current.CancellationToken);

        var first = await connection.InvokeAsync<RolloutView>("Watch", rolloutId, TestContext.Current.CancellationToken);
        Assert.Equal(rolloutId, first.Id);
        await Eventually(() => samples.Any(s => s.Cohort == Cohorts.Canary && s.Metric == "error_rate"));
        await Eventually(() => views.Any(v => v.Verdict is { LowConfidence: false }));

        using var engineer = host.ClientFor(DemoAccounts.Engineer);
        await engineer.PostJson($"/api/v1/rollouts/{rolloutId}/rollback", new { reason = "seen from the hub" });

        await Eventually(() => events.Any(e => e.Kind == "rollback.requested" && e.Message.Contains("seen from the hub", StringComparison.Ordinal)));
        await Eventually(() => views.Any(v => v.RollbackReason == "seen from the hub"));
        var missed = await connection.InvokeAsync<IReadOnlyList<RolloutEventView>>("EventsSince", rolloutId, 0L, TestContext.Current.CancellationToken);
        Assert.Equal(missed.Select(e => e.Id).Order(), missed.Select(e => e.Id));
        Assert.Contains(missed, e => e.Kind == "rollout.started");
    }

    [Fact]
    public async Task TheTokenInTheQuery_IsAcceptedOnTheHub()
    {
        await using var connection = Connect(host.TokenFor(DemoAccounts.Engineer), tokenInQuery: true);

        await connection.StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task AnAnonymousClient_IsRefused()
    {
        await using var connection = Connect(token: null);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task WatchingAnUnknownRollout_IsAHubError()
    {
        await using var connection = Connect(host.TokenFor(DemoAccounts.Engineer));
        await connection.StartAsync(TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => connection.InvokeAsync<RolloutView>("Watch", Guid.NewGuid(), TestContext.Current.CancellationToken));
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The hub did not push what was expected within 20 s.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
