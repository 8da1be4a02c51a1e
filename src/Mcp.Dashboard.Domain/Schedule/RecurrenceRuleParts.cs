namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>The rule parts as read from RRULE text, before they become an immutable <see cref="RecurrenceRule"/>.</summary>
internal sealed class RecurrenceRuleParts
{
    public RecurrenceFrequency? Frequency { get; set; }

    public int Interval { get; set; } = 1;

    public int? Count { get; set; }

    public DateTime? Until { get; set; }

    public bool UntilIsDate { get; set; }

    public List<RecurrenceWeekday> ByDay { get; } = [];

    public List<int> ByMonthDay { get; } = [];

    public List<int> ByMonth { get; } = [];

    public List<int> ByHour { get; } = [];

    public List<int> ByMinute { get; } = [];

    public List<int> BySetPosition { get; } = [];

    public DayOfWeek WeekStart { get; set; } = DayOfWeek.Monday;
}
