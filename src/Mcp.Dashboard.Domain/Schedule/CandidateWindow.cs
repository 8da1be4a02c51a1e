namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>A window a plan would like to book: who, where, which services, and when.</summary>
public sealed record CandidateWindow(
    Guid PlanId,
    string Environment,
    IReadOnlyCollection<string> Services,
    DateTimeOffset Start,
    DateTimeOffset End,
    Guid? WindowId = null);
