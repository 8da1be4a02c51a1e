namespace Mcp.Dashboard.Rollouts.Metrics;

/// <summary>
/// One closed history bucket of one series: what the flusher writes. <see cref="Last"/> is the
/// value of the latest sample by time (not by arrival), at <see cref="LastAt"/>.
/// </summary>
public sealed record MetricBucket(
    Guid RolloutId,
    string Metric,
    string Cohort,
    DateTimeOffset Start,
    long Count,
    double Mean,
    double Min,
    double Max,
    double Last,
    DateTimeOffset LastAt);

/// <summary>The bucket math, in one place: buckets are aligned to the Unix epoch, start inclusive, end exclusive.</summary>
public static class HistoryBuckets
{
    /// <summary>The start of the bucket that holds <paramref name="utcTicks"/>, in UTC ticks.</summary>
    public static long StartOf(long utcTicks, long bucketTicks)
    {
        var sinceEpoch = utcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return utcTicks - (((sinceEpoch % bucketTicks) + bucketTicks) % bucketTicks);
    }

    public static DateTimeOffset StartOf(DateTimeOffset at, TimeSpan bucket) =>
        new(StartOf(at.UtcTicks, bucket.Ticks), TimeSpan.Zero);
}

/// <summary>
/// A bucket still collecting samples. A mutable struct kept in a list and updated in place
/// through a span, so adding a sample allocates nothing.
/// </summary>
internal struct OpenBucket(long start)
{
    public readonly long Start = start;
    public long Count;
    public double Sum;
    public double Min = double.PositiveInfinity;
    public double Max = double.NegativeInfinity;
    public long LastTicks = long.MinValue;
    public double Last;

    public void Add(long ticks, double value)
    {
        Count++;
        Sum += value;
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);

        // Ties go to the later arrival: the same instant reported twice keeps the newer report.
        if (ticks >= LastTicks)
        {
            LastTicks = ticks;
            Last = value;
        }
    }

    public readonly MetricBucket Close(Guid rolloutId, string metric, string cohort) =>
        new(rolloutId, metric, cohort, new DateTimeOffset(Start, TimeSpan.Zero), Count, Sum / Count, Min, Max, Last, new DateTimeOffset(LastTicks, TimeSpan.Zero));
}
