using Mcp.Dashboard.Rollouts.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mcp.Dashboard.Data.EntityConfigurations;

internal sealed class MetricHistoryPointConfiguration : IEntityTypeConfiguration<MetricHistoryPoint>
{
    public void Configure(EntityTypeBuilder<MetricHistoryPoint> point)
    {
        point.ToTable("MetricHistory");

        // One row per bucket of a series: the key is what the flusher merges on. No foreign key to
        // rollouts: the flusher writes buckets after the fact and must never fail on one; only a
        // draft or cancelled plan can be deleted, and its rollouts never ran, so never sampled.
        point.HasKey(p => new { p.RolloutId, p.Metric, p.Cohort, p.BucketStart });
        point.Property(p => p.Metric).HasMaxLength(64);
        point.Property(p => p.Cohort).HasMaxLength(16);

        // The daily purge deletes by age across all rollouts.
        point.HasIndex(p => p.BucketStart);
    }
}
