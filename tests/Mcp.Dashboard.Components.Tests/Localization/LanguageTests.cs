using System.Globalization;
using Mcp.Dashboard.Components.Pages;
using Mcp.Dashboard.Components.Pages.Calendar;
using Mcp.Dashboard.Components.Rollouts;
using Mcp.Dashboard.Components.Schedule;
using Mcp.Dashboard.Components.Tests.Pages;
using Mcp.Dashboard.Components.Tests.Rollouts;
using Mcp.Dashboard.Components.Tests.Shared;
using Mcp.Dashboard.Domain.Access;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Mcp.Dashboard.Components.Tests.Localization;

/// <summary>Sets the thread's culture as the request-localization middleware would, and puts it back.</summary>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public CultureScope(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}

public sealed class RolloutLanguageTests : DashboardTestContext
{
    [Fact]
    public void RolloutList_ChineseReader_StatesAndTrafficInChinese()
    {
        using var chinese = new CultureScope("zh-Hans");

        var cut = Render<RolloutList>(p => p.Add(x => x.Items, [RolloutTestData.Baking()]));

        var line = cut.Find("li[data-rollout]").TextContent;
        Assert.Contains("进行中", line, StringComparison.Ordinal);
        Assert.Contains("新版本承接 10%", line, StringComparison.Ordinal);
        Assert.DoesNotContain("on the new version", line, StringComparison.Ordinal);
    }

    [Fact]
    public void RolloutList_NoLanguageChosen_SpeaksEnglish()
    {
        using var english = new CultureScope("en");

        var cut = Render<RolloutList>(p => p.Add(x => x.Items, [RolloutTestData.Baking()]));

        var line = cut.Find("li[data-rollout]").TextContent;
        Assert.Contains("Running", line, StringComparison.Ordinal);
        Assert.Contains("10% on the new version", line, StringComparison.Ordinal);
    }

    [Fact]
    public void VerdictPanel_ChineseReader_LabelsAndOutcomeInChineseNumbersUnchanged()
    {
        using var chinese = new CultureScope("zh-Hans");

        var cut = Render<VerdictPanel>(p => p.Add(x => x.Verdict, RolloutTestData.FailingVerdict()));

        Assert.Equal("判定", cut.Find("#verdict-title").TextContent);
        Assert.Equal("不通过", cut.Find("[data-testid=verdict-outcome]").TextContent);
        Assert.Contains("金丝雀中位数", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("错误率", cut.Find("[data-metric=error_rate]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ScheduleDisplay_ChineseReader_RangesAndRulesReadInChinese()
    {
        var start = new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);
        using (new CultureScope("zh-Hans"))
        {
            Assert.Equal("2026-11-25 09:00 至 11:00（Asia/Shanghai）", ScheduleDisplay.Range(start, start.AddHours(2), "Asia/Shanghai"));
            Assert.Equal("2 小时 30 分钟", ScheduleDisplay.DescribeLength(TimeSpan.FromMinutes(150)));
        }

        using (new CultureScope("en"))
        {
            Assert.Equal("2026-11-25 09:00 to 11:00 Asia/Shanghai", ScheduleDisplay.Range(start, start.AddHours(2), "Asia/Shanghai"));
        }
    }
}

public sealed class TimelineLanguageTests : DashboardTestContext
{
    public TimelineLanguageTests() => Services.AddSingleton<TimeProvider>(new TestClock(RolloutTestData.Now));

    [Fact]
    public void Timeline_ChineseReader_StatesAndWhatRunsNextInChinese()
    {
        using var chinese = new CultureScope("zh-Hans");

        var cut = Render<RolloutTimeline>(p => p.Add(x => x.Rollout, RolloutTestData.Baking()));

        Assert.Equal("步骤", cut.Find("#timeline-title").TextContent);
        Assert.Equal(["完成", "进行中", "等待中", "等待中"], cut.FindAll("li.step .step-state").Select(s => s.TextContent));
        var next = cut.Find("[data-testid=next-step]").TextContent;
        Assert.Contains("第 2 步结束后，执行第 3 步", next, StringComparison.Ordinal);
        Assert.Contains("4:05", next, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_EnglishReader_ShowsTheEnginesSentence()
    {
        using var english = new CultureScope("en");

        var cut = Render<RolloutTimeline>(p => p.Add(x => x.Rollout, RolloutTestData.Baking()));

        Assert.Contains(RolloutTestData.Baking().Next, cut.Find("[data-testid=next-step]").TextContent, StringComparison.Ordinal);
    }
}

public sealed class OverviewLanguageTests : PageTestContext
{
    [Fact]
    public void Overview_ChineseReader_HeadingsAndStatesInChinese()
    {
        SignIn("li.wei@example.com", DashboardRoles.ReleaseManager);
        using var chinese = new CultureScope("zh-Hans");

        var cut = Render<Home>();

        cut.WaitForAssertion(() => Assert.Contains("最近动态", cut.Markup, StringComparison.Ordinal));
        Assert.Contains("草稿", cut.Find("a[data-state=Draft]").TextContent, StringComparison.Ordinal);
        Assert.Contains("审核中", cut.Find("a[data-state=InReview]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Recent activity", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Overview_NoLanguageChosen_SpeaksEnglish()
    {
        SignIn("li.wei@example.com", DashboardRoles.ReleaseManager);
        using var english = new CultureScope("en");

        var cut = Render<Home>();

        cut.WaitForAssertion(() => Assert.Contains("Recent activity", cut.Markup, StringComparison.Ordinal));
        Assert.Contains("In review", cut.Find("a[data-state=InReview]").TextContent, StringComparison.Ordinal);
    }
}

public sealed class CalendarLanguageTests : ScheduleTestContext
{
    [Fact]
    public void Calendar_ChineseReader_WeekdaysAndMonthInChinese()
    {
        using var chinese = new CultureScope("zh-Hans");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/calendar?zone=UTC&date=2026-11-24");

        var cut = Render<CalendarPage>();

        cut.WaitForAssertion(() => Assert.Equal("2026年11月", cut.Find(".range-title").TextContent));
        Assert.Equal("周一", cut.FindAll(".month-grid .weekday")[0].TextContent);
        Assert.Equal("维护窗口与封网期，按你所在的时区或你选择的时区显示。", cut.Find(".page-head .muted").TextContent);
    }
}
