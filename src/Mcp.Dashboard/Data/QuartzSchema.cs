namespace Mcp.Dashboard.Data;

/// <summary>
/// The tables Quartz.NET's persistent job store needs, created by our own migrations so the
/// scheduler never needs rights to change the schema. The script is what Quartz itself
/// provisions for its version (see docs/operations.md to regenerate it after an upgrade).
/// </summary>
internal static class QuartzSchema
{
    public static string CreateSqlite() => ReadScript("quartz-sqlite.sql");

    public static IEnumerable<string> DropSqlite() =>
        new[]
        {
            "QRTZ_FIRED_TRIGGERS", "QRTZ_PAUSED_TRIGGER_GRPS", "QRTZ_PAUSED_JOB_GRPS", "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS",
            "QRTZ_SIMPROP_TRIGGERS", "QRTZ_SIMPLE_TRIGGERS", "QRTZ_CRON_TRIGGERS", "QRTZ_BLOB_TRIGGERS",
            "QRTZ_TRIGGERS", "QRTZ_JOB_DETAILS", "QRTZ_CALENDARS", "QRTZ_EXECUTION_HISTORY", "QRTZ_MISFIRE_HISTORY", "QRTZ_JOB_STATUS",
        }.Select(table => $"DROP TABLE IF EXISTS {table}");

    private static string ReadScript(string name)
    {
        using var stream = typeof(QuartzSchema).Assembly.GetManifestResourceStream($"Mcp.Dashboard.Data.Sql.{name}")
            ?? throw new InvalidOperationException($"The embedded script {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>Database-level guards that keep the audit trail append-only.</summary>
internal static class AuditGuards
{
    public static IEnumerable<string> CreateSqlite() =>
    [
        "CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only'); END",
        "CREATE TRIGGER AuditEntries_NoDelete BEFORE DELETE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only'); END",
    ];

    public static IEnumerable<string> DropSqlite() =>
        ["DROP TRIGGER IF EXISTS AuditEntries_NoUpdate", "DROP TRIGGER IF EXISTS AuditEntries_NoDelete"];
}
