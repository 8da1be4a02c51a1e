using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Mcp.Dashboard.Domain.Analysis;
using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Rollouts.Metrics;

/// <summary>
/// The recent raw samples of every live rollout, in memory: one time-sorted ring buffer per
/// (rollout, metric, cohort), bounded by <see cref="MetricsOptions.RecentMinutes"/> and
/// <see cref="MetricsOptions.MaxSamplesPerSeries"/>. It also accumulates the history buckets the
/// <see cref="MetricHistoryFlusher"/> writes to the database.
/// </summary>
/// <remarks>
/// <para>
/// Writes take one short lock per rollout per batch, so rollouts never contend with each other
/// and a batch of 10,000 samples costs one lock, not 10,000. A sample is stored as a 16-byte
/// struct (ticks, value); the metric and cohort strings are held once per series, so the
/// strings of an ingested request are garbage at once instead of surviving in the buffers.
/// </para>
/// <para>
/// Each series is kept sorted by time. A batch is sorted per series if it is not already;
/// samples newer than everything kept are appended, and a batch that reaches back in time is
/// merged in one linear pass. When a series is full, the oldest samples go, whichever batch
/// they came from (a late sample older than everything in a full series is dropped from the
/// buffer; it still counts in its history bucket).
/// </para>
/// </remarks>
public sealed partial class RecentSamples
{
    private readonly ConcurrentDictionary<Guid, RolloutSeries> _rollouts = new();
    private readonly ConcurrentQueue<MetricBucket> _forgottenBuckets = new();
    private readonly Lock _subscribersGate = new();
    private readonly TimeProvider _time;
    private readonly ILogger<RecentSamples> _logger;
    private readonly long _windowTicks;
    private readonly long _bucketTicks;
    private readonly int _maxPerSeries;
    private readonly int _maxSeries;

    // Copy-on-write so an append reads its subscribers without taking a lock.
    private volatile ImmutableDictionary<Guid, ImmutableArray<Action<IReadOnlyList<MetricSample>>>> _subscribers =
        ImmutableDictionary<Guid, ImmutableArray<Action<IReadOnlyList<MetricSample>>>>.Empty;

    public RecentSamples(IOptions<MetricsOptions> options, TimeProvider time, ILogger<RecentSamples> logger)
    {
        var settings = options.Value;
        _time = time;
        _logger = logger;
        _windowTicks = settings.RecentWindow.Ticks;
        _bucketTicks = settings.HistoryBucket.Ticks;
        _maxPerSeries = settings.MaxSamplesPerSeries;
        _maxSeries = settings.MaxSeriesPerRollout;
    }

    /// <summary>How far back samples are kept.</summary>
    public TimeSpan Window => TimeSpan.FromTicks(_windowTicks);

    /// <summary>
    /// Adds a batch of samples to a rollout, all or nothing, then tells the rollout's subscribers
    /// once. Samples must be valid already (known cohort, finite value): ingest and the sources
    /// check that. The list is handed to subscribers as is; do not change it afterwards.
    /// </summary>
    /// <returns>False, with nothing stored, when the batch would give the rollout more series than allowed.</returns>
    public bool TryAppend(Guid rolloutId, IReadOnlyList<MetricSample> samples, out string? refusal)
    {
        refusal = null;
        if (samples.Count == 0)
        {
            return true;
        }

        var cutoff = _time.GetUtcNow().UtcTicks - _windowTicks;
        var targets = ArrayPool<Series>.Shared.Rent(samples.Count);
        try
        {
            while (true)
            {
                var rollout = _rollouts.GetOrAdd(rolloutId, static _ => new RolloutSeries());
                lock (rollout.Gate)
                {
                    // Forget removed it between our lookup and our lock: start again on a fresh one.
                    if (rollout.Forgotten)
                    {
                        continue;
                    }

                    if (!rollout.Resolve(samples, targets, _maxSeries, out refusal))
                    {
                        return false;
                    }

                    var touched = new List<Series>();
                    for (var i = 0; i < samples.Count; i++)
                    {
                        var sample = samples[i];
                        if (targets[i].Stage(sample.At.UtcTicks, sample.Value, _bucketTicks))
                        {
                            touched.Add(targets[i]);
                        }
                    }

                    foreach (var series in touched)
                    {
                        series.Commit(cutoff, _maxPerSeries);
                    }

                    break;
                }
            }
        }
        finally
        {
            ArrayPool<Series>.Shared.Return(targets, clearArray: true);
        }

        Notify(rolloutId, samples);
        return true;
    }

    /// <summary>As <see cref="TryAppend"/>, throwing when the batch is refused.</summary>
    public void Append(Guid rolloutId, IReadOnlyList<MetricSample> samples)
    {
        if (!TryAppend(rolloutId, samples, out var refusal))
        {
            throw new InvalidOperationException(refusal);
        }
    }

    /// <summary>Every kept sample of the rollout at or after <paramref name="since"/>, per series, each series in time order.</summary>
    public IReadOnlyList<MetricSample> Read(Guid rolloutId, DateTimeOffset since)
    {
        if (!_rollouts.TryGetValue(rolloutId, out var rollout))
        {
            return [];
        }

        var from = Math.Max(since.UtcTicks, _time.GetUtcNow().UtcTicks - _windowTicks);
        var result = new List<MetricSample>();
        lock (rollout.Gate)
        {
            foreach (var series in rollout.Series.Values.OrderBy(s => s.Metric, StringComparer.Ordinal).ThenBy(s => s.Cohort, StringComparer.Ordinal))
            {
                series.CopyTo(result, from);
            }
        }

        return result;
    }

    /// <summary>The kept samples of one series at or after <paramref name="since"/>, in time order.</summary>
    public IReadOnlyList<MetricSample> Read(Guid rolloutId, string metric, string cohort, DateTimeOffset since)
    {
        if (!_rollouts.TryGetValue(rolloutId, out var rollout))
        {
            return [];
        }

        var from = Math.Max(since.UtcTicks, _time.GetUtcNow().UtcTicks - _windowTicks);
        var result = new List<MetricSample>();
        lock (rollout.Gate)
        {
            if (rollout.Series.TryGetValue(new SeriesKey(metric, cohort), out var series))
            {
                series.CopyTo(result, from);
            }
        }

        return result;
    }

    /// <summary>Just the values of one series at or after <paramref name="since"/>, in time order: what the judge compares.</summary>
    public double[] ReadValues(Guid rolloutId, string metric, string cohort, DateTimeOffset since)
    {
        if (!_rollouts.TryGetValue(rolloutId, out var rollout))
        {
            return [];
        }

        var from = Math.Max(since.UtcTicks, _time.GetUtcNow().UtcTicks - _windowTicks);
        lock (rollout.Gate)
        {
            return rollout.Series.TryGetValue(new SeriesKey(metric, cohort), out var series) ? series.Values(from) : [];
        }
    }

    /// <summary>The metric names the rollout has samples for (either cohort), sorted.</summary>
    public IReadOnlyList<string> Metrics(Guid rolloutId)
    {
        if (!_rollouts.TryGetValue(rolloutId, out var rollout))
        {
            return [];
        }

        lock (rollout.Gate)
        {
            return rollout.Series.Keys.Select(k => k.Metric).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>
    /// Drops the rollout's samples (a finished rollout needs only its history). Its history
    /// buckets still open are not lost: the next flush writes them.
    /// </summary>
    public void Forget(Guid rolloutId)
    {
        if (!_rollouts.TryRemove(rolloutId, out var rollout))
        {
            return;
        }

        lock (rollout.Gate)
        {
            rollout.Forgotten = true;
            foreach (var bucket in rollout.TakeBuckets(rolloutId, long.MaxValue))
            {
                _forgottenBuckets.Enqueue(bucket);
            }
        }
    }

    /// <summary>
    /// Hears about every batch appended to the rollout, once per batch, on the appending thread,
    /// after the samples are readable. The callback must be quick and must not block (hand the
    /// batch to a channel or a throttler); consumers coalesce on their side. Dispose to stop.
    /// </summary>
    public IDisposable Subscribe(Guid rolloutId, Action<IReadOnlyList<MetricSample>> onSamples)
    {
        lock (_subscribersGate)
        {
            var current = _subscribers.TryGetValue(rolloutId, out var list) ? list : [];
            _subscribers = _subscribers.SetItem(rolloutId, current.Add(onSamples));
        }

        return new Subscription(this, rolloutId, onSamples);
    }

    /// <summary>
    /// Removes the history buckets that ended at or before <paramref name="endedBy"/> (and all
    /// those of forgotten rollouts) and returns them, for the flusher to write.
    /// <see cref="DateTimeOffset.MaxValue"/> takes every bucket, open ones included.
    /// </summary>
    public IReadOnlyList<MetricBucket> TakeClosedBuckets(DateTimeOffset endedBy)
    {
        var startsBefore = endedBy == DateTimeOffset.MaxValue ? long.MaxValue : endedBy.UtcTicks - _bucketTicks + 1;
        var result = new List<MetricBucket>();
        while (_forgottenBuckets.TryDequeue(out var forgotten))
        {
            result.Add(forgotten);
        }

        foreach (var (rolloutId, rollout) in _rollouts)
        {
            lock (rollout.Gate)
            {
                result.AddRange(rollout.TakeBuckets(rolloutId, startsBefore));
            }
        }

        return result;
    }

    /// <summary>Drops samples older than the window from every series, and rollouts left with nothing.</summary>
    public void EvictExpired()
    {
        var cutoff = _time.GetUtcNow().UtcTicks - _windowTicks;
        foreach (var (rolloutId, rollout) in _rollouts)
        {
            lock (rollout.Gate)
            {
                // Under the lock, so an append that already holds this rollout retries on a new one.
                if (rollout.Evict(cutoff))
                {
                    rollout.Forgotten = true;
                    _rollouts.TryRemove(new KeyValuePair<Guid, RolloutSeries>(rolloutId, rollout));
                }
            }
        }
    }

    private void Notify(Guid rolloutId, IReadOnlyList<MetricSample> samples)
    {
        if (!_subscribers.TryGetValue(rolloutId, out var subscribers))
        {
            return;
        }

        foreach (var subscriber in subscribers)
        {
            try
            {
                subscriber(samples);
            }
            catch (Exception exception)
            {
                // One broken consumer must not fail the ingest or starve the others.
                _logger.LogWarning(exception, "A metric subscriber for rollout {RolloutId} failed", rolloutId);
            }
        }
    }

    private void Unsubscribe(Guid rolloutId, Action<IReadOnlyList<MetricSample>> onSamples)
    {
        lock (_subscribersGate)
        {
            if (!_subscribers.TryGetValue(rolloutId, out var list))
            {
                return;
            }

            var remaining = list.Remove(onSamples);
            _subscribers = remaining.IsEmpty ? _subscribers.Remove(rolloutId) : _subscribers.SetItem(rolloutId, remaining);
        }
    }

    private sealed class Subscription(RecentSamples owner, Guid rolloutId, Action<IReadOnlyList<MetricSample>> onSamples) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(rolloutId, onSamples);
            }
        }
    }
}
