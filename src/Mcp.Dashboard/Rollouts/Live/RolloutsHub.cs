using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Mcp.Dashboard.Rollouts.Live;

/// <summary>What the hub pushes to clients that watch a rollout.</summary>
public interface IRolloutsClient
{
    /// <summary>The rollout as it now stands (state, steps, weight, next, verdict), after any change.</summary>
    Task Rollout(RolloutView rollout);

    /// <summary>New lines of the event log, oldest first.</summary>
    Task Events(Guid rolloutId, IReadOnlyList<RolloutEventView> events);

    /// <summary>New metric samples, about every 100 ms while they arrive.</summary>
    Task Samples(Guid rolloutId, IReadOnlyList<MetricSample> samples);
}

/// <summary>
/// <c>/hubs/rollouts</c>: the same live events and samples the rollout page shows, for any
/// client (a CLI, a chat bot, another dashboard). Signed-in users only, by cookie or API token.
/// </summary>
[Authorize(Policy = DashboardServices.SignedIn)]
public sealed class RolloutsHub(RolloutQueries queries, RolloutBroadcaster broadcaster) : Hub<IRolloutsClient>
{
    public const string Path = "/hubs/rollouts";

    /// <summary>Starts watching a rollout: answers with its current view, then pushes every change.</summary>
    public async Task<RolloutView> Watch(Guid rolloutId)
    {
        var view = await queries.GetAsync(rolloutId, Context.ConnectionAborted);
        var lastEventId = await queries.LastEventIdAsync(rolloutId, Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, RolloutBroadcaster.GroupFor(rolloutId), Context.ConnectionAborted);
        broadcaster.Watch(Context.ConnectionId, rolloutId, lastEventId, view);
        return view;
    }

    public async Task Unwatch(Guid rolloutId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, RolloutBroadcaster.GroupFor(rolloutId), Context.ConnectionAborted);
        broadcaster.Unwatch(Context.ConnectionId, rolloutId);
    }

    /// <summary>The event log after <paramref name="afterId"/>: what a client reconnecting missed.</summary>
    public Task<IReadOnlyList<RolloutEventView>> EventsSince(Guid rolloutId, long afterId) =>
        queries.EventsAsync(rolloutId, afterId, cancellationToken: Context.ConnectionAborted);

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        broadcaster.Forget(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
