using System.Diagnostics.CodeAnalysis;

namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>
/// Which services depend on which, transitively: if <c>user-service</c> depends on
/// <c>gateway</c> and <c>gateway</c> on <c>auth</c>, then <c>user-service</c> depends on
/// <c>auth</c>. Used to tell whether two plans touch related services and so must not run at
/// the same time. Service names compare case-insensitively; cycles are tolerated. Immutable.
/// </summary>
public sealed class ServiceDependencyGraph
{
    private static readonly StringComparer NameComparer = StringComparer.OrdinalIgnoreCase;

    /// <summary>For each service, every service it reaches, mapped to the step before it on a shortest path.</summary>
    private readonly Dictionary<string, Dictionary<string, string>> _reachable;

    public ServiceDependencyGraph(IEnumerable<(string Service, IEnumerable<string> DependsOn)> dependencies)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        var direct = new Dictionary<string, List<string>>(NameComparer);
        foreach (var (service, dependsOn) in dependencies)
        {
            if (!direct.TryGetValue(service, out var targets))
            {
                targets = [];
                direct.Add(service, targets);
            }

            foreach (var dependency in dependsOn)
            {
                if (!NameComparer.Equals(dependency, service) && !targets.Contains(dependency, NameComparer))
                {
                    targets.Add(dependency);
                }
            }
        }

        _reachable = direct.Keys.ToDictionary(service => service, service => Explore(service, direct), NameComparer);
    }

    public static ServiceDependencyGraph Empty { get; } = new([]);

    /// <summary>Whether <paramref name="service"/> depends on <paramref name="dependency"/>, directly or through others.</summary>
    public bool DependsOn(string service, string dependency) =>
        _reachable.TryGetValue(service, out var reachable) && reachable.ContainsKey(dependency);

    /// <summary>
    /// A shortest dependency chain from <paramref name="service"/> to <paramref name="dependency"/>,
    /// both included (<c>[user-service, gateway, auth]</c>); empty when there is none.
    /// </summary>
    public IReadOnlyList<string> DependencyPath(string service, string dependency)
    {
        if (!_reachable.TryGetValue(service, out var reachable) || !reachable.ContainsKey(dependency))
        {
            return [];
        }

        var path = new List<string> { dependency };
        for (var step = dependency; !NameComparer.Equals(step, service);)
        {
            step = reachable[step];
            path.Add(step);
        }

        path.Reverse();
        return path;
    }

    /// <summary>Whether the two sets share a service or one set's service depends on the other's, transitively.</summary>
    public bool IsRelated(IEnumerable<string> services, IEnumerable<string> otherServices) =>
        IsRelated(services, otherServices, out _);

    /// <summary>
    /// Whether the two sets are related, and one reason why: a shared service first, else a
    /// service of <paramref name="services"/> that depends on one of <paramref name="otherServices"/>,
    /// else the other way round.
    /// </summary>
    public bool IsRelated(
        IEnumerable<string> services,
        IEnumerable<string> otherServices,
        [NotNullWhen(true)] out ServiceRelation? relation)
    {
        var mine = services.Distinct(NameComparer).ToList();
        var theirs = otherServices.Distinct(NameComparer).ToList();

        relation = mine.Where(service => theirs.Contains(service, NameComparer))
                .Select(service => new ServiceRelation(ServiceRelationKind.Shared, service, service, [service]))
                .FirstOrDefault()
            ?? Dependencies(mine, theirs)
                .Select(pair => new ServiceRelation(ServiceRelationKind.DependsOnOther, pair.Service, pair.Other, DependencyPath(pair.Service, pair.Other)))
                .FirstOrDefault()
            ?? Dependencies(theirs, mine)
                .Select(pair => new ServiceRelation(ServiceRelationKind.DependencyOfOther, pair.Other, pair.Service, DependencyPath(pair.Service, pair.Other)))
                .FirstOrDefault();
        return relation is not null;
    }

    private IEnumerable<(string Service, string Other)> Dependencies(List<string> dependents, List<string> candidates) =>
        from service in dependents
        from other in candidates
        where DependsOn(service, other)
        select (service, other);

    /// <summary>Breadth-first from <paramref name="origin"/>, so recorded predecessors give shortest chains.</summary>
    private static Dictionary<string, string> Explore(string origin, Dictionary<string, List<string>> direct)
    {
        var predecessors = new Dictionary<string, string>(NameComparer);
        var queue = new Queue<string>([origin]);
        while (queue.TryDequeue(out var current))
        {
            if (!direct.TryGetValue(current, out var targets))
            {
                continue;
            }

            foreach (var target in targets)
            {
                // A cycle back to the origin says nothing new: a service does not block itself.
                if (!NameComparer.Equals(target, origin) && predecessors.TryAdd(target, current))
                {
                    queue.Enqueue(target);
                }
            }
        }

        return predecessors;
    }
}
