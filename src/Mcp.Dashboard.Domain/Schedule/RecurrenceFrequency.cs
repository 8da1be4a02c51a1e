namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>
/// How often a recurrence repeats: the RFC 5545 <c>FREQ</c> rule part. Sub-daily frequencies
/// (SECONDLY, MINUTELY, HOURLY) are deliberately not supported; several times a day is
/// expressed with <c>BYHOUR</c> and <c>BYMINUTE</c>.
/// </summary>
public enum RecurrenceFrequency
{
    Daily = 0,
    Weekly = 1,
    Monthly = 2,
    Yearly = 3,
}
