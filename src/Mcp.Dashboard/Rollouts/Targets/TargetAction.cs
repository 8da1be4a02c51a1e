using System.Text.Json.Serialization;

namespace Mcp.Dashboard.Rollouts.Targets;

/// <summary>
/// One action sent to a target, as the webhook's JSON body has it (product brief, section 4).
/// The <see cref="IdempotencyKey"/> is stable per step, so a target that receives the same
/// action twice (a retry, or a replay after the dashboard restarted) applies it once.
/// </summary>
public sealed record TargetAction
{
    public const string SetWeight = "setWeight";
    public const string DeployGreen = "deployGreen";
    public const string Switch = "switch";
    public const string Promote = "promote";
    public const string ReplaceBatch = "replaceBatch";
    public const string Rollback = "rollback";

    /// <summary>setWeight, deployGreen, switch, promote, replaceBatch or rollback.</summary>
    public required string Action { get; init; }

    public required Guid RolloutId { get; init; }

    public required Guid PlanId { get; init; }

    /// <summary>The canary traffic weight (percent) after this action; 0 after a rollback.</summary>
    public int? Weight { get; init; }

    /// <summary>The tier a staged plan is acting on, e.g. "Edge".</summary>
    public string? Tier { get; init; }

    /// <summary>Rolling: the batch this action replaces.</summary>
    public TargetBatch? Batch { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string IdempotencyKey { get; init; }

    /// <summary>The service names of the plan, so a target knows what to act on.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>The version the rollout moves to (and, on rollback, back from).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ToVersion { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FromVersion { get; init; }
}

/// <summary>Rolling: batch <see cref="Number"/> of <see cref="Of"/>, instances [FirstInstance, FirstInstance + Size).</summary>
public sealed record TargetBatch(int Number, int Of, int FirstInstance, int Size);

/// <summary>How an action went. A target that could not apply it says why, in a sentence for the event log.</summary>
public sealed record TargetResult(bool Succeeded, string Message, int Attempts = 1)
{
    public static TargetResult Applied(string message = "applied", int attempts = 1) => new(true, message, attempts);

    public static TargetResult Refused(string message, int attempts = 1) => new(false, message, attempts);
}

/// <summary>
/// What a rollout's steps act on. Implementations must be safe to call again with the same
/// idempotency key and must never throw for a target-side failure: they return a refused
/// result, and the engine pauses the rollout with that message rather than advancing blindly.
/// </summary>
public interface IRolloutTarget
{
    Task<TargetResult> ApplyAsync(TargetAction action, CancellationToken cancellationToken);
}
