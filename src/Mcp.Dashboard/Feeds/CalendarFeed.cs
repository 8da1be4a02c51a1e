using System.Globalization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Mcp.Dashboard.Data;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Schedule;
using Microsoft.EntityFrameworkCore;

namespace Mcp.Dashboard.Feeds;

/// <summary>
/// The subscribable calendar (RFC 5545) of maintenance windows and blackouts, for calendars
/// that poll a URL. Each window keeps one UID for its life and bumps SEQUENCE when it changes,
/// so subscribers update the event rather than add a second one; a cancelled window stays in
/// the feed as STATUS:CANCELLED so calendars remove it. Recurring blackouts carry their RRULE.
/// Plans marked internal are left out.
/// </summary>
public sealed class CalendarFeed(IDbContextFactory<DashboardDbContext> contexts)
{
    public const string ProductId = "-//Mcp.Dashboard//Maintenance windows//EN";

    public async Task<string> RenderAsync(string? environment, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plans = await db.Plans.AsNoTracking()
            .Where(p => !p.Internal && (environment == null || p.Environment == environment))
            .Select(p => new { p.Id, p.Name, p.Environment, p.Services, p.FromVersion, p.ToVersion, p.State })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var planIds = plans.Keys.ToList();
        var windows = await db.Windows.AsNoTracking().Where(w => planIds.Contains(w.PlanId)).ToListAsync(cancellationToken);
        var blackouts = await db.Blackouts.AsNoTracking()
            .Where(b => environment == null || b.Environment == null || b.Environment == environment)
            .ToListAsync(cancellationToken);

        var calendar = new Ical.Net.Calendar { ProductId = ProductId };
        calendar.AddProperty("X-WR-CALNAME", environment is null ? "MCP maintenance windows" : $"MCP maintenance windows ({environment})");
        foreach (var window in windows.OrderBy(w => w.Start))
        {
            var plan = plans[window.PlanId];
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"window-{window.Id}@mcp-dashboard",
                Sequence = window.Sequence,
                Summary = $"Maintenance: {plan.Name}",
                Description = $"{plan.Environment}: {string.Join(", ", plan.Services)} {plan.FromVersion} -> {plan.ToVersion}. Plan {PlanStateMachine.Describe(plan.State)}."
                              + (window.Note is { Length: > 0 } note ? $" {note}" : ""),
                Location = plan.Environment,
                Start = Utc(window.Start),
                End = Utc(window.End),
                DtStamp = Utc(window.CancelledAt ?? window.CreatedAt),
                Status = window.IsActive ? Ical.Net.EventStatus.Confirmed : Ical.Net.EventStatus.Cancelled,
                Transparency = Ical.Net.TransparencyType.Opaque,
            });
        }

        foreach (var blackout in blackouts.OrderBy(b => b.Name, StringComparer.Ordinal))
        {
            calendar.Events.Add(BlackoutEvent(blackout));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent BlackoutEvent(StoredBlackout blackout)
    {
        var entry = new CalendarEvent
        {
            Uid = $"blackout-{blackout.Id}@mcp-dashboard",
            Summary = $"Change freeze: {blackout.Name}",
            Description = (blackout.Reason ?? "No migration may run.") + (blackout.Environment is { } env ? $" ({env})" : " (every environment)"),
            DtStamp = Utc(blackout.CreatedAt),
            Status = Ical.Net.EventStatus.Confirmed,
        };
        if (blackout.Kind == BlackoutKind.OneOff)
        {
            entry.Start = Utc(blackout.Start!.Value);
            entry.End = Utc(blackout.End!.Value);
            return entry;
        }

        // A recurring blackout is local time in its zone ("weekdays 09:00 Shanghai"), so its
        // start carries the TZID and the calendar expands the RRULE across DST as we do.
        var localStart = DateTime.ParseExact(blackout.LocalStart!, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None);
        entry.Start = new CalDateTime(localStart, blackout.TimeZoneId);
        entry.Duration = Duration.FromSeconds((int)blackout.DurationSeconds!.Value);
        entry.RecurrenceRule = new RecurrencePattern(blackout.Rule!);
        return entry;
    }

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime, CalDateTime.UtcTzId);
}

public static class FeedEndpoints
{
    /// <summary>
    /// <c>GET /calendar.ics?environment=production</c>: public, like the status page will be, so a
    /// calendar app can subscribe without an account; plans marked internal never appear.
    /// </summary>
    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar.ics", async (string? environment, CalendarFeed feed, HttpContext http, CancellationToken ct) =>
        {
            if (environment is not null && !Domain.Inventory.Names.IsValid(environment))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "environment must be an environment name such as 'production'.");
            }

            // Calendar apps poll; a minute of caching keeps thousands of subscribers cheap.
            http.Response.Headers.CacheControl = "public, max-age=60";
            return Results.Text(await feed.RenderAsync(environment, ct), "text/calendar; charset=utf-8");
        }).AllowAnonymous().AddEndpointFilter<Status.StatusAccessFilter>().WithTags("Feeds").WithSummary("Maintenance windows and blackouts as an RFC 5545 calendar (stable UID, SEQUENCE, STATUS:CANCELLED, RRULE).");
        return app;
    }
}
