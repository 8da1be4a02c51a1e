using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mcp.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class RolloutStepVerdicts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StepVerdicts",
                table: "Rollouts",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StepVerdicts",
                table: "Rollouts");
        }
    }
}
