using System.Net;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Tests.Infrastructure;

namespace Mcp.Dashboard.Tests.Feeds;

/// <summary>/calendar.ics read back by Ical.Net, the way a calendar app would read it.</summary>
public sealed class CalendarFeedTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private Task<Ical.Net.Calendar> ReadAsync(string query = "") => CalendarFeedReader.ReadAsync(host, query);

    [Fact]
    public async Task RecurringBlackouts_CarryTheirRule_InTheirTimeZone()
    {
        var calendar = await ReadAsync("?environment=production");

        var businessHours = Assert.Single(calendar.Events, e => e.Summary == "Change freeze: Business hours (Shanghai)");
        Assert.Equal("Asia/Shanghai", businessHours.Start!.TzId);
        Assert.Equal("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", businessHours.RecurrenceRule!.ToString());
        Assert.Equal(TimeSpan.FromHours(9), businessHours.Duration!.Value.ToTimeSpanUnspecified());
    }

    [Fact]
    public async Task TheEnvironmentFilter_LeavesOtherEnvironmentsOut_AndRefusesNonsense()
    {
        var staging = await ReadAsync("?environment=staging");

        Assert.DoesNotContain(staging.Events, e => e.Summary!.StartsWith("Maintenance: User service 2.4.2", StringComparison.Ordinal));
        Assert.Contains(staging.Events, e => e.Summary!.StartsWith("Maintenance: Staging rehearsal", StringComparison.Ordinal));
        using var anonymous = host.ClientFor(null);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/calendar.ics?environment=%3Cscript%3E", TestContext.Current.CancellationToken)).StatusCode);
    }
}

/// <summary>
/// Windows in the feed, on a host of their own: the rollout lab that books them clears the demo
/// blackouts, which the tests above read.
/// </summary>
public sealed class CalendarFeedWindowTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private Task<Ical.Net.Calendar> ReadAsync(string query = "") => CalendarFeedReader.ReadAsync(host, query);

    [Fact]
    public async Task Windows_HaveStableUids_AndACancelledOneStaysWithStatusCancelledAndAHigherSequence()
    {
        var lab = new RolloutLab(host);
        var planId = await lab.ReadyPlanAsync(RolloutLab.Canary("Calendar <b>plan</b>", false, (10, 60)), opensIn: TimeSpan.FromHours(30));
        using var author = host.ClientFor(DemoAccounts.ReleaseManager);
        var window = (await (await author.GetAsync($"/api/v1/plans/{planId}/windows", TestContext.Current.CancellationToken)).ReadJson())[0];
        var uid = $"window-{window.GetProperty("id").GetGuid()}@mcp-dashboard";

        var booked = Assert.Single((await ReadAsync()).Events, e => e.Uid == uid);
        Assert.Equal("Maintenance: Calendar <b>plan</b>", booked.Summary);
        Assert.Equal("CONFIRMED", booked.Status);

        var cancelled = await author.DeleteAsync($"/api/v1/plans/{planId}/windows/{window.GetProperty("id").GetGuid()}", TestContext.Current.CancellationToken);
        Assert.True(cancelled.IsSuccessStatusCode, await cancelled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var after = Assert.Single((await ReadAsync()).Events, e => e.Uid == uid);
        Assert.Equal("CANCELLED", after.Status);
        Assert.True(after.Sequence > booked.Sequence);
        Assert.Equal(booked.Start!.Value, after.Start!.Value);
    }
}

/// <summary>Reads /calendar.ics anonymously and parses it with Ical.Net, as a calendar app would.</summary>
internal static class CalendarFeedReader
{
    public static async Task<Ical.Net.Calendar> ReadAsync(DashboardHost host, string query)
    {
        using var anonymous = host.ClientFor(null);
        var response = await anonymous.GetAsync("/calendar.ics" + query, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        return Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }
}
