using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Labelkoz.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StripeConnect : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Payouts_CampaignId",
                table: "Payouts");

            migrationBuilder.AddColumn<string>(
                name: "DestinationAccountId",
                table: "Payouts",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Provider",
                table: "Payouts",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Route",
                table: "Payouts",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Manual");

            migrationBuilder.AddColumn<DateTime>(
                name: "TransferAttemptedAtUtc",
                table: "Payouts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TransferError",
                table: "Payouts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PayeeAccounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    Provider = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AccountId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DetailsSubmitted = table.Column<bool>(type: "boolean", nullable: false),
                    TransfersActive = table.Column<bool>(type: "boolean", nullable: false),
                    PayoutsEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    RequirementsDue = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DisabledReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    StateAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastBankPayoutCents = table.Column<long>(type: "bigint", nullable: true),
                    LastBankPayoutAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastBankPayoutPaid = table.Column<bool>(type: "boolean", nullable: true),
                    LastBankPayoutFailure = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PayeeAccounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PayeeAccounts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Payouts_CampaignId_Route",
                table: "Payouts",
                columns: new[] { "CampaignId", "Route" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PayeeAccounts_Provider_AccountId",
                table: "PayeeAccounts",
                columns: new[] { "Provider", "AccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PayeeAccounts_UserId_Provider",
                table: "PayeeAccounts",
                columns: new[] { "UserId", "Provider" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PayeeAccounts");

            migrationBuilder.DropIndex(
                name: "IX_Payouts_CampaignId_Route",
                table: "Payouts");

            migrationBuilder.DropColumn(
                name: "DestinationAccountId",
                table: "Payouts");

            migrationBuilder.DropColumn(
                name: "Provider",
                table: "Payouts");

            migrationBuilder.DropColumn(
                name: "Route",
                table: "Payouts");

            migrationBuilder.DropColumn(
                name: "TransferAttemptedAtUtc",
                table: "Payouts");

            migrationBuilder.DropColumn(
                name: "TransferError",
                table: "Payouts");

            migrationBuilder.CreateIndex(
                name: "IX_Payouts_CampaignId",
                table: "Payouts",
                column: "CampaignId",
                unique: true);
        }
    }
}
