using System.Globalization;
using Mcp.Dashboard.Domain.Schedule;

namespace Mcp.Dashboard.Schedule;

/// <summary>A maintenance window booked for a plan, as stored.</summary>
public sealed class StoredWindow
{
    public Guid Id { get; set; }

    public Guid PlanId { get; set; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }

    public required string TimeZoneId { get; set; }

    public string? Note { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>Bumped on every change, for calendar clients (iCalendar SEQUENCE).</summary>
    public int Sequence { get; set; }

    public bool IsActive => CancelledAt is null;
}

public enum BlackoutKind
{
    OneOff,
    Recurring,
}

/// <summary>
/// A blackout as stored: one row whether one-off or recurring, turned into the domain's
/// <see cref="Blackout"/> to expand occurrences.
/// </summary>
public sealed class StoredBlackout
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public string? Reason { get; set; }

    /// <summary>Null: applies to every environment.</summary>
    public string? Environment { get; set; }

    public BlackoutKind Kind { get; set; }

    public required string TimeZoneId { get; set; }

    /// <summary>One-off: the instants. Recurring: null.</summary>
    public DateTimeOffset? Start { get; set; }

    public DateTimeOffset? End { get; set; }

    /// <summary>Recurring: the RFC 5545 rule, the first local start (ISO, no offset) and the length.</summary>
    public string? Rule { get; set; }

    public string? LocalStart { get; set; }

    public long? DurationSeconds { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Blackout ToBlackout() => Kind switch
    {
        BlackoutKind.OneOff => Blackout.OneOff(Id, Name, Start!.Value, End!.Value, TimeZoneId, Environment, Reason),
        _ => Blackout.Recurring(Id, Name, Rule!, DateTime.Parse(LocalStart!, CultureInfo.InvariantCulture, DateTimeStyles.None), TimeSpan.FromSeconds(DurationSeconds!.Value), TimeZoneId, Environment, Reason),
    };

    public static StoredBlackout From(Blackout blackout, string createdBy, DateTimeOffset at) => blackout switch
    {
        OneOffBlackout oneOff => new StoredBlackout
        {
            Id = oneOff.Id, Name = oneOff.Name, Reason = oneOff.Reason, Environment = oneOff.Environment, Kind = BlackoutKind.OneOff,
            TimeZoneId = oneOff.TimeZoneId, Start = oneOff.Start, End = oneOff.End, CreatedBy = createdBy, CreatedAt = at,
        },
        RecurringBlackout recurring => new StoredBlackout
        {
            Id = recurring.Id, Name = recurring.Name, Reason = recurring.Reason, Environment = recurring.Environment, Kind = BlackoutKind.Recurring,
            TimeZoneId = recurring.TimeZoneId, Rule = recurring.Rule.ToString(), LocalStart = recurring.Start.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            DurationSeconds = (long)recurring.Duration.TotalSeconds, CreatedBy = createdBy, CreatedAt = at,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(blackout)),
    };
}
