using System.Text;
using Mcp.Dashboard.Hosting;
using Mcp.Dashboard.Live;
using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Communication;

/// <summary>One message the demo inbox received, as the receiving service would see it.</summary>
public sealed record InboxMessage(long Number, string Channel, DateTimeOffset At, string Body, string? Signature, string? IdempotencyKey);

/// <summary>
/// Demo mode's stand-in for Slack, Teams and a webhook receiver: anonymous POSTs to
/// <c>/demo/inbox/{channel}</c> are kept in memory (the last 200) and shown at <c>/demo/inbox</c>,
/// so the communication plan visibly delivers itself without any outside service.
/// </summary>
public sealed class DemoInbox(ChangeFeed changes, TimeProvider clock)
{
    public const string Topic = "demo-inbox";
    public const int Capacity = 200;
    private const int MaxBodyBytes = 64 * 1024;

    private readonly Lock _gate = new();
    private readonly LinkedList<InboxMessage> _messages = new();
    private long _number;

    public IReadOnlyList<InboxMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public void Receive(string channel, string body, string? signature, string? idempotencyKey)
    {
        lock (_gate)
        {
            _messages.AddFirst(new InboxMessage(++_number, channel, clock.GetUtcNow(), body, signature, idempotencyKey));
            while (_messages.Count > Capacity)
            {
                _messages.RemoveLast();
            }
        }

        changes.Publish(new Change(Topic, null, "inbox.received", "demo"));
    }

    /// <summary>The inbox's endpoints, mapped in demo mode only (anonymous: they stand in for outside services).</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<DashboardOptions>>().Value.DemoMode)
        {
            return;
        }

        app.MapPost("/demo/inbox/{channel:regex(^(webhook|slack|teams)$)}", async (string channel, HttpRequest request, DemoInbox inbox, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var buffer = new char[MaxBodyBytes];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
            inbox.Receive(channel, new string(buffer, 0, read), request.Headers["X-Mcp-Signature"].FirstOrDefault(), request.Headers["Idempotency-Key"].FirstOrDefault());
            return TypedResults.NoContent();
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }
}
