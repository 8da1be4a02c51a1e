namespace Mcp.Dashboard.Live;

/// <summary>What changed: enough for a page to decide whether to reload what it shows.</summary>
/// <param name="Topic">"plan", "environment", "schedule"...</param>
/// <param name="Id">The plan id, environment name... or null for "something in this topic".</param>
/// <param name="Kind">A dotted verb such as <c>checklist.completed</c>.</param>
/// <param name="Actor">Who did it, to show "ticked by li.wei".</param>
public sealed record Change(string Topic, string? Id, string Kind, string Actor);

/// <summary>
/// The in-process publish/subscribe of changes, so a tick or an edit by one person shows up on
/// every open page at once. Subscribers get callbacks on the publisher's thread and must not
/// block: components marshal onto their renderer with InvokeAsync.
/// </summary>
public sealed class ChangeFeed(ILogger<ChangeFeed> logger)
{
    private readonly Lock _gate = new();
    private ImmutableSubscribers _subscribers = ImmutableSubscribers.Empty;

    public IDisposable Subscribe(string topic, string? id, Func<Change, Task> callback)
    {
        var subscription = new Subscription(this, topic, id, InSubscribersCulture(callback));
        lock (_gate)
        {
            _subscribers = _subscribers.Add(subscription);
        }

        return subscription;
    }

    /// <summary>
    /// Subscribes a page: bursts of changes become one call at most every 100 ms, with the
    /// changes of the burst. Disposing the result stops both the subscription and the timer.
    /// </summary>
    public IDisposable SubscribeCoalesced(string topic, string? id, Func<IReadOnlyList<Change>, Task> onChanges)
    {
        var pending = new List<Change>();
        var gate = new Lock();
        var inCulture = InSubscribersCulture(onChanges);
        var throttler = new CallbackThrottler(() =>
        {
            List<Change> batch;
            lock (gate)
            {
                batch = [.. pending];
                pending.Clear();
            }

            return inCulture(batch);
        }, CallbackThrottler.DefaultInterval);

        var subscription = Subscribe(topic, id, change =>
        {
            lock (gate)
            {
                pending.Add(change);
            }

            throttler.Signal();
            return Task.CompletedTask;
        });
        return new Both(subscription, throttler);
    }

    /// <inheritdoc cref="SubscribeCoalesced(string, string?, Func{IReadOnlyList{Change}, Task})"/>
    public IDisposable SubscribeCoalesced(string topic, string? id, Func<Task> onChanged) =>
        SubscribeCoalesced(topic, id, _ => onChanged());

    /// <summary>
    /// Runs the callback in the language of whoever subscribed. The callback runs on the
    /// publisher's thread (a job, another person's circuit), and a component's InvokeAsync takes
    /// the culture of the thread that calls it: without this, a Chinese page re-rendered by an
    /// English-speaking job would switch to English mid-rollout.
    /// </summary>
    private static Func<T, Task> InSubscribersCulture<T>(Func<T, Task> callback)
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        var uiCulture = System.Globalization.CultureInfo.CurrentUICulture;
        return async value =>
        {
            // An async lambda: the caller's own culture comes back when it returns.
            System.Globalization.CultureInfo.CurrentCulture = culture;
            System.Globalization.CultureInfo.CurrentUICulture = uiCulture;
            await callback(value);
        };
    }

    public void Publish(Change change)
    {
        foreach (var subscription in _subscribers.Items)
        {
            if (subscription.Matches(change))
            {
                _ = Deliver(subscription, change);
            }
        }
    }

    private async Task Deliver(Subscription subscription, Change change)
    {
        try
        {
            await subscription.Callback(change);
        }
        catch (Exception exception)
        {
            // One broken page must not stop the others from hearing about the change.
            logger.LogWarning(exception, "A change subscriber failed for {Topic}/{Id}", change.Topic, change.Id);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Remove(subscription);
        }
    }

    private sealed class Both(IDisposable first, IDisposable second) : IDisposable
    {
        public void Dispose()
        {
            first.Dispose();
            second.Dispose();
        }
    }

    private sealed class Subscription(ChangeFeed feed, string topic, string? id, Func<Change, Task> callback) : IDisposable
    {
        public Func<Change, Task> Callback { get; } = callback;

        public bool Matches(Change change) =>
            change.Topic == topic && (id is null || change.Id is null || string.Equals(change.Id, id, StringComparison.OrdinalIgnoreCase));

        public void Dispose() => feed.Remove(this);
    }

    // Copy-on-write so publishing never takes the lock or sees a half-updated list.
    private sealed record ImmutableSubscribers(Subscription[] Items)
    {
        public static readonly ImmutableSubscribers Empty = new([]);

        public ImmutableSubscribers Add(Subscription s) => new([.. Items, s]);

        public ImmutableSubscribers Remove(Subscription s) => new(Items.Where(i => i != s).ToArray());
    }
}
