using Microsoft.Extensions.Options;
using Quartz;

namespace Mcp.Dashboard.Rollouts.Metrics;

/// <summary>The <c>Metrics</c> configuration section: how much of each rollout's samples is kept, where, and for how long.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Minutes of raw samples kept in memory per series; also the oldest <c>at</c> ingest accepts.</summary>
    public int RecentMinutes { get; set; } = 15;

    /// <summary>Hard cap of raw samples per (rollout, metric, cohort); the oldest go first.</summary>
    public int MaxSamplesPerSeries { get; set; } = 50_000;

    /// <summary>Most (metric, cohort) series one rollout may have, so a runaway client cannot exhaust memory.</summary>
    public int MaxSeriesPerRollout { get; set; } = 500;

    /// <summary>Most samples in one ingest request.</summary>
    public int MaxBatchSize { get; set; } = 10_000;

    /// <summary>Width of a history bucket in seconds; also how often the history is written.</summary>
    public int HistoryBucketSeconds { get; set; } = 10;

    /// <summary>Days the downsampled history is kept.</summary>
    public int HistoryRetentionDays { get; set; } = 90;

    /// <summary>Quartz cron expression of the daily history purge.</summary>
    public string HistoryPurgeCron { get; set; } = "0 30 3 * * ?";

    public TimeSpan RecentWindow => TimeSpan.FromMinutes(RecentMinutes);

    public TimeSpan HistoryBucket => TimeSpan.FromSeconds(HistoryBucketSeconds);
}

/// <summary>Says exactly which metrics setting is wrong at start.</summary>
public sealed class ValidateMetricsOptions : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        var failures = new List<string>();
        Range(options.RecentMinutes, 1, 24 * 60, "RecentMinutes");
        Range(options.MaxSamplesPerSeries, 16, 10_000_000, "MaxSamplesPerSeries");
        Range(options.MaxSeriesPerRollout, 1, 100_000, "MaxSeriesPerRollout");
        Range(options.MaxBatchSize, 1, 1_000_000, "MaxBatchSize");
        Range(options.HistoryBucketSeconds, 1, 3600, "HistoryBucketSeconds");
        Range(options.HistoryRetentionDays, 1, 3650, "HistoryRetentionDays");
        if (options.HistoryBucketSeconds > options.RecentMinutes * 60)
        {
            failures.Add("Metrics:HistoryBucketSeconds must not be longer than Metrics:RecentMinutes, or buckets would close after their samples are gone.");
        }

        if (!CronExpression.TryParse(options.HistoryPurgeCron ?? "", out _))
        {
            failures.Add($"Metrics:HistoryPurgeCron '{options.HistoryPurgeCron}' is not a valid Quartz cron expression (e.g. '0 30 3 * * ?').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Range(int value, int min, int max, string key)
        {
            if (value < min || value > max)
            {
                failures.Add($"Metrics:{key} must be between {min} and {max}; it is {value}.");
            }
        }
    }
}
