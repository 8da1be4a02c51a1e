using System.Diagnostics.CodeAnalysis;

namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>
/// A period when no migration may run: a business peak, a change freeze, office hours. Either
/// a single stretch (<see cref="OneOffBlackout"/>) or a series from a recurrence rule
/// (<see cref="RecurringBlackout"/>). Applies to one environment, or to all when
/// <see cref="Environment"/> is null. Create one with <see cref="OneOff"/> or
/// <see cref="Recurring(Guid, string, string, DateTime, TimeSpan, string, string?, string?)"/>.
/// </summary>
public abstract class Blackout
{
    /// <summary>No blackout lasts longer than a (leap) year; anything longer is a typo.</summary>
    public static TimeSpan MaxDuration { get; } = TimeSpan.FromDays(366);

    private protected Blackout(Guid id, string name, string? reason, string? environment, string timeZoneId, TimeZoneInfo zone)
    {
        Id = id;
        Name = name.Trim();
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Environment = environment?.Trim();
        TimeZoneId = timeZoneId.Trim();
        Zone = zone;
    }

    public Guid Id { get; }

    public string Name { get; }

    public string? Reason { get; }

    /// <summary>The environment the blackout applies to; null for every environment.</summary>
    public string? Environment { get; }

    /// <summary>The IANA zone the blackout is thought of in, used for its wall-clock times and for display.</summary>
    public string TimeZoneId { get; }

    internal TimeZoneInfo Zone { get; }

    public bool AppliesTo(string environment) =>
        Environment is null || string.Equals(Environment, environment?.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The occurrences that overlap [<paramref name="from"/>, <paramref name="to"/>), in series order.</summary>
    public abstract IEnumerable<BlackoutOccurrence> OccurrencesBetween(DateTimeOffset from, DateTimeOffset to);

    /// <summary>
    /// A single blackout from <paramref name="start"/> to <paramref name="end"/>, presented in the
    /// IANA zone <paramref name="timeZoneId"/>.
    /// </summary>
    /// <exception cref="ScheduleValidationException">Keys <c>name</c>, <c>end</c>, <c>timeZone</c>, <c>environment</c>.</exception>
    public static OneOffBlackout OneOff(
        Guid id,
        string name,
        DateTimeOffset start,
        DateTimeOffset end,
        string timeZoneId = "UTC",
        string? environment = null,
        string? reason = null)
    {
        var errors = new FieldErrors();
        errors.RequireName(name);
        if (end <= start)
        {
            errors.Add(ScheduleFieldNames.End, "The end must be after the start.");
        }
        else if (end - start > MaxDuration)
        {
            errors.Add(ScheduleFieldNames.End, "A blackout can last at most 366 days.");
        }

        var zone = errors.CheckTimeZone(timeZoneId);
        errors.CheckEnvironment(environment);
        errors.ThrowIfAny();
        return new OneOffBlackout(id, name, reason, environment, timeZoneId, zone!, start, end);
    }

    /// <summary>
    /// A blackout repeating by an RRULE, for example <c>FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR</c> from
    /// 2026-01-05 09:00 for <c>PT9H</c> in Asia/Shanghai: weekdays 09:00 to 18:00 Shanghai time.
    /// <paramref name="start"/> is the series start (DTSTART) on the wall clock of the zone, with
    /// an unspecified kind; a <paramref name="rule"/> that does not parse is reported under <c>rule</c>.
    /// </summary>
    /// <exception cref="ScheduleValidationException">Keys <c>name</c>, <c>rule</c>, <c>start</c>, <c>duration</c>, <c>timeZone</c>, <c>environment</c>.</exception>
    public static RecurringBlackout Recurring(
        Guid id,
        string name,
        string rule,
        DateTime start,
        TimeSpan duration,
        string timeZoneId,
        string? environment = null,
        string? reason = null)
    {
        var errors = new FieldErrors();
        if (!RecurrenceRule.TryParse(rule, out var parsed, out var ruleError))
        {
            errors.Add(ScheduleFieldNames.Rule, ruleError);
        }

        return CreateRecurring(errors, id, name, parsed, start, duration, timeZoneId, environment, reason);
    }

    /// <inheritdoc cref="Recurring(Guid, string, string, DateTime, TimeSpan, string, string?, string?)"/>
    public static RecurringBlackout Recurring(
        Guid id,
        string name,
        RecurrenceRule rule,
        DateTime start,
        TimeSpan duration,
        string timeZoneId,
        string? environment = null,
        string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return CreateRecurring(new FieldErrors(), id, name, rule, start, duration, timeZoneId, environment, reason);
    }

    /// <summary>Finds a time zone by IANA id (such as Asia/Shanghai); false for blank or unknown ids.</summary>
    public static bool TryFindTimeZone(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone) =>
        WallClock.TryFindZone(id, out zone);

    private static RecurringBlackout CreateRecurring(
        FieldErrors errors,
        Guid id,
        string name,
        RecurrenceRule? rule,
        DateTime start,
        TimeSpan duration,
        string timeZoneId,
        string? environment,
        string? reason)
    {
        errors.RequireName(name);
        if (start.Kind != DateTimeKind.Unspecified)
        {
            errors.Add(ScheduleFieldNames.Start, $"The start is a wall-clock time in the blackout's time zone; give it without a UTC or machine-local kind (it was {start.Kind}).");
        }

        if (duration <= TimeSpan.Zero)
        {
            errors.Add(ScheduleFieldNames.Duration, "The duration must be longer than zero.");
        }
        else if (duration > MaxDuration)
        {
            errors.Add(ScheduleFieldNames.Duration, "The duration can be at most 366 days.");
        }

        var zone = errors.CheckTimeZone(timeZoneId);
        errors.CheckEnvironment(environment);
        errors.ThrowIfAny();
        return new RecurringBlackout(id, name, reason, environment, timeZoneId, zone!, rule!, start, duration);
    }
}
