using System.Runtime.InteropServices;
using Mcp.Dashboard.Domain.Analysis;

namespace Mcp.Dashboard.Rollouts.Metrics;

/// <summary>The per-rollout and per-series storage behind <see cref="RecentSamples"/>: time-sorted ring buffers.</summary>
public sealed partial class RecentSamples
{
    private readonly record struct SeriesKey(string Metric, string Cohort);

    /// <summary>All series of one rollout, guarded by <see cref="Gate"/>.</summary>
    private sealed class RolloutSeries
    {
        public Lock Gate { get; } = new();

        public Dictionary<SeriesKey, Series> Series { get; } = [];

        public bool Forgotten { get; set; }

        /// <summary>Finds (or plans) the series of every sample; adds new series only if the whole batch fits.</summary>
        public bool Resolve(IReadOnlyList<MetricSample> samples, Series[] targets, int maxSeries, out string? refusal)
        {
            refusal = null;
            List<Series>? created = null;
            Series? last = null;
            for (var i = 0; i < samples.Count; i++)
            {
                var sample = samples[i];

                // Batches usually come grouped by series: skip the hash lookup when it repeats.
                if (last is null || last.Metric != sample.Metric || last.Cohort != sample.Cohort)
                {
                    var key = new SeriesKey(sample.Metric, sample.Cohort);
                    if (!Series.TryGetValue(key, out last))
                    {
                        last = created?.Find(s => s.Metric == key.Metric && s.Cohort == key.Cohort);
                        if (last is null)
                        {
                            last = new Series(sample.Metric, sample.Cohort);
                            (created ??= []).Add(last);
                        }
                    }
                }

                targets[i] = last;
            }

            if (created is not null && Series.Count + created.Count > maxSeries)
            {
                refusal = $"A rollout keeps at most {maxSeries} series (metric x cohort); this batch would make it {Series.Count + created.Count}.";
                return false;
            }

            foreach (var series in created ?? [])
            {
                Series.Add(new SeriesKey(series.Metric, series.Cohort), series);
            }

            return true;
        }

        public IEnumerable<MetricBucket> TakeBuckets(Guid rolloutId, long startsBefore)
        {
            var taken = new List<MetricBucket>();
            foreach (var series in Series.Values)
            {
                series.TakeBuckets(rolloutId, startsBefore, taken);
            }

            return taken;
        }

        /// <summary>True when nothing is left: no samples and no buckets waiting to be written.</summary>
        public bool Evict(long cutoff)
        {
            var empty = true;
            foreach (var series in Series.Values)
            {
                series.Evict(cutoff);
                empty &= series.IsEmpty;
            }

            return empty;
        }
    }

    /// <summary>
    /// One (metric, cohort) of one rollout: a time-sorted ring of (ticks, value) that grows by
    /// doubling up to the cap, plus the history buckets not yet written. Not thread-safe: the
    /// rollout's lock guards it.
    /// </summary>
    private sealed class Series(string metric, string cohort)
    {
        private const int InitialCapacity = 64;

        private Point[] _ring = new Point[InitialCapacity];
        private int _head;
        private int _count;
        private readonly List<OpenBucket> _buckets = [];
        private readonly List<Point> _staged = [];

        public string Metric { get; } = metric;

        public string Cohort { get; } = cohort;

        public bool IsEmpty => _count == 0 && _buckets.Count == 0;

        /// <summary>Counts the sample in its history bucket and holds it until <see cref="Commit"/>; true for the first sample of a batch.</summary>
        public bool Stage(long ticks, double value, long bucketTicks)
        {
            AddToBucket(ticks, value, bucketTicks);
            _staged.Add(new Point(ticks, value));
            return _staged.Count == 1;
        }

        /// <summary>
        /// Moves the staged samples into the ring. In-order samples (the usual case) are appended
        /// one by one; anything older than the newest kept sample is merged in one linear pass, so
        /// a reversed or back-filled batch costs O(n + m), never O(n * m).
        /// </summary>
        public void Commit(long cutoff, int cap)
        {
            var staged = CollectionsMarshal.AsSpan(_staged);
            if (!IsSorted(staged))
            {
                staged.Sort(static (a, b) => a.Ticks.CompareTo(b.Ticks));
            }

            Evict(cutoff);
            var first = 0;
            while (first < staged.Length && staged[first].Ticks < cutoff)
            {
                first++;
            }

            staged = staged[first..];
            if (staged.Length > 0)
            {
                if (_count == 0 || staged[0].Ticks >= _ring[Physical(_count - 1)].Ticks)
                {
                    foreach (var point in staged)
                    {
                        Append(point, cap);
                    }
                }
                else
                {
                    Merge(staged, cap);
                }
            }

            _staged.Clear();
            if (_staged.Capacity > 4096)
            {
                // One huge batch must not pin its staging array for the life of the rollout.
                _staged.Capacity = 64;
            }
        }

        private void Append(Point point, int cap)
        {
            if (_count == _ring.Length)
            {
                if (_ring.Length < cap)
                {
                    Grow(Math.Min(cap, _ring.Length * 2));
                }
                else
                {
                    _head = Next(_head);
                    _count--;
                }
            }

            _ring[Physical(_count)] = point;
            _count++;
        }

        /// <summary>Merges sorted <paramref name="staged"/> with the ring from the newest end, keeping at most <paramref name="cap"/>.</summary>
        private void Merge(ReadOnlySpan<Point> staged, int cap)
        {
            var total = Math.Min(_count + staged.Length, cap);
            var capacity = _ring.Length;
            while (capacity < total)
            {
                capacity = Math.Min(cap, capacity * 2);
            }

            var merged = new Point[capacity];
            int old = _count - 1, fresh = staged.Length - 1;
            for (var target = total - 1; target >= 0; target--)
            {
                // Ties: the later arrival sorts after the earlier one, as appending would.
                merged[target] = fresh >= 0 && (old < 0 || staged[fresh].Ticks >= _ring[Physical(old)].Ticks)
                    ? staged[fresh--]
                    : _ring[Physical(old--)];
            }

            _ring = merged;
            _head = 0;
            _count = total;
        }

        private static bool IsSorted(ReadOnlySpan<Point> points)
        {
            for (var i = 1; i < points.Length; i++)
            {
                if (points[i].Ticks < points[i - 1].Ticks)
                {
                    return false;
                }
            }

            return true;
        }

        public void Evict(long cutoff)
        {
            while (_count > 0 && _ring[_head].Ticks < cutoff)
            {
                _head = Next(_head);
                _count--;
            }
        }

        public void CopyTo(List<MetricSample> result, long from)
        {
            for (var i = LowerBound(from); i < _count; i++)
            {
                var point = _ring[Physical(i)];
                result.Add(new MetricSample(Cohort, Metric, point.Value, new DateTimeOffset(point.Ticks, TimeSpan.Zero)));
            }
        }

        public double[] Values(long from)
        {
            var start = LowerBound(from);
            var values = new double[_count - start];
            for (var i = start; i < _count; i++)
            {
                values[i - start] = _ring[Physical(i)].Value;
            }

            return values;
        }

        public void TakeBuckets(Guid rolloutId, long startsBefore, List<MetricBucket> into)
        {
            var taken = 0;
            foreach (var bucket in _buckets)
            {
                if (bucket.Start >= startsBefore)
                {
                    break;
                }

                into.Add(bucket.Close(rolloutId, Metric, Cohort));
                taken++;
            }

            _buckets.RemoveRange(0, taken);
        }

        private void AddToBucket(long ticks, double value, long bucketTicks)
        {
            var start = HistoryBuckets.StartOf(ticks, bucketTicks);
            var buckets = CollectionsMarshal.AsSpan(_buckets);

            // Buckets are sorted by start; a sample almost always belongs to the newest one.
            var index = buckets.Length - 1;
            while (index >= 0 && buckets[index].Start > start)
            {
                index--;
            }

            if (index >= 0 && buckets[index].Start == start)
            {
                buckets[index].Add(ticks, value);
                return;
            }

            var fresh = new OpenBucket(start);
            fresh.Add(ticks, value);
            _buckets.Insert(index + 1, fresh);
        }

        private int LowerBound(long from)
        {
            int low = 0, high = _count;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (_ring[Physical(middle)].Ticks < from)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }

        private void Grow(int capacity)
        {
            var larger = new Point[capacity];
            for (var i = 0; i < _count; i++)
            {
                larger[i] = _ring[Physical(i)];
            }

            _ring = larger;
            _head = 0;
        }

        private int Physical(int logical)
        {
            var index = _head + logical;
            return index >= _ring.Length ? index - _ring.Length : index;
        }

        private int Next(int index) => index + 1 == _ring.Length ? 0 : index + 1;
    }

    private readonly record struct Point(long Ticks, double Value);
}
