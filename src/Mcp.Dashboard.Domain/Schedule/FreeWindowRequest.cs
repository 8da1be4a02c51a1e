namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>
/// What to look for free windows for: a plan's scope, how long the window must be, where to
/// start looking and in which zone to present (and read <see cref="PreferredHours"/>).
/// </summary>
public sealed record FreeWindowRequest(
    Guid PlanId,
    string Environment,
    IReadOnlyCollection<string> Services,
    TimeSpan Length,
    DateTimeOffset SearchFrom,
    string TimeZoneId)
{
    /// <summary>How far ahead of <see cref="FreeWindowRequest.SearchFrom"/> a suggestion may end.</summary>
    public TimeSpan Horizon { get; init; } = TimeSpan.FromDays(14);

    /// <summary>How many suggestions to return at most.</summary>
    public int Count { get; init; } = 3;

    /// <summary>Suggestions start on this grid of the zone's wall clock (every 30 minutes by default); must divide a day.</summary>
    public TimeSpan Alignment { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Daily wall-clock ranges a window must fit in (low-traffic hours); empty for any time.
    /// Adjacent ranges join, so 22:00-24:00 and 00:00-06:00 allow a window across midnight.
    /// </summary>
    public IReadOnlyList<LocalTimeRange> PreferredHours { get; init; } = [];
}
