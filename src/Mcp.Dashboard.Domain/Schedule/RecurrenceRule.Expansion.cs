namespace Mcp.Dashboard.Domain.Schedule;

public sealed partial class RecurrenceRule
{
    /// <summary>
    /// How many periods in a row may yield no occurrence before the scan gives up. Enough for
    /// the sparsest real rule (29 February, up to eight years apart even with FREQ=DAILY) and
    /// small enough that a rule that can never match (30 February) ends quickly.
    /// </summary>
    internal const int MaxPeriodsWithoutOccurrence = 10_000;

    private static readonly long LastDayNumber = DateTime.MaxValue.Ticks / TimeSpan.TicksPerDay;

    /// <summary>
    /// The series' start times on the wall clock, in order, lazily. <paramref name="localStart"/>
    /// is the series start (DTSTART): it fixes the time of day, weekday and day of month the rule
    /// does not specify, and it is the first occurrence when it matches the rule. A UTC UNTIL is
    /// compared as if the wall clock were UTC; use the overload with a zone otherwise.
    /// </summary>
    public IEnumerable<DateTime> LocalOccurrences(DateTime localStart) => LocalOccurrences(localStart, TimeZoneInfo.Utc);

    /// <summary>
    /// The series' start times on the wall clock of <paramref name="zone"/>, in order, lazily.
    /// The zone is only needed to compare occurrences with a UTC UNTIL.
    /// </summary>
    public IEnumerable<DateTime> LocalOccurrences(DateTime localStart, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Expand(DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified), zone);
    }

    /// <summary>
    /// The series' start instants: <see cref="LocalOccurrences(DateTime, TimeZoneInfo)"/> read
    /// in <paramref name="zone"/>, with times in a spring-forward gap moved forward and times in
    /// a fall-back overlap taken at their first pass. Offsets are those of the zone.
    /// </summary>
    public IEnumerable<DateTimeOffset> Occurrences(DateTime localStart, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return ToInstants(LocalOccurrences(localStart, zone), zone);
    }

    private static IEnumerable<DateTimeOffset> ToInstants(IEnumerable<DateTime> localTimes, TimeZoneInfo zone)
    {
        DateTimeOffset? previous = null;
        foreach (var local in localTimes)
        {
            var instant = WallClock.ToInstant(local, zone);

            // Two wall-clock times in the same spring-forward gap (02:00 and 03:00 in Berlin)
            // land on one instant; RFC 5545 counts a repeated instance once.
            if (instant != previous)
            {
                previous = instant;
                yield return instant;
            }
        }
    }

    private IEnumerable<DateTime> Expand(DateTime start, TimeZoneInfo zone)
    {
        var days = new DaySelection(this, start);
        var times = TimesOfDay(start);
        var lastDay = LastPossibleDay(zone);
        var emitted = 0;
        var periodsWithoutOccurrence = 0;

        foreach (var period in Periods(start))
        {
            if (period.First > lastDay)
            {
                yield break;
            }

            var candidates = Candidates(period, days, times);
            periodsWithoutOccurrence = candidates.Count == 0 ? periodsWithoutOccurrence + 1 : 0;
            if (periodsWithoutOccurrence >= MaxPeriodsWithoutOccurrence)
            {
                yield break;
            }

            foreach (var candidate in candidates)
            {
                // RFC 5545: the series never starts before DTSTART, even where the first
                // period has matching times earlier than it.
                if (candidate < start)
                {
                    continue;
                }

                if (IsAfterUntil(candidate, zone))
                {
                    yield break;
                }

                yield return candidate;
                if (++emitted == Count)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>
    /// The candidate start times in one period, in order, after BYSETPOS. Every BYxxx date part
    /// is a filter over the days of the period: with a period as long as the frequency
    /// (a day, week, month or year) that gives RFC 5545's "expand" for parts finer than the
    /// frequency and "limit" for the others, without a separate code path for each.
    /// </summary>
    private List<DateTime> Candidates(DatePeriod period, DaySelection days, TimeSpan[] times)
    {
        var candidates = new List<DateTime>();
        for (var dayNumber = period.FirstDayNumber; dayNumber < period.FirstDayNumber + period.Days; dayNumber++)
        {
            if (dayNumber < 0 || dayNumber > LastDayNumber)
            {
                continue;
            }

            var day = new DateTime(dayNumber * TimeSpan.TicksPerDay);
            if (days.Includes(day))
            {
                candidates.AddRange(times.Select(time => day + time));
            }
        }

        return BySetPosition.Count == 0 ? candidates : SelectPositions(candidates);
    }

    private List<DateTime> SelectPositions(List<DateTime> candidates)
    {
        var selected = new SortedSet<DateTime>();
        foreach (var position in BySetPosition)
        {
            var index = position > 0 ? position - 1 : candidates.Count + position;
            if (index >= 0 && index < candidates.Count)
            {
                selected.Add(candidates[index]);
            }
        }

        return [.. selected];
    }

    /// <summary>The times of day each selected day gets: BYHOUR x BYMINUTE, defaulting to the series start's.</summary>
    private TimeSpan[] TimesOfDay(DateTime start)
    {
        IReadOnlyList<int> hours = ByHour.Count > 0 ? ByHour : [start.Hour];
        IReadOnlyList<int> minutes = ByMinute.Count > 0 ? ByMinute : [start.Minute];
        var seconds = TimeSpan.FromTicks(start.Ticks % TimeSpan.TicksPerMinute);
        return [.. hours.SelectMany(hour => minutes.Select(minute => new TimeSpan(hour, minute, 0) + seconds))];
    }

    /// <summary>The periods the frequency steps through, from the one holding the series start.</summary>
    private IEnumerable<DatePeriod> Periods(DateTime start)
    {
        var startDay = start.Ticks / TimeSpan.TicksPerDay;
        switch (Frequency)
        {
            case RecurrenceFrequency.Daily:
                for (var day = startDay; day <= LastDayNumber; day += Interval)
                {
                    yield return new DatePeriod(day, 1);
                }

                break;

            case RecurrenceFrequency.Weekly:
                // Weeks begin on WKST; with INTERVAL=2 that decides which weeks are "every other".
                var daysIntoWeek = ((int)start.DayOfWeek - (int)WeekStart + 7) % 7;
                for (var weekStart = startDay - daysIntoWeek; weekStart <= LastDayNumber; weekStart += 7L * Interval)
                {
                    yield return new DatePeriod(weekStart, 7);
                }

                break;

            case RecurrenceFrequency.Monthly:
                for (var month = (start.Year * 12L) + start.Month - 1; month / 12 <= DateTime.MaxValue.Year; month += Interval)
                {
                    var first = new DateTime((int)(month / 12), (int)(month % 12) + 1, 1);
                    yield return new DatePeriod(first, DateTime.DaysInMonth(first.Year, first.Month));
                }

                break;

            case RecurrenceFrequency.Yearly:
                for (long year = start.Year; year <= DateTime.MaxValue.Year; year += Interval)
                {
                    var first = new DateTime((int)year, 1, 1);
                    yield return new DatePeriod(first, DateTime.IsLeapYear(first.Year) ? 366 : 365);
                }

                break;

            default:
                throw new InvalidOperationException($"Frequency {Frequency} is not supported.");
        }
    }

    private bool IsAfterUntil(DateTime occurrence, TimeZoneInfo zone) => Until switch
    {
        null => false,
        { } until when UntilIsDate => occurrence.Date > until.Date,
        { Kind: DateTimeKind.Utc } until => WallClock.ToInstant(occurrence, zone).UtcDateTime > until,
        { } until => occurrence > until,
    };

    /// <summary>
    /// A day after which no occurrence can fall, so a rule whose periods stop matching still
    /// ends at UNTIL. A UTC UNTIL gets a day of slack for the zone's offset.
    /// </summary>
    private DateTime LastPossibleDay(TimeZoneInfo zone) => Until switch
    {
        null => DateTime.MaxValue,
        { Kind: DateTimeKind.Utc } until => NextDay(WallClock.ToLocal(new DateTimeOffset(until), zone).Date),
        { } until => until.Date,
    };

    private static DateTime NextDay(DateTime day) => day < DateTime.MaxValue.Date ? day.AddDays(1) : DateTime.MaxValue;

    /// <summary>A run of consecutive days: one day, week, month or year of the rule.</summary>
    private readonly record struct DatePeriod(long FirstDayNumber, int Days)
    {
        public DatePeriod(DateTime first, int days)
            : this(first.Ticks / TimeSpan.TicksPerDay, days)
        {
        }

        public DateTime First => new(Math.Max(FirstDayNumber, 0) * TimeSpan.TicksPerDay);
    }

    /// <summary>
    /// Which days the BYMONTH, BYMONTHDAY and BYDAY parts let through, with the defaults RFC 5545
    /// takes from DTSTART when a rule leaves the day unsaid (WEEKLY: its weekday; MONTHLY: its
    /// day of month; YEARLY: its month and day).
    /// </summary>
    private sealed class DaySelection
    {
        private readonly HashSet<int> _months;
        private readonly HashSet<int> _monthDays;
        private readonly HashSet<DayOfWeek> _everyWeekday;
        private readonly RecurrenceWeekday[] _numberedWeekdays;
        private readonly bool _countWeekdaysWithinMonth;

        public DaySelection(RecurrenceRule rule, DateTime start)
        {
            IReadOnlyList<int> months = rule.ByMonth;
            IReadOnlyList<int> monthDays = rule.ByMonthDay;
            IReadOnlyList<RecurrenceWeekday> weekdays = rule.ByDay;

            if (monthDays.Count == 0 && weekdays.Count == 0)
            {
                switch (rule.Frequency)
                {
                    case RecurrenceFrequency.Weekly:
                        weekdays = [new RecurrenceWeekday(start.DayOfWeek)];
                        break;
                    case RecurrenceFrequency.Monthly:
                        monthDays = [start.Day];
                        break;
                    case RecurrenceFrequency.Yearly:
                        months = months.Count > 0 ? months : [start.Month];
                        monthDays = [start.Day];
                        break;
                    case RecurrenceFrequency.Daily:
                    default:
                        break;
                }
            }

            _months = [.. months];
            _monthDays = [.. monthDays];
            _everyWeekday = [.. weekdays.Where(day => day.Ordinal == 0).Select(day => day.Day)];
            _numberedWeekdays = [.. weekdays.Where(day => day.Ordinal != 0)];

            // RFC 5545: "the first Monday" counts within the month for MONTHLY rules and for
            // YEARLY rules with BYMONTH; otherwise within the year (20MO is the 20th Monday).
            _countWeekdaysWithinMonth = rule.Frequency == RecurrenceFrequency.Monthly
                || (rule.Frequency == RecurrenceFrequency.Yearly && rule.ByMonth.Count > 0);
        }

        public bool Includes(DateTime day) =>
            (_months.Count == 0 || _months.Contains(day.Month))
            && (_monthDays.Count == 0 || IsSelectedMonthDay(day))
            && (_everyWeekday.Count + _numberedWeekdays.Length == 0 || IsSelectedWeekday(day));

        private bool IsSelectedMonthDay(DateTime day)
        {
            // -1 is the last day of the month, -2 the one before, and so on.
            var fromEnd = day.Day - DateTime.DaysInMonth(day.Year, day.Month) - 1;
            return _monthDays.Contains(day.Day) || _monthDays.Contains(fromEnd);
        }

        private bool IsSelectedWeekday(DateTime day)
        {
            if (_everyWeekday.Contains(day.DayOfWeek))
            {
                return true;
            }

            if (_numberedWeekdays.Length == 0)
            {
                return false;
            }

            var (first, last) = _countWeekdaysWithinMonth
                ? (new DateTime(day.Year, day.Month, 1), new DateTime(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month)))
                : (new DateTime(day.Year, 1, 1), new DateTime(day.Year, 12, 31));
            var fromStart = ((day - first).Days / 7) + 1;
            var fromEnd = -(((last - day).Days / 7) + 1);
            return _numberedWeekdays.Any(numbered =>
                numbered.Day == day.DayOfWeek && (numbered.Ordinal == fromStart || numbered.Ordinal == fromEnd));
        }
    }
}
