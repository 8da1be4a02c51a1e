namespace Mcp.Dashboard.Rollouts.Metrics;

/// <summary>
/// One stored history bucket: the samples of one (rollout, metric, cohort) whose time falls in
/// [<see cref="BucketStart"/>, start + <c>Metrics:HistoryBucketSeconds</c>), summarised.
/// </summary>
public sealed class MetricHistoryPoint
{
    public Guid RolloutId { get; set; }

    public string Metric { get; set; } = "";

    public string Cohort { get; set; } = "";

    public DateTimeOffset BucketStart { get; set; }

    public long Count { get; set; }

    public double Mean { get; set; }

    public double Min { get; set; }

    public double Max { get; set; }

    /// <summary>The value of the latest sample in the bucket, by sample time.</summary>
    public double Last { get; set; }

    public DateTimeOffset LastAt { get; set; }

    public static MetricHistoryPoint From(MetricBucket bucket) => new()
    {
        RolloutId = bucket.RolloutId,
        Metric = bucket.Metric,
        Cohort = bucket.Cohort,
        BucketStart = bucket.Start,
        Count = bucket.Count,
        Mean = bucket.Mean,
        Min = bucket.Min,
        Max = bucket.Max,
        Last = bucket.Last,
        LastAt = bucket.LastAt,
    };

    /// <summary>
    /// Folds a later part of the same bucket into this point: samples that arrived after the
    /// bucket was first written, or the rest of a bucket written at shutdown.
    /// </summary>
    public void Merge(MetricBucket more)
    {
        var count = Count + more.Count;
        Mean = ((Mean * Count) + (more.Mean * more.Count)) / count;
        Count = count;
        Min = Math.Min(Min, more.Min);
        Max = Math.Max(Max, more.Max);
        if (more.LastAt >= LastAt)
        {
            Last = more.Last;
            LastAt = more.LastAt;
        }
    }
}
