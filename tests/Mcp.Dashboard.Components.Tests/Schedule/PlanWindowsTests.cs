using Mcp.Dashboard.Components.Plans;
using Mcp.Dashboard.Components.Tests.Shared;
using Mcp.Dashboard.Domain.Access;

namespace Mcp.Dashboard.Components.Tests.Schedule;

public sealed class PlanWindowsTests : ScheduleTestContext
{
    public PlanWindowsTests()
    {
        SignIn("li.wei@example.com", "Li Wei", DashboardRoles.ReleaseManager);
    }

    [Fact]
    public async Task PlanWindows_TypedSlotOverlapsBlackout_ShowsConflictBeforeBooking()
    {
        var day = DayAhead(3);
        await AddOneOffBlackoutAsync("Payroll freeze", day, day.AddHours(6));
        var plan = await CreatePlanAsync();
        var cut = Render<PlanWindows>(p => p.Add(x => x.PlanId, plan.Id).Add(x => x.TimeZoneId, "UTC"));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".no-windows")));

        cut.Find("#window-start").Change(LocalInput(day.AddHours(1)));
        cut.Find("#window-length").Change("2h");

        cut.WaitForAssertion(() => Assert.Contains("Payroll freeze", cut.Find(".live-conflicts .live-conflict").TextContent));
        Assert.True(cut.Find("button.window-book").HasAttribute("disabled") || cut.FindAll(".slot-free").Count == 0);

        cut.Find("#window-start").Change(LocalInput(day.AddHours(7)));

        cut.WaitForAssertion(() =>
        {
            Assert.Empty(cut.FindAll(".live-conflict"));
            Assert.Contains("Free", cut.Find(".slot-free").TextContent);
        });
    }

    [Fact]
    public async Task PlanWindows_SuggestedWindowBooked_AddsItToTheList()
    {
        var plan = await CreatePlanAsync();
        var cut = Render<PlanWindows>(p => p.Add(x => x.PlanId, plan.Id).Add(x => x.TimeZoneId, "UTC"));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".no-windows")));
        cut.Find("#window-length").Change("2h");

        cut.Find("button.window-suggest").Click();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("li.suggestion").Count));
        var chosen = cut.Find("li.suggestion .suggestion-when").TextContent;
        cut.Find("li.suggestion button.book-suggestion").Click();

        cut.WaitForAssertion(() =>
        {
            var window = Assert.Single(cut.FindAll("li.window"));
            Assert.Equal(chosen, window.QuerySelector(".window-when")!.TextContent);
            Assert.Equal(2, cut.FindAll("li.suggestion").Count);
        });
        var stored = Assert.Single(await Schedule.ListWindowsAsync(plan.Id, Ct));
        Assert.Equal(TimeSpan.FromHours(2), stored.Window.End - stored.Window.Start);
        Assert.InRange(stored.Window.Start.UtcDateTime.TimeOfDay, TimeSpan.Zero, TimeSpan.FromHours(4));
    }

    [Fact]
    public async Task PlanWindows_TypedSlotOverlapsThePlansOwnWindow_ShowsConflictAndDisablesBook()
    {
        var day = DayAhead(4);
        var plan = await CreatePlanAsync();
        await Schedule.BookWindowAsync(TestActors.LiWei, plan.Id, day.AddHours(1), day.AddHours(3), "UTC", null, Ct);
        var cut = Render<PlanWindows>(p => p.Add(x => x.PlanId, plan.Id).Add(x => x.TimeZoneId, "UTC"));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("li.window")));

        cut.Find("#window-start").Change(LocalInput(day.AddHours(2)));

        cut.WaitForAssertion(() => Assert.Contains("this plan's own window", cut.Find(".live-conflict").TextContent));
        Assert.True(cut.Find("button.window-book").HasAttribute("disabled"));
    }

    [Fact]
    public async Task PlanWindows_StakeholderSignedIn_HasNoBookingForm()
    {
        SignIn("bo.zhang@example.com", "Bo Zhang", DashboardRoles.Stakeholder);
        var plan = await CreatePlanAsync();

        var cut = Render<PlanWindows>(p => p.Add(x => x.PlanId, plan.Id));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".no-windows")));
        Assert.Empty(cut.FindAll("#window-start"));
    }
}
