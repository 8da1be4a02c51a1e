using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Hosting;
using Mcp.Dashboard.Inventory;

namespace Mcp.Dashboard.Api;

/// <summary>The environment inventory as the API shows and takes it.</summary>
public sealed record EnvironmentBody(string Name, string? Description, IReadOnlyList<PlatformService>? Services);

public static class EnvironmentsEndpoints
{
    public static void MapEnvironments(this RouteGroupBuilder api)
    {
        var environments = api.MapGroup("/environments").WithTags("Inventory");

        environments.MapGet("/", async (InventoryService inventory, CancellationToken ct) =>
            TypedResults.Ok((await inventory.ListAsync(ct)).Select(ToBody)));

        environments.MapGet("/{name}", async Task<IResult> (string name, InventoryService inventory, HttpContext http, CancellationToken ct) =>
        {
            var environment = await inventory.FindAsync(name, ct);
            if (environment is null)
            {
                return TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"There is no environment '{name}'.");
            }

            http.Response.Headers.ETag = ETags.For(environment.Revision);
            return TypedResults.Ok(ToBody(environment));
        });

        environments.MapPost("/", async (EnvironmentBody body, InventoryService inventory, HttpContext http, CancellationToken ct) =>
        {
            var created = await inventory.CreateAsync(http.Actor(), body.Name ?? "", body.Description, body.Services ?? [], ct);
            http.Response.Headers.ETag = ETags.For(created.Revision);
            return TypedResults.Created($"/api/v1/environments/{created.Name}", ToBody(created));
        }).RequireAuthorization(DashboardServices.Authors);

        environments.MapPut("/{name}", async (string name, EnvironmentBody body, InventoryService inventory, HttpContext http, CancellationToken ct) =>
        {
            if (!string.Equals(body.Name, name, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The body names '{body.Name}' but the URL names '{name}'; renaming an environment is not supported.");
            }

            var updated = await inventory.ReplaceAsync(http.Actor(), name, body.Description, body.Services ?? [], ETags.RequireIfMatch(http.Request), ct);
            http.Response.Headers.ETag = ETags.For(updated.Revision);
            return TypedResults.Ok(ToBody(updated));
        }).RequireAuthorization(DashboardServices.Authors);
    }

    private static EnvironmentBody ToBody(DeploymentEnvironment environment) =>
        new(environment.Name, environment.Description, environment.Services);
}
