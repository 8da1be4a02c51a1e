namespace Mcp.Dashboard.Domain.Rollouts;

/// <summary>
/// A request that is well-formed but not allowed for this rollout right now (resuming a running
/// rollout, beginning step 3 before step 2). The API answers 409 with <see cref="Exception.Message"/>.
/// </summary>
public sealed class RolloutRuleViolation(string message) : InvalidOperationException(message);
