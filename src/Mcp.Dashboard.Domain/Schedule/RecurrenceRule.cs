using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>
/// An RFC 5545 recurrence rule (RRULE) for the daily-and-slower subset the schedule needs:
/// FREQ (DAILY, WEEKLY, MONTHLY, YEARLY), INTERVAL, COUNT, UNTIL, BYDAY (with ordinals for
/// MONTHLY and YEARLY), BYMONTHDAY (negative counts from the month's end), BYMONTH, BYHOUR,
/// BYMINUTE, BYSETPOS and WKST. Occurrences are computed in local wall-clock time, so a
/// 09:00 rule stays at 09:00 across daylight saving changes. Immutable; equal rules have the
/// same canonical <see cref="ToString"/> text.
/// </summary>
public sealed partial class RecurrenceRule : IEquatable<RecurrenceRule>, IParsable<RecurrenceRule>
{
    private readonly string _text;

    internal RecurrenceRule(RecurrenceRuleParts parts)
    {
        Frequency = parts.Frequency ?? throw new ArgumentException("FREQ is required.", nameof(parts));
        Interval = parts.Interval;
        Count = parts.Count;
        Until = parts.Until;
        UntilIsDate = parts.UntilIsDate;
        ByDay = [.. parts.ByDay.Distinct().OrderBy(day => RecurrenceWeekday.IsoIndex(day.Day)).ThenBy(day => day.Ordinal)];
        ByMonthDay = Canonical(parts.ByMonthDay);
        ByMonth = Canonical(parts.ByMonth);
        ByHour = Canonical(parts.ByHour);
        ByMinute = Canonical(parts.ByMinute);
        BySetPosition = Canonical(parts.BySetPosition);
        WeekStart = parts.WeekStart;
        _text = Write();
    }

    public RecurrenceFrequency Frequency { get; }

    /// <summary>Every how many periods the rule repeats; 1 unless INTERVAL says otherwise.</summary>
    public int Interval { get; }

    /// <summary>How many occurrences there are in total (COUNT), if limited that way.</summary>
    public int? Count { get; }

    /// <summary>
    /// The last moment an occurrence may start (UNTIL), inclusive. <see cref="DateTimeKind.Utc"/>
    /// for a UTC date-time; otherwise a local wall-clock time, or a whole local date when
    /// <see cref="UntilIsDate"/> is set.
    /// </summary>
    public DateTime? Until { get; }

    public bool UntilIsDate { get; }

    public IReadOnlyList<RecurrenceWeekday> ByDay { get; }

    public IReadOnlyList<int> ByMonthDay { get; }

    public IReadOnlyList<int> ByMonth { get; }

    public IReadOnlyList<int> ByHour { get; }

    public IReadOnlyList<int> ByMinute { get; }

    public IReadOnlyList<int> BySetPosition { get; }

    /// <summary>The day weeks start on (WKST); it matters for WEEKLY rules with an INTERVAL above 1.</summary>
    public DayOfWeek WeekStart { get; }

    /// <summary>Parses RRULE text such as <c>FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR</c> (an <c>RRULE:</c> prefix is allowed).</summary>
    /// <exception cref="FormatException">The text is not a supported rule; the message says why.</exception>
    public static RecurrenceRule Parse(string text) =>
        TryParse(text, out var rule, out var error) ? rule : throw new FormatException(error);

    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        [NotNullWhen(true)] out RecurrenceRule? rule,
        [NotNullWhen(false)] out string? error) =>
        RecurrenceRuleParser.TryParse(text, out rule, out error);

    /// <summary>The canonical RRULE text (without the <c>RRULE:</c> prefix); parsing it gives an equal rule.</summary>
    public override string ToString() => _text;

    public bool Equals(RecurrenceRule? other) => other is not null && string.Equals(_text, other._text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as RecurrenceRule);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_text);

    static RecurrenceRule IParsable<RecurrenceRule>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<RecurrenceRule>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out RecurrenceRule result) =>
        TryParse(s, out result, out _);

    private static int[] Canonical(IEnumerable<int> values) => [.. values.Distinct().Order()];

    /// <summary>Rule parts in the order of the RFC 5545 grammar, defaults (INTERVAL=1, WKST=MO) left out.</summary>
    private string Write()
    {
        var text = new StringBuilder("FREQ=").Append(Frequency.ToString().ToUpperInvariant());
        if (Until is { } until)
        {
            var format = UntilIsDate ? "yyyyMMdd" : until.Kind == DateTimeKind.Utc ? "yyyyMMdd'T'HHmmss'Z'" : "yyyyMMdd'T'HHmmss";
            text.Append(";UNTIL=").Append(until.ToString(format, CultureInfo.InvariantCulture));
        }

        if (Count is { } count)
        {
            text.Append(CultureInfo.InvariantCulture, $";COUNT={count}");
        }

        if (Interval != 1)
        {
            text.Append(CultureInfo.InvariantCulture, $";INTERVAL={Interval}");
        }

        AppendList(text, "BYMINUTE", ByMinute);
        AppendList(text, "BYHOUR", ByHour);
        AppendList(text, "BYDAY", ByDay);
        AppendList(text, "BYMONTHDAY", ByMonthDay);
        AppendList(text, "BYMONTH", ByMonth);
        AppendList(text, "BYSETPOS", BySetPosition);
        if (WeekStart != DayOfWeek.Monday)
        {
            text.Append(";WKST=").Append(RecurrenceWeekday.Code(WeekStart));
        }

        return text.ToString();
    }

    private static void AppendList<T>(StringBuilder text, string name, IReadOnlyList<T> values)
        where T : IFormattable
    {
        if (values.Count > 0)
        {
            text.Append(';').Append(name).Append('=')
                .AppendJoin(',', values.Select(value => value.ToString(null, CultureInfo.InvariantCulture)));
        }
    }

    private static void AppendList(StringBuilder text, string name, IReadOnlyList<RecurrenceWeekday> values)
    {
        if (values.Count > 0)
        {
            text.Append(';').Append(name).Append('=').AppendJoin(',', values);
        }
    }
}
