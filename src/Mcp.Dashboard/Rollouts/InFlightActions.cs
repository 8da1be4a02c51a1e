using System.Collections.Concurrent;

namespace Mcp.Dashboard.Rollouts;

/// <summary>
/// Cancels a rollout's step actions that are still on their way to the target (a webhook
/// retrying with backoff) the moment a rollback is accepted, so a late retry cannot raise the
/// canary again after the rollback. In this process only: a request already on the wire may
/// still arrive, which is why targets should ignore a rollout's actions once they applied its
/// rollback (docs/api.md, "Webhook target").
/// </summary>
public sealed class InFlightActions
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _sources = new();

    /// <summary>A token that is cancelled when the rollout's rollback is accepted.</summary>
    public CancellationToken For(Guid rolloutId) => _sources.GetOrAdd(rolloutId, _ => new CancellationTokenSource()).Token;

    public void CancelStepActions(Guid rolloutId)
    {
        if (_sources.TryRemove(rolloutId, out var source))
        {
            source.Cancel();
            source.Dispose();
        }
    }

    /// <summary>Drops the token of a finished rollout.</summary>
    public void Forget(Guid rolloutId)
    {
        if (_sources.TryRemove(rolloutId, out var source))
        {
            source.Dispose();
        }
    }
}
