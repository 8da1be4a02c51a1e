using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Rollouts;

/// <summary>A start refused because gates are not met (API: 409 listing each gate).</summary>
public sealed class RolloutStartRefused(IReadOnlyList<ReadinessGate> unmet)
    : InvalidOperationException("The rollout cannot start: " + string.Join("; ", unmet.Select(g => $"{g.Title}: {g.Detail}")))
{
    public IReadOnlyList<ReadinessGate> Unmet { get; } = unmet;
}
