using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelkoz.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OfflineFourEyes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "OfflineSecondAdminAboveCents",
                table: "Municipalities",
                type: "bigint",
                nullable: true);

            // Existing cities take the default four-eyes threshold of new ones (1 500 €, issue #16).
            migrationBuilder.Sql("UPDATE \"Municipalities\" SET \"OfflineSecondAdminAboveCents\" = 150000;");

            migrationBuilder.AddColumn<DateTime>(
                name: "ConfirmedAtUtc",
                table: "Contributions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ConfirmedByUserId",
                table: "Contributions",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OfflineSecondAdminAboveCents",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "ConfirmedAtUtc",
                table: "Contributions");

            migrationBuilder.DropColumn(
                name: "ConfirmedByUserId",
                table: "Contributions");
        }
    }
}
