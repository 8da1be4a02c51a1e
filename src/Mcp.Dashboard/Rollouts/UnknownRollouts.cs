using Mcp.Dashboard.Domain.Rollouts;

namespace Mcp.Dashboard.Rollouts;

/// <summary>
/// The lookup used until the rollout engine registers its own: it knows no rollout, so metric
/// ingest answers 404. Registered with TryAdd; the engine's registration replaces it.
/// </summary>
internal sealed class UnknownRollouts : IRolloutLookup
{
    public Task<RolloutState?> FindStateAsync(Guid rolloutId, CancellationToken cancellationToken) =>
        Task.FromResult<RolloutState?>(null);
}
