using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Audit;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Hosting;
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
                return await next(context);
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
        return app;
    }

    /// <summary>The calling person, from the cookie or the API token.</summary>
    public static Actor Actor(this HttpContext http) => http.User.ToActor();
}
