using System.Globalization;

namespace Mcp.Dashboard.Localization;

/// <summary>
/// Dates and times as the reader's language writes them. English keeps the dashboard's
/// compact forms ("Nov 24, 14:02"); Chinese readers get "11月24日 14:02" and ISO dates
/// (2026-11-24), which read naturally and sort. Times are always 24-hour. The instant is
/// converted to the reader's zone by the caller: these only format.
/// </summary>
public static class ReaderFormats
{
    private static bool Chinese => DashboardCultures.IsChinese(CultureInfo.CurrentUICulture);

    /// <summary>"Nov 24, 14:02" or "11月24日 14:02".</summary>
    public static string MonthDayTime(DateTimeOffset local) => MonthDayTime(local.DateTime);

    /// <summary>"Nov 24, 14:02" or "11月24日 14:02".</summary>
    public static string MonthDayTime(DateTime local) =>
        local.ToString(Chinese ? "M月d日 HH:mm" : "MMM d, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"Nov 24" or "11月24日".</summary>
    public static string MonthDay(DateTime local) =>
        local.ToString(Chinese ? "M月d日" : "MMM d", CultureInfo.InvariantCulture);

    /// <summary>"Tue 24 Nov" or "11月24日 周二".</summary>
    public static string DayOfWeekAndDate(DateTime local) => Chinese
        ? local.ToString("M月d日 ", CultureInfo.InvariantCulture) + ShortDayName(local.DayOfWeek)
        : local.ToString("ddd d MMM", CultureInfo.InvariantCulture);

    /// <summary>"November 2026" or "2026年11月".</summary>
    public static string MonthAndYear(DateTime local) =>
        local.ToString(Chinese ? "yyyy年M月" : "MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"23 Nov – 29 Nov 2026" or "11月23日 – 2026年11月29日".</summary>
    public static string WeekRange(DateTime first, DateTime last) => Chinese
        ? $"{first.ToString("M月d日", CultureInfo.InvariantCulture)} – {last.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}"
        : $"{first.ToString("d MMM", CultureInfo.InvariantCulture)} – {last.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>"Mon" or "周一".</summary>
    public static string ShortDayName(DayOfWeek day) => Chinese
        ? Names[(int)day]
        : CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day);

    /// <summary>"Monday" or "星期一".</summary>
    public static string DayName(DayOfWeek day) => Chinese
        ? "星期" + Names[(int)day][1..]
        : CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(day);

    /// <summary>2026-11-24 14:02, the same in both languages (ISO reads everywhere).</summary>
    public static string DateAndTime(DateTime local) => local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static readonly string[] Names = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
}
