using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mcp.Dashboard.Data.Migrations;

/// <summary>
/// Quartz's persistent store tables and the audit trail's append-only triggers. Hand-written:
/// neither is part of the EF model, so the model snapshot does not change.
/// </summary>
[DbContext(typeof(DashboardDbContext))]
[Migration("20261123213036_SchedulerStoreAndAuditGuards")]
public sealed class SchedulerStoreAndAuditGuards : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsSqlite())
        {
            throw new NotSupportedException("Only SQLite is supported by this migration so far.");
        }

        migrationBuilder.Sql(QuartzSchema.CreateSqlite());
        foreach (var statement in AuditGuards.CreateSqlite())
        {
            migrationBuilder.Sql(statement);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var statement in AuditGuards.DropSqlite().Concat(QuartzSchema.DropSqlite()))
        {
            migrationBuilder.Sql(statement);
        }
    }
}
