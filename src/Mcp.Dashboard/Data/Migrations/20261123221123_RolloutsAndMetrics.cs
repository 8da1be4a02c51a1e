using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mcp.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class RolloutsAndMetrics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MetricHistory",
                columns: table => new
                {
                    RolloutId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Cohort = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BucketStart = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    Mean = table.Column<double>(type: "REAL", nullable: false),
                    Min = table.Column<double>(type: "REAL", nullable: false),
                    Max = table.Column<double>(type: "REAL", nullable: false),
                    Last = table.Column<double>(type: "REAL", nullable: false),
                    LastAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MetricHistory", x => new { x.RolloutId, x.Metric, x.Cohort, x.BucketStart });
                });

            migrationBuilder.CreateTable(
                name: "Rollouts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WindowId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WindowEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    WindowTimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WindowOverrun = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false),
                    LastVerdict = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rollouts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rollouts_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RolloutEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RolloutId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StepIndex = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RolloutEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RolloutEvents_Rollouts_RolloutId",
                        column: x => x.RolloutId,
                        principalTable: "Rollouts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MetricHistory_BucketStart",
                table: "MetricHistory",
                column: "BucketStart");

            migrationBuilder.CreateIndex(
                name: "IX_RolloutEvents_At",
                table: "RolloutEvents",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_RolloutEvents_RolloutId_Id",
                table: "RolloutEvents",
                columns: new[] { "RolloutId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Rollouts_PlanId",
                table: "Rollouts",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Rollouts_State",
                table: "Rollouts",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MetricHistory");

            migrationBuilder.DropTable(
                name: "RolloutEvents");

            migrationBuilder.DropTable(
                name: "Rollouts");
        }
    }
}
