namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>
/// A daily stretch of wall-clock time, such as the low-traffic hours 00:00 to 06:00. An
/// <see cref="End"/> at or before <see cref="Start"/> runs past midnight (22:00 to 02:00), and
/// equal ends mean the whole day.
/// </summary>
public readonly record struct LocalTimeRange(TimeOnly Start, TimeOnly End)
{
    // TimeOnly subtraction wraps around midnight, which is exactly the reading we want.
    public TimeSpan Length => Start == End ? TimeSpan.FromDays(1) : End - Start;
}
