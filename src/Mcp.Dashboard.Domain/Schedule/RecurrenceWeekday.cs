using System.Globalization;

namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>
/// One <c>BYDAY</c> entry (RFC 5545 "weekdaynum"): a weekday, optionally with an ordinal
/// counting within the month or year, so <c>1MO</c> is the first Monday and <c>-1FR</c> the
/// last Friday. An <see cref="Ordinal"/> of 0 means every such weekday.
/// </summary>
public readonly record struct RecurrenceWeekday(DayOfWeek Day, int Ordinal = 0)
{
    public override string ToString() =>
        Ordinal == 0 ? Code(Day) : Ordinal.ToString(CultureInfo.InvariantCulture) + Code(Day);

    internal static string Code(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "MO",
        DayOfWeek.Tuesday => "TU",
        DayOfWeek.Wednesday => "WE",
        DayOfWeek.Thursday => "TH",
        DayOfWeek.Friday => "FR",
        DayOfWeek.Saturday => "SA",
        DayOfWeek.Sunday => "SU",
        _ => throw new ArgumentOutOfRangeException(nameof(day), day, "Not a day of the week."),
    };

    internal static bool TryParseCode(string code, out DayOfWeek day)
    {
        DayOfWeek? parsed = code.ToUpperInvariant() switch
        {
            "MO" => DayOfWeek.Monday,
            "TU" => DayOfWeek.Tuesday,
            "WE" => DayOfWeek.Wednesday,
            "TH" => DayOfWeek.Thursday,
            "FR" => DayOfWeek.Friday,
            "SA" => DayOfWeek.Saturday,
            "SU" => DayOfWeek.Sunday,
            _ => null,
        };
        day = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }

    /// <summary>Position in an ISO week (Monday 0 to Sunday 6), the order BYDAY lists are written in.</summary>
    internal static int IsoIndex(DayOfWeek day) => ((int)day + 6) % 7;
}
