using System.Globalization;
using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Domain.Rollouts;

/// <summary>
/// Whether a rollout will outrun its maintenance window and, if so, when to act on the plan's
/// <see cref="WindowOverrunPolicy"/>: at the window's end minus a safety margin, so the pause or
/// rollback itself finishes inside the window.
/// </summary>
public sealed record WindowDeadline
{
    public static TimeSpan DefaultSafetyMargin { get; } = TimeSpan.FromMinutes(5);

    /// <summary>True when the rollout will not finish before <see cref="ActAt"/> and the policy must be applied.</summary>
    public bool ActionNeeded { get; init; }

    /// <summary>When to pause or roll back: window end minus the margin, or now when that is already past.</summary>
    public DateTimeOffset ActAt { get; init; }

    public WindowOverrunPolicy Policy { get; init; }

    public DateTimeOffset WindowEnd { get; init; }

    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>When the rollout is expected to finish if nothing stops it.</summary>
    public DateTimeOffset ExpectedFinish { get; init; }

    public TimeSpan SafetyMargin { get; init; }

    /// <summary>The overrun check for a rollout with <paramref name="remaining"/> planned time left.</summary>
    public static WindowDeadline Evaluate(
        TimeSpan remaining,
        DateTimeOffset now,
        DateTimeOffset windowEnd,
        TimeZoneInfo timeZone,
        WindowOverrunPolicy policy,
        TimeSpan? safetyMargin = null)
    {
        var margin = safetyMargin ?? DefaultSafetyMargin;
        if (margin < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(safetyMargin), "The safety margin may not be negative.");
        }

        var cutoff = windowEnd - margin;
        var expectedFinish = now + (remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        return new WindowDeadline
        {
            ActionNeeded = expectedFinish > cutoff,
            ActAt = cutoff > now ? cutoff : now,
            Policy = policy,
            WindowEnd = windowEnd,
            TimeZone = timeZone,
            ExpectedFinish = expectedFinish,
            SafetyMargin = margin,
        };
    }

    /// <summary>The overrun check for <paramref name="rollout"/> as it stands at <paramref name="now"/>.</summary>
    public static WindowDeadline Evaluate(
        Rollout rollout,
        DateTimeOffset now,
        DateTimeOffset windowEnd,
        TimeZoneInfo timeZone,
        WindowOverrunPolicy policy,
        TimeSpan? safetyMargin = null) =>
        Evaluate(rollout.RemainingPlannedDuration(now), now, windowEnd, timeZone, policy, safetyMargin);

    /// <summary>
    /// For the page, in the window's time zone, e.g. "Window closes 23:00 Asia/Shanghai; the
    /// rollout will pause at 22:55 if not finished".
    /// </summary>
    public string Describe()
    {
        var closes = $"Window closes {Local(WindowEnd)} {TimeZone.Id}";
        if (!ActionNeeded)
        {
            return $"{closes}; the rollout should finish by {Local(ExpectedFinish)}, no action needed.";
        }

        var verb = Policy == WindowOverrunPolicy.RollBack ? "roll back" : "pause";
        return $"{closes}; the rollout will {verb} at {Local(ActAt)} if not finished.";
    }

    private string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, TimeZone).ToString("HH:mm", CultureInfo.InvariantCulture);
}
