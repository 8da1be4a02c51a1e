using System.Net;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Rollouts.Targets;
using Mcp.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Mcp.Dashboard.Tests.Rollouts;

/// <summary>Blue-green, rolling and staged plans run on the simulated fleet, step by step.</summary>
public sealed class StrategyTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private readonly RolloutLab _lab = new(host);

    private IReadOnlyList<TargetAction> Applied(Guid rolloutId) =>
        host.Services.GetRequiredService<SimulatedFleets>().Find(rolloutId)!.AppliedActions;

    [Fact]
    public async Task BlueGreen_DeploysGreen_Verifies_Switches_KeepsBlue_ThenPromotes()
    {
        var plan = RolloutLab.Canary("Blue green runs", false, (10, 1)) with
        {
            Strategy = DeploymentStrategy.BlueGreen,
            BlueGreen = new BlueGreenSettings { VerifySeconds = 1, KeepBlueMinutes = 0 },
        };
        var rolloutId = await _lab.StartAsync(await _lab.ReadyPlanAsync(plan));

        var done = await _lab.WaitForStateAsync(rolloutId, RolloutState.Succeeded);

        Assert.Equal(
            [RolloutAction.Gate, RolloutAction.DeployGreen, RolloutAction.Verify, RolloutAction.Switch, RolloutAction.KeepBlue, RolloutAction.Promote],
            done.Steps.Select(s => s.Action));
        Assert.Equal([TargetAction.DeployGreen, TargetAction.Switch, TargetAction.Promote], Applied(rolloutId).Select(a => a.Action));
        Assert.Equal(100, done.CurrentWeight);
    }

    [Fact]
    public async Task Rolling_ReplacesTheFleetInBatches()
    {
        var plan = RolloutLab.Canary("Rolling runs", false, (10, 1)) with
        {
            Strategy = DeploymentStrategy.Rolling,
            Rolling = new RollingSettings { BatchSize = 2, IntervalSeconds = 1 },
        };
        var rolloutId = await _lab.StartAsync(await _lab.ReadyPlanAsync(plan));

        await _lab.WaitForStateAsync(rolloutId, RolloutState.Succeeded);

        // Rollouts:InstancesPerTier is 6: three batches of two.
        var batches = Applied(rolloutId).Select(a => a.Batch!).ToList();
        Assert.Equal([1, 2, 3], batches.Select(b => b.Number));
        Assert.All(batches, b => Assert.Equal((3, 2), (b.Of, b.Size)));
        Assert.Equal([0, 2, 4], batches.Select(b => b.FirstInstance));
    }

    [Fact]
    public async Task Staged_RunsTiersInOrder_AndWaitsAtAGateUntilItsItemsAreDone()
    {
        var plan = RolloutLab.Canary("Staged runs", false, (10, 1)) with
        {
            Stages =
            [
                new() { Name = "Core", Tier = NodeTier.Core, Checklist = [new() { Title = "Edge healthy for a while", Required = true }] },
                new() { Name = "Edge", Tier = NodeTier.Edge, Checklist = [new() { Title = "Backup verified", Required = true }] },
            ],
        };
        var planId = await _lab.ReadyPlanAsync(plan);
        using var engineer = host.ClientFor(DemoAccounts.Engineer);

        // The first stage (Core, as written) gates the start; reopen the item that gates the second tier.
        var stored = await (await engineer.GetAsync($"/api/v1/plans/{planId}", TestContext.Current.CancellationToken)).ReadJson();
        var coreItem = stored.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("tier").GetString() == "Core")
            .GetProperty("checklist")[0].GetProperty("id").GetGuid();
        using var author = host.ClientFor(DemoAccounts.ReleaseManager);
        Assert.Equal(HttpStatusCode.OK, (await author.PostJson($"/api/v1/plans/{planId}/checklist/{coreItem}/reopen", new { reason = "not yet" })).StatusCode);

        var rolloutId = await _lab.StartAsync(planId);
        var waiting = await _lab.WaitForStateAsync(rolloutId, RolloutState.Paused);

        Assert.Equal([NodeTier.Edge.ToString(), NodeTier.Edge.ToString()], waiting.Steps.Take(2).Select(s => s.Tier));
        Assert.Contains("Edge healthy for a while", waiting.PauseReason, StringComparison.Ordinal);
        Assert.All(waiting.Steps.Where(s => s.Tier == "Edge"), s => Assert.Equal(StepState.Succeeded, s.State));

        Assert.Equal(HttpStatusCode.OK, (await engineer.PostJson($"/api/v1/plans/{planId}/checklist/{coreItem}/complete", new { note = "edge fine" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await engineer.PostJson($"/api/v1/rollouts/{rolloutId}/resume", new { })).StatusCode);

        var done = await _lab.WaitForStateAsync(rolloutId, RolloutState.Succeeded);
        Assert.Equal(["Edge", "Edge", "Edge", "Core", "Core", "Core"], done.Steps.Select(s => s.Tier));
    }
}
