using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
using static Mcp.Dashboard.Domain.Tests.Rollouts.RolloutFixtures;

namespace Mcp.Dashboard.Domain.Tests.Rollouts;

public sealed class RolloutStepPlannerTests
{
    [Fact]
    public void Plan_Canary_OneSetWeightStepPerWeightWithBakeUnderAnalysis()
    {
        var steps = RolloutStepPlanner.Plan(RolloutId, Canary());

        Assert.Equal([1, 10, 50, 100], steps.Select(s => s.Weight!.Value));
        Assert.All(steps, s => Assert.Equal(RolloutAction.SetWeight, s.Action));
        Assert.Equal([300, 600, 600, 0], steps.Select(s => (int)s.Duration.TotalSeconds));
        Assert.Equal([true, true, true, false], steps.Select(s => s.NeedsAnalysis));
        Assert.Equal([0, 1, 2, 3], steps.Select(s => s.Index));
        Assert.All(steps, s => Assert.Null(s.Tier));
    }

    [Fact]
    public void Plan_CanaryNotEndingAtFullTraffic_AppendsAHundredPercentStep()
    {
        var steps = RolloutStepPlanner.Plan(RolloutId, Canary(new CanaryStep(5, 60), new CanaryStep(25, 60)));

        Assert.Equal([5, 25, 100], steps.Select(s => s.Weight!.Value));
    }

    [Fact]
    public void Plan_CanaryWithAnalysisOff_BakesWithoutAnalysis()
    {
        var steps = RolloutStepPlanner.Plan(RolloutId, Canary() with { AnalysisEnabled = false });

        Assert.All(steps, s => Assert.False(s.NeedsAnalysis));
    }

    [Fact]
    public void Plan_BlueGreen_DeployVerifySwitchKeepBluePromote()
    {
        var steps = RolloutStepPlanner.Plan(RolloutId, BlueGreen(verifySeconds: 900, keepBlueMinutes: 30));

        Assert.Equal(
            [RolloutAction.DeployGreen, RolloutAction.Verify, RolloutAction.Switch, RolloutAction.KeepBlue, RolloutAction.Promote],
            steps.Select(s => s.Action));
        Assert.Equal(TimeSpan.FromSeconds(900), steps[1].Duration);
        Assert.True(steps[1].NeedsAnalysis);
        Assert.Equal(TimeSpan.FromMinutes(30), steps[3].Duration);
        Assert.False(steps[3].NeedsAnalysis);
    }

    [Fact]
    public void Plan_Rolling_BatchesOfBatchSizeWithIntervalAndHealthCheck()
    {
        var steps = RolloutStepPlanner.Plan(RolloutId, Rolling(instances: 10, batchSize: 4, intervalSeconds: 45));

        Assert.Equal(3, steps.Count);
        Assert.All(steps, s => Assert.Equal(RolloutAction.ReplaceBatch, s.Action));
        Assert.All(steps, s => Assert.True(s.NeedsHealthCheck));
        Assert.Equal([4, 4, 2], steps.Select(s => s.Batch!.Size));
        Assert.Equal([0, 4, 8], steps.Select(s => s.Batch!.FirstInstance));
        Assert.Equal([45, 45, 0], steps.Select(s => (int)s.Duration.TotalSeconds));
        Assert.Equal("replace batch 3/3 (instances 9-10), health check", steps[2].Describe());
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(5, 0)]
    public void Plan_RollingWithoutInstancesOrBatch_IsRefused(int instances, int batchSize) =>
        Assert.Throws<RolloutRuleViolation>(() => RolloutStepPlanner.Plan(RolloutId, Rolling(instances, batchSize)));

    [Fact]
    public void Plan_Staged_RunsTiersEdgeManagementCoreEachOpeningWithAGate()
    {
        var stages = new[]
        {
            Stage(NodeTier.Core, "Management healthy"),
            Stage(NodeTier.Edge, "Backup verified"),
            Stage(NodeTier.Management),
        };

        var steps = RolloutStepPlanner.Plan(RolloutId, BlueGreen(), stages);

        Assert.Equal(18, steps.Count);
        var gates = steps.Where(s => s.Action == RolloutAction.Gate).ToList();
        Assert.Equal([0, 6, 12], gates.Select(g => g.Index));
        Assert.Equal([NodeTier.Edge, NodeTier.Management, NodeTier.Core], gates.Select(g => g.Tier!.Value));
        Assert.Equal(["Backup verified"], gates[0].GateItems.Select(i => i.Title));
        Assert.Empty(gates[1].GateItems);
        Assert.All(steps.Skip(1).Take(5), s => Assert.Equal(NodeTier.Edge, s.Tier));
        Assert.All(steps.Skip(13), s => Assert.Equal(NodeTier.Core, s.Tier));
        Assert.Equal(Enumerable.Range(0, 18), steps.Select(s => s.Index));
    }

    [Fact]
    public void Plan_StagedCanary_RepeatsWeightsPerTier()
    {
        var steps = RolloutStepPlanner.Plan(RolloutId, Canary(), [Stage(NodeTier.Edge), Stage(NodeTier.Core)]);

        Assert.Equal(
            "Gate,1,10,50,100,Gate,1,10,50,100",
            string.Join(",", steps.Select(s => s.Action == RolloutAction.Gate ? "Gate" : s.Weight!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void Plan_FromPlanDefinition_UsesItsStrategyAndRequiredItems()
    {
        var definition = new PlanDefinition
        {
            Strategy = DeploymentStrategy.Rolling,
            Rolling = new RollingSettings { BatchSize = 2, IntervalSeconds = 10 },
            Stages =
            [
                new() { Name = "Core", Tier = NodeTier.Core, Checklist = [new() { Title = "DBA on call", Required = true }] },
                new() { Name = "Edge", Tier = NodeTier.Edge, Checklist = [new() { Title = "Backup verified", Required = true }, new() { Title = "Nice to have" }] },
            ],
        };

        var steps = RolloutStepPlanner.Plan(RolloutId, definition, instanceCount: 4);

        Assert.Equal(6, steps.Count);
        Assert.Equal(["Backup verified"], steps[0].GateItems.Select(i => i.Title));
        Assert.Equal(NodeTier.Core, steps[3].Tier);
        Assert.Equal(["DBA on call"], steps[3].GateItems.Select(i => i.Title));
    }

    [Fact]
    public void Plan_SameInput_GivesTheSameIdempotencyKeys()
    {
        var first = RolloutStepPlanner.Plan(RolloutId, BlueGreen(), [Stage(NodeTier.Edge)]);
        var second = RolloutStepPlanner.Plan(RolloutId, BlueGreen(), [Stage(NodeTier.Edge)]);

        Assert.Equal(first.Select(s => s.IdempotencyKey), second.Select(s => s.IdempotencyKey));
        Assert.Equal("5d0c8d8e3a524b369d0e6f1b2b7c9a01-000-Gate", first[0].IdempotencyKey);
        Assert.Equal("5d0c8d8e3a524b369d0e6f1b2b7c9a01-003-Switch", first[3].IdempotencyKey);
        Assert.Equal(first.Count, first.Select(s => s.IdempotencyKey).Distinct().Count());
    }

    [Fact]
    public void Plan_OtherRollout_GivesOtherKeys()
    {
        var mine = RolloutStepPlanner.Plan(RolloutId, Canary());
        var theirs = RolloutStepPlanner.Plan(Guid.NewGuid(), Canary());

        Assert.Empty(mine.Select(s => s.IdempotencyKey).Intersect(theirs.Select(s => s.IdempotencyKey)));
    }

    [Fact]
    public void UnmetGateItems_RequiredItemNotDone_IsNamed()
    {
        var plan = MigrationPlan.Create(
            new PlanDefinition
            {
                Name = "p",
                Environment = "production",
                Services = ["user-service"],
                FromVersion = "2.3.0",
                ToVersion = "2.4.0",
                Stages = [new() { Name = "Edge", Tier = NodeTier.Edge, Checklist = [new() { Title = "Backup verified", Required = true }, new() { Title = "Runbook read", Required = true }] }],
            },
            Plans.PlanFixtures.Author,
            Now);
        var gate = RolloutStepPlanner.Plan(RolloutId, plan, instanceCount: 1)[0];
        plan.ChecklistItems.First().Complete("sam@example.com", Now, null);

        Assert.Equal(["Runbook read"], RolloutStepPlanner.UnmetGateItems(gate, plan.ChecklistItems));
    }
}
