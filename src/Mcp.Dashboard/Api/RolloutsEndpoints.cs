using Mcp.Dashboard.Domain.Simulation;
using Mcp.Dashboard.Hosting;
using Mcp.Dashboard.Rollouts;

namespace Mcp.Dashboard.Api;

/// <summary>A reason for a control action; required for a rollback.</summary>
public sealed record ReasonBody(string? Reason);

/// <summary>A fault for the simulated canary: ErrorSpike or LatencyRegression, times a factor (default 2).</summary>
public sealed record FaultBody(FaultKind Kind, double? Factor);

public static class RolloutsEndpoints
{
    public static void MapRollouts(this RouteGroupBuilder api)
    {
        api.MapPost("/plans/{id:guid}/rollouts", async (Guid id, ReasonBody? body, RolloutEngine engine, RolloutQueries queries, HttpContext http, CancellationToken ct) =>
        {
            var started = await engine.StartAsync(http.Actor(), id, body?.Reason, ct);
            return TypedResults.Created($"/api/v1/rollouts/{started.Id}", await queries.GetAsync(started.Id, ct));
        }).WithTags("Rollouts").RequireAuthorization(DashboardServices.Operators)
            .WithSummary("Start a rollout of the plan now, or book it into the plan's next window; 409 names the unmet gates.");

        api.MapGet("/plans/{id:guid}/rollouts", async (Guid id, RolloutQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.ListAsync(id, cancellationToken: ct))).WithTags("Rollouts");

        var rollouts = api.MapGroup("/rollouts").WithTags("Rollouts");

        rollouts.MapGet("/", async (RolloutQueries queries, CancellationToken ct, int? take) =>
            TypedResults.Ok(await queries.ListAsync(null, take ?? 50, ct)));

        rollouts.MapGet("/{id:guid}", async (Guid id, RolloutQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.GetAsync(id, ct)))
            .WithSummary("State, steps, current weight, what runs next, the deadline and the latest verdict.");

        rollouts.MapGet("/{id:guid}/events", async (Guid id, RolloutQueries queries, CancellationToken ct, long? after) =>
        {
            await queries.GetAsync(id, ct);
            return TypedResults.Ok(await queries.EventsAsync(id, after ?? 0, cancellationToken: ct));
        }).WithSummary("The event log, oldest first; pass ?after=<last id> to page on.");

        rollouts.MapPost("/{id:guid}/pause", async (Guid id, ReasonBody? body, RolloutEngine engine, RolloutQueries queries, HttpContext http, CancellationToken ct) =>
        {
            await engine.PauseAsync(http.Actor(), id, body?.Reason, ct);
            return TypedResults.Ok(await queries.GetAsync(id, ct));
        }).RequireAuthorization(DashboardServices.Operators);

        rollouts.MapPost("/{id:guid}/resume", async (Guid id, ReasonBody? body, RolloutEngine engine, RolloutQueries queries, HttpContext http, CancellationToken ct) =>
        {
            await engine.ResumeAsync(http.Actor(), id, body?.Reason, ct);
            return TypedResults.Ok(await queries.GetAsync(id, ct));
        }).RequireAuthorization(DashboardServices.Operators);

        rollouts.MapPost("/{id:guid}/promote", async (Guid id, ReasonBody? body, RolloutEngine engine, RolloutQueries queries, HttpContext http, CancellationToken ct) =>
        {
            await engine.PromoteAsync(http.Actor(), id, body?.Reason, ct);
            return TypedResults.Ok(await queries.GetAsync(id, ct));
        }).RequireAuthorization(DashboardServices.Operators)
            .WithSummary("Skip the rest of the analysis and go to full traffic.");

        rollouts.MapPost("/{id:guid}/rollback", async (Guid id, ReasonBody body, RolloutEngine engine, RolloutQueries queries, HttpContext http, CancellationToken ct) =>
        {
            var outcome = await engine.RequestRollbackAsync(http.Actor(), id, body.Reason ?? "", cancellationToken: ct);
            return TypedResults.Accepted($"/api/v1/rollouts/{id}", new { outcome, rollout = await queries.GetAsync(id, ct) });
        }).RequireAuthorization(DashboardServices.Operators)
            .WithSummary("Roll back (202). Asking again while it rolls back, or after, changes nothing: outcome says AlreadyRequested.");

        rollouts.MapPost("/{id:guid}/faults", async (Guid id, FaultBody body, RolloutEngine engine, RolloutQueries queries, HttpContext http, CancellationToken ct) =>
        {
            await engine.InjectFaultAsync(http.Actor(), id, body.Kind, body.Factor ?? 2, ct);
            return TypedResults.Ok(await queries.GetAsync(id, ct));
        }).RequireAuthorization(DashboardServices.Operators)
            .WithSummary("Simulated fleets only: make the canary worse, to watch the judge catch it.");

        rollouts.MapDelete("/{id:guid}/faults", async (Guid id, RolloutEngine engine, HttpContext http, CancellationToken ct) =>
        {
            await engine.ClearFaultsAsync(http.Actor(), id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(DashboardServices.Operators);

        rollouts.MapPost("/{id:guid}/rollback-checklist/{number:int}/complete", async (Guid id, int number, RolloutEngine engine, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await engine.CompleteRollbackTaskAsync(http.Actor(), id, number, ct)))
            .RequireAuthorization(DashboardServices.Operators);
    }
}
