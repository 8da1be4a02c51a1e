using System.Text;
using Mcp.Dashboard.Hosting;

namespace Mcp.Dashboard.Reports;

public static class ReportEndpoints
{
    /// <summary>
    /// <c>GET /rollouts/{id}/report.md?tz=Asia/Shanghai</c>: the report as a Markdown download,
    /// for signed-in readers (the browser's cookie; an anonymous one is sent to sign in).
    /// </summary>
    public static IEndpointRouteBuilder MapReportDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/rollouts/{id:guid}/report.md", async (Guid id, string? tz, RolloutReports reports, RolloutReportMarkdown markdown, CancellationToken ct) =>
                await reports.FindAsync(id, ct) is { } report
                    ? MarkdownFile(report, markdown.Write(report, ReaderClock.For(tz)))
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Rollout {id} was not found."))
            .RequireAuthorization(DashboardServices.SignedIn)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The report and insight endpoints of the REST API (inside the signed-in /api/v1 group).</summary>
    public static void MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/rollouts/{id:guid}/report", async (Guid id, string? format, string? tz, RolloutReports reports, RolloutReportMarkdown markdown, CancellationToken ct) =>
        {
            if (format is not (null or "json" or "markdown"))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "format must be 'json' or 'markdown'.");
            }

            if (await reports.FindAsync(id, ct) is not { } report)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Rollout {id} was not found.");
            }

            return format == "markdown" ? MarkdownFile(report, markdown.Write(report, ReaderClock.For(tz))) : Results.Ok(report);
        }).WithTags("Reports")
            .WithSummary("A rollout's report: header, timeline, time per phase, verdicts per step, metrics against the baseline, checklists, rollback. ?format=markdown downloads it (times in ?tz=, default UTC).");

        api.MapGet("/insight", async (int? days, string? environment, DeliveryInsights insights, CancellationToken ct) =>
        {
            if (days is < 1 or > DeliveryInsights.MaxDays)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: $"days must be between 1 and {DeliveryInsights.MaxDays}.");
            }

            if (environment is not null && !Domain.Inventory.Names.IsValid(environment))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "environment must be an environment name such as 'production'.");
            }

            return Results.Ok(await insights.ComputeAsync(days ?? 30, environment, ct));
        }).WithTags("Reports")
            .WithSummary("Delivery insight across plans: success rate, rollbacks by cause and reason, time per phase (median, p90) per strategy, windows kept vs overrun, recent rollouts.");
    }

    private static IResult MarkdownFile(RolloutReport report, string markdown) =>
        Results.File(Encoding.UTF8.GetBytes(markdown), "text/markdown; charset=utf-8", $"rollout-report-{report.RolloutId:N}.md");
}
