using Mcp.Dashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Rollouts.Metrics;

/// <summary>The downsampled metric history of rollouts in the database: written by the flusher, read by pages and reports, purged by a Quartz job.</summary>
public sealed class MetricHistory(IDbContextFactory<DashboardDbContext> contexts, IOptions<MetricsOptions> options, TimeProvider time)
{
    /// <summary>
    /// Writes closed buckets. A bucket already stored (late samples, or the part written at
    /// shutdown) is merged into its row rather than duplicated or overwritten.
    /// </summary>
    public async Task WriteAsync(IReadOnlyCollection<MetricBucket> buckets, CancellationToken cancellationToken)
    {
        if (buckets.Count == 0)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var rollout in buckets.GroupBy(b => b.RolloutId))
        {
            var from = rollout.Min(b => b.Start);
            var to = rollout.Max(b => b.Start);
            var rolloutId = rollout.Key;
            var stored = await db.MetricHistory
                .Where(p => p.RolloutId == rolloutId && p.BucketStart >= from && p.BucketStart <= to)
                .ToDictionaryAsync(p => (p.Metric, p.Cohort, p.BucketStart.UtcTicks), cancellationToken);

            foreach (var bucket in rollout)
            {
                if (stored.TryGetValue((bucket.Metric, bucket.Cohort, bucket.Start.UtcTicks), out var point))
                {
                    point.Merge(bucket);
                }
                else
                {
                    point = MetricHistoryPoint.From(bucket);
                    db.MetricHistory.Add(point);
                    stored[(bucket.Metric, bucket.Cohort, bucket.Start.UtcTicks)] = point;
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The rollout's history from <paramref name="from"/> (inclusive) to <paramref name="to"/>
    /// (exclusive), for one metric or all, ordered by metric, cohort and time.
    /// </summary>
    public async Task<IReadOnlyList<MetricHistoryPoint>> ReadAsync(Guid rolloutId, string? metric, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.MetricHistory.AsNoTracking().Where(p => p.RolloutId == rolloutId && p.BucketStart >= from && p.BucketStart < to);
        if (metric is not null)
        {
            query = query.Where(p => p.Metric == metric);
        }

        return await query.OrderBy(p => p.Metric).ThenBy(p => p.Cohort).ThenBy(p => p.BucketStart).ToListAsync(cancellationToken);
    }

    /// <summary>Deletes buckets older than <c>Metrics:HistoryRetentionDays</c>; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.HistoryRetentionDays);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MetricHistory.Where(p => p.BucketStart < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
