using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mcp.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlanLastRevisedBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LastRevisedBy",
                table: "Plans",
                type: "TEXT",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastRevisedBy",
                table: "Plans");
        }
    }
}
