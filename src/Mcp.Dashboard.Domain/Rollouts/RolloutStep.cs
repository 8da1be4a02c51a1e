using System.Globalization;
using Mcp.Dashboard.Domain.Inventory;

namespace Mcp.Dashboard.Domain.Rollouts;

/// <summary>
/// One planned step of a rollout: what to do, on which tier, and how long to wait (bake or
/// interval) before the next step. Fixed when the rollout is created.
/// </summary>
public sealed record RolloutStep
{
    public int Index { get; init; }

    public RolloutAction Action { get; init; }

    /// <summary>The tier this step acts on, for a plan staged by tier; null otherwise.</summary>
    public NodeTier? Tier { get; init; }

    /// <summary>Canary: the traffic weight (percent) this step sets.</summary>
    public int? Weight { get; init; }

    /// <summary>Rolling: which batch (1-based) this step replaces.</summary>
    public RolloutBatch? Batch { get; init; }

    /// <summary>The bake (canary, verify, keep-blue) or interval (rolling) after the action.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The step's bake is judged by canary analysis; a failed verdict rolls back.</summary>
    public bool NeedsAnalysis { get; init; }

    /// <summary>Rolling: the replaced batch must pass a health check before the next batch.</summary>
    public bool NeedsHealthCheck { get; init; }

    /// <summary>Gate: the required checklist items that must be done before the tier starts.</summary>
    public IReadOnlyList<GateItem> GateItems { get; init; } = [];

    /// <summary>
    /// Sent with every action to the target and used to record the step's end, so a restarted
    /// engine never runs a step twice: "{rolloutId:N}-{index:D3}-{action}".
    /// </summary>
    public string IdempotencyKey { get; init; } = "";

    /// <summary>A short sentence for the timeline.</summary>
    public string Describe()
    {
        var tier = Tier is { } t ? $"{t}: " : "";
        var text = Action switch
        {
            RolloutAction.Gate => GateItems.Count == 0
                ? "gate (no required checklist items)"
                : $"gate: {string.Join(", ", GateItems.Select(i => i.Title))} must be done",
            RolloutAction.SetWeight => Duration > TimeSpan.Zero
                ? $"set canary weight to {Weight}% and bake {Humanize(Duration)}{(NeedsAnalysis ? " under analysis" : "")}"
                : $"set canary weight to {Weight}%",
            RolloutAction.DeployGreen => "deploy green beside blue",
            RolloutAction.Verify => $"verify green for {Humanize(Duration)}{(NeedsAnalysis ? " under analysis" : "")}",
            RolloutAction.Switch => "switch traffic from blue to green",
            RolloutAction.KeepBlue => $"keep blue warm for {Humanize(Duration)}",
            RolloutAction.Promote => "promote green and tear blue down",
            RolloutAction.ReplaceBatch => $"replace batch {Batch!.Number}/{Batch.Of} (instances {Batch.FirstInstance + 1}-{Batch.FirstInstance + Batch.Size}), " +
                                          $"health check{(Duration > TimeSpan.Zero ? $", wait {Humanize(Duration)}" : "")}",
            _ => Action.ToString(),
        };
        return tier + text;
    }

    public static string KeyFor(Guid rolloutId, int index, RolloutAction action) =>
        string.Create(CultureInfo.InvariantCulture, $"{rolloutId:N}-{index:D3}-{action}");

    internal static string Humanize(TimeSpan duration) => duration switch
    {
        { TotalSeconds: < 60 } => $"{duration.TotalSeconds:0} s",
        { TotalMinutes: < 60 } when duration.Seconds == 0 => $"{duration.TotalMinutes:0} min",
        { TotalMinutes: < 60 } => $"{duration.Minutes} min {duration.Seconds} s",
        _ when duration.Minutes == 0 => $"{duration.TotalHours:0} h",
        _ => $"{(int)duration.TotalHours} h {duration.Minutes} min",
    };
}

/// <summary>A rolling batch: instances [FirstInstance, FirstInstance + Size) of the fleet.</summary>
public sealed record RolloutBatch(int Number, int Of, int FirstInstance, int Size);

/// <summary>A required checklist item a tier's gate waits for.</summary>
public sealed record GateItem(Guid? Id, string Title);

/// <summary>A tier phase of a staged plan, as the planner needs it.</summary>
public sealed record RolloutStage(string Name, NodeTier Tier, IReadOnlyList<GateItem> RequiredItems);
