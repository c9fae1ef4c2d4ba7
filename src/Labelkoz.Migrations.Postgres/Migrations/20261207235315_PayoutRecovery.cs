using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelkoz.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PayoutRecovery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RecoveryAttemptedAtUtc",
                table: "Payouts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RecoveryCents",
                table: "Payouts",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecoveryError",
                table: "Payouts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecoveryKey",
                table: "Payouts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RecoveryAttemptedAtUtc",
                table: "Payouts");

            migrationBuilder.DropColumn(
                name: "RecoveryCents",
                table: "Payouts");

            migrationBuilder.DropColumn(
                name: "RecoveryError",
                table: "Payouts");

            migrationBuilder.DropColumn(
                name: "RecoveryKey",
                table: "Payouts");
        }
    }
}
