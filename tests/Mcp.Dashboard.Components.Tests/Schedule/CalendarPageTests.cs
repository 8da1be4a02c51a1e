using Mcp.Dashboard.Components.Pages.Calendar;
using Mcp.Dashboard.Components.Tests.Shared;
using Mcp.Dashboard.Domain.Access;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Mcp.Dashboard.Components.Tests.Schedule;

public sealed class CalendarPageTests : ScheduleTestContext
{
    public CalendarPageTests()
    {
        SignIn("sam.okafor@example.com", "Sam Okafor", DashboardRoles.Engineer);
    }

    [Fact]
    public async Task CalendarMonthView_BlackoutAndWindowOnADay_ShowsBlackoutOnThatDayAndWindowLinkingToPlan()
    {
        var day = DayAhead(10);
        await AddOneOffBlackoutAsync("Quarter close", day, day.AddHours(6), "Finance closes the books");
        var plan = await CreatePlanAsync();
        await Schedule.BookWindowAsync(TestActors.LiWei, plan.Id, day.AddHours(8), day.AddHours(10), "UTC", null, Ct);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/calendar?zone=UTC&date={DayKey(day)}");

        var cut = Render<CalendarPage>();

        cut.WaitForAssertion(() =>
        {
            var cell = cut.Find($".month-grid [data-day='{DayKey(day)}']");
            var blackout = cell.QuerySelector(".entry-blackout");
            Assert.NotNull(blackout);
            Assert.Contains("Quarter close", blackout.TextContent);
            Assert.Contains("00:00-06:00", blackout.TextContent);
            var window = cell.QuerySelector("a.entry-window");
            Assert.NotNull(window);
            Assert.Equal($"/plans/{plan.Id}", window.GetAttribute("href"));
            Assert.Contains("08:00-10:00", window.TextContent);
        });
        Assert.Empty(cut.FindAll($".month-grid [data-day='{DayKey(day.AddDays(1))}'] .entry-blackout"));
    }

    [Fact]
    public async Task CalendarPage_WeekButtonClicked_ShowsTheSevenDaysOfTheWeekWithDetails()
    {
        var day = DayAhead(10);
        await AddOneOffBlackoutAsync("Quarter close", day, day.AddHours(6), "Finance closes the books");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/calendar?zone=UTC&date={DayKey(day)}");
        var cut = Render<CalendarPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".month-grid .entry-blackout")));

        cut.Find("button.view-week").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Empty(cut.FindAll(".month-grid"));
            Assert.Equal(7, cut.FindAll(".week-grid .week-day").Count);
            var blackout = cut.Find($".week-grid [data-day='{DayKey(day)}'] .entry-blackout");
            Assert.Contains("Finance closes the books", blackout.TextContent);
        });
        Assert.Equal(CalendarView.Week, cut.Instance.View.View);
    }
}
