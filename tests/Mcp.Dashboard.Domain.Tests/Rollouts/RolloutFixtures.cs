using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;

namespace Mcp.Dashboard.Domain.Tests.Rollouts;

internal static class RolloutFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static readonly Guid RolloutId = Guid.Parse("5d0c8d8e-3a52-4b36-9d0e-6f1b2b7c9a01");

    public static readonly Guid PlanId = Guid.Parse("0a4f1f4e-1b2c-4d5e-8f90-123456789abc");

    public static RolloutStrategy Canary(params CanaryStep[] steps) => new()
    {
        Kind = DeploymentStrategy.Canary,
        Canary = steps.Length == 0 ? CanarySettings.Default : new CanarySettings { Steps = steps },
    };

    public static RolloutStrategy BlueGreen(int verifySeconds = 600, int keepBlueMinutes = 60) => new()
    {
        Kind = DeploymentStrategy.BlueGreen,
        BlueGreen = new BlueGreenSettings { VerifySeconds = verifySeconds, KeepBlueMinutes = keepBlueMinutes },
    };

    public static RolloutStrategy Rolling(int instances, int batchSize = 3, int intervalSeconds = 30) => new()
    {
        Kind = DeploymentStrategy.Rolling,
        Rolling = new RollingSettings { BatchSize = batchSize, IntervalSeconds = intervalSeconds },
        InstanceCount = instances,
    };

    public static RolloutStage Stage(NodeTier tier, params string[] required) =>
        new($"{tier} nodes", tier, required.Select(t => new GateItem(null, t)).ToList());

    /// <summary>A started canary rollout on the default 1 -> 10 -> 50 -> 100 steps.</summary>
    public static Rollout StartedCanary()
    {
        var rollout = Rollout.Create(RolloutId, PlanId, RolloutStepPlanner.Plan(RolloutId, Canary()));
        rollout.Start(Now);
        return rollout;
    }
}
