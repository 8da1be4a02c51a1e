using Mcp.Dashboard.Compatibility;
using Mcp.Dashboard.Domain.Compatibility;
using Mcp.Dashboard.Hosting;

namespace Mcp.Dashboard.Api;

public sealed record UpgradeRuleResponse(Guid Id, UpgradePathRuleKind Kind, string From, string To, string? Via, string? Reason, string Summary, string UpdatedBy, DateTimeOffset UpdatedAt, int Revision)
{
    public static UpgradeRuleResponse Of(StoredUpgradeRule rule) =>
        new(rule.Id, rule.Kind, rule.From, rule.To, rule.Via, rule.Reason, rule.ToRule().ToString(), rule.UpdatedBy, rule.UpdatedAt, rule.Revision);
}

public sealed record CompatibilityCheckResponse(bool IsCompatible, IReadOnlyList<CompatibilityFinding> Findings, IReadOnlyList<string> SuggestedPath);

/// <summary>Upgrade-path rules and the compatibility check.</summary>
public static class CompatibilityEndpoints
{
    public static void MapCompatibility(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/compatibility").WithTags("Compatibility");

        group.MapGet("/rules", async (CompatibilityService service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListAsync(ct)).Select(UpgradeRuleResponse.Of)));

        group.MapPost("/rules", async (UpgradePathRuleForm body, CompatibilityService service, HttpContext http, CancellationToken ct) =>
        {
            var rule = await service.CreateAsync(http.Actor(), body, ct);
            http.Response.Headers.ETag = ETags.For(rule.Revision);
            return TypedResults.Created($"/api/v1/compatibility/rules/{rule.Id}", UpgradeRuleResponse.Of(rule));
        }).RequireAuthorization(DashboardServices.Authors);

        group.MapPut("/rules/{id:guid}", async (Guid id, UpgradePathRuleForm body, CompatibilityService service, HttpContext http, CancellationToken ct) =>
        {
            var rule = await service.UpdateAsync(http.Actor(), id, body, ETags.RequireIfMatch(http.Request), ct);
            http.Response.Headers.ETag = ETags.For(rule.Revision);
            return TypedResults.Ok(UpgradeRuleResponse.Of(rule));
        }).RequireAuthorization(DashboardServices.Authors);

        group.MapDelete("/rules/{id:guid}", async (Guid id, CompatibilityService service, HttpContext http, CancellationToken ct) =>
        {
            await service.DeleteAsync(http.Actor(), id, http.Request.Headers["X-Change-Reason"].ToString(), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(DashboardServices.Authors);

        group.MapGet("/check", async Task<IResult> (string from, string to, CompatibilityService service, CancellationToken ct) =>
        {
            if (CompatibilityService.VersionProblem(from, to) is { } problem)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [problem.StartsWith("from", StringComparison.Ordinal) ? "from" : "to"] = [problem] });
            }

            var result = (await service.CheckAsync(from, to, ct))!;
            return TypedResults.Ok(new CompatibilityCheckResponse(result.IsCompatible, result.Findings, result.SuggestedPath.Select(v => v.ToString()).ToList()));
        });
    }
}
