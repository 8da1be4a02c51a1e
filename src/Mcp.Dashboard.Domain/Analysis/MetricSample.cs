namespace Mcp.Dashboard.Domain.Analysis;

/// <summary>The two fleets a canary analysis compares.</summary>
public static class Cohorts
{
    public const string Baseline = "baseline";
    public const string Canary = "canary";

    public static bool IsKnown(string? cohort) => cohort is Baseline or Canary;
}

/// <summary>One measurement of one metric on one cohort of one rollout, e.g. canary error_rate 0.02 at 10:00:01.</summary>
public sealed record MetricSample(string Cohort, string Metric, double Value, DateTimeOffset At);
