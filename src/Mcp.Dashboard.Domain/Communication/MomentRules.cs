using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Domain.Communication;

/// <summary>
/// When the communication plan speaks: which rollout event is which moment, and when a
/// reminder before a window is due.
/// </summary>
public static class MomentRules
{
    /// <summary>The moment a rollout event log line stands for, or null when nobody is told about it.</summary>
    /// <remarks>
    /// A rollback is announced when it has completed (traffic is back on the old version), which is
    /// what a reader needs to hear; its reason comes from the rollout.
    /// </remarks>
    public static CommunicationMoment? ForRolloutEvent(string kind) => kind switch
    {
        "rollout.started" => CommunicationMoment.Start,
        "step.started" => CommunicationMoment.EachStep,
        "rollout.paused" or "rollout.deadline" or "verdict.hold" => CommunicationMoment.Pause,
        "rollback.completed" => CommunicationMoment.Rollback,
        "rollout.succeeded" => CommunicationMoment.Completion,
        _ => null,
    };

    /// <summary>How long before a window's start each reminder goes out.</summary>
    public static TimeSpan? ReminderLead(CommunicationMoment moment) => moment switch
    {
        CommunicationMoment.Before72Hours => TimeSpan.FromHours(72),
        CommunicationMoment.Before24Hours => TimeSpan.FromHours(24),
        CommunicationMoment.Before1Hour => TimeSpan.FromHours(1),
        _ => null,
    };

    public static bool IsReminder(CommunicationMoment moment) => ReminderLead(moment) is not null;

    /// <summary>
    /// The reminder of <paramref name="moments"/> that is due now for a window, or null. A reminder
    /// is due from its moment until the window starts, but not when its moment had already passed
    /// when the window was booked (a window booked 30 h ahead gets no "in three days"), and not
    /// when a nearer reminder is also due (after downtime, only the freshest is sent).
    /// </summary>
    public static CommunicationMoment? DueReminder(IEnumerable<CommunicationMoment> moments, DateTimeOffset windowStart, DateTimeOffset bookedAt, DateTimeOffset now)
    {
        if (now >= windowStart)
        {
            return null;
        }

        CommunicationMoment? due = null;
        TimeSpan? nearest = null;
        foreach (var moment in moments.Distinct())
        {
            if (ReminderLead(moment) is not { } lead)
            {
                continue;
            }

            var at = windowStart - lead;
            if (at <= now && at >= bookedAt && (nearest is null || lead < nearest))
            {
                due = moment;
                nearest = lead;
            }
        }

        return due;
    }
}
