namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>
/// The keys of <see cref="ScheduleValidationException.Errors"/> and of the error dictionaries the
/// schedule types return, so the web layer can map them onto form fields.
/// </summary>
public static class ScheduleFieldNames
{
    public const string Name = "name";
    public const string Start = "start";
    public const string End = "end";
    public const string Duration = "duration";
    public const string TimeZone = "timeZone";
    public const string Rule = "rule";
    public const string Environment = "environment";
    public const string Length = "length";
    public const string Horizon = "horizon";
    public const string Count = "count";
    public const string Alignment = "alignment";
}
