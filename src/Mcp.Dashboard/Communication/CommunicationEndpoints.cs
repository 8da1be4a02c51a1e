using Mcp.Dashboard.Api;
using Mcp.Dashboard.Hosting;

namespace Mcp.Dashboard.Communication;

/// <summary>The communication plan's API: the delivery log, test sends and retries.</summary>
public static class CommunicationEndpoints
{
    public static void MapCommunication(this RouteGroupBuilder api)
    {
        api.MapGet("/plans/{id:guid}/deliveries", async (Guid id, CommunicationOutbox outbox, CancellationToken ct, int? take) =>
            TypedResults.Ok(await outbox.ListAsync(id, take ?? 100, ct)))
            .WithTags("Communication").WithSummary("The plan's messages, newest first: state, attempts, last error, next retry.");

        api.MapGet("/deliveries", async (CommunicationOutbox outbox, CancellationToken ct, int? take) =>
            TypedResults.Ok(await outbox.ListAsync(null, take ?? 100, ct)))
            .WithTags("Communication").WithSummary("Messages across plans, newest first.");

        api.MapPost("/plans/{id:guid}/communication/{entryIndex:int}/test", async (Guid id, int entryIndex, CommunicationOutbox outbox, HttpContext http, CancellationToken ct) =>
        {
            var delivery = await outbox.TestSendAsync(http.Actor(), id, entryIndex, ct);
            return TypedResults.Accepted($"/api/v1/plans/{id}/deliveries", DeliveryView.From(delivery));
        }).WithTags("Communication").RequireAuthorization(DashboardServices.Authors)
            .WithSummary("Send the entry's message now with sample values, marked as a test: 202 with the queued delivery.");

        api.MapPost("/deliveries/{id:guid}/retry", async (Guid id, CommunicationOutbox outbox, HttpContext http, CancellationToken ct) =>
            TypedResults.Accepted($"/api/v1/deliveries/{id}", DeliveryView.From(await outbox.RetryNowAsync(http.Actor(), id, ct))))
            .WithTags("Communication").RequireAuthorization(DashboardServices.Operators)
            .WithSummary("Send a failed or waiting message again now, with a fresh set of attempts.");
    }
}
