using System.Text.Json;
using Mcp.Dashboard.Rollouts.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mcp.Dashboard.Tests.Infrastructure;

/// <summary>One POST the recorder received, signature checked, body read as the action it carries.</summary>
public sealed record WebhookDelivery(string IdempotencyKey, string Action, int? Weight, DateTimeOffset At, bool SignatureValid);

/// <summary>
/// A webhook target served by the test itself on Kestrel at 127.0.0.1:0: it verifies each
/// signature with <see cref="WebhookSignature.Verify"/>, records every delivery, and applies an
/// action once per idempotency key, as a target that honours the key does. It survives the
/// dashboard being killed and restarted, so it sees the whole rollout.
/// </summary>
public sealed class WebhookRecorder : IAsyncDisposable
{
    public const string Secret = "whsec_crash_5d1e8b2a9c4f4e7a8b0c1d2e3f4a5b6c";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<WebhookDelivery> _deliveries = [];
    private readonly List<HeldDelivery> _holds = [];

    private WebhookRecorder(WebApplication app) => _app = app;

    public Uri HookUrl { get; private set; } = null!;

    /// <summary>Every delivery in the order it arrived, replays included.</summary>
    public IReadOnlyList<WebhookDelivery> Deliveries
    {
        get
        {
            lock (_gate)
            {
                return [.. _deliveries];
            }
        }
    }

    /// <summary>
    /// The deliveries that took effect: the first of each idempotency key, in arrival order.
    /// Later deliveries with a key already seen are replays the target ignores.
    /// </summary>
    public IReadOnlyList<WebhookDelivery> Effects => Deliveries.DistinctBy(d => d.IdempotencyKey).ToList();

    /// <summary>While set, every delivery is answered with this status (a target that is down).</summary>
    public int? FailWithStatus { get; set; }

    public static async Task<WebhookRecorder> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var recorder = new WebhookRecorder(app);
        app.MapPost("/hooks/mcp", recorder.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        recorder.HookUrl = new Uri(new Uri(address), "/hooks/mcp");
        return recorder;
    }

    /// <summary>
    /// Holds the answer to the next delivery that matches, so whoever sent it waits with the
    /// action sent but not confirmed. Only that one delivery is held; replays are answered at once.
    /// </summary>
    public HeldDelivery HoldNext(Func<WebhookDelivery, bool> matches)
    {
        var hold = new HeldDelivery(matches);
        lock (_gate)
        {
            _holds.Add(hold);
        }

        return hold;
    }

    /// <summary>Waits until a delivery matching <paramref name="condition"/> has been answered or held.</summary>
    public async Task<WebhookDelivery> WaitForAsync(Func<WebhookDelivery, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (Deliveries.FirstOrDefault(condition) is { } found)
            {
                return found;
            }

            await Task.Delay(25, cancellationToken);
        }

        Assert.Fail($"No matching webhook delivery within {timeout.TotalSeconds:0} s; got {Describe()}");
        return null!;
    }

    /// <summary>The deliveries so far, for failure messages.</summary>
    public string Describe() =>
        string.Join(", ", Deliveries.Select(d => $"{d.Action}:{d.Weight}:{d.IdempotencyKey[^12..]}"));

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var headers = context.Request.Headers;
        var valid = WebhookSignature.Verify(Secret, headers[WebhookSignature.TimestampHeader], headers[WebhookSignature.SignatureHeader], body, DateTimeOffset.UtcNow);
        var action = JsonSerializer.Deserialize<TargetAction>(body, ApiJson.Options)!;
        var delivery = new WebhookDelivery(action.IdempotencyKey, action.Action, action.Weight, DateTimeOffset.UtcNow, valid);

        HeldDelivery? hold;
        lock (_gate)
        {
            _deliveries.Add(delivery);
            hold = _holds.FirstOrDefault(h => h.Matches(delivery));
            if (hold is not null)
            {
                _holds.Remove(hold);
            }
        }

        if (!valid)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (FailWithStatus is { } failure)
        {
            context.Response.StatusCode = failure;
            return;
        }

        if (hold is not null)
        {
            // The sender is killed while we hold: its connection drops and the request aborts.
            await hold.HoldAsync(delivery, context.RequestAborted);
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            foreach (var hold in _holds)
            {
                hold.Release();
            }
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A delivery whose answer the recorder keeps back until <see cref="Release"/> (or the sender goes away).</summary>
public sealed class HeldDelivery(Func<WebhookDelivery, bool> matches)
{
    private readonly TaskCompletionSource<WebhookDelivery> _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the held delivery has arrived (sent by the dashboard, not yet confirmed).</summary>
    public Task<WebhookDelivery> Arrived => _arrived.Task;

    public void Release() => _released.TrySetResult();

    internal bool Matches(WebhookDelivery delivery) => matches(delivery);

    internal async Task HoldAsync(WebhookDelivery delivery, CancellationToken aborted)
    {
        _arrived.TrySetResult(delivery);
        try
        {
            await _released.Task.WaitAsync(aborted);
        }
        catch (OperationCanceledException)
        {
            // The dashboard died holding the connection; nobody reads the answer.
        }
    }
}
