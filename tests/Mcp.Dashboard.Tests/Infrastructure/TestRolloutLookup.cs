using System.Collections.Concurrent;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Rollouts;

namespace Mcp.Dashboard.Tests.Infrastructure;

/// <summary>
/// Rollouts for metric tests while the engine (and rollouts in the database) are built
/// elsewhere: a dictionary of known rollout ids and their states. Swap for real rollouts later.
/// </summary>
public sealed class TestRolloutLookup : IRolloutLookup
{
    private readonly ConcurrentDictionary<Guid, RolloutState> _states = new();

    /// <summary>Makes a rollout known in the given state and returns its id.</summary>
    public Guid Add(RolloutState state = RolloutState.Running)
    {
        var id = Guid.NewGuid();
        _states[id] = state;
        return id;
    }

    public Task<RolloutState?> FindStateAsync(Guid rolloutId, CancellationToken cancellationToken) =>
        Task.FromResult(_states.TryGetValue(rolloutId, out var state) ? state : (RolloutState?)null);
}

/// <summary>A clock tests move by hand.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
