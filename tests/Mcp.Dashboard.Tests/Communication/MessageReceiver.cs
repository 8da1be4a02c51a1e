using System.Text;
using System.Text.Json;
using Mcp.Dashboard.Rollouts.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mcp.Dashboard.Tests.Communication;

/// <summary>One message as the receiving service got it.</summary>
public sealed record ReceivedMessage(string Hook, string Body, string? IdempotencyKey, bool SignatureValid, bool CarriesSignature)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// A chat or webhook service served by the test on Kestrel at 127.0.0.1:0: <c>/hooks/{name}</c>
/// records every POST and checks its signature with the communication signing key. It can be
/// told to fail the next few requests, or all of them, with a status.
/// </summary>
public sealed class MessageReceiver : IAsyncDisposable
{
    public const string SigningKey = "comms_test_key_6f0e1d2c3b4a";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<ReceivedMessage> _messages = [];
    private int _failNext;

    private MessageReceiver(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>While set, every request is answered with this status.</summary>
    public int? FailWithStatus { get; set; }

    /// <summary>The status for <see cref="FailNext"/>'s failures.</summary>
    public int FailStatus { get; private set; } = 503;

    public IReadOnlyList<ReceivedMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public Uri Hook(string name) => new(BaseUrl, $"/hooks/{name}");

    public void FailNext(int count, int status)
    {
        lock (_gate)
        {
            _failNext = count;
            FailStatus = status;
        }
    }

    public static async Task<MessageReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new MessageReceiver(app);
        app.MapPost("/hooks/{name}", receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    public async Task<IReadOnlyList<ReceivedMessage>> WaitForAsync(Func<IReadOnlyList<ReceivedMessage>, bool> condition, int seconds = 30)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(seconds);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var messages = Messages;
            if (condition(messages))
            {
                return messages;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"The receiver did not get the expected messages in {seconds} s; it got: {string.Join(" | ", Messages.Select(m => $"{m.Hook}: {m.Body}"))}");
        return [];
    }

    private async Task HandleAsync(string name, HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var headers = context.Request.Headers;
        var hasSignature = headers.ContainsKey(WebhookSignature.SignatureHeader);
        var valid = WebhookSignature.Verify(SigningKey, headers[WebhookSignature.TimestampHeader], headers[WebhookSignature.SignatureHeader], body, DateTimeOffset.UtcNow);
        int? failure;
        lock (_gate)
        {
            _messages.Add(new ReceivedMessage(name, Encoding.UTF8.GetString(body), headers["Idempotency-Key"].FirstOrDefault(), valid, hasSignature));
            failure = FailWithStatus ?? (_failNext-- > 0 ? FailStatus : null);
        }

        context.Response.StatusCode = failure ?? StatusCodes.Status204NoContent;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
