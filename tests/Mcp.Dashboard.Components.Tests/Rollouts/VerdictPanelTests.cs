using Mcp.Dashboard.Components.Rollouts;
using Mcp.Dashboard.Components.Tests.Shared;
using Mcp.Dashboard.Domain.Analysis;

namespace Mcp.Dashboard.Components.Tests.Rollouts;

public sealed class VerdictPanelTests : DashboardTestContext
{
    [Fact]
    public void VerdictPanel_Fail_ShowsOutcomeExplanationDecisionAndTheNumbersPerMetric()
    {
        var cut = Render<VerdictPanel>(p => p
            .Add(x => x.Verdict, RolloutTestData.FailingVerdict())
            .Add(x => x.StepDescription, "Set canary weight to 10%"));

        Assert.Equal("Fail", cut.Find("[data-testid=verdict-outcome]").TextContent);
        Assert.Contains("score 12 / 100", cut.Find(".verdict-score").TextContent, StringComparison.Ordinal);
        Assert.Contains("error_rate is worse on the canary", cut.Find("[data-testid=verdict-explanation]").TextContent, StringComparison.Ordinal);
        var decision = cut.Find("[data-testid=verdict-decision]").TextContent;
        Assert.Contains("Roll back", decision, StringComparison.Ordinal);
        Assert.Contains("The last 6 s window failed twice in a row.", decision, StringComparison.Ordinal);
        Assert.Contains("Set canary weight to 10%", cut.Find(".verdict-when").TextContent, StringComparison.Ordinal);

        var errors = cut.Find("article[data-metric='error_rate']");
        Assert.Contains("metric-fail", errors.ClassList);
        Assert.Equal("3%", errors.QuerySelector(".canary-median")!.TextContent);
        Assert.Equal("1%", errors.QuerySelector(".baseline-median")!.TextContent);
        Assert.Contains("+2%", errors.QuerySelector(".shift")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("[+1.5%, +2.5%]", errors.QuerySelector(".ci")!.TextContent);
        Assert.Contains("95% CI", errors.TextContent, StringComparison.Ordinal);
        Assert.Equal("< 0.0001", errors.QuerySelector(".p-value")!.TextContent);
        Assert.Equal("31 canary · 30 baseline", errors.QuerySelector(".samples")!.TextContent);
        Assert.NotNull(errors.QuerySelector(".critical"));

        var latency = cut.Find("article[data-metric='latency_p99_ms']");
        Assert.Contains("metric-pass", latency.ClassList);
        Assert.Equal("185 ms", latency.QuerySelector(".canary-median")!.TextContent);
        Assert.Equal("[-3 ms, +8 ms]", latency.QuerySelector(".ci")!.TextContent);
        Assert.Null(latency.QuerySelector(".critical"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void VerdictPanel_NoData_SaysLowConfidenceAndNeverPass(bool flagged)
    {
        var cut = Render<VerdictPanel>(p => p.Add(x => x.Verdict, RolloutTestData.NoDataVerdict(flagged)));

        Assert.Equal("Low confidence", cut.Find("[data-testid=verdict-outcome]").TextContent);
        Assert.Contains("too few samples", cut.Find(".low-confidence").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", cut.Find(".verdict-panel").GetAttribute("data-low-confidence"));
        Assert.DoesNotContain("Pass", cut.Find(".verdict-head").TextContent, StringComparison.Ordinal);
        Assert.Equal("4 canary · 4 baseline", cut.Find(".samples").TextContent);
        Assert.Equal("–", cut.Find(".p-value").TextContent);
    }

    [Fact]
    public void VerdictPanel_NoVerdictYet_SaysSo()
    {
        var cut = Render<VerdictPanel>();

        Assert.Contains("No verdict yet", cut.Find(".no-verdict").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("article.metric"));
    }

    [Fact]
    public void VerdictPanel_ReasonRestatesTheDecision_SaysItOnce()
    {
        var verdict = RolloutTestData.FailingVerdict() with { DecisionReason = "Roll back: the last 6 s failed 2 checks in a row." };

        var cut = Render<VerdictPanel>(p => p.Add(x => x.Verdict, verdict));

        Assert.Equal("Decision: Roll back — The last 6 s failed 2 checks in a row.", cut.Find("[data-testid=verdict-decision]").TextContent.Trim());
    }

    [Fact]
    public void VerdictPanel_AnalysisOff_SaysNoJudgeWatches()
    {
        var cut = Render<VerdictPanel>(p => p.Add(x => x.AnalysisEnabled, false));

        Assert.Contains("Analysis is off", cut.Find(".no-verdict").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void VerdictPanel_HostileTextInTheVerdict_IsRenderedAsText()
    {
        var verdict = RolloutTestData.FailingVerdict() with { Explanation = "<img src=x onerror=alert(1)>bad" };

        var cut = Render<VerdictPanel>(p => p.Add(x => x.Verdict, verdict));

        Assert.Empty(cut.FindAll(".verdict-panel img"));
        Assert.Equal("<img src=x onerror=alert(1)>bad", cut.Find("[data-testid=verdict-explanation]").TextContent);
    }

    [Fact]
    public void VerdictPanel_Marginal_IsNotShownAsAPass()
    {
        var verdict = RolloutTestData.FailingVerdict() with { Outcome = CanaryOutcome.Marginal, Score = 78 };

        var cut = Render<VerdictPanel>(p => p.Add(x => x.Verdict, verdict));

        Assert.Equal("Marginal", cut.Find("[data-testid=verdict-outcome]").TextContent);
        Assert.Contains("verdict-marginal", cut.Find(".verdict-head").ClassList);
    }
}
