using System.Globalization;
using Mcp.Dashboard.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mcp.Dashboard.Tests.Live;

public sealed class ChangeFeedTests
{
    [Fact]
    public async Task Subscribers_PublisherSpeaksAnotherLanguage_HearChangesInTheirOwn()
    {
        var feed = new ChangeFeed(NullLogger<ChangeFeed>.Instance);
        var heard = new TaskCompletionSource<string>();
        var heardCoalesced = new TaskCompletionSource<string>();
        IDisposable plain, coalesced;
        var before = CultureInfo.CurrentUICulture;
        try
        {
            // A Chinese reader's page subscribes...
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
            plain = feed.Subscribe("rollout", null, _ =>
            {
                heard.TrySetResult(CultureInfo.CurrentUICulture.Name);
                return Task.CompletedTask;
            });
            coalesced = feed.SubscribeCoalesced("rollout", null, () =>
            {
                heardCoalesced.TrySetResult(CultureInfo.CurrentUICulture.Name);
                return Task.CompletedTask;
            });
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        // ...and an English-speaking job publishes, from another thread.
        await Task.Run(() =>
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            feed.Publish(new Change("rollout", "r1", "step.started", "system"));
        }, TestContext.Current.CancellationToken);

        Assert.Equal("zh-Hans", await heard.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
        Assert.Equal("zh-Hans", await heardCoalesced.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
        plain.Dispose();
        coalesced.Dispose();
    }

    [Fact]
    public async Task SubscribeCoalesced_BurstOfChanges_ArrivesAtOnceThenAsOneBatch()
    {
        var feed = new ChangeFeed(NullLogger<ChangeFeed>.Instance);
        var batches = new List<IReadOnlyList<Change>>();
        var gate = new Lock();
        var all = new TaskCompletionSource();
        using var subscription = feed.SubscribeCoalesced("plan", "p1", batch =>
        {
            lock (gate)
            {
                batches.Add(batch);
                if (batches.Sum(b => b.Count) == 20)
                {
                    all.TrySetResult();
                }
            }

            return Task.CompletedTask;
        });

        for (var i = 0; i < 20; i++)
        {
            feed.Publish(new Change("plan", "p1", "checklist.completed", $"user{i}@example.com"));
        }

        feed.Publish(new Change("plan", "other", "plan.revised", "x@example.com"));
        await all.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await Task.Delay(CallbackThrottler.DefaultInterval * 2, TestContext.Current.CancellationToken);

        // The first change goes out at once; the rest of the burst waits for the interval and
        // comes together: never one render per change.
        Assert.InRange(batches.Count, 1, 2);
        Assert.All(batches.SelectMany(b => b), change => Assert.Equal("p1", change.Id));
    }

    [Fact]
    public async Task SubscribeCoalesced_AfterDispose_DeliversNothing()
    {
        var feed = new ChangeFeed(NullLogger<ChangeFeed>.Instance);
        var calls = 0;
        var subscription = feed.SubscribeCoalesced("plan", null, () =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        });
        subscription.Dispose();

        feed.Publish(new Change("plan", "p1", "plan.revised", "x@example.com"));
        await Task.Delay(CallbackThrottler.DefaultInterval * 3, TestContext.Current.CancellationToken);

        Assert.Equal(0, calls);
    }
}
