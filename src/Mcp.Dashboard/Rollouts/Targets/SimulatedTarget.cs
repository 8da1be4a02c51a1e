using System.Collections.Concurrent;
using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Domain.Simulation;

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

/// <summary>
/// The simulated fleets, one per unfinished rollout. A finished rollout's fleet is retired
/// rather than dropped, so its action log can still be read for a while (the newest
/// <see cref="RetiredKept"/> are kept).
/// </summary>
public sealed class SimulatedFleets
{
    public const int RetiredKept = 200;

    private readonly ConcurrentDictionary<Guid, SimulatedFleet> _fleets = new();
    private readonly ConcurrentDictionary<Guid, SimulatedFleet> _retired = new();
    private readonly ConcurrentQueue<Guid> _retiredOrder = new();

    public SimulatedFleet For(Guid rolloutId) => _fleets.GetOrAdd(rolloutId, id => new SimulatedFleet(id));

    public SimulatedFleet? Find(Guid rolloutId) => _fleets.GetValueOrDefault(rolloutId) ?? _retired.GetValueOrDefault(rolloutId);

    /// <summary>The fleets of unfinished rollouts.</summary>
    public IReadOnlyCollection<SimulatedFleet> All => [.. _fleets.Values];

    public void Forget(Guid rolloutId)
    {
        if (!_fleets.TryRemove(rolloutId, out var fleet))
        {
            return;
        }

        _retired[rolloutId] = fleet;
        _retiredOrder.Enqueue(rolloutId);
        while (_retiredOrder.Count > RetiredKept && _retiredOrder.TryDequeue(out var oldest))
        {
            _retired.TryRemove(oldest, out _);
        }
    }
}

/// <summary>
/// One rollout's simulated fleet: the actions it has applied, the share of traffic on the new
/// version that follows from them, and a <see cref="FleetSimulator"/> that turns that share
/// into a second-by-second stream of canary and baseline samples, with injectable faults.
/// </summary>
public sealed class SimulatedFleet(Guid rolloutId)
{
    /// <summary>Blue-green: green takes this share as mirrored test traffic while it is verified.</summary>
    public const int VerificationShare = 10;

    private readonly Lock _gate = new();
    private readonly HashSet<string> _appliedKeys = [];
    private readonly List<TargetAction> _applied = [];

    // Seeded by the rollout, so a rollout's noise is the same after a restart of the process.
    private readonly FleetSimulator _simulator = new(new Random(rolloutId.GetHashCode()));

    public Guid RolloutId { get; } = rolloutId;

    /// <summary>Percent of traffic on the new version.</summary>
    public int Weight { get; private set; }

    /// <summary>The faults injected into the canary now, e.g. "error spike x2".</summary>
    public IReadOnlyDictionary<FaultKind, double> Faults
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<FaultKind, double>(_faults);
            }
        }
    }

    private readonly Dictionary<FaultKind, double> _faults = [];

    /// <summary>
    /// After a restart the fleet is rebuilt empty; it takes the weight the stored rollout had
    /// reached, which is what the real fleet would still be serving.
    /// </summary>
    public void Resume(int weight)
    {
        lock (_gate)
        {
            if (_applied.Count == 0 && Weight == 0)
            {
                Weight = Math.Clamp(weight, 0, 100);
            }
        }
    }

    public void InjectFault(FaultKind kind, double factor)
    {
        lock (_gate)
        {
            _simulator.InjectFault(kind, factor);
            _faults[kind] = factor;
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _simulator.ClearFaults();
            _faults.Clear();
        }
    }

    /// <summary>The samples of the second ending at <paramref name="at"/>; none while no traffic is on the new version.</summary>
    public IReadOnlyList<MetricSample> Tick(DateTimeOffset at)
    {
        lock (_gate)
        {
            if (Weight == 0 || RolledBack)
            {
                return [];
            }

            _simulator.SetCanaryWeight(Weight);
            return _simulator.Tick(at);
        }
    }

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
            Weight = action switch
            {
                { Action: TargetAction.Rollback } => 0,
                { Action: TargetAction.DeployGreen } => VerificationShare,
                { Action: TargetAction.ReplaceBatch, Batch: { } batch } => (int)Math.Round(100.0 * batch.Number / batch.Of),
                { Weight: { } weight } => weight,
                _ => Weight,
            };

            return true;
        }
    }
}
