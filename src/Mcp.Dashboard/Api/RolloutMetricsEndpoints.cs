using Mcp.Dashboard.Hosting;
using Mcp.Dashboard.Rollouts.Metrics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Api;

/// <summary>The answer to an accepted batch.</summary>
public sealed record MetricsAccepted(int Accepted);

public static class RolloutMetricsEndpoints
{
    public static void MapRolloutMetrics(this RouteGroupBuilder api)
    {
        var dashboard = api.ServiceProvider().GetRequiredService<IOptions<DashboardOptions>>().Value;
        var metrics = api.ServiceProvider().GetRequiredService<IOptions<MetricsOptions>>().Value;

        // A full batch of long metric names can outgrow the general body limit; allow what the
        // batch cap allows (about 256 bytes a sample), never less than the general limit.
        var bodyLimit = Math.Max(dashboard.MaxRequestBodyBytes, metrics.MaxBatchSize * 256L);

        api.MapPost("/rollouts/{id:guid}/metrics", async (Guid id, MetricsBatch? body, MetricsIngest ingest, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, new MetricsAccepted(await ingest.IngestAsync(id, body, ct))))
            .WithTags("Rollouts")
            .WithSummary("Ingest a batch of metric samples for a running rollout (all or nothing).")
            .WithMetadata(new RequestSizeLimitAttribute(bodyLimit))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(DashboardServices.Operators);
    }

    private static IServiceProvider ServiceProvider(this IEndpointRouteBuilder builder) => builder.ServiceProvider;
}
