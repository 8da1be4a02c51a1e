using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Audit;
using Mcp.Dashboard.Communication;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Hosting;
using Mcp.Dashboard.Reports;
using Mcp.Dashboard.Status;
using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Api;

/// <summary>The REST API v1: one group, one file per resource.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<DashboardOptions>>().Value;
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(DashboardServices.SignedIn)
            .AddEndpointFilter<DomainErrorFilter>()
            .AddEndpointFilter(async (context, next) =>
            {
                AuditTrail.Channel = "api";
                return RefuseCrossSiteWrite(context.HttpContext) ?? await next(context);
            })
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(options.MaxRequestBodyBytes))
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapEnvironments();
        api.MapPlans();
        api.MapCompatibility();
        api.MapSchedule();
        api.MapAudit();
        api.MapTokens();
        api.MapRollouts();
        api.MapRolloutMetrics();
        api.MapStatusNotes();
        api.MapReportsApi();
        api.MapCommunication();
        return app;
    }

    /// <summary>
    /// A write authenticated by the browser's cookie must carry <c>X-Requested-With</c>. A page on
    /// another site (even a sibling subdomain, which SameSite=Lax lets through) cannot add a
    /// custom header without a CORS preflight we never grant; scripts use bearer tokens anyway.
    /// </summary>
    private static IResult? RefuseCrossSiteWrite(HttpContext http)
    {
        var isWrite = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
        var byCookie = !ApiTokenAuthenticationHandler.TryReadBearer(http.Request, out _);
        return isWrite && byCookie && !http.Request.Headers.ContainsKey("X-Requested-With")
            ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused",
                detail: "Writes signed in by cookie need the X-Requested-With header; scripts should use an API token.")
            : null;
    }

    /// <summary>The calling person, from the cookie or the API token.</summary>
    public static Actor Actor(this HttpContext http) => http.User.ToActor();
}
