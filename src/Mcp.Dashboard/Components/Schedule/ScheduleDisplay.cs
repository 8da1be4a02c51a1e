using System.Globalization;
using System.Text.RegularExpressions;
using Mcp.Dashboard.Domain.Schedule;
using Mcp.Dashboard.Localization;
using Mcp.Dashboard.Schedule;
using Microsoft.Extensions.Localization;

namespace Mcp.Dashboard.Components.Schedule;

/// <summary>How schedule vocabulary looks on screen: zones, local times, blackout rules in words.</summary>
public static partial class ScheduleDisplay
{
    private static IStringLocalizer<Vocabulary> L => Vocabulary.Localizer;

    public const string DefaultZone = "Asia/Shanghai";

    /// <summary>The zones offered in pickers: where our release managers and users are, plus UTC.</summary>
    public static IReadOnlyList<string> CommonZones { get; } =
    [
        "UTC",
        "Asia/Shanghai",
        "Asia/Singapore",
        "Asia/Tokyo",
        "Asia/Kolkata",
        "Europe/London",
        "Europe/Berlin",
        "America/New_York",
        "America/Chicago",
        "America/Los_Angeles",
        "Australia/Sydney",
    ];

    /// <summary>The HTML datetime-local format.</summary>
    public const string LocalInputFormat = "yyyy-MM-dd'T'HH:mm";

    public static TimeZoneInfo Zone(string? id) =>
        Blackout.TryFindTimeZone(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>Reads an HTML datetime-local value ("2026-11-25T09:00", seconds optional).</summary>
    public static bool TryParseLocal(string? text, out DateTime local) =>
        DateTime.TryParseExact(text?.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out local);

    public static string ToLocalInput(DateTime local) => local.ToString(LocalInputFormat, CultureInfo.InvariantCulture);

    /// <summary>"2026-11-25 09:00 to 18:00 Asia/Shanghai", or with the end date when it differs.</summary>
    public static string Range(DateTimeOffset start, DateTimeOffset end, string zoneId)
    {
        var zone = Zone(zoneId);
        var localStart = WallClock.ToLocal(start, zone);
        var localEnd = WallClock.ToLocal(end, zone);
        var endFormat = localEnd.Date == localStart.Date ? "HH:mm" : "yyyy-MM-dd HH:mm";
        return L["{0} to {1} {2}", localStart.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), localEnd.ToString(endFormat, CultureInfo.InvariantCulture), zoneId];
    }

    /// <summary>"09:00-18:00" on one day; "from 22:00" or "until 06:00" when the entry crosses the day's edges.</summary>
    public static string TimesOnDay(DateTimeOffset start, DateTimeOffset end, DateOnly day, TimeZoneInfo zone)
    {
        var localStart = WallClock.ToLocal(start, zone);
        var localEnd = WallClock.ToLocal(end, zone);
        var dayStart = day.ToDateTime(TimeOnly.MinValue);
        var dayEnd = dayStart.AddDays(1);
        var startsToday = localStart >= dayStart;
        var endsToday = localEnd <= dayEnd;
        return (startsToday, endsToday) switch
        {
            (true, true) => string.Create(CultureInfo.InvariantCulture, $"{localStart:HH:mm}-{(localEnd == dayEnd ? "24:00" : localEnd.ToString("HH:mm", CultureInfo.InvariantCulture))}"),
            (true, false) => L["from {0}", localStart.ToString("HH:mm", CultureInfo.InvariantCulture)],
            (false, true) => L["until {0}", localEnd.ToString("HH:mm", CultureInfo.InvariantCulture)],
            _ => L["all day"],
        };
    }

    /// <summary>"2026-11-10 00:00 to 2026-11-12 00:00 Asia/Shanghai" or "Weekdays 09:00-18:00 Asia/Shanghai".</summary>
    public static string DescribeBlackout(StoredBlackout blackout)
    {
        if (blackout.Kind == BlackoutKind.OneOff)
        {
            return blackout.Start is { } start && blackout.End is { } end ? Range(start, end, blackout.TimeZoneId) : blackout.TimeZoneId;
        }

        if (!RecurrenceRule.TryParse(blackout.Rule, out var rule, out _)
            || !DateTime.TryParse(blackout.LocalStart, CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return $"{blackout.Rule} {blackout.TimeZoneId}";
        }

        var duration = TimeSpan.FromSeconds(blackout.DurationSeconds ?? 0);
        return $"{DescribeRule(rule, first)} {DescribeTimes(first, duration)} {blackout.TimeZoneId}";
    }

    /// <summary>"Weekdays", "Weekends", "Every day", "Monthly on day 25", or the rule text when it says more than that.</summary>
    public static string DescribeRule(RecurrenceRule rule, DateTime first)
    {
        var days = rule.ByDay.Where(d => d.Ordinal == 0).Select(d => d.Day).ToHashSet();
        var simple = rule.Interval == 1 && rule.Count is null && rule.Until is null && rule.ByHour.Count == 0 && rule.ByMinute.Count == 0 && rule.BySetPosition.Count == 0;
        if (simple && rule.Frequency == RecurrenceFrequency.Weekly && rule.ByDay.All(d => d.Ordinal == 0) && rule.ByMonth.Count == 0 && rule.ByMonthDay.Count == 0)
        {
            DayOfWeek[] weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
            if (days.SetEquals(weekdays))
            {
                return L["Weekdays"];
            }

            if (days.SetEquals([DayOfWeek.Saturday, DayOfWeek.Sunday]))
            {
                return L["Weekends"];
            }

            if (days.Count == 0)
            {
                return L["Every {0}", ReaderFormats.DayName(first.DayOfWeek)];
            }

            return L["Every {0}", string.Join(L[", "], rule.ByDay.Select(d => ReaderFormats.ShortDayName(d.Day)))];
        }

        if (simple && rule.Frequency == RecurrenceFrequency.Daily && rule.ByDay.Count == 0 && rule.ByMonth.Count == 0 && rule.ByMonthDay.Count == 0)
        {
            return L["Every day"];
        }

        if (simple && rule.Frequency == RecurrenceFrequency.Monthly && rule.ByDay.Count == 0 && rule.ByMonth.Count == 0)
        {
            return rule.ByMonthDay.Count == 0
                ? L["Monthly on day {0}", first.Day.ToString(CultureInfo.InvariantCulture)]
                : L["Monthly on day {0}", string.Join(L[", "], rule.ByMonthDay.Select(d => d < 0 ? (d == -1 ? L["last"] : L["{0} from last", -d]) : d.ToString(CultureInfo.InvariantCulture)))];
        }

        return rule.ToString();
    }

    /// <summary>"09:00-18:00" within a day; "from 25 Nov 00:00 for 3 days" otherwise.</summary>
    public static string DescribeTimes(DateTime first, TimeSpan duration)
    {
        if (duration < TimeSpan.FromDays(1) && first.TimeOfDay + duration <= TimeSpan.FromDays(1))
        {
            var end = first.TimeOfDay + duration;
            var endText = end == TimeSpan.FromDays(1) ? "24:00" : end.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
            return string.Create(CultureInfo.InvariantCulture, $"{first:HH:mm}-{endText}");
        }

        return L["{0} for {1}", first.ToString("HH:mm", CultureInfo.InvariantCulture), DescribeLength(duration)];
    }

    /// <summary>"2 h 30 min", "3 days".</summary>
    public static string DescribeLength(TimeSpan length)
    {
        var parts = new List<string>();
        if (length.Days > 0)
        {
            parts.Add(length.Days == 1 ? L["1 day"] : L["{0} days", length.Days]);
        }

        if (length.Hours > 0)
        {
            parts.Add(L["{0} h", length.Hours]);
        }

        if (length.Minutes > 0)
        {
            parts.Add(L["{0} min", length.Minutes]);
        }

        return parts.Count == 0 ? L["{0} min", 0] : string.Join(' ', parts);
    }

    /// <summary>A CSS class per plan state, so windows are coloured alike everywhere.</summary>
    public static string StateClass(Domain.Plans.PlanState? state) =>
        state is null ? "state-none" : "state-" + state.Value.ToString().ToLowerInvariant();

    /// <summary>Reads a length people type: "9h", "2h 30m", "90m", "2d", or ISO 8601 "PT9H".</summary>
    public static bool TryReadLength(string? text, out TimeSpan length)
    {
        length = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (IsoDuration.TryParse(text.Trim().ToUpperInvariant(), out var iso))
        {
            length = iso.Value;
            return true;
        }

        var match = ShortLength().Match(text);
        if (!match.Success || !(match.Groups["d"].Success || match.Groups["h"].Success || match.Groups["m"].Success))
        {
            return false;
        }

        length = TimeSpan.FromDays(Read(match.Groups["d"])) + TimeSpan.FromHours(Read(match.Groups["h"])) + TimeSpan.FromMinutes(Read(match.Groups["m"]));
        return length > TimeSpan.Zero;

        static int Read(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"^\s*(?:(?<d>\d{1,3})\s*d(?:ays?)?)?\s*(?:(?<h>\d{1,4})\s*h(?:ours?)?)?\s*(?:(?<m>\d{1,5})\s*m(?:in(?:utes?)?)?)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShortLength();
}
