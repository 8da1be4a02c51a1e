using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Rollouts;
using Mcp.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Mcp.Dashboard.Tests.Rollouts;

/// <summary>The demo always has a live canary to break and a rehearsal to start, however long it runs.</summary>
public sealed class DemoRehearsalTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    [Fact]
    public async Task TheSeededDemo_HasALiveCanaryOnTheSimulatedFleet_AndOneReadyToStart()
    {
        var rollouts = await host.Services.GetRequiredService<RolloutQueries>().ListAsync(cancellationToken: TestContext.Current.CancellationToken);

        var live = Assert.Single(rollouts, r => r.State == RolloutState.Running);
        Assert.StartsWith("Staging rehearsal", live.PlanName, StringComparison.Ordinal);
        using var engineer = host.ClientFor(DemoAccounts.Engineer);
        var plans = await (await engineer.GetAsync("/api/v1/plans", TestContext.Current.CancellationToken)).ReadJson();
        Assert.Contains(plans.EnumerateArray(), p => p.GetProperty("name").GetString()!.StartsWith("Staging rehearsal: edge cache", StringComparison.Ordinal)
                                                    && p.GetProperty("state").GetString() == "Approved");
    }

    [Fact]
    public async Task WhenTheLiveCanaryIsRolledBack_TheKeeperStartsAFreshOne()
    {
        var queries = host.Services.GetRequiredService<RolloutQueries>();
        var live = (await queries.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Single(r => r.State == RolloutState.Running);
        using var engineer = host.ClientFor(DemoAccounts.Engineer);
        await engineer.PostJson($"/api/v1/rollouts/{live.Id}/rollback", new { reason = "demo over" });
        await new RolloutLab(host).WaitForStateAsync(live.Id, RolloutState.RolledBack);

        await host.Services.GetRequiredService<DemoRehearsals>().KeepGoingAsync(TestContext.Current.CancellationToken);

        var fresh = (await queries.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Single(r => r.State == RolloutState.Running);
        Assert.NotEqual(live.Id, fresh.Id);
        Assert.Equal(live.PlanName, fresh.PlanName);
    }
}
