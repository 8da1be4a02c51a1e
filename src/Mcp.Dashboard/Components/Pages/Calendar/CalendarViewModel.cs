using System.Globalization;
using Mcp.Dashboard.Components.Schedule;
using Mcp.Dashboard.Domain.Schedule;
using Mcp.Dashboard.Schedule;

namespace Mcp.Dashboard.Components.Pages.Calendar;

public enum CalendarView
{
    Month,
    Week,
}

/// <summary>
/// What the calendar shows: month or week, which date it is anchored on, in which zone, for which
/// environment. The page keeps no view state of its own, so the same rules drive markup and tests.
/// </summary>
public sealed class CalendarViewModel
{
    public CalendarView View { get; set; } = CalendarView.Month;

    /// <summary>A day inside the month or week on screen, in <see cref="TimeZoneId"/>.</summary>
    public DateOnly Anchor { get; set; }

    public string TimeZoneId { get; set; } = ScheduleDisplay.DefaultZone;

    /// <summary>Null: every environment.</summary>
    public string? Environment { get; set; }

    public TimeZoneInfo Zone => ScheduleDisplay.Zone(TimeZoneId);

    /// <summary>The first day shown: the Monday on or before the month's first day (month view) or the anchor (week view).</summary>
    public DateOnly FirstDay => View == CalendarView.Month
        ? StartOfWeek(new DateOnly(Anchor.Year, Anchor.Month, 1))
        : StartOfWeek(Anchor);

    /// <summary>Whole weeks: 7 days in the week view, 28 to 42 in the month view.</summary>
    public IReadOnlyList<DateOnly> Days
    {
        get
        {
            var first = FirstDay;
            if (View == CalendarView.Week)
            {
                return Enumerable.Range(0, 7).Select(first.AddDays).ToList();
            }

            var lastOfMonth = new DateOnly(Anchor.Year, Anchor.Month, DateTime.DaysInMonth(Anchor.Year, Anchor.Month));
            var last = StartOfWeek(lastOfMonth).AddDays(6);
            return Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToList();
        }
    }

    /// <summary>The instants the days on screen cover, for <see cref="ScheduleService.CalendarAsync"/>.</summary>
    public (DateTimeOffset From, DateTimeOffset To) Range
    {
        get
        {
            var days = Days;
            var zone = Zone;
            return (WallClock.ToInstant(days[0].ToDateTime(TimeOnly.MinValue), zone),
                    WallClock.ToInstant(days[^1].AddDays(1).ToDateTime(TimeOnly.MinValue), zone));
        }
    }

    public string Title => View == CalendarView.Month
        ? Localization.ReaderFormats.MonthAndYear(Anchor.ToDateTime(TimeOnly.MinValue))
        : Localization.ReaderFormats.WeekRange(FirstDay.ToDateTime(TimeOnly.MinValue), FirstDay.AddDays(6).ToDateTime(TimeOnly.MinValue));

    public bool InMonth(DateOnly day) => View == CalendarView.Week || day.Month == Anchor.Month;

    public void Previous() => Anchor = View == CalendarView.Month ? Anchor.AddMonths(-1) : Anchor.AddDays(-7);

    public void Next() => Anchor = View == CalendarView.Month ? Anchor.AddMonths(1) : Anchor.AddDays(7);

    public void GoToToday(DateTimeOffset now) => Anchor = Today(now);

    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(WallClock.ToLocal(now, Zone));

    /// <summary>Entries touching the local day, windows before blackouts of the same start.</summary>
    public IReadOnlyList<CalendarEntry> OnDay(IEnumerable<CalendarEntry> entries, DateOnly day)
    {
        var zone = Zone;
        var dayStart = WallClock.ToInstant(day.ToDateTime(TimeOnly.MinValue), zone);
        var dayEnd = WallClock.ToInstant(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        return entries.Where(e => e.Start < dayEnd && e.End > dayStart).ToList();
    }

    /// <summary>Reads view state from the query string, ignoring what does not parse.</summary>
    public void Apply(string? view, string? date, string? zone, string? environment, DateTimeOffset now)
    {
        if (Enum.TryParse<CalendarView>(view, ignoreCase: true, out var parsedView))
        {
            View = parsedView;
        }

        if (!string.IsNullOrWhiteSpace(zone) && ScheduleDisplay.CommonZones.Contains(zone, StringComparer.OrdinalIgnoreCase))
        {
            TimeZoneId = ScheduleDisplay.CommonZones.First(z => z.Equals(zone, StringComparison.OrdinalIgnoreCase));
        }

        Environment = string.IsNullOrWhiteSpace(environment) ? null : environment.Trim();
        Anchor = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsedDate)
            ? parsedDate
            : Today(now);
    }

    private static DateOnly StartOfWeek(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
