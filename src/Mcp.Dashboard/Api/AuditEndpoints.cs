using Mcp.Dashboard.Audit;

namespace Mcp.Dashboard.Api;

public static class AuditEndpoints
{
    public static void MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (Guid? planId, string? actor, string? action, DateTimeOffset? from, DateTimeOffset? to, long? before, int? take, AuditReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.QueryAsync(new AuditQuery
            {
                PlanId = planId,
                Actor = actor,
                Action = action,
                From = from,
                To = to,
                Before = before,
                Take = take ?? 100,
            }, ct)))
            .WithTags("Audit");
    }
}
