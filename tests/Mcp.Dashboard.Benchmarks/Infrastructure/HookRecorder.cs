using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Rollouts.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mcp.Dashboard.Benchmarks.Infrastructure;

/// <summary>
/// A webhook target on Kestrel at 127.0.0.1:0, in this process: it checks each HMAC signature,
/// and notes the Stopwatch timestamp at which each (rollout, action) first arrived, the moment
/// "the target receives the action".
/// </summary>
public sealed class HookRecorder : IAsyncDisposable
{
    public const string Secret = "whsec_bench_7f3a9c1e5b2d4f6a8c0e1a3b5d7f9e2c";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<(Guid, string), TaskCompletionSource<long>> _arrivals = new();
    private int _badSignatures;

    private HookRecorder(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>Deliveries whose signature did not verify (answered 401); must stay 0.</summary>
    public int BadSignatures => Volatile.Read(ref _badSignatures);

    public TargetSettings Target => new() { Kind = TargetKind.Webhook, Url = Url.ToString(), Secret = Secret };

    public static async Task<HookRecorder> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var recorder = new HookRecorder(app);
        app.MapPost("/hooks/mcp", recorder.HandleAsync);
        await app.StartAsync();
        recorder.Url = new Uri(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "/hooks/mcp");
        return recorder;
    }

    /// <summary>Completes with the Stopwatch timestamp at which <paramref name="action"/> for the rollout first arrived.</summary>
    public Task<long> Arrival(Guid rolloutId, string action) => Slot(rolloutId, action).Task;

    private TaskCompletionSource<long> Slot(Guid rolloutId, string action) =>
        _arrivals.GetOrAdd((rolloutId, action), _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task HandleAsync(HttpContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var headers = context.Request.Headers;
        if (!WebhookSignature.Verify(Secret, headers[WebhookSignature.TimestampHeader], headers[WebhookSignature.SignatureHeader], body, DateTimeOffset.UtcNow))
        {
            Interlocked.Increment(ref _badSignatures);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var action = JsonSerializer.Deserialize<TargetAction>(body, BenchHost.Json)!;
        Slot(action.RolloutId, action.Action).TrySetResult(arrived);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
