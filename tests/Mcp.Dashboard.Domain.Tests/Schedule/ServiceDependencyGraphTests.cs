using Mcp.Dashboard.Domain.Schedule;

namespace Mcp.Dashboard.Domain.Tests.Schedule;

public sealed class ServiceDependencyGraphTests
{
    private static readonly ServiceDependencyGraph Platform = new(
    [
        ("user-service", ["gateway", "user-db"]),
        ("gateway", ["auth"]),
        ("billing", ["gateway"]),
        ("auth", []),
        ("reporting", ["reporting-db"]),
    ]);

    [Fact]
    public void DependsOn_DirectAndTransitive_AreBothFound()
    {
        Assert.True(Platform.DependsOn("user-service", "gateway"));
        Assert.True(Platform.DependsOn("user-service", "auth"));
        Assert.False(Platform.DependsOn("gateway", "user-service"));
        Assert.False(Platform.DependsOn("unknown", "gateway"));
    }

    [Fact]
    public void DependencyPath_TransitiveDependency_GivesTheChain()
    {
        Assert.Equal(["user-service", "gateway", "auth"], Platform.DependencyPath("user-service", "auth"));
        Assert.Empty(Platform.DependencyPath("auth", "user-service"));
    }

    [Fact]
    public void IsRelated_SharedService_SaysWhichOne()
    {
        Assert.True(Platform.IsRelated(["reporting", "gateway"], ["gateway"], out var relation));

        Assert.Equal(ServiceRelationKind.Shared, relation.Kind);
        Assert.Equal("gateway", relation.Describe());
    }

    [Fact]
    public void IsRelated_FirstSetDependsOnSecond_NamesTheDependency()
    {
        Assert.True(Platform.IsRelated(["user-service"], ["gateway"], out var relation));

        Assert.Equal(ServiceRelationKind.DependsOnOther, relation.Kind);
        Assert.Equal("gateway, a dependency of user-service", relation.Describe());
    }

    [Fact]
    public void IsRelated_SecondSetDependsOnFirst_NamesTheDependent()
    {
        Assert.True(Platform.IsRelated(["gateway"], ["billing"], out var relation));

        Assert.Equal(ServiceRelationKind.DependencyOfOther, relation.Kind);
        Assert.Equal("billing, which depends on gateway", relation.Describe());
    }

    [Fact]
    public void IsRelated_TransitiveDependency_NamesTheServicesInBetween()
    {
        Assert.True(Platform.IsRelated(["user-service"], ["auth"], out var relation));

        Assert.Equal("auth, a dependency of user-service via gateway", relation.Describe());
    }

    [Fact]
    public void IsRelated_SiblingsOfACommonDependency_AreNotRelated()
    {
        // Both depend on gateway, but neither touches it: upgrading one does not disturb the other.
        Assert.False(Platform.IsRelated(["user-service"], ["billing"]));
        Assert.False(Platform.IsRelated(["reporting"], ["gateway"]));
        Assert.False(Platform.IsRelated([], ["gateway"]));
    }

    [Fact]
    public void IsRelated_NamesDifferingInCase_AreTheSameService()
    {
        Assert.True(Platform.IsRelated(["User-Service"], ["GATEWAY"]));
    }

    [Fact]
    public void Constructor_DependencyCycle_Terminates()
    {
        var cyclic = new ServiceDependencyGraph([("a", ["b"]), ("b", ["c"]), ("c", ["a"])]);

        Assert.True(cyclic.DependsOn("a", "c"));
        Assert.True(cyclic.DependsOn("c", "b"));
        Assert.False(cyclic.DependsOn("a", "a"));
    }

    [Fact]
    public void Empty_RelatesOnlySharedServices()
    {
        Assert.True(ServiceDependencyGraph.Empty.IsRelated(["gateway"], ["gateway"]));
        Assert.False(ServiceDependencyGraph.Empty.IsRelated(["user-service"], ["gateway"]));
    }
}
