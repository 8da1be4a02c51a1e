using Mcp.Dashboard.Domain.Inventory;

namespace Mcp.Dashboard.Domain.Plans;

/// <summary>
/// Everything a release manager authors about a plan, in one value: the API body, the
/// editor's model and what templates produce. Progress (ticks, evidence, approvals) is not
/// part of it, so saving a definition never erases somebody's tick.
/// </summary>
public sealed record PlanDefinition
{
    public string Name { get; init; } = "";

    public PlanKind Kind { get; init; } = PlanKind.VersionUpgrade;

    public string Environment { get; init; } = "";

    public IReadOnlyList<string> Services { get; init; } = [];

    public string FromVersion { get; init; } = "";

    public string ToVersion { get; init; } = "";

    public DeploymentStrategy Strategy { get; init; } = DeploymentStrategy.Canary;

    public string? Description { get; init; }

    public IReadOnlyList<StageDefinition> Stages { get; init; } = [];

    public CanarySettings Canary { get; init; } = CanarySettings.Default;

    public BlueGreenSettings BlueGreen { get; init; } = new();

    public RollingSettings Rolling { get; init; } = new();

    public AnalysisSettings Analysis { get; init; } = new();

    public TargetSettings Target { get; init; } = new();

    public IReadOnlyList<TeamMember> Team { get; init; } = [];

    public RollbackPlan Rollback { get; init; } = new();

    public CommunicationPlan Communication { get; init; } = new();

    public IReadOnlyList<DataMigrationTask> DataMigrations { get; init; } = [];

    public ConfigChange? ConfigChange { get; init; }

    /// <summary>Internal plans never appear on the public status page.</summary>
    public bool Internal { get; init; }

    public WindowOverrunPolicy WindowOverrun { get; init; } = WindowOverrunPolicy.Pause;
}

public sealed record StageDefinition
{
    /// <summary>Set when revising an existing stage, so its checklist keeps its ticks.</summary>
    public Guid? Id { get; init; }

    public string Name { get; init; } = "";

    public NodeTier Tier { get; init; }

    public IReadOnlyList<ChecklistItemDefinition> Checklist { get; init; } = [];
}

public sealed record ChecklistItemDefinition
{
    public Guid? Id { get; init; }

    public string Title { get; init; } = "";

    /// <summary>The owner's e-mail; normally a member of the plan's team.</summary>
    public string? Owner { get; init; }

    public DateTimeOffset? Due { get; init; }

    /// <summary>A required item is a go/no-go gate for its stage.</summary>
    public bool Required { get; init; }
}

public sealed record CanaryStep(int Weight, int BakeSeconds);

public sealed record CanarySettings
{
    /// <summary>The playbook's canary: 1% -> 10% -> 50% -> 100%.</summary>
    public static CanarySettings Default { get; } = new()
    {
        Steps = [new(1, 300), new(10, 600), new(50, 600), new(100, 0)],
    };

    public IReadOnlyList<CanaryStep> Steps { get; init; } = [];
}

public sealed record BlueGreenSettings
{
    /// <summary>How long green is verified under analysis before traffic switches.</summary>
    public int VerifySeconds { get; init; } = 600;

    /// <summary>How long blue stays warm after the switch, for a one-press switch back.</summary>
    public int KeepBlueMinutes { get; init; } = 60;
}

public sealed record RollingSettings
{
    public int BatchSize { get; init; } = 3;

    public int IntervalSeconds { get; init; } = 30;
}

public sealed record AnalysisSettings
{
    public bool Enabled { get; init; } = true;

    /// <summary>Metrics to judge; empty means the defaults (error_rate and latency_p99_ms).</summary>
    public IReadOnlyList<AnalysisMetric> Metrics { get; init; } = [];

    /// <summary>Read baseline and canary values from this Prometheus; null: simulator and ingest API only.</summary>
    public PrometheusSettings? Prometheus { get; init; }
}

/// <summary>
/// Where a Prometheus query source reads a rollout's metrics. Each metric's query names the
/// fleet with <see cref="SelectorPlaceholder"/> (replaced by the baseline's or the canary's
/// label matchers) and may use <see cref="LookbackPlaceholder"/> for its range, e.g.
/// <c>sum(rate(http_requests_total{$selector,code=~"5.."}[$lookback]))</c>. A <c>$</c> word
/// cannot clash with PromQL, whose braces and brackets stay as PromQL writes them.
/// </summary>
public sealed record PrometheusSettings
{
    public const string SelectorPlaceholder = "$selector";
    public const string LookbackPlaceholder = "$lookback";
    public const int DefaultLookbackSeconds = 60;

    /// <summary>The server's base URL, e.g. https://prometheus.example.com (a path prefix is kept).</summary>
    public string Url { get; init; } = "";

    /// <summary>Label matchers of the fleet on the old version, without braces: <c>version="2.3.0"</c>.</summary>
    public string BaselineSelector { get; init; } = "";

    /// <summary>Label matchers of the canary fleet, without braces: <c>version="2.5.0"</c>.</summary>
    public string CanarySelector { get; init; } = "";

    /// <summary>The range <c>$lookback</c> stands for, in seconds; 60 when not set.</summary>
    public int? LookbackSeconds { get; init; }

    /// <summary>
    /// Queries for the two default metrics, so <c>"analysis": { "enabled": true }</c> works
    /// against the usual HTTP server metrics (a <c>code</c> label on requests, a seconds histogram).
    /// </summary>
    public static IReadOnlyDictionary<string, string> DefaultQueries { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["error_rate"] = "sum(rate(http_requests_total{$selector,code=~\"5..\"}[$lookback])) / sum(rate(http_requests_total{$selector}[$lookback]))",
        ["latency_p99_ms"] = "1000 * histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{$selector}[$lookback])))",
    };

    /// <summary>The metrics judged when a plan lists none.</summary>
    public static IReadOnlyList<string> DefaultMetricNames { get; } = ["error_rate", "latency_p99_ms"];

    /// <summary>The metric's own query, else the default for its name, else null.</summary>
    public static string? QueryFor(AnalysisMetric metric) =>
        !string.IsNullOrWhiteSpace(metric.Query) ? metric.Query : DefaultQueries.GetValueOrDefault(metric.Name);
}

public sealed record AnalysisMetric
{
    public string Name { get; init; } = "";

    public bool HigherIsWorse { get; init; } = true;

    public bool Critical { get; init; }

    public double Weight { get; init; } = 1;

    /// <summary>A canary value above this (or below, when lower is worse) fails outright.</summary>
    public double? AbsoluteLimit { get; init; }

    /// <summary>How much worse than baseline the canary may be, as a ratio (0.2 = 20%).</summary>
    public double? RelativeTolerance { get; init; }

    /// <summary>
    /// PromQL for a Prometheus source, with <c>$selector</c> where the cohort's label matchers go;
    /// null uses the default query for error_rate and latency_p99_ms.
    /// </summary>
    public string? Query { get; init; }
}

public sealed record TargetSettings
{
    public TargetKind Kind { get; init; } = TargetKind.Simulated;

    public string? Url { get; init; }

    /// <summary>
    /// Write-only: the webhook signing key as typed. It is protected before storage and
    /// never returned; an empty value on revision keeps the stored key.
    /// </summary>
    public string? Secret { get; init; }
}

public sealed record TeamMember
{
    public string Name { get; init; } = "";

    public string Email { get; init; } = "";

    public TeamRole Role { get; init; }
}

public sealed record RollbackPlan
{
    public IReadOnlyList<RollbackTrigger> Triggers { get; init; } = [];

    public IReadOnlyList<RollbackStep> Steps { get; init; } = [];
}

/// <summary>A condition that rolls the migration back, e.g. error_rate above 0.02 for 60 s.</summary>
public sealed record RollbackTrigger
{
    public string Metric { get; init; } = "";

    public TriggerComparison Comparison { get; init; } = TriggerComparison.Above;

    public double Threshold { get; init; }

    public int ForSeconds { get; init; }

    public string? Description { get; init; }

    public string Describe()
    {
        var condition = $"{Metric} {(Comparison == TriggerComparison.Above ? "above" : "below")} {Threshold:0.####}";
        var duration = ForSeconds > 0 ? $" for {ForSeconds} s" : "";
        return string.IsNullOrWhiteSpace(Description) ? condition + duration : $"{Description} ({condition}{duration})";
    }
}

public sealed record RollbackStep
{
    public string Title { get; init; } = "";

    public string? Owner { get; init; }
}

public sealed record CommunicationPlan
{
    public IReadOnlyList<CommunicationEntry> Entries { get; init; } = [];
}

public sealed record CommunicationEntry
{
    public CommunicationAudience Audience { get; init; }

    public CommunicationChannel Channel { get; init; }

    public IReadOnlyList<CommunicationMoment> Moments { get; init; } = [];

    /// <summary>A webhook URL or an e-mail address, depending on the channel.</summary>
    public string? Destination { get; init; }

    public string? Note { get; init; }

    /// <summary>The language of the default messages (and, by convention, of the entry's own).</summary>
    public Communication.MessageLanguage Language { get; init; }

    /// <summary>
    /// The entry's own message per moment, with placeholders such as <c>{plan}</c>; a moment
    /// without one sends the default for the audience and language.
    /// </summary>
    public IReadOnlyDictionary<CommunicationMoment, string> Templates { get; init; } = new Dictionary<CommunicationMoment, string>();
}

/// <summary>
/// A data-migration safety step. Its evidence is recorded as the work happens and, when
/// <see cref="IsGate"/> is set, the rollout may not start until the evidence says it is safe.
/// </summary>
public sealed record DataMigrationTask
{
    public Guid Id { get; init; }

    public DataMigrationKind Kind { get; init; }

    public string Title { get; init; } = "";

    public bool IsGate { get; init; } = true;

    public BackupEvidence? Backup { get; init; }

    public SyncEvidence? Sync { get; init; }

    public ConsistencyEvidence? Consistency { get; init; }
}

public sealed record BackupEvidence
{
    public string? Location { get; init; }

    public long? SizeBytes { get; init; }

    public string? Checksum { get; init; }

    public bool Verified { get; init; }

    public string? VerifiedBy { get; init; }

    public DateTimeOffset? VerifiedAt { get; init; }
}

public sealed record SyncEvidence
{
    public bool DualWriteEnabled { get; init; }

    public double ProgressPercent { get; init; }

    public int? LagSeconds { get; init; }
}

public sealed record ConsistencyEvidence
{
    public int SampleSize { get; init; }

    public int Mismatches { get; init; }

    public DateTimeOffset? CheckedAt { get; init; }
}

/// <summary>The platform configuration before and after, as YAML.</summary>
public sealed record ConfigChange
{
    public string OldYaml { get; init; } = "";

    public string NewYaml { get; init; } = "";
}
