using System.Collections.Concurrent;
using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Live;
using Mcp.Dashboard.Rollouts.Metrics;
using Microsoft.AspNetCore.SignalR;

namespace Mcp.Dashboard.Rollouts.Live;

/// <summary>
/// Feeds the hub: per watched rollout, one subscription to its changes and one to its samples,
/// however many clients watch it, each coalesced to at most one push per 100 ms. A rollout no
/// one watches costs nothing.
/// </summary>
public sealed class RolloutBroadcaster(
    IHubContext<RolloutsHub, IRolloutsClient> hub,
    ChangeFeed changes,
    RecentSamples samples,
    RolloutQueries queries,
    ILiveVerdicts liveVerdicts,
    ILogger<RolloutBroadcaster> logger) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Feed> _feeds = [];
    private readonly ConcurrentDictionary<string, HashSet<Guid>> _watching = new();

    private IHubContext<RolloutsHub, IRolloutsClient> Hub => hub;

    private ChangeFeed Changes => changes;

    private RecentSamples Samples => samples;

    private RolloutQueries Queries => queries;

    private ILiveVerdicts LiveVerdicts => liveVerdicts;

    private ILogger Logger => logger;

    public static string GroupFor(Guid rolloutId) => $"rollout-{rolloutId:N}";

    /// <param name="lastEventId">The newest event log line when the watcher joined; pushes start after it.</param>
    /// <param name="current">The rollout as the watcher was just sent it; verdict pushes build on it.</param>
    public void Watch(string connectionId, Guid rolloutId, long lastEventId, RolloutView current)
    {
        var mine = _watching.GetOrAdd(connectionId, _ => []);
        lock (_gate)
        {
            if (!mine.Add(rolloutId))
            {
                return;
            }

            if (!_feeds.TryGetValue(rolloutId, out var feed))
            {
                feed = new Feed(this, rolloutId, lastEventId, current);
                _feeds[rolloutId] = feed;
            }

            feed.Watchers++;
        }
    }

    public void Unwatch(string connectionId, Guid rolloutId)
    {
        if (!_watching.TryGetValue(connectionId, out var mine))
        {
            return;
        }

        lock (_gate)
        {
            if (mine.Remove(rolloutId))
            {
                Release(rolloutId);
            }
        }
    }

    public void Forget(string connectionId)
    {
        if (!_watching.TryRemove(connectionId, out var mine))
        {
            return;
        }

        lock (_gate)
        {
            foreach (var rolloutId in mine)
            {
                Release(rolloutId);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var feed in _feeds.Values)
            {
                feed.Dispose();
            }

            _feeds.Clear();
        }
    }

    private void Release(Guid rolloutId)
    {
        if (_feeds.TryGetValue(rolloutId, out var feed) && --feed.Watchers == 0)
        {
            feed.Dispose();
            _feeds.Remove(rolloutId);
        }
    }

    /// <summary>One watched rollout: its change and sample subscriptions and what has been sent.</summary>
    private sealed class Feed : IDisposable
    {
        private readonly RolloutBroadcaster _owner;
        private readonly Guid _rolloutId;
        private readonly IDisposable _changes;
        private readonly IDisposable _verdicts;
        private readonly IDisposable _samples;
        private readonly CallbackThrottler _sampleThrottler;
        private readonly Lock _pendingGate = new();
        private List<MetricSample> _pending = [];
        private long _lastEventId;
        private RolloutView? _lastView;

        public Feed(RolloutBroadcaster owner, Guid rolloutId, long lastEventId, RolloutView current)
        {
            _lastView = current;
            _owner = owner;
            _rolloutId = rolloutId;
            _lastEventId = lastEventId;
            _changes = owner.Changes.SubscribeCoalesced(RolloutStore.Topic, rolloutId.ToString(), SendChangesAsync);
            _verdicts = owner.Changes.SubscribeCoalesced(RolloutAnalysis.VerdictTopic, rolloutId.ToString(), SendVerdictAsync);
            _sampleThrottler = new CallbackThrottler(SendSamplesAsync, CallbackThrottler.DefaultInterval);
            _samples = owner.Samples.Subscribe(rolloutId, batch =>
            {
                lock (_pendingGate)
                {
                    _pending.AddRange(batch);
                }

                _sampleThrottler.Signal();
            });
        }

        public int Watchers { get; set; }

        public void Dispose()
        {
            _changes.Dispose();
            _verdicts.Dispose();
            _samples.Dispose();
            _sampleThrottler.Dispose();
        }

        private async Task SendChangesAsync()
        {
            try
            {
                var client = _owner.Hub.Clients.Group(GroupFor(_rolloutId));
                var view = await _owner.Queries.FindAsync(_rolloutId);
                if (view is null)
                {
                    return;
                }

                _lastView = view;
                var events = await _owner.Queries.EventsAsync(_rolloutId, Interlocked.Read(ref _lastEventId));
                if (events.Count > 0)
                {
                    Interlocked.Exchange(ref _lastEventId, events[^1].Id);
                    await client.Events(_rolloutId, events);
                }

                await client.Rollout(view);
            }
            catch (Exception exception)
            {
                _owner.Logger.LogWarning(exception, "Could not push changes of rollout {RolloutId} to the hub", _rolloutId);
            }
        }

        // The verdict ticks every second while a step bakes and changes nothing stored: push the
        // last view with the new verdict, without reading the database.
        private async Task SendVerdictAsync()
        {
            if (_lastView is { } view && _owner.LiveVerdicts.Latest(_rolloutId) is { } verdict)
            {
                await _owner.Hub.Clients.Group(GroupFor(_rolloutId)).Rollout(view with { Verdict = verdict });
            }
        }

        private async Task SendSamplesAsync()
        {
            List<MetricSample> batch;
            lock (_pendingGate)
            {
                batch = _pending;
                _pending = [];
            }

            if (batch.Count > 0)
            {
                await _owner.Hub.Clients.Group(GroupFor(_rolloutId)).Samples(_rolloutId, batch);
            }
        }
    }
}
