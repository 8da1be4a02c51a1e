namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>
/// Why two sets of services are related: <see cref="Service"/> from the first set,
/// <see cref="OtherService"/> from the second, and the dependency chain between them
/// (<see cref="Path"/>, from dependent to dependency).
/// </summary>
public sealed record ServiceRelation(ServiceRelationKind Kind, string Service, string OtherService, IReadOnlyList<string> Path)
{
    /// <summary>
    /// The other service, explained from the first set's side: "gateway",
    /// "gateway, a dependency of user-service", "auth, a dependency of user-service via gateway",
    /// "billing, which depends on gateway".
    /// </summary>
    public string Describe() => Kind switch
    {
        ServiceRelationKind.DependsOnOther => $"{OtherService}, a dependency of {Service}{Via()}",
        ServiceRelationKind.DependencyOfOther => $"{OtherService}, which depends on {Service}{Via()}",
        _ => OtherService,
    };

    private string Via() => Path.Count > 2 ? " via " + string.Join(", ", Path.Skip(1).Take(Path.Count - 2)) : "";
}
