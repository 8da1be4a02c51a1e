using Mcp.Dashboard.Accounts;

namespace Mcp.Dashboard.Api;

public sealed record CreateTokenBody(string Name, DateTimeOffset? ExpiresAt);

/// <summary>A signed-in user's own API tokens.</summary>
public static class TokensEndpoints
{
    public static void MapTokens(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Tokens");
        tokens.MapGet("/", async (ApiTokenService service, HttpContext http, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(http.Actor(), ct)));
        tokens.MapPost("/", async (CreateTokenBody body, ApiTokenService service, HttpContext http, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(http.Actor(), body.Name ?? "", body.ExpiresAt, ct);
            return TypedResults.Created($"/api/v1/tokens/{created.Summary.Id}", created);
        });
        tokens.MapDelete("/{id:guid}", async Task<IResult> (Guid id, ApiTokenService service, HttpContext http, CancellationToken ct) =>
            await service.RevokeAsync(http.Actor(), id, ct) ? TypedResults.NoContent() : TypedResults.Problem(statusCode: 404, title: "Not found", detail: "No active token with that id is yours."));
    }
}
