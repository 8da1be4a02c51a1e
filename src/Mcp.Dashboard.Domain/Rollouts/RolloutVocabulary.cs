namespace Mcp.Dashboard.Domain.Rollouts;

/// <summary>
/// One run of a plan: Pending -> Running (and back from Paused) -> Succeeded, or -> RollingBack ->
/// RolledBack, or Failed / Cancelled.
/// </summary>
public enum RolloutState
{
    Pending,
    Running,
    Paused,
    RollingBack,
    RolledBack,
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>Where one step of a rollout stands.</summary>
public enum StepState
{
    Pending,
    Running,
    Succeeded,
    Failed,
    Skipped,
}

/// <summary>What a step asks the target to do.</summary>
public enum RolloutAction
{
    /// <summary>A tier's go/no-go: its required checklist items must be done.</summary>
    Gate,

    /// <summary>Canary: set the traffic weight, then bake under analysis.</summary>
    SetWeight,

    /// <summary>Blue-green: deploy the new version beside the old one.</summary>
    DeployGreen,

    /// <summary>Blue-green: verify green under analysis before any traffic moves.</summary>
    Verify,

    /// <summary>Blue-green: move all traffic from blue to green.</summary>
    Switch,

    /// <summary>Blue-green: keep blue warm for a one-press switch back.</summary>
    KeepBlue,

    /// <summary>Blue-green: make green final and tear blue down.</summary>
    Promote,

    /// <summary>Rolling: replace one batch of instances, wait the interval, check health.</summary>
    ReplaceBatch,
}

/// <summary>Whether a <see cref="Rollout.CompleteStep(int, StepOutcome, DateTimeOffset)"/> call changed anything.</summary>
public enum StepCompletion
{
    /// <summary>The step was running (or pending) and is now finished with the given outcome.</summary>
    Completed,

    /// <summary>The step was already finished; nothing changed. A restart that replays the step lands here.</summary>
    AlreadyCompleted,
}

/// <summary>How a step ended, as reported by the engine.</summary>
public sealed record StepOutcome(StepState Result, string? Note = null)
{
    public static StepOutcome Succeeded(string? note = null) => new(StepState.Succeeded, note);

    public static StepOutcome Failed(string? note = null) => new(StepState.Failed, note);

    public static StepOutcome Skipped(string? note = null) => new(StepState.Skipped, note);
}
