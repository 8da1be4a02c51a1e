using Mcp.Dashboard.Components.Pages.Plans;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Plans;

namespace Mcp.Dashboard.Components.Tests.Plans;

public sealed class PlanListViewModelTests
{
    private static readonly PlanSummary[] Plans =
    [
        Summary("User service 2.3.0 -> 2.5.0", "production", "user-service", PlanState.Approved),
        Summary("Gateway 1.8.2 -> 1.9.0", "production", "gateway", PlanState.InReview),
        Summary("Registry cluster", "staging", "service-registry", PlanState.Draft),
    ];

    [Fact]
    public void PlanListViewModel_StateAndSearchSet_ReturnsOnlyPlansMatchingBoth()
    {
        var filter = new PlanListViewModel { State = PlanState.InReview, Search = "GATEWAY" };

        var visible = filter.Apply(Plans);

        Assert.Equal("Gateway 1.8.2 -> 1.9.0", Assert.Single(visible).Name);
    }

    [Fact]
    public void PlanListViewModel_SearchMatchesServiceOrEnvironment_FindsPlan()
    {
        Assert.Equal("Registry cluster", Assert.Single(new PlanListViewModel { Search = "staging" }.Apply(Plans)).Name);
        Assert.Equal("User service 2.3.0 -> 2.5.0", Assert.Single(new PlanListViewModel { Search = "user-serv" }.Apply(Plans)).Name);
    }

    [Fact]
    public void PlanListViewModel_Cleared_ShowsEveryPlan()
    {
        var filter = new PlanListViewModel { State = PlanState.Draft, Search = "x" };

        filter.Clear();

        Assert.False(filter.IsFiltered);
        Assert.Equal(3, filter.Apply(Plans).Count);
    }

    private static PlanSummary Summary(string name, string environment, string service, PlanState state) =>
        new(Guid.NewGuid(), name, PlanKind.VersionUpgrade, environment, [service], "1.0.0", "2.0.0", DeploymentStrategy.Canary,
            state, "li.wei@example.com", DateTimeOffset.UtcNow, 3, 1, false);
}
