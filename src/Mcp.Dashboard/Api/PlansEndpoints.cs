using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Hosting;
using Mcp.Dashboard.Plans;

namespace Mcp.Dashboard.Api;

/// <summary>A reason or note that goes to the audit trail.</summary>
public sealed record NoteBody(string? Note, string? Reason);

/// <summary>Ticking a checklist item, with optional evidence.</summary>
public sealed record CompleteBody(string? Note);

public static class PlansEndpoints
{
    public static void MapPlans(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("Plans");

        plans.MapGet("/", async (PlanService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)));

        plans.MapGet("/templates", () => TypedResults.Ok(PlanTemplates.All.Select(t => new { t.Key, t.Title, t.Summary, Definition = t.Create() })));

        plans.MapGet("/{id:guid}", async (Guid id, PlanService service, HttpContext http, CancellationToken ct) =>
            WithETag(http, await service.GetAsync(id, ct)));

        plans.MapGet("/{id:guid}/readiness", async (Guid id, PlanService service, PlanReadinessService readiness, CancellationToken ct) =>
        {
            var report = await readiness.EvaluateAsync(await service.GetAsync(id, ct), ct);
            return TypedResults.Ok(new { report.CanStart, report.Summary, report.Gates });
        });

        plans.MapPost("/", async (PlanDefinition body, PlanService service, HttpContext http, CancellationToken ct) =>
        {
            var plan = await service.CreateAsync(http.Actor(), body, ct);
            http.Response.Headers.ETag = ETags.For(plan.Revision);
            return TypedResults.Created($"/api/v1/plans/{plan.Id}", PlanResponse.From(plan));
        }).RequireAuthorization(DashboardServices.Authors);

        plans.MapPut("/{id:guid}", async (Guid id, PlanDefinition body, PlanService service, HttpContext http, CancellationToken ct) =>
            WithETag(http, await service.ReviseAsync(http.Actor(), id, body, ETags.RequireIfMatch(http.Request), http.Request.Headers["X-Change-Reason"].ToString(), ct)))
            .RequireAuthorization(DashboardServices.Authors);

        plans.MapDelete("/{id:guid}", async (Guid id, PlanService service, HttpContext http, CancellationToken ct) =>
        {
            await service.DeleteAsync(http.Actor(), id, ETags.RequireIfMatch(http.Request), http.Request.Headers["X-Change-Reason"].ToString(), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(DashboardServices.Authors);

        plans.MapPost("/{id:guid}/submit", async (Guid id, NoteBody? body, PlanService service, HttpContext http, CancellationToken ct) =>
            WithETag(http, await service.SubmitAsync(http.Actor(), id, body?.Note, ct)))
            .RequireAuthorization(DashboardServices.Authors);

        // Who may approve depends on the plan (its named approvers), so the policy is the domain's.
        plans.MapPost("/{id:guid}/approve", async (Guid id, NoteBody? body, PlanService service, HttpContext http, CancellationToken ct) =>
            WithETag(http, await service.ApproveAsync(http.Actor(), id, body?.Note, ETags.FromIfMatch(http.Request), ct)));

        plans.MapPost("/{id:guid}/request-changes", async (Guid id, NoteBody body, PlanService service, HttpContext http, CancellationToken ct) =>
            WithETag(http, await service.RequestChangesAsync(http.Actor(), id, body.Reason ?? body.Note ?? "", ct)));

        plans.MapPost("/{id:guid}/cancel", async (Guid id, NoteBody body, PlanService service, HttpContext http, CancellationToken ct) =>
            WithETag(http, await service.CancelAsync(http.Actor(), id, body.Reason ?? body.Note ?? "", ct)))
            .RequireAuthorization(DashboardServices.Authors);

        plans.MapPost("/{id:guid}/checklist/{itemId:guid}/complete", async (Guid id, Guid itemId, CompleteBody? body, PlanService service, HttpContext http, CancellationToken ct) =>
        {
            var item = await service.CompleteChecklistItemAsync(http.Actor(), id, itemId, body?.Note, ct);
            return TypedResults.Ok(new ChecklistItemResponse(item.Id, item.Title, item.Owner, item.Due, item.Required, item.IsDone, item.DoneBy, item.DoneAt, item.EvidenceNote));
        }).RequireAuthorization(DashboardServices.Operators);

        plans.MapPost("/{id:guid}/checklist/{itemId:guid}/reopen", async (Guid id, Guid itemId, NoteBody? body, PlanService service, HttpContext http, CancellationToken ct) =>
        {
            var item = await service.ReopenChecklistItemAsync(http.Actor(), id, itemId, body?.Reason ?? body?.Note, ct);
            return TypedResults.Ok(new ChecklistItemResponse(item.Id, item.Title, item.Owner, item.Due, item.Required, item.IsDone, item.DoneBy, item.DoneAt, item.EvidenceNote));
        }).RequireAuthorization(DashboardServices.Operators);

        plans.MapPost("/{id:guid}/data-migrations/{taskId:guid}/evidence", async (Guid id, Guid taskId, DataMigrationTask body, PlanService service, HttpContext http, CancellationToken ct) =>
            WithETag(http, await service.RecordEvidenceAsync(http.Actor(), id, taskId, body, ct)))
            .RequireAuthorization(DashboardServices.Operators);
    }

    private static IResult WithETag(HttpContext http, MigrationPlan plan)
    {
        http.Response.Headers.ETag = ETags.For(plan.Revision);
        return TypedResults.Ok(PlanResponse.From(plan, http.Actor().IsInAnyRole(DashboardRoles.Authors)));
    }
}
