using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Domain.Rollouts;

/// <summary>The strategy and its settings, as the planner needs them.</summary>
public sealed record RolloutStrategy
{
    public DeploymentStrategy Kind { get; init; } = DeploymentStrategy.Canary;

    public CanarySettings Canary { get; init; } = CanarySettings.Default;

    public BlueGreenSettings BlueGreen { get; init; } = new();

    public RollingSettings Rolling { get; init; } = new();

    /// <summary>Rolling: how many instances each tier phase (or the whole fleet) replaces.</summary>
    public int InstanceCount { get; init; } = 1;

    /// <summary>Whether bakes are judged by canary analysis (the plan's analysis switch).</summary>
    public bool AnalysisEnabled { get; init; } = true;

    public static RolloutStrategy From(PlanDefinition definition, int instanceCount) => new()
    {
        Kind = definition.Strategy,
        Canary = definition.Canary,
        BlueGreen = definition.BlueGreen,
        Rolling = definition.Rolling,
        InstanceCount = instanceCount,
        AnalysisEnabled = definition.Analysis.Enabled,
    };

    public static RolloutStrategy From(MigrationPlan plan, int instanceCount) => new()
    {
        Kind = plan.Strategy,
        Canary = plan.Canary,
        BlueGreen = plan.BlueGreen,
        Rolling = plan.Rolling,
        InstanceCount = instanceCount,
        AnalysisEnabled = plan.Analysis.Enabled,
    };
}

/// <summary>
/// Turns a plan's strategy (and, when it has stages, its tiers) into the ordered steps of a
/// rollout. Pure and deterministic: the same input gives the same steps and the same keys.
/// </summary>
public static class RolloutStepPlanner
{
    /// <summary>
    /// The steps for <paramref name="strategy"/>. With stages, the strategy's steps repeat per
    /// tier in edge -> management -> core order, each tier phase opening with a gate.
    /// </summary>
    public static IReadOnlyList<RolloutStep> Plan(Guid rolloutId, RolloutStrategy strategy, IReadOnlyList<RolloutStage>? stages = null)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        Validate(strategy);

        var drafts = new List<RolloutStep>();
        if (stages is null || stages.Count == 0)
        {
            drafts.AddRange(StrategySteps(strategy, tier: null));
        }
        else
        {
            // OrderBy is stable: two stages on the same tier keep the plan's order.
            foreach (var stage in stages.OrderBy(s => s.Tier))
            {
                drafts.Add(new RolloutStep { Action = RolloutAction.Gate, Tier = stage.Tier, GateItems = stage.RequiredItems });
                drafts.AddRange(StrategySteps(strategy, stage.Tier));
            }
        }

        return drafts
            .Select((step, index) => step with { Index = index, IdempotencyKey = RolloutStep.KeyFor(rolloutId, index, step.Action) })
            .ToList();
    }

    /// <summary>The steps for a plan definition (its strategy, settings and stages).</summary>
    public static IReadOnlyList<RolloutStep> Plan(Guid rolloutId, PlanDefinition definition, int instanceCount) =>
        Plan(rolloutId, RolloutStrategy.From(definition, instanceCount), StagesOf(definition));

    /// <summary>The steps for a stored plan (its strategy, settings and stages).</summary>
    public static IReadOnlyList<RolloutStep> Plan(Guid rolloutId, MigrationPlan plan, int instanceCount) =>
        Plan(rolloutId, RolloutStrategy.From(plan, instanceCount), StagesOf(plan));

    public static IReadOnlyList<RolloutStage> StagesOf(PlanDefinition definition) =>
        definition.Stages
            .Select(s => new RolloutStage(
                s.Name,
                s.Tier,
                s.Checklist.Where(i => i.Required).Select(i => new GateItem(i.Id, i.Title)).ToList()))
            .ToList();

    public static IReadOnlyList<RolloutStage> StagesOf(MigrationPlan plan) =>
        plan.Stages
            .OrderBy(s => s.Order)
            .Select(s => new RolloutStage(
                s.Name,
                s.Tier,
                s.Checklist.Where(i => i.Required).OrderBy(i => i.Order).Select(i => new GateItem(i.Id, i.Title)).ToList()))
            .ToList();

    /// <summary>The titles of a gate's items that are not yet done; empty means the gate is open.</summary>
    public static IReadOnlyList<string> UnmetGateItems(RolloutStep gate, IEnumerable<ChecklistItem> checklist)
    {
        ArgumentNullException.ThrowIfNull(gate);
        var done = checklist.Where(i => i.IsDone).Select(i => i.Id).ToHashSet();
        return gate.GateItems.Where(i => i.Id is not { } id || !done.Contains(id)).Select(i => i.Title).ToList();
    }

    private static IEnumerable<RolloutStep> StrategySteps(RolloutStrategy strategy, NodeTier? tier) => strategy.Kind switch
    {
        DeploymentStrategy.Canary => CanarySteps(strategy, tier),
        DeploymentStrategy.BlueGreen => BlueGreenSteps(strategy, tier),
        DeploymentStrategy.Rolling => RollingSteps(strategy, tier),
        _ => throw new RolloutRuleViolation($"Unknown strategy {strategy.Kind}."),
    };

    private static IEnumerable<RolloutStep> CanarySteps(RolloutStrategy strategy, NodeTier? tier)
    {
        var steps = strategy.Canary.Steps.ToList();

        // A canary always ends with all traffic on the new version.
        if (steps.Count == 0 || steps[^1].Weight != 100)
        {
            steps.Add(new CanaryStep(100, 0));
        }

        return steps.Select(s => new RolloutStep
        {
            Action = RolloutAction.SetWeight,
            Tier = tier,
            Weight = s.Weight,
            Duration = TimeSpan.FromSeconds(s.BakeSeconds),
            NeedsAnalysis = strategy.AnalysisEnabled && s.BakeSeconds > 0,
        });
    }

    private static IEnumerable<RolloutStep> BlueGreenSteps(RolloutStrategy strategy, NodeTier? tier)
    {
        var settings = strategy.BlueGreen;
        yield return new RolloutStep { Action = RolloutAction.DeployGreen, Tier = tier };
        yield return new RolloutStep
        {
            Action = RolloutAction.Verify,
            Tier = tier,
            Duration = TimeSpan.FromSeconds(settings.VerifySeconds),
            NeedsAnalysis = strategy.AnalysisEnabled && settings.VerifySeconds > 0,
        };
        yield return new RolloutStep { Action = RolloutAction.Switch, Tier = tier };
        yield return new RolloutStep { Action = RolloutAction.KeepBlue, Tier = tier, Duration = TimeSpan.FromMinutes(settings.KeepBlueMinutes) };
        yield return new RolloutStep { Action = RolloutAction.Promote, Tier = tier };
    }

    private static IEnumerable<RolloutStep> RollingSteps(RolloutStrategy strategy, NodeTier? tier)
    {
        var size = strategy.Rolling.BatchSize;
        var count = strategy.InstanceCount;
        var batches = (count + size - 1) / size;
        for (var b = 0; b < batches; b++)
        {
            var first = b * size;
            yield return new RolloutStep
            {
                Action = RolloutAction.ReplaceBatch,
                Tier = tier,
                Batch = new RolloutBatch(b + 1, batches, first, Math.Min(size, count - first)),

                // The interval separates batches; the last one has nothing to wait for.
                Duration = b < batches - 1 ? TimeSpan.FromSeconds(strategy.Rolling.IntervalSeconds) : TimeSpan.Zero,
                NeedsHealthCheck = true,
            };
        }
    }

    private static void Validate(RolloutStrategy strategy)
    {
        if (strategy.Kind == DeploymentStrategy.Canary &&
            strategy.Canary.Steps.Any(s => s.Weight is < 0 or > 100 || s.BakeSeconds < 0))
        {
            throw new RolloutRuleViolation("Canary weights must be 0-100% and bakes may not be negative.");
        }

        if (strategy.Kind == DeploymentStrategy.BlueGreen &&
            (strategy.BlueGreen.VerifySeconds < 0 || strategy.BlueGreen.KeepBlueMinutes < 0))
        {
            throw new RolloutRuleViolation("Blue-green verify and keep-blue times may not be negative.");
        }

        if (strategy.Kind == DeploymentStrategy.Rolling)
        {
            if (strategy.Rolling.BatchSize < 1)
            {
                throw new RolloutRuleViolation("A rolling batch must hold at least one instance.");
            }

            if (strategy.InstanceCount < 1)
            {
                throw new RolloutRuleViolation("A rolling rollout needs at least one instance to replace.");
            }

            if (strategy.Rolling.IntervalSeconds < 0)
            {
                throw new RolloutRuleViolation("The interval between batches may not be negative.");
            }
        }
    }
}
