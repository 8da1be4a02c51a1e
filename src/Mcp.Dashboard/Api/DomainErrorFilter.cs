using System.Text.Json;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Schedule;

namespace Mcp.Dashboard.Api;

/// <summary>
/// Turns the domain's refusals into RFC 7807 answers with the right 4xx status, in one place,
/// so endpoints stay a few lines and no refusal ever surfaces as a 500.
/// </summary>
public sealed class DomainErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception exception) when (ToProblem(exception, context.HttpContext) is { } problem)
        {
            return problem;
        }
    }

    public static IResult? ToProblem(Exception exception, HttpContext http) => exception switch
    {
        ValidationFailed failed => TypedResults.ValidationProblem(failed.Errors.ToDictionary(), title: "Some fields need attention."),
        ScheduleValidationException invalid => TypedResults.ValidationProblem(invalid.Errors.ToDictionary(e => e.Key, e => e.Value), title: "Some fields need attention."),
        NotFound notFound => Problem(StatusCodes.Status404NotFound, "Not found", notFound.Message),
        ConcurrencyConflict conflict => Problem(
            http.Request.Headers.IfMatch.Count > 0 ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict,
            "Changed by someone else",
            conflict.Message,
            new Dictionary<string, object?> { ["currentRevision"] = conflict.CurrentRevision, ["currentETag"] = ETags.For(conflict.CurrentRevision) }),
        ScheduleConflictException schedule => Problem(StatusCodes.Status409Conflict, "Schedule conflict", schedule.Message,
            new Dictionary<string, object?> { ["conflicts"] = schedule.Conflicts }),
        PlanRuleViolation violation => Problem(StatusCodes.Status409Conflict, "Not allowed now", violation.Message),
        PlanAccessDenied denied => Problem(StatusCodes.Status403Forbidden, "Forbidden", denied.Message),
        JsonException => Problem(StatusCodes.Status400BadRequest, "Malformed JSON", "The request body is not valid JSON for this endpoint."),
        BadHttpRequestException bad => Problem(bad.StatusCode, "Bad request", bad.Message),
        ArgumentException argument => Problem(StatusCodes.Status400BadRequest, "Bad request", argument.Message),
        _ => null,
    };

    private static IResult Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
}

/// <summary>ETags for revisioned resources: the revision number, quoted.</summary>
public static class ETags
{
    public static string For(int revision) => $"\"{revision}\"";

    /// <summary>
    /// The revision an If-Match header names. A malformed header is a 400 rather than being
    /// ignored, because ignoring it would silently allow an overwrite.
    /// </summary>
    public static int? FromIfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return null;
        }

        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return int.TryParse(value.Trim('"'), out var revision) && revision >= 0
            ? revision
            : throw new ArgumentException("If-Match must be an ETag this API returned, such as \"3\".");
    }
}
