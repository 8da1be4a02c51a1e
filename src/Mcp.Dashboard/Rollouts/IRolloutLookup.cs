using Mcp.Dashboard.Domain.Rollouts;

namespace Mcp.Dashboard.Rollouts;

/// <summary>The little that metric ingest and sources need to know about a rollout.</summary>
public interface IRolloutLookup
{
    /// <summary>The rollout's state, or null when there is no such rollout.</summary>
    Task<RolloutState?> FindStateAsync(Guid rolloutId, CancellationToken cancellationToken);
}
