using System.Globalization;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Schedule;
using Mcp.Dashboard.Hosting;
using Mcp.Dashboard.Schedule;

namespace Mcp.Dashboard.Api;

/// <summary>Booking a window: instants, or local times read in <c>timeZone</c> when they carry no offset.</summary>
public sealed record WindowBody(string? Start, string? End, string? TimeZone, string? Note);

/// <summary>
/// A blackout: one-off (<c>start</c>/<c>end</c>) or recurring (<c>rrule</c>, local <c>start</c>,
/// ISO <c>duration</c>, <c>timeZone</c>), as RFC 5545 has it.
/// </summary>
public sealed record BlackoutBody(string? Name, string? Start, string? End, string? Rrule, string? Duration, string? TimeZone, string? Environment, string? Reason);

public sealed record WindowResponse(Guid Id, Guid PlanId, DateTimeOffset Start, DateTimeOffset End, string TimeZone, string? Note, string CreatedBy, IReadOnlyList<string> Conflicts);

public sealed record BlackoutResponse(Guid Id, string Name, string? Reason, string? Environment, BlackoutKind Kind, string TimeZone, DateTimeOffset? Start, DateTimeOffset? End, string? Rrule, string? LocalStart, string? Duration)
{
    public static BlackoutResponse From(StoredBlackout b) => new(b.Id, b.Name, b.Reason, b.Environment, b.Kind, b.TimeZoneId, b.Start, b.End, b.Rule, b.LocalStart,
        b.DurationSeconds is { } seconds ? IsoDuration.Format(TimeSpan.FromSeconds(seconds)) : null);
}

/// <summary>Maintenance windows, blackouts, free-window suggestions and the calendar.</summary>
public static class ScheduleEndpoints
{
    public static void MapSchedule(this RouteGroupBuilder api)
    {
        var windows = api.MapGroup("/plans/{planId:guid}/windows").WithTags("Schedule");

        windows.MapGet("/", async (Guid planId, ScheduleService schedule, CancellationToken ct) =>
            TypedResults.Ok((await schedule.ListWindowsAsync(planId, ct)).Select(ToResponse)));

        windows.MapPost("/", async (Guid planId, WindowBody body, ScheduleService schedule, HttpContext http, CancellationToken ct) =>
        {
            var zone = body.TimeZone is { Length: > 0 } z ? z : "UTC";
            var start = Instant(body.Start, zone, "start");
            var end = Instant(body.End, zone, "end");
            var window = await schedule.BookWindowAsync(http.Actor(), planId, start, end, zone, body.Note, ct);
            return TypedResults.Created($"/api/v1/plans/{planId}/windows/{window.Id}", ToResponse(new WindowView(window, [])));
        }).RequireAuthorization(DashboardServices.Authors);

        windows.MapDelete("/{windowId:guid}", async (Guid planId, Guid windowId, ScheduleService schedule, HttpContext http, CancellationToken ct) =>
        {
            await schedule.CancelWindowAsync(http.Actor(), planId, windowId, http.Request.Headers["X-Change-Reason"].ToString(), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(DashboardServices.Authors);

        windows.MapGet("/suggestions", async (Guid planId, int? lengthMinutes, string? timeZone, string? preferredHours, int? count, DateTimeOffset? from, ScheduleService schedule, CancellationToken ct) =>
        {
            var length = TimeSpan.FromMinutes(lengthMinutes ?? 120);
            var suggestions = await schedule.SuggestAsync(planId, length, timeZone ?? "UTC", ParseHours(preferredHours), Math.Clamp(count ?? 3, 1, 10), from, ct);
            return TypedResults.Ok(suggestions.Select(s => new { s.Start, s.End, timeZone = s.TimeZoneId, label = s.ToString() }));
        });

        var blackouts = api.MapGroup("/blackouts").WithTags("Schedule");

        blackouts.MapGet("/", async (ScheduleService schedule, CancellationToken ct) =>
            TypedResults.Ok((await schedule.ListBlackoutsAsync(ct)).Select(BlackoutResponse.From)));

        blackouts.MapPost("/", async (BlackoutBody body, ScheduleService schedule, HttpContext http, CancellationToken ct) =>
        {
            var stored = await schedule.CreateBlackoutAsync(http.Actor(), ToBlackout(body), ct);
            return TypedResults.Created($"/api/v1/blackouts/{stored.Id}", BlackoutResponse.From(stored));
        }).RequireAuthorization(DashboardServices.Authors);

        blackouts.MapDelete("/{id:guid}", async (Guid id, ScheduleService schedule, HttpContext http, CancellationToken ct) =>
        {
            await schedule.DeleteBlackoutAsync(http.Actor(), id, http.Request.Headers["X-Change-Reason"].ToString(), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(DashboardServices.Authors);

        api.MapGet("/calendar", async (DateTimeOffset? from, DateTimeOffset? to, string? environment, ScheduleService schedule, TimeProvider clock, CancellationToken ct) =>
        {
            var start = from ?? clock.GetUtcNow().AddDays(-7);
            return TypedResults.Ok(await schedule.CalendarAsync(start, to ?? start.AddDays(42), environment, ct));
        }).WithTags("Schedule");
    }

    private static WindowResponse ToResponse(WindowView view) =>
        new(view.Window.Id, view.Window.PlanId, view.Window.Start, view.Window.End, view.Window.TimeZoneId, view.Window.Note, view.Window.CreatedBy, view.Conflicts.Select(c => c.Description).ToList());

    private static Blackout ToBlackout(BlackoutBody body)
    {
        var id = Guid.CreateVersion7();
        var zone = body.TimeZone is { Length: > 0 } z ? z : "UTC";
        if (string.IsNullOrWhiteSpace(body.Rrule))
        {
            return Blackout.OneOff(id, body.Name ?? "", Instant(body.Start, zone, "start"), Instant(body.End, zone, "end"), zone, body.Environment, body.Reason);
        }

        if (!DateTime.TryParse(body.Start?.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var localStart) || localStart.Kind != DateTimeKind.Unspecified)
        {
            throw ValidationFailed.For("start", "Give the first start as a local date-time without an offset, e.g. 2026-01-05T09:00:00; the time zone says where.");
        }

        if (!IsoDuration.TryParse(body.Duration, out var duration, out var error))
        {
            throw ValidationFailed.For("duration", error ?? "Give an ISO 8601 duration such as PT9H.");
        }

        return Blackout.Recurring(id, body.Name ?? "", body.Rrule, localStart, duration.Value, zone, body.Environment, body.Reason);
    }

    /// <summary>An instant; text without an offset is a wall-clock time in <paramref name="zone"/>.</summary>
    private static DateTimeOffset Instant(string? text, string zone, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ValidationFailed.For(field, "Required.");
        }

        // Parse once, keeping what the text says: an offset or "Z" makes it an instant; no offset
        // makes it a wall-clock time in the given zone.
        if (!DateTime.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            throw ValidationFailed.For(field, "Give an ISO 8601 date-time such as 2026-02-01T18:00:00Z.");
        }

        if (parsed.Kind != DateTimeKind.Unspecified)
        {
            return DateTimeOffset.Parse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();
        }

        if (!WallClock.TryFindZone(zone, out var timeZone))
        {
            throw ValidationFailed.For("timeZone", $"'{zone}' is not a known IANA time zone.");
        }

        // A wall-clock time in a DST gap or overlap resolves the way recurring blackouts do.
        return WallClock.ToInstant(parsed, timeZone);
    }

    private static IReadOnlyList<LocalTimeRange> ParseHours(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var ranges = new List<LocalTimeRange>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length != 2 || !TimeOnly.TryParse(bounds[0], CultureInfo.InvariantCulture, out var start) || !TimeOnly.TryParse(bounds[1], CultureInfo.InvariantCulture, out var end))
            {
                throw ValidationFailed.For("preferredHours", "Write hours as HH:mm-HH:mm, comma-separated, e.g. 00:00-06:00,22:00-23:59.");
            }

            ranges.Add(new LocalTimeRange(start, end));
        }

        return ranges;
    }
}
