namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>Collects validation messages per field, in the shape a ValidationProblem wants.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors.Add(field, messages);
        }

        messages.Add(message);
    }

    public void RequireName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            Add(ScheduleFieldNames.Name, "A name is required.");
        }
    }

    public void CheckEnvironment(string? environment)
    {
        if (environment is not null && string.IsNullOrWhiteSpace(environment))
        {
            Add(ScheduleFieldNames.Environment, "Give an environment name, or none to apply to every environment.");
        }
    }

    /// <summary>Resolves the zone, recording an error under <c>timeZone</c> when it is missing or unknown.</summary>
    public TimeZoneInfo? CheckTimeZone(string? timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            Add(ScheduleFieldNames.TimeZone, "A time zone is required (an IANA id such as Asia/Shanghai).");
            return null;
        }

        if (!WallClock.TryFindZone(timeZoneId, out var zone))
        {
            Add(ScheduleFieldNames.TimeZone, $"'{timeZoneId}' is not a known IANA time zone id (for example Asia/Shanghai or Europe/Berlin).");
            return null;
        }

        return zone;
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);

    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw new ScheduleValidationException(ToDictionary());
        }
    }
}
