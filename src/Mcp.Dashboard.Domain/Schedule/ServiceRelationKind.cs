namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>How a service in one set is tied to a service in another (see <see cref="ServiceDependencyGraph.IsRelated(IEnumerable{string}, IEnumerable{string}, out ServiceRelation?)"/>).</summary>
public enum ServiceRelationKind
{
    /// <summary>Both sets contain the service.</summary>
    Shared = 0,

    /// <summary>The first set's service depends on the other set's service.</summary>
    DependsOnOther = 1,

    /// <summary>The other set's service depends on the first set's service.</summary>
    DependencyOfOther = 2,
}
