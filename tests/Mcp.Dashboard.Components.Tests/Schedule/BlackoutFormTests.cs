using Mcp.Dashboard.Components.Schedule;
using Mcp.Dashboard.Components.Tests.Shared;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Schedule;

namespace Mcp.Dashboard.Components.Tests.Schedule;

public sealed class BlackoutFormTests : ScheduleTestContext
{
    public BlackoutFormTests()
    {
        SignIn("li.wei@example.com", "Li Wei", DashboardRoles.ReleaseManager);
    }

    [Fact]
    public async Task BlackoutForm_RecurringWithBadRule_ShowsRuleMessageNextToRuleFieldAndSavesNothing()
    {
        const string badRule = "FREQ=FORTNIGHTLY;BYDAY=MO";
        Assert.False(RecurrenceRule.TryParse(badRule, out _, out var expected));
        var cut = Render<BlackoutForm>(p => p.Add(x => x.TimeZoneId, "UTC"));
        cut.Find("#blackout-name").Change("Office hours");
        cut.Find(".kind-recurring input").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#blackout-rule")));

        cut.Find("#blackout-rule").Change(badRule);
        cut.Find("button.blackout-save").Click();

        cut.WaitForAssertion(() => Assert.Contains(expected!, cut.Find("[data-field='rule']").TextContent));
        Assert.DoesNotContain(expected!, cut.Find("[data-field='name']").TextContent);
        Assert.Empty(await Schedule.ListBlackoutsAsync(Ct));
    }

    [Fact]
    public async Task BlackoutForm_WeekdaysPresetSaved_StoresRecurringBlackout()
    {
        var saved = 0;
        var cut = Render<BlackoutForm>(p => p.Add(x => x.TimeZoneId, "Asia/Shanghai").Add(x => x.OnSaved, _ => saved++));
        cut.Find("#blackout-name").Change("Office hours");
        cut.Find(".kind-recurring input").Click();
        cut.WaitForAssertion(() => Assert.Contains("Weekdays 09:00-18:00 Asia/Shanghai", cut.Find(".preview").TextContent));

        cut.Find("button.blackout-save").Click();

        cut.WaitForAssertion(() => Assert.Equal(1, saved));
        var stored = Assert.Single(await Schedule.ListBlackoutsAsync(Ct));
        Assert.Equal("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", stored.Rule);
        Assert.Equal(9 * 3600, stored.DurationSeconds);
    }
}
