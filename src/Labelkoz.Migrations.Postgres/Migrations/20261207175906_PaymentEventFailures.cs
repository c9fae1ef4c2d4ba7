using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelkoz.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PaymentEventFailures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PaymentEvents_ProcessedAtUtc_AvailableAtUtc",
                table: "PaymentEvents");

            migrationBuilder.AddColumn<int>(
                name: "Failures",
                table: "PaymentEvents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "PaymentEvents",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastFailedAtUtc",
                table: "PaymentEvents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolutionNote",
                table: "PaymentEvents",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolvedByUserId",
                table: "PaymentEvents",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SetAsideAtUtc",
                table: "PaymentEvents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "PaymentEvents",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentEvents_ProcessedAtUtc_SetAsideAtUtc_AvailableAtUtc",
                table: "PaymentEvents",
                columns: new[] { "ProcessedAtUtc", "SetAsideAtUtc", "AvailableAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PaymentEvents_ProcessedAtUtc_SetAsideAtUtc_AvailableAtUtc",
                table: "PaymentEvents");

            migrationBuilder.DropColumn(
                name: "Failures",
                table: "PaymentEvents");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "PaymentEvents");

            migrationBuilder.DropColumn(
                name: "LastFailedAtUtc",
                table: "PaymentEvents");

            migrationBuilder.DropColumn(
                name: "ResolutionNote",
                table: "PaymentEvents");

            migrationBuilder.DropColumn(
                name: "ResolvedByUserId",
                table: "PaymentEvents");

            migrationBuilder.DropColumn(
                name: "SetAsideAtUtc",
                table: "PaymentEvents");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "PaymentEvents");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentEvents_ProcessedAtUtc_AvailableAtUtc",
                table: "PaymentEvents",
                columns: new[] { "ProcessedAtUtc", "AvailableAtUtc" });
        }
    }
}
