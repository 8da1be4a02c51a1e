using Mcp.Dashboard.Rollouts.Metrics;
using Quartz;

namespace Mcp.Dashboard.Jobs;

/// <summary>Daily: deletes metric history older than <c>Metrics:HistoryRetentionDays</c>.</summary>
[DisallowConcurrentExecution]
public sealed class MetricHistoryPurgeJob(MetricHistory history, ILogger<MetricHistoryPurgeJob> logger) : IJob
{
    public static readonly JobKey Key = new("metric-history-purge", "metrics");

    public static readonly TriggerKey TriggerKey = new("metric-history-purge-daily", "metrics");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var deleted = await history.PurgeExpiredAsync(cancellationToken);
        logger.LogInformation("Metric history purge deleted {Count} bucket(s) past retention", deleted);
    }
}
