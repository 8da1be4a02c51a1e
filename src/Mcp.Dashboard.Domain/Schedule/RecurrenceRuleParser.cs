using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>
/// Reads RRULE text into <see cref="RecurrenceRuleParts"/>, with error messages written for the
/// person who typed the rule.
/// </summary>
internal static class RecurrenceRuleParser
{
    private const string Prefix = "RRULE:";
    private const string WeekdayList = "MO, TU, WE, TH, FR, SA or SU";

    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out RecurrenceRule? rule,
        [NotNullWhen(false)] out string? error)
    {
        rule = null;
        var parts = new RecurrenceRuleParts();
        error = Read(text, parts) ?? Check(parts);
        if (error is not null)
        {
            return false;
        }

        rule = new RecurrenceRule(parts);
        return true;
    }

    private static string? Read(string? text, RecurrenceRuleParts parts)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "The rule is empty; write it like FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR.";
        }

        var body = text.Trim();
        if (body.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            body = body[Prefix.Length..];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rawPart in body.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = rawPart.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return $"'{rawPart}' is not a rule part; rule parts look like NAME=VALUE.";
            }

            var name = rawPart[..equals].Trim().ToUpperInvariant();
            var value = rawPart[(equals + 1)..].Trim();
            if (!seen.Add(name))
            {
                return $"{name} is given more than once.";
            }

            if (value.Length == 0)
            {
                return $"{name} has no value.";
            }

            var error = name switch
            {
                "FREQ" => ReadFrequency(value, parts),
                "INTERVAL" => ReadPositive(name, value, number => parts.Interval = number),
                "COUNT" => ReadPositive(name, value, number => parts.Count = number),
                "UNTIL" => ReadUntil(value, parts),
                "BYDAY" => ReadByDay(value, parts.ByDay),
                "BYMONTHDAY" => ReadNumbers(name, value, 1, 31, signed: true, "a day of the month (1 to 31, or -31 to -1 counting from the end)", parts.ByMonthDay),
                "BYMONTH" => ReadNumbers(name, value, 1, 12, signed: false, "a month (1 to 12)", parts.ByMonth),
                "BYHOUR" => ReadNumbers(name, value, 0, 23, signed: false, "an hour (0 to 23)", parts.ByHour),
                "BYMINUTE" => ReadNumbers(name, value, 0, 59, signed: false, "a minute (0 to 59)", parts.ByMinute),
                "BYSETPOS" => ReadNumbers(name, value, 1, 366, signed: true, "a set position (1 to 366, or -366 to -1 counting from the end)", parts.BySetPosition),
                "WKST" => ReadWeekStart(value, parts),
                "BYSECOND" or "BYYEARDAY" or "BYWEEKNO" => $"{name} is not supported here.",
                _ => $"'{name}' is not an RRULE part.",
            };

            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>Rules that involve more than one rule part (RFC 5545 section 3.3.10).</summary>
    private static string? Check(RecurrenceRuleParts parts)
    {
        if (parts.Frequency is not { } frequency)
        {
            return "FREQ is required (DAILY, WEEKLY, MONTHLY or YEARLY).";
        }

        if (parts.Count is not null && parts.Until is not null)
        {
            return "COUNT and UNTIL cannot both be given.";
        }

        var numbered = parts.ByDay.Find(day => day.Ordinal != 0);
        if (frequency is RecurrenceFrequency.Daily or RecurrenceFrequency.Weekly && numbered.Ordinal != 0)
        {
            return $"BYDAY value '{numbered}' has an ordinal, which only FREQ=MONTHLY or FREQ=YEARLY allow.";
        }

        if (frequency == RecurrenceFrequency.Weekly && parts.ByMonthDay.Count > 0)
        {
            return "BYMONTHDAY cannot be used with FREQ=WEEKLY.";
        }

        var selectsWithin = parts.ByDay.Count + parts.ByMonthDay.Count + parts.ByMonth.Count + parts.ByHour.Count + parts.ByMinute.Count;
        if (parts.BySetPosition.Count > 0 && selectsWithin == 0)
        {
            return "BYSETPOS needs another BYxxx rule part (such as BYDAY) to pick from.";
        }

        return null;
    }

    private static string? ReadFrequency(string value, RecurrenceRuleParts parts)
    {
        switch (value.ToUpperInvariant())
        {
            case "DAILY": parts.Frequency = RecurrenceFrequency.Daily; return null;
            case "WEEKLY": parts.Frequency = RecurrenceFrequency.Weekly; return null;
            case "MONTHLY": parts.Frequency = RecurrenceFrequency.Monthly; return null;
            case "YEARLY": parts.Frequency = RecurrenceFrequency.Yearly; return null;
            case "SECONDLY" or "MINUTELY" or "HOURLY":
                return $"FREQ={value.ToUpperInvariant()} is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY, with BYHOUR and BYMINUTE for several times a day.";
            default:
                return $"FREQ value '{value}' is not a frequency; use DAILY, WEEKLY, MONTHLY or YEARLY.";
        }
    }

    private static string? ReadPositive(string name, string value, Action<int> assign)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            return $"{name} value '{value}' is not a whole number of 1 or more.";
        }

        assign(number);
        return null;
    }

    private static string? ReadUntil(string value, RecurrenceRuleParts parts)
    {
        var culture = CultureInfo.InvariantCulture;
        if (DateTime.TryParseExact(value, "yyyyMMdd", culture, DateTimeStyles.None, out var date))
        {
            parts.Until = date;
            parts.UntilIsDate = true;
            return null;
        }

        if (DateTime.TryParseExact(value, "yyyyMMdd'T'HHmmss'Z'", culture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
        {
            parts.Until = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
            return null;
        }

        // A date-time without Z is a "floating" local time, compared with occurrences on the wall clock.
        if (DateTime.TryParseExact(value, "yyyyMMdd'T'HHmmss", culture, DateTimeStyles.None, out var local))
        {
            parts.Until = local;
            return null;
        }

        return $"UNTIL value '{value}' is not a date (20260301) or a UTC date-time (20260301T000000Z).";
    }

    private static string? ReadByDay(string value, List<RecurrenceWeekday> byDay)
    {
        foreach (var item in value.Split(',', StringSplitOptions.TrimEntries))
        {
            if (item.Length < 2 || !RecurrenceWeekday.TryParseCode(item[^2..], out var day))
            {
                return $"BYDAY value '{item}' is not a weekday ({WeekdayList}, optionally with an ordinal such as 1MO or -1FR).";
            }

            var ordinal = 0;
            var ordinalText = item[..^2];
            if (ordinalText.Length > 0
                && (!int.TryParse(ordinalText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out ordinal)
                    || ordinal == 0 || Math.Abs(ordinal) > 53))
            {
                return $"BYDAY value '{item}' has an ordinal that is not 1 to 53 or -53 to -1.";
            }

            byDay.Add(new RecurrenceWeekday(day, ordinal));
        }

        return null;
    }

    private static string? ReadNumbers(string name, string value, int min, int max, bool signed, string meaning, List<int> into)
    {
        foreach (var item in value.Split(',', StringSplitOptions.TrimEntries))
        {
            var style = signed ? NumberStyles.AllowLeadingSign : NumberStyles.None;
            if (!int.TryParse(item, style, CultureInfo.InvariantCulture, out var number)
                || Math.Abs(number) < min || Math.Abs(number) > max || (!signed && number < 0))
            {
                return $"{name} value '{item}' is not {meaning}.";
            }

            into.Add(number);
        }

        return null;
    }

    private static string? ReadWeekStart(string value, RecurrenceRuleParts parts)
    {
        if (!RecurrenceWeekday.TryParseCode(value, out var day) || value.Length != 2)
        {
            return $"WKST value '{value}' is not a weekday ({WeekdayList}).";
        }

        parts.WeekStart = day;
        return null;
    }
}
