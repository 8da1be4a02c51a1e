namespace Mcp.Dashboard.Domain;

/// <summary>Input that breaks field rules; carries the messages per field (API: 400).</summary>
public sealed class ValidationFailed(ValidationErrors errors)
    : ArgumentException("Some fields need attention: " + errors)
{
    public ValidationErrors Errors { get; } = errors;

    public static ValidationFailed For(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return new ValidationFailed(errors);
    }
}

/// <summary>The thing asked for does not exist (API: 404).</summary>
public sealed class NotFound(string what) : KeyNotFoundException($"{what} was not found.");

/// <summary>
/// Someone else changed the thing since the caller read it (API: 412 with If-Match, 409
/// otherwise). Carries the current revision so the caller can reload and compare.
/// </summary>
public sealed class ConcurrencyConflict(string message, int currentRevision) : InvalidOperationException(message)
{
    public int CurrentRevision { get; } = currentRevision;
}

/// <summary>A booking that collides with blackouts or other plans' windows (API: 409).</summary>
public sealed class ScheduleConflictException(string message, IReadOnlyList<string> conflicts) : InvalidOperationException(message)
{
    public IReadOnlyList<string> Conflicts { get; } = conflicts;
}
