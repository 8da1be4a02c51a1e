using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Rollouts.Metrics;

/// <summary>
/// Every history bucket period, moves the closed buckets from <see cref="RecentSamples"/> to the
/// database, and drops expired raw samples. On graceful shutdown it writes every bucket,
/// including the one still open, so a restart loses no history (the next samples of that
/// bucket are merged into its row).
/// </summary>
/// <remarks>
/// A hosted service rather than a Quartz job: it moves in-memory state of this process, which
/// another node of a cluster could not do, and it must run at shutdown.
/// </remarks>
public sealed class MetricHistoryFlusher(
    RecentSamples recent,
    MetricHistory history,
    IOptions<MetricsOptions> options,
    TimeProvider time,
    ILogger<MetricHistoryFlusher> logger) : BackgroundService
{
    /// <summary>Buckets that failed to save, retried on the next tick; bounded so a database outage cannot exhaust memory.</summary>
    private const int MaxUnsaved = 200_000;

    private readonly Lock _gate = new();
    private List<MetricBucket> _unsaved = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HistoryBucket, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                recent.EvictExpired();
                await FlushAsync(time.GetUtcNow(), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(DateTimeOffset.MaxValue, cancellationToken);
    }

    /// <summary>
    /// Writes the buckets that ended at least one bucket period before <paramref name="now"/>
    /// (the grace lets slightly late samples land first); <see cref="DateTimeOffset.MaxValue"/> writes all.
    /// </summary>
    /// <returns>How many buckets were written.</returns>
    public async Task<int> FlushAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        List<MetricBucket> batch;
        lock (_gate)
        {
            batch = _unsaved;
            _unsaved = [];
        }

        batch.AddRange(recent.TakeClosedBuckets(now == DateTimeOffset.MaxValue ? now : now - options.Value.HistoryBucket));
        if (batch.Count == 0)
        {
            return 0;
        }

        try
        {
            await history.WriteAsync(batch, cancellationToken);
            return batch.Count;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Could not write {Count} metric history bucket(s); retrying on the next tick", batch.Count);
            lock (_gate)
            {
                _unsaved.InsertRange(0, batch.Count > MaxUnsaved ? batch[^MaxUnsaved..] : batch);
            }

            return 0;
        }
    }
}
