using Mcp.Dashboard.Communication;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mcp.Dashboard.Tests.Communication;

/// <summary>A host whose clock the test moves: reminders days ahead come due in a second.</summary>
public sealed class ReminderHost : DashboardHost
{
    public ReminderHost()
    {
        Settings = new Dictionary<string, string> { ["Communication:BackoffSeconds"] = "0.2", ["Communication:MaxBackoffSeconds"] = "1" };
        TestServices = services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(Clock);
            services.AddSingleton<TimeProvider>(Clock);
        };
    }

    public ShiftedClock Clock { get; } = new();
}

/// <summary>
/// The machine's clock moved forward by hand: the whole app believes it is later. Unlike
/// FakeTimeProvider, timers and timestamps keep running, so the host's background work (which
/// waits on them) does not freeze while the test jumps days ahead.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}

/// <summary>Reminders before a window, on a clock the test moves (one host per class: the clock only goes forward).</summary>
public sealed class ReminderTests(ReminderHost host) : ReminderTestsBase(host), IClassFixture<ReminderHost>
{

    [Fact]
    public async Task WindowBooked80HoursAhead_Gets72hThen24hReminder_EachOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var hook = Receiver.Hook("reminders");
        var (planId, start) = await ReadyAsync("Comms reminders", hook, TimeSpan.FromHours(80), CommunicationMoment.Before72Hours, CommunicationMoment.Before24Hours, CommunicationMoment.Before1Hour);
        var reminders = Host.Services.GetRequiredService<WindowReminders>();

        await reminders.RunAsync(ct);
        AdvanceTo(start - TimeSpan.FromHours(73));
        await reminders.RunAsync(ct);
        Assert.Empty(await DeliveriesAsync(planId));

        AdvanceTo(start - TimeSpan.FromHours(71));
        await reminders.RunAsync(ct);
        await reminders.RunAsync(ct);
        var first = await Receiver.WaitForAsync(m => m.Any(x => x.Hook == "reminders"));
        Assert.Contains("In three days", first.Single(m => m.Hook == "reminders").Json.GetProperty("text").GetString());

        AdvanceTo(start - TimeSpan.FromHours(25));
        await reminders.RunAsync(ct);
        Assert.Single(await DeliveriesAsync(planId));

        AdvanceTo(start - TimeSpan.FromHours(23));
        await reminders.RunAsync(ct);
        await reminders.RunAsync(ct);
        var both = await Receiver.WaitForAsync(m => m.Count(x => x.Hook == "reminders") >= 2);
        Assert.Contains("Tomorrow", both.Where(m => m.Hook == "reminders").Last().Json.GetProperty("text").GetString());

        var deliveries = await DeliveriesAsync(planId);
        Assert.Equal([CommunicationMoment.Before24Hours, CommunicationMoment.Before72Hours], deliveries.Select(d => d.Moment));
        Assert.All(deliveries, d => Assert.Equal("window.reminder", d.Event));
        Assert.Equal(2, Receiver.Messages.Count(m => m.Hook == "reminders"));
    }

}

/// <summary>Reminders that must not go out.</summary>
public sealed class ReminderSkipTests(ReminderHost host) : ReminderTestsBase(host), IClassFixture<ReminderHost>
{
    [Fact]
    public async Task CancelledWindow_GetsNoReminder_AndALateBookingSkipsThe72hOne()
    {
        var ct = TestContext.Current.CancellationToken;
        var reminders = Host.Services.GetRequiredService<WindowReminders>();
        var (cancelledPlan, cancelledStart) = await ReadyAsync("Comms cancelled window", Receiver.Hook("cancelled"), TimeSpan.FromHours(30), CommunicationMoment.Before24Hours);
        var (latePlan, _) = await ReadyAsync("Comms late booking", Receiver.Hook("late"), TimeSpan.FromHours(30), CommunicationMoment.Before72Hours);
        using var author = Host.ClientFor(DemoAccounts.ReleaseManager);
        var windows = await (await author.GetAsync($"/api/v1/plans/{cancelledPlan}/windows", ct)).ReadJson();
        var windowId = windows.EnumerateArray().First().GetProperty("id").GetGuid();
        var cancelled = await author.DeleteAsync($"/api/v1/plans/{cancelledPlan}/windows/{windowId}", ct);
        Assert.True(cancelled.IsSuccessStatusCode, await cancelled.Content.ReadAsStringAsync(ct));

        AdvanceTo(cancelledStart - TimeSpan.FromHours(23));
        await reminders.RunAsync(ct);

        Assert.Empty(await DeliveriesAsync(cancelledPlan));
        Assert.Empty(await DeliveriesAsync(latePlan));
    }
}

public abstract class ReminderTestsBase(ReminderHost host) : IAsyncLifetime
{
    private readonly RolloutLab _lab = new(host);

    protected MessageReceiver Receiver { get; private set; } = null!;

    protected ReminderHost Host => host;

    public async ValueTask InitializeAsync() => Receiver = await MessageReceiver.StartAsync();

    public async ValueTask DisposeAsync() => await Receiver.DisposeAsync();

    protected async Task<(Guid PlanId, DateTimeOffset Start)> ReadyAsync(string name, Uri hook, TimeSpan opensIn, params CommunicationMoment[] moments)
    {
        var definition = RolloutLab.Canary(name, false, (10, 1)) with
        {
            Communication = new CommunicationPlan
            {
                Entries = [new() { Audience = CommunicationAudience.Business, Channel = CommunicationChannel.Webhook, Destination = hook.ToString(), Moments = moments }],
            },
        };
        var planId = await _lab.ReadyPlanAsync(definition, opensIn);
        using var author = Host.ClientFor(DemoAccounts.ReleaseManager);
        var windows = await (await author.GetAsync($"/api/v1/plans/{planId}/windows", TestContext.Current.CancellationToken)).ReadJson();
        return (planId, windows.EnumerateArray().First().GetProperty("start").GetDateTimeOffset());
    }

    // The fake clock only moves forward, and the two tests share it: move to a time relative to
    // the window, never by a fixed amount.
    protected void AdvanceTo(DateTimeOffset at)
    {
        var now = Host.Clock.GetUtcNow();
        if (at > now)
        {
            Host.Clock.Advance(at - now);
        }
    }

    protected async Task<IReadOnlyList<DeliveryView>> DeliveriesAsync(Guid planId)
    {
        using var reader = Host.ClientFor(DemoAccounts.Stakeholder);
        return await (await reader.GetAsync($"/api/v1/plans/{planId}/deliveries", TestContext.Current.CancellationToken)).Read<List<DeliveryView>>();
    }
}
