using Mcp.Dashboard.Feeds;
using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Api;
using Mcp.Dashboard.Components;
using Mcp.Dashboard.Localization;
using Mcp.Dashboard.Reports;
using Mcp.Dashboard.Status;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Prometheus;

namespace Mcp.Dashboard.Hosting;

/// <summary>The request pipeline and every endpoint, in the order a request meets them.</summary>
public static class DashboardPipeline
{
    public static WebApplication MapDashboard(this WebApplication app)
    {
        // Unhandled exceptions become a bare 500 problem without details; domain refusals are
        // turned into 4xx by the API's filter long before this.
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        // Empty 4xx answers from the API (401, 403, 404, 405, 413, 415) get a problem body.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());

        app.UseHttpMetrics();

        // Before anything renders: pages, feeds and problem titles speak the reader's language.
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.UseDashboardAssets();
        app.MapStaticAssets();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapMetrics("/metrics");

        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "api-docs";
            ui.SwaggerEndpoint("/openapi/v1.json", "Mcp.Dashboard API v1");
            ui.DocumentTitle = "Mcp.Dashboard API";
        });

        app.MapApi();
        app.MapFeeds();
        app.MapStatusPage();
        app.MapReportDownloads();
        app.MapCultureSwitch();
        Communication.DemoInbox.Map(app);
        app.MapHub<Rollouts.Live.RolloutsHub>(Rollouts.Live.RolloutsHub.Path);
        app.MapAccountEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post with the antiforgery token (the layout's Sign out button), never a GET.
        app.MapPost("/account/signout", async (SignInManager<DashboardUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/signin");
        });
    }
}
