using Mcp.Dashboard.Domain.Inventory;

namespace Mcp.Dashboard.Domain.Plans;

/// <summary>A starting point for a plan, shown in the "new plan" gallery.</summary>
public sealed record PlanTemplate(string Key, string Title, string Summary, Func<PlanDefinition> Create);

/// <summary>
/// The playbook's migrations as ready-made plans: the stages, checklists, rollback plan and
/// communication a careful team would write anyway, so a release manager edits rather than
/// starts from nothing.
/// </summary>
public static class PlanTemplates
{
    public static IReadOnlyList<PlanTemplate> All { get; } =
    [
        new("canary-upgrade", "Canary version upgrade",
            "Upgrade in place, 1% -> 10% -> 50% -> 100% of traffic, tier by tier, judged against the baseline at every step.",
            CanaryUpgrade),
        new("blue-green", "Blue-green switch",
            "Stand up the new version beside the old, verify it, switch all traffic at once, keep the old one warm to switch back.",
            BlueGreen),
        new("rolling", "Rolling update",
            "Replace instances of stateless services in batches with a pause and a health check between batches.",
            Rolling),
        new("environment-migration", "Environment migration (dev -> prod)",
            "Move a service to a new environment with a verified backup, dual-write sync and a consistency check before traffic moves.",
            EnvironmentMigration),
        new("cluster-expansion", "Cluster expansion",
            "Grow from a single node to a cluster: add nodes tier by tier and move traffic onto them gradually.",
            ClusterExpansion),
    ];

    public static PlanTemplate? Find(string key) =>
        All.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase));

    private static PlanDefinition CanaryUpgrade() => Common() with
    {
        Name = "Version upgrade",
        Kind = PlanKind.VersionUpgrade,
        Strategy = DeploymentStrategy.Canary,
        Canary = CanarySettings.Default,
    };

    private static PlanDefinition BlueGreen() => Common() with
    {
        Name = "Blue-green upgrade",
        Kind = PlanKind.VersionUpgrade,
        Strategy = DeploymentStrategy.BlueGreen,
        BlueGreen = new BlueGreenSettings { VerifySeconds = 900, KeepBlueMinutes = 120 },
        Rollback = Common().Rollback with
        {
            Steps = [new() { Title = "Switch traffic back to blue" }, new() { Title = "Confirm blue serves all traffic" }, new() { Title = "Keep green for diagnosis, then tear down" }],
        },
    };

    private static PlanDefinition Rolling() => Common() with
    {
        Name = "Rolling update",
        Kind = PlanKind.VersionUpgrade,
        Strategy = DeploymentStrategy.Rolling,
        Rolling = new RollingSettings { BatchSize = 3, IntervalSeconds = 30 },
    };

    private static PlanDefinition EnvironmentMigration() => Common() with
    {
        Name = "Environment migration",
        Kind = PlanKind.EnvironmentMigration,
        Strategy = DeploymentStrategy.BlueGreen,
        DataMigrations =
        [
            new() { Kind = DataMigrationKind.Backup, Title = "Full backup of every database, dated and verified", IsGate = true },
            new() { Kind = DataMigrationKind.Sync, Title = "Dual write on, historical data synced", IsGate = true },
            new() { Kind = DataMigrationKind.ConsistencyCheck, Title = "Consistency check on a 10,000-row sample", IsGate = true },
        ],
    };

    private static PlanDefinition ClusterExpansion() => Common() with
    {
        Name = "Cluster expansion",
        Kind = PlanKind.ClusterExpansion,
        Strategy = DeploymentStrategy.Rolling,
        Rolling = new RollingSettings { BatchSize = 1, IntervalSeconds = 120 },
    };

    private static PlanDefinition Common() => new()
    {
        Stages =
        [
            new()
            {
                Name = "Edge nodes",
                Tier = NodeTier.Edge,
                Checklist =
                [
                    new() { Title = "Backup verified", Required = true },
                    new() { Title = "Performance baseline recorded (latency, throughput, resources)", Required = true },
                    new() { Title = "Rollback rehearsed in staging", Required = true },
                    new() { Title = "Monitoring dashboards and alerts updated" },
                ],
            },
            new()
            {
                Name = "Management nodes",
                Tier = NodeTier.Management,
                Checklist = [new() { Title = "Edge tier healthy for 30 minutes", Required = true }],
            },
            new()
            {
                Name = "Core service nodes",
                Tier = NodeTier.Core,
                Checklist =
                [
                    new() { Title = "Management tier healthy", Required = true },
                    new() { Title = "Benchmarks compared with the baseline" },
                    new() { Title = "Runbooks and architecture docs updated" },
                ],
            },
        ],
        Rollback = new RollbackPlan
        {
            Triggers =
            [
                new() { Metric = "error_rate", Comparison = TriggerComparison.Above, Threshold = 0.02, ForSeconds = 60, Description = "Error rate above 2%" },
                new() { Metric = "latency_p99_ms", Comparison = TriggerComparison.Above, Threshold = 800, ForSeconds = 120, Description = "p99 latency above 800 ms" },
            ],
            Steps =
            [
                new() { Title = "Route all traffic to the previous version" },
                new() { Title = "Restore configuration from the snapshot" },
                new() { Title = "Confirm error rate and latency are back to baseline" },
                new() { Title = "Tell stakeholders and open an incident review" },
            ],
        },
        Communication = new CommunicationPlan
        {
            Entries =
            [
                new() { Audience = CommunicationAudience.Business, Channel = CommunicationChannel.StatusPage, Moments = [CommunicationMoment.Before24Hours, CommunicationMoment.Start, CommunicationMoment.Rollback, CommunicationMoment.Completion] },
                new() { Audience = CommunicationAudience.Engineers, Channel = CommunicationChannel.StatusPage, Moments = [CommunicationMoment.Before1Hour, CommunicationMoment.Start, CommunicationMoment.EachStep, CommunicationMoment.Pause, CommunicationMoment.Rollback, CommunicationMoment.Completion] },
            ],
        },
        Analysis = new AnalysisSettings { Enabled = true },
    };
}
