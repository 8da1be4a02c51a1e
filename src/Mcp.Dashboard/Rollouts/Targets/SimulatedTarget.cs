using System.Collections.Concurrent;

namespace Mcp.Dashboard.Rollouts.Targets;

/// <summary>
/// The built-in fleet the demo and the default plans act on. It keeps, per rollout, the canary
/// weight it was given and every action it applied, and applies an idempotency key only once,
/// as a well-behaved real target would.
/// </summary>
public sealed class SimulatedTarget(SimulatedFleets fleets) : IRolloutTarget
{
    public Task<TargetResult> ApplyAsync(TargetAction action, CancellationToken cancellationToken)
    {
        var fleet = fleets.For(action.RolloutId);
        var applied = fleet.Apply(action);
        return Task.FromResult(applied
            ? TargetResult.Applied($"The simulated fleet applied {action.Action}{(action.Weight is { } w ? $" ({w}% on the new version)" : "")}.")
            : TargetResult.Applied($"The simulated fleet had already applied {action.Action} with this key; nothing changed."));
    }
}

/// <summary>The simulated fleets, one per rollout.</summary>
public sealed class SimulatedFleets
{
    private readonly ConcurrentDictionary<Guid, SimulatedFleet> _fleets = new();

    public SimulatedFleet For(Guid rolloutId) => _fleets.GetOrAdd(rolloutId, id => new SimulatedFleet(id));

    public SimulatedFleet? Find(Guid rolloutId) => _fleets.GetValueOrDefault(rolloutId);

    public IReadOnlyCollection<SimulatedFleet> All => [.. _fleets.Values];

    public void Forget(Guid rolloutId) => _fleets.TryRemove(rolloutId, out _);
}

/// <summary>One rollout's simulated fleet: its weight and the actions it has applied.</summary>
public sealed class SimulatedFleet(Guid rolloutId)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _appliedKeys = [];
    private readonly List<TargetAction> _applied = [];

    public Guid RolloutId { get; } = rolloutId;

    /// <summary>Percent of traffic on the new version.</summary>
    public int Weight { get; private set; }

    public bool RolledBack { get; private set; }

    public IReadOnlyList<TargetAction> AppliedActions
    {
        get
        {
            lock (_gate)
            {
                return [.. _applied];
            }
        }
    }

    /// <summary>Applies the action unless its key was applied before; returns whether it changed anything.</summary>
    public bool Apply(TargetAction action)
    {
        lock (_gate)
        {
            if (!_appliedKeys.Add(action.IdempotencyKey))
            {
                return false;
            }

            _applied.Add(action);
            RolledBack = action.Action == TargetAction.Rollback;
            if (action.Weight is { } weight)
            {
                Weight = weight;
            }

            return true;
        }
    }
}
