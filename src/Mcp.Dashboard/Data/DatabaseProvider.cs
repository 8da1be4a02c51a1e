using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mcp.Dashboard.Data;

/// <summary>
/// Everything that depends on which database engine runs under the dashboard lives here,
/// so adding PostgreSQL means adding a case, not touching features.
/// </summary>
public static class DatabaseProvider
{
    public const string Sqlite = "Sqlite";

    /// <summary>Milliseconds a writer waits for another writer before giving up.</summary>
    public const int BusyTimeoutMilliseconds = 5000;

    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database, string connectionString)
    {
        switch (database.Provider)
        {
            case Sqlite:
                options.UseSqlite(PrepareSqlite(connectionString), sqlite => sqlite
                    .MigrationsAssembly(typeof(DashboardDbContext).Assembly.FullName)
                    .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                options.AddInterceptors(SqlitePragmas.Instance);
                break;
            default:
                throw new InvalidOperationException($"Database provider '{database.Provider}' is not supported; use '{Sqlite}'.");
        }
    }

    /// <summary>Makes sure the folder of a SQLite file exists and the timeout is set.</summary>
    public static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } file && builder.Mode != SqliteOpenMode.Memory && file != ":memory:")
        {
            var fullPath = Path.GetFullPath(file);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            builder.DataSource = fullPath;
        }

        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, BusyTimeoutMilliseconds / 1000);
        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>
    /// Puts the database in WAL mode, once, before anything else opens it: readers (hundreds of
    /// browser circuits) then proceed while one writer commits. WAL is a property of the file,
    /// so it is not repeated per connection (switching modes while others have the file open
    /// fails).
    /// </summary>
    public static async Task PrepareAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>
    /// Per connection: the busy timeout makes a second writer wait instead of failing at once;
    /// NORMAL sync is durable enough in WAL mode and much faster.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection) => ApplyPragmas(connection, foreignKeys: true);
    }

    private static void ApplyPragmas(DbConnection connection, bool foreignKeys)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout={BusyTimeoutMilliseconds}; PRAGMA synchronous=NORMAL;{(foreignKeys ? " PRAGMA foreign_keys=ON;" : "")}";
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// The provider Quartz opens its connections with: SQLite's, with the same per-connection
    /// settings EF's connections get. Without it every scheduler commit (a trigger stored, a
    /// rollback fired) waited for a full sync of the WAL, and rollbacks queued behind them.
    /// Quartz's own schema declares no foreign keys, so those stay as SQLite has them.
    /// </summary>
    public static DbProviderFactory SqliteForScheduler { get; } = new SchedulerSqliteFactory();

    private sealed class SchedulerSqliteFactory : DbProviderFactory
    {
        public override DbConnection CreateConnection() => new SchedulerSqliteConnection();

        public override DbCommand CreateCommand() => SqliteFactory.Instance.CreateCommand();

        public override DbParameter CreateParameter() => SqliteFactory.Instance.CreateParameter();

        public override DbConnectionStringBuilder CreateConnectionStringBuilder() => SqliteFactory.Instance.CreateConnectionStringBuilder();
    }

    private sealed class SchedulerSqliteConnection : SqliteConnection
    {
        public override void Open()
        {
            base.Open();
            ApplyPragmas(this, foreignKeys: false);
        }
    }
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Which engine: only <c>Sqlite</c> today.</summary>
    public string Provider { get; set; } = DatabaseProvider.Sqlite;
}
