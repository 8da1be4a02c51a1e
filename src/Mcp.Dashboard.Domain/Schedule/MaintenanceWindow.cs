using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>
/// A period booked for running a migration plan: two instants plus the IANA zone the people
/// running it think in. At most <see cref="MaxLength"/> long.
/// </summary>
public sealed record MaintenanceWindow
{
    private MaintenanceWindow(Guid id, Guid planId, DateTimeOffset start, DateTimeOffset end, string timeZoneId)
    {
        Id = id;
        PlanId = planId;
        Start = start;
        End = end;
        TimeZoneId = timeZoneId;
    }

    /// <summary>A migration that needs more than a week should be split into several windows.</summary>
    public static TimeSpan MaxLength { get; } = TimeSpan.FromDays(7);

    public Guid Id { get; }

    public Guid PlanId { get; }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public string TimeZoneId { get; }

    public TimeSpan Length => End - Start;

    /// <summary>
    /// Field-keyed problems with the input (keys <c>start</c>, <c>end</c>, <c>timeZone</c>);
    /// empty when a window can be created from it.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> Validate(DateTimeOffset start, DateTimeOffset end, string? timeZoneId) =>
        Check(start, end, timeZoneId).ToDictionary();

    public static bool TryCreate(
        Guid id,
        Guid planId,
        DateTimeOffset start,
        DateTimeOffset end,
        string? timeZoneId,
        [NotNullWhen(true)] out MaintenanceWindow? window,
        out IReadOnlyDictionary<string, string[]> errors)
    {
        var problems = Check(start, end, timeZoneId);
        errors = problems.ToDictionary();
        window = problems.IsEmpty ? new MaintenanceWindow(id, planId, start, end, timeZoneId!.Trim()) : null;
        return window is not null;
    }

    /// <exception cref="ScheduleValidationException">The input is invalid; see <see cref="Validate"/>.</exception>
    public static MaintenanceWindow Create(Guid id, Guid planId, DateTimeOffset start, DateTimeOffset end, string timeZoneId)
    {
        Check(start, end, timeZoneId).ThrowIfAny();
        return new MaintenanceWindow(id, planId, start, end, timeZoneId.Trim());
    }

    /// <summary>Whether the window shares time with [<paramref name="start"/>, <paramref name="end"/>); touching ends do not count.</summary>
    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => Start < end && start < End;

    private static FieldErrors Check(DateTimeOffset start, DateTimeOffset end, string? timeZoneId)
    {
        var errors = new FieldErrors();
        if (start == default)
        {
            errors.Add(ScheduleFieldNames.Start, "A start is required.");
        }

        if (end == default)
        {
            errors.Add(ScheduleFieldNames.End, "An end is required.");
        }
        else if (start != default && end <= start)
        {
            errors.Add(ScheduleFieldNames.End, "The end must be after the start.");
        }
        else if (start != default && end - start > MaxLength)
        {
            errors.Add(ScheduleFieldNames.End, $"A maintenance window can last at most 7 days; this one lasts {Describe(end - start)}.");
        }

        errors.CheckTimeZone(timeZoneId);
        return errors;
    }

    /// <summary>"8 days 2 hours", "7 days 30 minutes".</summary>
    private static string Describe(TimeSpan length)
    {
        var parts = new List<string>();
        AddPart(parts, length.Days, "day");
        AddPart(parts, length.Hours, "hour");
        AddPart(parts, length.Minutes, "minute");
        return parts.Count == 0 ? "under a minute" : string.Join(' ', parts);
    }

    private static void AddPart(List<string> parts, int amount, string unit)
    {
        if (amount > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{amount} {unit}{(amount == 1 ? "" : "s")}"));
        }
    }
}
