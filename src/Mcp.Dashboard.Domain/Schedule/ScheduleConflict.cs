namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>
/// One reason a candidate window cannot be booked as is. <see cref="ConflictingId"/> is the
/// blackout's id or the other window's id; <see cref="Start"/> and <see cref="End"/> are the
/// conflicting blackout occurrence or window; <see cref="Description"/> is a sentence for people,
/// such as "overlaps blackout 'Singles Day freeze' (2026-11-10 00:00 to 2026-11-12 00:00 Asia/Shanghai)".
/// </summary>
public sealed record ScheduleConflict(
    ScheduleConflictKind Kind,
    Guid ConflictingId,
    string Name,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Description);
