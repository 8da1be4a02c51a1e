using Mcp.Dashboard.Api;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Mcp.Dashboard.Status;

/// <summary>
/// The status page and its feeds: full documents rendered once per change and served from
/// memory with a strong ETag, so a reader costs a header comparison or a byte copy and never a
/// Blazor circuit.
/// </summary>
public static class StatusEndpoints
{
    public static IServiceCollection AddStatusPage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StatusOptions>().Bind(configuration.GetSection(StatusOptions.Section))
            .Validate(o => o.MaxAgeSeconds is >= 0 and <= 3600, "Status:MaxAgeSeconds must be between 0 and 3600.")
            .Validate(o => o.RefreshSeconds is >= 1 and <= 3600, "Status:RefreshSeconds must be between 1 and 3600.")
            .Validate(o => o.RebuildSeconds is >= 1 and <= 3600, "Status:RebuildSeconds must be between 1 and 3600.")
            .ValidateOnStart();
        services.AddSingleton<StatusSnapshotBuilder>();
        services.AddSingleton<StatusPublisher>();
        services.AddSingleton<StatusNoteService>();
        return services;
    }

    public static IEndpointRouteBuilder MapStatusPage(this IEndpointRouteBuilder app)
    {
        var status = app.MapGroup("/status").WithTags("Status").AllowAnonymous().AddEndpointFilter<StatusAccessFilter>();

        status.MapGet("/", async (HttpContext http, StatusPublisher publisher, IOptions<StatusOptions> options, string? fragment, CancellationToken ct) =>
        {
            var culture = StatusPublisher.CultureOf(System.Globalization.CultureInfo.CurrentUICulture);
            var body = fragment is "1" or "true" ? await publisher.FragmentAsync(culture, ct) : await publisher.PageAsync(culture, ct);
            return Serve(http, body, options.Value);
        }).WithSummary("The public status page (fragment=1: its main content only, which the open page polls).");

        status.MapGet("/feed.atom", async (HttpContext http, StatusPublisher publisher, IOptions<StatusOptions> options, CancellationToken ct) =>
        {
            var culture = StatusPublisher.CultureOf(System.Globalization.CultureInfo.CurrentUICulture);
            var baseUri = new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
            return Serve(http, await publisher.FeedAsync(culture, baseUri, ct), options.Value);
        }).WithSummary("Announced windows, starts, steps, pauses, rollbacks, completions and coordinator notes as Atom.");

        status.MapGet("/badge.svg", async (HttpContext http, StatusPublisher publisher, IOptions<StatusOptions> options, CancellationToken ct) =>
            Serve(http, await publisher.BadgeAsync(ct), options.Value))
            .WithSummary("A shields-style SVG badge: all operational, n in progress, rolled back or degraded.");
        return app;
    }

    /// <summary>Coordinator notes under the API group (its auth, audit channel and error filters apply).</summary>
    public static void MapStatusNotes(this RouteGroupBuilder api)
    {
        var notes = api.MapGroup("/plans/{planId:guid}/status-notes").WithTags("Status");

        notes.MapGet("/", async (Guid planId, StatusNoteService service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListAsync(planId, ct)).Select(StatusNoteResponse.From)));

        notes.MapPost("/", async (Guid planId, StatusNoteBody body, StatusNoteService service, HttpContext http, CancellationToken ct) =>
        {
            var note = await service.AddAsync(http.Actor(), planId, body.Text, ct);
            return TypedResults.Created($"/api/v1/plans/{planId}/status-notes/{note.Id}", StatusNoteResponse.From(note));
        }).WithSummary("Adds a note to the status page timeline (admins, release managers, the plan's business coordinator).");

        notes.MapDelete("/{noteId:guid}", async (Guid planId, Guid noteId, StatusNoteService service, HttpContext http, CancellationToken ct) =>
        {
            await service.DeleteAsync(http.Actor(), planId, noteId, ct);
            return TypedResults.NoContent();
        }).WithSummary("Deletes a note (its author or an admin).");
    }

    private static IResult Serve(HttpContext http, RenderedBody body, StatusOptions options)
    {
        var encoding = PreferredEncoding(http.Request);
        var headers = http.Response.Headers;
        headers.ETag = body.ETagFor(encoding);

        // Answers differ by encoding and language (header or cookie); a private page must not
        // sit in shared caches.
        headers.Vary = "Accept-Encoding, Accept-Language, Cookie";
        headers.CacheControl = $"{(options.Public ? "public" : "private")}, max-age={options.MaxAgeSeconds}";
        headers.XContentTypeOptions = "nosniff";

        // The page embeds its fragment's plain tag and a reader may switch encodings between
        // visits: any encoding's tag of the current body means "unchanged".
        if (http.Request.Headers.IfNoneMatch.Count > 0
            && EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch, out var tags)
            && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || IsTagOf(tag.Tag.ToString(), body)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        if (encoding is null)
        {
            return Results.Bytes(body.Bytes, body.ContentType);
        }

        headers.ContentEncoding = encoding;
        return Results.Bytes(encoding == "br" ? body.Brotli : body.Gzip, body.ContentType);
    }

    private static bool IsTagOf(string tag, RenderedBody body) =>
        tag == body.ETag || tag == body.ETagFor("br") || tag == body.ETagFor("gzip");

    /// <summary>Brotli when the reader takes it, else gzip, else the plain bytes.</summary>
    private static string? PreferredEncoding(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        bool Takes(string coding) => accepted.Any(a => a.Quality is not 0 && string.Equals(a.Value.Value, coding, StringComparison.OrdinalIgnoreCase));
        return Takes("br") ? "br" : Takes("gzip") ? "gzip" : null;
    }
}

public sealed record StatusNoteBody(string? Text);

public sealed record StatusNoteResponse(Guid Id, Guid PlanId, Guid? RolloutId, string Text, string Author, DateTimeOffset At)
{
    public static StatusNoteResponse From(StatusNote note) => new(note.Id, note.PlanId, note.RolloutId, note.Text, note.Author, note.At);
}

/// <summary>
/// Private mode (<c>Status:Public</c> = false): the status page, its feeds and the calendar need
/// a signed-in user, by cookie or API token. A browser asking for the page is sent to sign in;
/// a feed reader gets 401 (a redirect to a form would be useless to it).
/// </summary>
public sealed class StatusAccessFilter(IOptions<StatusOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (options.Value.Public)
        {
            return await next(context);
        }

        if (http.User.Identity?.IsAuthenticated == true)
        {
            // A private answer (the calendar too) must never sit in a shared cache.
            var result = await next(context);
            http.Response.Headers.CacheControl = http.Response.Headers.CacheControl.ToString().Replace("public", "private", StringComparison.Ordinal);
            return result;
        }

        http.Response.Headers.CacheControl = "no-store";
        var path = http.Request.Path;
        var isPage = (path.Equals("/status", StringComparison.OrdinalIgnoreCase) || path.Equals("/status/", StringComparison.OrdinalIgnoreCase))
            && !http.Request.Query.ContainsKey("fragment");
        if (isPage)
        {
            return Results.Redirect("/signin?ReturnUrl=%2Fstatus");
        }

        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required",
            detail: "This status feed is private: send an API token (Authorization: Bearer ...).");
    }
}
