using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelkoz.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Provider",
                table: "Payouts",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Route",
                table: "Payouts",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Manual");

            migrationBuilder.AddColumn<DateTime>(
                name: "TransferAttemptedAtUtc",
                table: "Payouts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TransferError",
                table: "Payouts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PayeeAccounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DetailsSubmitted = table.Column<bool>(type: "INTEGER", nullable: false),
                    TransfersActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    PayoutsEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequirementsDue = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DisabledReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StateAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastBankPayoutCents = table.Column<long>(type: "INTEGER", nullable: true),
                    LastBankPayoutAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastBankPayoutPaid = table.Column<bool>(type: "INTEGER", nullable: true),
                    LastBankPayoutFailure = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
