using System.Text.Json;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
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
        PreconditionRequired required => Problem(StatusCodes.Status428PreconditionRequired, "If-Match required", required.Message),
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
        RolloutRuleViolation violation => Problem(StatusCodes.Status409Conflict, "Not allowed now", violation.Message),
        PlanAccessDenied denied => Problem(StatusCodes.Status403Forbidden, "Forbidden", denied.Message),
        JsonException => Problem(StatusCodes.Status400BadRequest, "Malformed JSON", "The request body is not valid JSON for this endpoint."),
        BadHttpRequestException bad => Problem(bad.StatusCode, "Bad request", bad.Message),
        ArgumentException argument => Problem(StatusCodes.Status400BadRequest, "Bad request", argument.Message),
        _ => null,
    };

    private static IResult Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
}

/// <summary>A write to a revisioned resource came without If-Match (API: 428).</summary>
public sealed class PreconditionRequired(string message) : InvalidOperationException(message);

/// <summary>ETags for revisioned resources: the revision number, quoted.</summary>
public static class ETags
{
    public static string For(int revision) => $"\"{revision}\"";

    /// <summary>
    /// The revision an If-Match header names, for writes that replace or delete a revisioned
    /// resource. Without it a script would overwrite whatever someone else saved, so it is
    /// required (428); a malformed one is a 400 rather than being ignored; a weak tag never
    /// matches (If-Match compares strongly), so it gets the 412 a stale tag gets.
    /// </summary>
    /// <returns>The revision, or null for <c>*</c> ("whatever is there": the caller says so explicitly).</returns>
    public static int? RequireIfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
        {
            throw new PreconditionRequired("Send If-Match with the ETag you read (GET returns it), so you never overwrite someone else's change unseen.");
        }

        return FromIfMatch(request);
    }

    /// <summary>The revision an optional If-Match names; null when absent or "*".</summary>
    public static int? FromIfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return null;
        }

        var tags = header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (tags.Any(tag => tag.StartsWith("W/", StringComparison.Ordinal)))
        {
            return WeakNeverMatches;
        }

        if (tags.Length != 1 || !int.TryParse(tags[0].Trim('"'), out var revision) || revision < 0 || !tags[0].StartsWith('"'))
        {
            throw new ArgumentException("If-Match must be one ETag this API returned, such as \"3\".");
        }

        return revision;
    }

    // A revision no resource has, so the comparison fails and the caller gets 412.
    private const int WeakNeverMatches = int.MinValue;
}
