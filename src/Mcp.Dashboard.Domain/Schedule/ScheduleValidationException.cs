namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>
/// Schedule input that cannot be accepted. <see cref="Errors"/> is keyed by field (see
/// <see cref="ScheduleFieldNames"/>) so the web layer can return it as a validation problem.
/// </summary>
public sealed class ScheduleValidationException : Exception
{
    public ScheduleValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(Summarize(errors))
    {
        Errors = errors;
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    private static string Summarize(IReadOnlyDictionary<string, string[]> errors) =>
        "Invalid schedule input: " + string.Join(" ", errors.SelectMany(pair => pair.Value.Select(message => $"{pair.Key}: {message}")));
}
