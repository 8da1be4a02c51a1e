using System.Collections.Concurrent;
using Mcp.Dashboard.Rollouts.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mcp.Dashboard.Tests.Targets;

/// <summary>One request as the receiver saw it, with its signature checked the way a real receiver would.</summary>
public sealed record ReceivedRequest(int Attempt, byte[] Body, bool SignatureValid, string? Signature, string? IdempotencyKey, string? UserAgent, string? ContentType, DateTimeOffset At);

/// <summary>
/// A real webhook receiver on Kestrel at 127.0.0.1:0. <see cref="Respond"/> decides each answer
/// by attempt number; every request is recorded, its signature verified with
/// <see cref="WebhookSignature.Verify"/>.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Secret = "whsec_test_7f3a9c1e5b2d4f60a8c9e1b3d5f7a9c0";

    private readonly WebApplication _app;
    private int _attempts;

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    private int _finalHits;

    /// <summary>How many times the redirect's destination was asked for (it must stay 0).</summary>
    public int FinalHits => Volatile.Read(ref _finalHits);

    public Func<int, HttpContext, Task> Respond { get; set; } = (_, context) =>
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    };

    public Uri BaseAddress { get; private set; } = null!;

    public Uri HookUrl => new(BaseAddress, "/hooks/mcp");

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/mcp", receiver.HandleAsync);
        app.MapMethods("/final", ["GET", "POST"], () =>
        {
            Interlocked.Increment(ref receiver._finalHits);
            return Results.NoContent();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseAddress = new Uri(address);
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var headers = context.Request.Headers;
        var attempt = Interlocked.Increment(ref _attempts);
        var valid = WebhookSignature.Verify(Secret, headers[WebhookSignature.TimestampHeader], headers[WebhookSignature.SignatureHeader], body, DateTimeOffset.UtcNow);
        Requests.Enqueue(new(attempt, body, valid, headers[WebhookSignature.SignatureHeader], headers["Idempotency-Key"], headers.UserAgent, headers.ContentType, DateTimeOffset.UtcNow));
        if (!valid)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        await Respond(attempt, context);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
