namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>What a candidate window collides with.</summary>
public enum ScheduleConflictKind
{
    /// <summary>An occurrence of a blackout.</summary>
    Blackout = 0,

    /// <summary>Another plan's window on related services in the same environment.</summary>
    Window = 1,
}
