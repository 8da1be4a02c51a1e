using System.Net;
using Mcp.Dashboard.Api;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Tests.Infrastructure;

namespace Mcp.Dashboard.Tests.Api;

public sealed class ScheduleApiTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A Sunday night far enough ahead that demo windows (booked from "now") stay clear of it.
    private static readonly DateTimeOffset FarSunday = new(2027, 3, 7, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task BookWindow_Free_Returns201_AndItIsListed()
    {
        var plan = await CreatePlanAsync("Window booking", "edge-cache");
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);

        var response = await manager.PostJson($"/api/v1/plans/{plan.Id}/windows", new { start = "2027-03-07T18:00:00Z", end = "2027-03-07T20:00:00Z", timeZone = "Asia/Shanghai" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var windows = await (await manager.GetAsync($"/api/v1/plans/{plan.Id}/windows", Ct)).Read<List<WindowResponse>>();
        var window = Assert.Single(windows);
        Assert.Equal(FarSunday, window.Start);
        Assert.Empty(window.Conflicts);
    }

    [Fact]
    public async Task BookWindow_InWeekdayBusinessHoursBlackout_Is409NamingTheBlackout()
    {
        var plan = await CreatePlanAsync("Peak-hour booking", "edge-cache");
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);

        // Tuesday 2027-03-09 11:00 Shanghai is inside the demo's weekday 09:00-18:00 blackout.
        var response = await manager.PostJson($"/api/v1/plans/{plan.Id}/windows", new { start = "2027-03-09T11:00:00", end = "2027-03-09T12:00:00", timeZone = "Asia/Shanghai" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ReadJson();
        Assert.Contains("Business hours (Shanghai)", problem.GetProperty("detail").GetString());
        Assert.Contains("Business hours (Shanghai)", problem.GetProperty("conflicts")[0].GetString());
    }

    [Fact]
    public async Task BookWindow_OverlappingAPlanOnADependency_Is409NamingThePlan()
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var gateway = await CreatePlanAsync("Gateway first", "gateway");
        var user = await CreatePlanAsync("User service after", "user-service");
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJson($"/api/v1/plans/{gateway.Id}/windows", new { start = "2027-04-04T18:00:00Z", end = "2027-04-04T21:00:00Z" })).StatusCode);

        var response = await manager.PostJson($"/api/v1/plans/{user.Id}/windows", new { start = "2027-04-04T20:00:00Z", end = "2027-04-04T22:00:00Z" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Gateway first", (await response.ReadJson()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task BookWindow_OverlappingThePlansOwnWindow_Is409()
    {
        var plan = await CreatePlanAsync("No double booking", "edge-cache");
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var window = new { start = "2027-06-06T18:00:00Z", end = "2027-06-06T20:00:00Z" };
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJson($"/api/v1/plans/{plan.Id}/windows", window)).StatusCode);

        var again = await manager.PostJson($"/api/v1/plans/{plan.Id}/windows", window);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("own window", (await again.ReadJson()).GetProperty("detail").GetString());
        Assert.Empty((await (await manager.GetAsync($"/api/v1/plans/{plan.Id}/windows", Ct)).Read<List<WindowResponse>>()).Single().Conflicts);
    }

    [Fact]
    public async Task BookWindow_TenPeopleAtOnceForTheSameSlot_ExactlyOneSucceeds()
    {
        var plans = new List<PlanResponse>();
        for (var i = 0; i < 10; i++)
        {
            plans.Add(await CreatePlanAsync($"Race {i}", "edge-cache"));
        }

        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var responses = await Task.WhenAll(plans.Select(p =>
            manager.PostJson($"/api/v1/plans/{p.Id}/windows", new { start = "2027-07-04T18:00:00Z", end = "2027-07-04T20:00:00Z" })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }

    [Theory]
    [InlineData("2027-03-07T18:00:00+08", "2027-03-07T10:00:00Z")]
    [InlineData("2027-03-07T18:00:00Z ", "2027-03-07T18:00:00Z")]
    [InlineData("2027-03-07T20:00:00", "2027-03-07T12:00:00Z")]
    public async Task BookWindow_OffsetsAndLocalTimes_LandOnTheRightInstant(string start, string expected)
    {
        var plan = await CreatePlanAsync("Instant " + start, "payment-service");
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var end = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).AddHours(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        var response = await manager.PostJson($"/api/v1/plans/{plan.Id}/windows", new { start, end, timeZone = "Asia/Shanghai" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), (await response.Read<WindowResponse>()).Start);
    }

    [Theory]
    [InlineData("2027-03-07T20:00:00Z", "2027-03-07T18:00:00Z", "UTC", "end")]
    [InlineData("2027-03-07T18:00:00Z", "2027-03-20T18:00:00Z", "UTC", "end")]
    [InlineData("2027-03-07T18:00:00Z", "2027-03-07T19:00:00Z", "Mars/Olympus", "timeZone")]
    [InlineData("yesterday", "2027-03-07T19:00:00Z", "UTC", "start")]
    public async Task BookWindow_Nonsense_Is400NamingTheField(string start, string end, string zone, string field)
    {
        var plan = await CreatePlanAsync("Nonsense window " + field, "edge-cache");
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);

        var response = await manager.PostJson($"/api/v1/plans/{plan.Id}/windows", new { start, end, timeZone = zone });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJson()).GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}");
    }

    [Fact]
    public async Task Suggestions_AvoidBlackouts_AndCanBeBooked()
    {
        var plan = await CreatePlanAsync("Suggest me", "edge-cache");
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);

        var suggestions = await (await manager.GetAsync($"/api/v1/plans/{plan.Id}/windows/suggestions?lengthMinutes=180&timeZone=Asia/Shanghai&preferredHours=00:00-06:00&count=3", Ct)).ReadJson();

        Assert.Equal(3, suggestions.GetArrayLength());
        foreach (var suggestion in suggestions.EnumerateArray())
        {
            var start = suggestion.GetProperty("start").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8));
            Assert.InRange(start.Hour, 0, 3);
            var booked = await manager.PostJson($"/api/v1/plans/{plan.Id}/windows", new { start = suggestion.GetProperty("start").GetString(), end = suggestion.GetProperty("end").GetString(), timeZone = "Asia/Shanghai" });
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        }
    }

    [Fact]
    public async Task RecurringBlackout_FromTheProductExample_IsStoredAndOnTheCalendar()
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var response = await manager.PostJson("/api/v1/blackouts", new
        {
            name = "Staging weekday freeze",
            rrule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
            start = "2026-01-05T09:00:00",
            duration = "PT9H",
            timeZone = "Asia/Shanghai",
            environment = "staging",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var blackout = await response.Read<BlackoutResponse>();
        Assert.Equal("PT9H", blackout.Duration);

        var calendar = await (await manager.GetAsync("/api/v1/calendar?from=2027-03-08T00:00:00Z&to=2027-03-09T00:00:00Z&environment=staging", Ct)).ReadJson();
        var entry = calendar.EnumerateArray().Single(e => e.GetProperty("title").GetString() == "Staging weekday freeze");
        Assert.Equal(new DateTimeOffset(2027, 3, 8, 1, 0, 0, TimeSpan.Zero), entry.GetProperty("start").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("""{ "name": "x", "rrule": "FREQ=SOMETIMES", "start": "2026-01-05T09:00:00", "duration": "PT1H", "timeZone": "UTC" }""")]
    [InlineData("""{ "name": "x", "rrule": "FREQ=DAILY", "start": "2026-01-05T09:00:00", "duration": "forever", "timeZone": "UTC" }""")]
    [InlineData("""{ "name": "", "start": "2027-01-01T00:00:00Z", "end": "2027-01-02T00:00:00Z" }""")]
    [InlineData("""{ "name": "x", "start": "2027-01-02T00:00:00Z", "end": "2027-01-01T00:00:00Z" }""")]
    public async Task Blackout_Nonsense_Is400(string body)
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var response = await manager.PostAsync("/api/v1/blackouts", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task WindowsAndBlackouts_ForbiddenToEngineers()
    {
        var plan = await CreatePlanAsync("Engineer cannot book", "edge-cache");
        using var engineer = host.ClientFor(DemoAccounts.Engineer);
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.PostJson($"/api/v1/plans/{plan.Id}/windows", new { start = "2027-05-02T18:00:00Z", end = "2027-05-02T19:00:00Z" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.PostJson("/api/v1/blackouts", new { name = "x", start = "2027-01-01T00:00:00Z", end = "2027-01-02T00:00:00Z" })).StatusCode);
        using var anonymous = host.ClientFor(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJson("/api/v1/blackouts", new { name = "x" })).StatusCode);
    }

    [Fact]
    public async Task Readiness_CountsAConflictFreeWindow()
    {
        var plan = await CreatePlanAsync("Readiness window", "edge-cache");
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        await manager.PostJson($"/api/v1/plans/{plan.Id}/windows", new { start = "2027-05-09T18:00:00Z", end = "2027-05-09T20:00:00Z" });

        var readiness = await (await manager.GetAsync($"/api/v1/plans/{plan.Id}/readiness", Ct)).ReadJson();

        var window = readiness.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("key").GetString() == "window");
        Assert.Equal("Met", window.GetProperty("status").GetString());
    }

    private async Task<PlanResponse> CreatePlanAsync(string name, string service)
    {
        using var manager = host.ClientFor(DemoAccounts.ReleaseManager);
        var body = PlanBodies.Canary(name) with { Services = [service] };
        return await (await manager.PostJson("/api/v1/plans", body)).Read<PlanResponse>();
    }
}
