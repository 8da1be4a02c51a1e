using Mcp.Dashboard.Components.Rollouts;
using Mcp.Dashboard.Components.Tests.Shared;
using Mcp.Dashboard.Domain.Rollouts;

namespace Mcp.Dashboard.Components.Tests.Rollouts;

public sealed class RolloutListTests : DashboardTestContext
{
    [Fact]
    public void RolloutList_Rollouts_LinkEachToItsPageWithStateInWords()
    {
        var running = RolloutTestData.Baking();
        var rolledBack = RolloutTestData.RolledBack() with { Id = Guid.NewGuid() };

        var cut = Render<RolloutList>(p => p.Add(x => x.Items, [running, rolledBack]));

        var lines = cut.FindAll("li[data-rollout]");
        Assert.Equal(2, lines.Count);
        Assert.Equal($"/rollouts/{running.Id}", lines[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Running", lines[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("10% on the new version", lines[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(nameof(RolloutState.RolledBack), lines[1].GetAttribute("data-state"));
        Assert.Contains("Rolled back", lines[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void RolloutList_Empty_SaysWhatIsMissing()
    {
        var cut = Render<RolloutList>(p => p.Add(x => x.Items, []).Add(x => x.EmptyText, "No rollout is running."));

        Assert.Equal("No rollout is running.", cut.Find(".rollout-list-empty").TextContent);
    }
}
