using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Mcp.Dashboard.Components.Status;
using Mcp.Dashboard.Inventory;
using Mcp.Dashboard.Live;
using Mcp.Dashboard.Localization;
using Mcp.Dashboard.Plans;
using Mcp.Dashboard.Rollouts;
using Mcp.Dashboard.Schedule;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Status;

/// <summary>
/// A rendered answer: its bytes, content type and strong ETag (a hash of the bytes), with the
/// same bytes compressed once (Brotli and gzip) when it is rendered, so thousands of readers
/// get a ~10 KB page instead of ~57 KB without the server compressing it thousands of times.
/// </summary>
public sealed record RenderedBody(byte[] Bytes, string ContentType, string ETag, byte[] Brotli, byte[] Gzip)
{
    public static RenderedBody From(byte[] bytes, string contentType) =>
        new(bytes, contentType, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..24]}\"",
            Compress(bytes, output => new BrotliStream(output, CompressionLevel.Optimal)),
            Compress(bytes, output => new GZipStream(output, CompressionLevel.Optimal)));

    /// <summary>
    /// The ETag of one encoding of the body: a strong tag names exact bytes, so each encoding has
    /// its own (RFC 9110 8.8.3), derived from the body's so either revalidates.
    /// </summary>
    public string ETagFor(string? encoding) => encoding is null ? ETag : $"{ETag[..^1]}-{encoding}\"";

    private static byte[] Compress(byte[] bytes, Func<Stream, Stream> encoder)
    {
        using var output = new MemoryStream();
        using (var stream = encoder(output))
        {
            stream.Write(bytes);
        }

        return output.ToArray();
    }
}

/// <summary>
/// Keeps the status snapshot and everything rendered from it in memory. A change on any topic
/// the page shows marks the snapshot stale; the next reader rebuilds it once (others wait for
/// that one build) and each body (page, fragment, feed, badge, per language) is rendered once
/// per snapshot. Thousands of readers therefore cost a dictionary lookup and a byte copy each.
/// The ETag is a hash of the bytes, so a rebuild that changes nothing keeps the same ETag and
/// browsers keep getting 304s.
/// </summary>
public sealed class StatusPublisher : IDisposable
{
    private static readonly string[] Topics = [RolloutStore.Topic, PlanService.Topic, ScheduleService.Topic, InventoryService.Topic, StatusNoteService.Topic];

    // The feed's links are absolute, so it is cached per host name the request came in on; a
    // client inventing host names must not grow the cache without bound.
    private const int MaxCachedBodies = 32;

    private readonly StatusSnapshotBuilder _builder;
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggers;
    private readonly TimeProvider _clock;
    private readonly StatusOptions _options;
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private readonly List<IDisposable> _subscriptions;
    private long _changes;
    private Generation? _current;

    public StatusPublisher(StatusSnapshotBuilder builder, ChangeFeed changes, IServiceProvider services, ILoggerFactory loggers, TimeProvider clock, IOptions<StatusOptions> options)
    {
        _builder = builder;
        _services = services;
        _loggers = loggers;
        _clock = clock;
        _options = options.Value;
        _subscriptions = [.. Topics.Select(topic => changes.Subscribe(topic, null, _ =>
        {
            Interlocked.Increment(ref _changes);
            return Task.CompletedTask;
        }))];
    }

    public async ValueTask<StatusSnapshot> SnapshotAsync(CancellationToken cancellationToken = default) =>
        (await GenerationAsync(cancellationToken)).Snapshot;

    /// <summary>The whole page, for a first visit.</summary>
    public ValueTask<RenderedBody> PageAsync(CultureInfo culture, CancellationToken cancellationToken = default) =>
        BodyAsync($"page:{culture.Name}", async snapshot =>
        {
            var content = await FragmentAsync(culture, cancellationToken);
            var html = await RenderAsync<StatusDocument>(culture, new Dictionary<string, object?>
            {
                [nameof(StatusDocument.Content)] = new MarkupString(Encoding.UTF8.GetString(content.Bytes)),
                [nameof(StatusDocument.ContentETag)] = content.ETag,
                [nameof(StatusDocument.RefreshSeconds)] = _options.RefreshSeconds,
            });
            return RenderedBody.From(Encoding.UTF8.GetBytes("<!DOCTYPE html>\n" + html), "text/html; charset=utf-8");
        }, cancellationToken);

    /// <summary>The page's main content only, which an open page polls and swaps in.</summary>
    public ValueTask<RenderedBody> FragmentAsync(CultureInfo culture, CancellationToken cancellationToken = default) =>
        BodyAsync($"fragment:{culture.Name}", async snapshot =>
        {
            var html = await RenderAsync<StatusContent>(culture, new Dictionary<string, object?> { [nameof(StatusContent.Snapshot)] = snapshot });
            return RenderedBody.From(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8");
        }, cancellationToken);

    public ValueTask<RenderedBody> FeedAsync(CultureInfo culture, Uri baseUri, CancellationToken cancellationToken = default) =>
        BodyAsync($"feed:{culture.Name}:{baseUri}", snapshot =>
        {
            var localizer = _services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<StatusText>>();
            return Task.FromResult(RenderedBody.From(StatusAtomFeed.Write(snapshot, baseUri, culture, localizer), "application/atom+xml; charset=utf-8"));
        }, cancellationToken);

    public ValueTask<RenderedBody> BadgeAsync(CancellationToken cancellationToken = default) =>
        BodyAsync("badge", snapshot => Task.FromResult(RenderedBody.From(StatusBadge.Write(snapshot), "image/svg+xml; charset=utf-8")), cancellationToken);

    /// <summary>The language a request is answered in: one of the two the page speaks.</summary>
    public static CultureInfo CultureOf(CultureInfo requested) =>
        DashboardCultures.IsChinese(requested) || requested.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
            ? CultureInfo.GetCultureInfo(DashboardCultures.SimplifiedChinese)
            : CultureInfo.GetCultureInfo(DashboardCultures.English);

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _rebuild.Dispose();
    }

    private async ValueTask<RenderedBody> BodyAsync(string key, Func<StatusSnapshot, Task<RenderedBody>> render, CancellationToken cancellationToken)
    {
        var generation = await GenerationAsync(cancellationToken);
        if (generation.Bodies.Count >= MaxCachedBodies && !generation.Bodies.ContainsKey(key))
        {
            return await render(generation.Snapshot);
        }

        var body = generation.Bodies.GetOrAdd(key, _ => new Lazy<Task<RenderedBody>>(() => render(generation.Snapshot)));
        try
        {
            return await body.Value;
        }
        catch
        {
            // A failed render is not kept: the next reader tries again.
            generation.Bodies.TryRemove(key, out _);
            throw;
        }
    }

    private async ValueTask<Generation> GenerationAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (IsFresh(current))
        {
            return current!;
        }

        // While one reader rebuilds, the others get the previous snapshot rather than queueing
        // behind the database: it is at most one change old, and their next poll sees the new one.
        if (current is not null && !_rebuild.Wait(0, CancellationToken.None))
        {
            return current;
        }

        if (current is null)
        {
            await _rebuild.WaitAsync(cancellationToken);
        }

        try
        {
            current = Volatile.Read(ref _current);
            if (IsFresh(current))
            {
                return current!;
            }

            // Read the counter before building: a change that lands during the build leaves
            // the new generation already stale, so the next reader builds again.
            var changes = Interlocked.Read(ref _changes);
            var snapshot = await _builder.BuildAsync(cancellationToken);
            var next = new Generation(changes, snapshot, new ConcurrentDictionary<string, Lazy<Task<RenderedBody>>>(StringComparer.Ordinal));
            Volatile.Write(ref _current, next);
            return next;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    private bool IsFresh(Generation? generation) =>
        generation is not null
        && generation.Changes == Interlocked.Read(ref _changes)
        && _clock.GetUtcNow() - generation.Snapshot.BuiltAt < TimeSpan.FromSeconds(_options.RebuildSeconds);

    private async Task<string> RenderAsync<TComponent>(CultureInfo culture, Dictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        // Components resolve scoped services (the renderer's own activity source among them).
        await using var scope = _services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, _loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            // Localizers read the current UI culture; set in this async flow only.
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }

    private sealed record Generation(long Changes, StatusSnapshot Snapshot, ConcurrentDictionary<string, Lazy<Task<RenderedBody>>> Bodies);
}
