namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>
/// A maintenance window another plan has already booked, with what the conflict check needs
/// to know about that plan. <see cref="TimeZoneId"/> is the zone to describe it in.
/// </summary>
public sealed record BookedWindow(
    Guid WindowId,
    Guid PlanId,
    string PlanName,
    string Environment,
    IReadOnlyCollection<string> Services,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TimeZoneId = "UTC");
