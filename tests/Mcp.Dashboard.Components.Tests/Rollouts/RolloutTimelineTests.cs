using Mcp.Dashboard.Components.Rollouts;
using Mcp.Dashboard.Components.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Mcp.Dashboard.Components.Tests.Rollouts;

public sealed class RolloutTimelineTests : DashboardTestContext
{
    private readonly TestClock _clock = new(RolloutTestData.Now);

    public RolloutTimelineTests() => Services.AddSingleton<TimeProvider>(_clock);

    [Fact]
    public void Timeline_StepBaking_ShowsEachStateTheCountdownAndWhatRunsNext()
    {
        var cut = Render<RolloutTimeline>(p => p.Add(x => x.Rollout, RolloutTestData.Baking()));

        var steps = cut.FindAll("li.step");
        Assert.Equal(["Succeeded", "Running", "Pending", "Pending"], steps.Select(s => s.GetAttribute("data-state")));
        Assert.Equal(["Done", "Running", "Waiting", "Waiting"], steps.Select(s => s.QuerySelector(".step-state")!.TextContent));
        Assert.Equal("step", steps[1].GetAttribute("aria-current"));
        Assert.Contains("All required items done.", steps[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("started 09:59:00", steps[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("4:05", cut.Find("[data-testid=bake-countdown]").TextContent);
        Assert.Contains("until 10:04:05", steps[1].QuerySelector(".bake-text")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Step 3 (set canary weight to 50%) runs when the bake ends.", cut.Find("[data-testid=next-step]").TextContent, StringComparison.Ordinal);
        Assert.Equal("4:05", cut.Find("[data-testid=next-countdown]").TextContent);
    }

    [Fact]
    public void Timeline_TimePasses_CountdownTicksWithoutNewParameters()
    {
        var cut = Render<RolloutTimeline>(p => p.Add(x => x.Rollout, RolloutTestData.Baking()));
        Assert.Equal("4:05", cut.Find("[data-testid=bake-countdown]").TextContent);

        _clock.Advance(TimeSpan.FromSeconds(65));

        cut.WaitForAssertion(() => Assert.Equal("3:00", cut.Find("[data-testid=bake-countdown]").TextContent));
    }

    [Fact]
    public void Timeline_RolledBack_ShowsFailedAndSkippedStepsWithNotesAndNoCountdown()
    {
        var cut = Render<RolloutTimeline>(p => p.Add(x => x.Rollout, RolloutTestData.RolledBack()));

        var failed = cut.Find("li[data-step='1']");
        Assert.Equal("Failed", failed.GetAttribute("data-state"));
        Assert.Contains("Failed the analysis: error_rate.", failed.TextContent, StringComparison.Ordinal);
        Assert.Equal("Skipped", cut.Find("li[data-step='2']").GetAttribute("data-state"));
        Assert.Empty(cut.FindAll(".countdown"));
        Assert.Contains("Nothing: the rollout rolled back.", cut.Find("[data-testid=next-step]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(245, "4:05")]
    [InlineData(0.2, "0:01")]
    [InlineData(-3, "0:00")]
    [InlineData(3723, "1:02:03")]
    public void Countdown_SecondsLeft_ReadsAsMinutesAndSeconds(double seconds, string expected) =>
        Assert.Equal(expected, RolloutDisplay.Countdown(RolloutTestData.Now.AddSeconds(seconds), RolloutTestData.Now));
}
