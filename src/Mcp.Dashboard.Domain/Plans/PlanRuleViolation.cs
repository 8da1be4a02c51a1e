namespace Mcp.Dashboard.Domain.Plans;

/// <summary>
/// A request that is well-formed but not allowed by the plan's rules right now (approving a
/// draft, editing a running plan). The API answers 409 with <see cref="Exception.Message"/>.
/// </summary>
public sealed class PlanRuleViolation(string message) : InvalidOperationException(message);

/// <summary>The actor may not do this to this plan; the API answers 403.</summary>
public sealed class PlanAccessDenied(string message) : UnauthorizedAccessException(message);
