using System.Globalization;
using Mcp.Dashboard.Components.Reports;
using Mcp.Dashboard.Components.Tests.Shared;
using Mcp.Dashboard.Domain.Reports;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Mcp.Dashboard.Components.Tests.Reports;

/// <summary>The delivery-insight cards with hand-made numbers: rates, empty states, encoding, Chinese.</summary>
public sealed class InsightComponentTests : DashboardTestContext
{
    private const string Hostile = "<script>alert(1)</script>[x](http://evil)";
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    public InsightComponentTests()
    {
        Services.AddScoped<ReportText>();
    }

    [Fact]
    public void SuccessRate_ShowsTheRateAndTheCountsBehindIt()
    {
        var cut = Render<SuccessRateCard>(p => p.Add(x => x.Outcomes, new SuccessRate(3, 1, 1, 2)));

        Assert.Equal("60%", cut.Find("[data-testid=success-rate]").TextContent);
        Assert.Contains("3 of 5 finished rollouts succeeded: 1 rolled back, 1 failed.", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("2 cancelled before they started (not counted).", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void SuccessRate_NothingFinished_SaysSoInsteadOfZero()
    {
        var cut = Render<SuccessRateCard>(p => p.Add(x => x.Outcomes, new SuccessRate(0, 0, 0, 0)));

        Assert.Empty(cut.FindAll("[data-testid=success-rate]"));
        Assert.Equal("No rollout finished in this period.", cut.Find("[data-testid=success-rate-empty]").TextContent);
    }

    [Fact]
    public void SuccessRate_InChinese_SpeaksChinese()
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
        try
        {
            var cut = Render<SuccessRateCard>(p => p.Add(x => x.Outcomes, new SuccessRate(1, 1, 0, 0)));

            Assert.Contains("成功率", cut.Markup, StringComparison.Ordinal);
            Assert.Contains("已结束的 2 次发布中有 1 次成功", cut.Markup, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void RollbackReasons_GroupsByCause_AndEncodesWhatPeopleTyped()
    {
        var cut = Render<RollbackReasonsCard>(p => p
            .Add(x => x.ByCause, [new CauseCount(RollbackCause.Judge, 2), new CauseCount(RollbackCause.Manual, 1)])
            .Add(x => x.Reasons,
            [
                new RollbackReasonGroup(RollbackCause.Judge, "error_rate", "Canary failed: error_rate 3% against 1%.", 2, T0),
                new RollbackReasonGroup(RollbackCause.Manual, Hostile.ToLowerInvariant(), Hostile, 1, T0),
            ]));

        Assert.Contains("Automatic: the judge: 2", cut.Find("[data-cause=Judge]").TextContent, StringComparison.Ordinal);
        Assert.Contains("By a person: 1", cut.Find("[data-cause=Manual]").TextContent, StringComparison.Ordinal);
        var rows = cut.FindAll("tr[data-cause]");
        Assert.Equal(2, rows.Count);
        Assert.Equal("2", rows[0].QuerySelector(".num")!.TextContent);
        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("a"));
        Assert.Contains(Hostile, rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void RollbackReasons_None_SaysSo()
    {
        var cut = Render<RollbackReasonsCard>(p => p.Add(x => x.ByCause, []).Add(x => x.Reasons, []));

        Assert.Equal("No rollbacks in this period.", cut.Find("[data-testid=rollbacks-empty]").TextContent);
    }

    [Fact]
    public void WindowKeeping_CountsAgainstThoseThatHadAWindow()
    {
        var cut = Render<WindowKeepingCard>(p => p.Add(x => x.Windows, new WindowCounts(3, 1, 0, 5)));

        Assert.Equal("75%", cut.Find("[data-testid=windows-kept]").TextContent);
        Assert.Equal("3", cut.Find("[data-testid=kept]").TextContent);
        Assert.Equal("1", cut.Find("[data-testid=overran]").TextContent);
    }

    [Fact]
    public void WindowKeeping_NoWindows_SaysSo()
    {
        var cut = Render<WindowKeepingCard>(p => p.Add(x => x.Windows, new WindowCounts(0, 0, 0, 2)));

        Assert.Contains("No finished rollout had a window in this period.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void PhaseTimes_ShowsMedianAndP90InWords()
    {
        var cut = Render<PhaseTimesTable>(p => p.Add(x => x.Phases,
        [
            new PhaseStatistics("Canary", PhaseKind.Baking, 4, TimeSpan.FromSeconds(200), TimeSpan.FromMinutes(61)),
        ]));

        var row = cut.Find("tr[data-phase=Baking]");
        Assert.Contains("Baking", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("3 min 20 s", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 h 1 min", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void RecentRollouts_LinkToTheirReports_InTheReadersZone_AndEncodeNames()
    {
        var id = Guid.Parse("9a0c8d8e-3a52-4b36-9d0e-6f1b2b7c9a01");
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var cut = Render<RecentRolloutsTable>(p => p
            .Add(x => x.Clock, new ReaderClock(shanghai))
            .Add(x => x.Rollouts,
            [
                new InsightRollout(id, Guid.NewGuid(), Hostile, "production", "Canary", RolloutState.RolledBack, T0, T0, T0.AddMinutes(5),
                    TimeSpan.FromMinutes(5), WindowOutcome.Kept, RollbackCause.Manual),
            ]));

        var row = cut.Find($"tr[data-rollout='{id}']");
        Assert.Contains("2026-11-20 18:00:00", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Rolled back · By a person", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("5 min", row.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/rollouts/{id}/report?tz=Asia%2FShanghai", row.QuerySelector(".report-link-compact")!.GetAttribute("href"));
        Assert.Empty(cut.FindAll("script"));
        Assert.Contains(Hostile, row.QuerySelector("a")!.TextContent, StringComparison.Ordinal);
    }
}
