using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelkoz.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SignupRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BillingAddress",
                table: "Municipalities",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SignupRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InseeCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 5, nullable: false),
                    CommuneName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Siren = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    Population = table.Column<int>(type: "INTEGER", nullable: false),
                    OfficialDomain = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ContactFunction = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ContactOutsideDomain = table.Column<bool>(type: "INTEGER", nullable: false),
                    PlanId = table.Column<long>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BillingStreet = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BillingPostalCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 5, nullable: false),
                    BillingCity = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ConfirmationTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmationExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MunicipalityId = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignupRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignupRequests_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SignupRequests_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignupRequests_ConfirmationTokenHash",
                table: "SignupRequests",
                column: "ConfirmationTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignupRequests_InseeCode",
                table: "SignupRequests",
                column: "InseeCode",
                unique: true,
                filter: "\"Status\" IN ('AwaitingConfirmation', 'Confirmed')");

            migrationBuilder.CreateIndex(
                name: "IX_SignupRequests_MunicipalityId",
                table: "SignupRequests",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_SignupRequests_PlanId",
                table: "SignupRequests",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_SignupRequests_Status_CreatedAtUtc",
                table: "SignupRequests",
                columns: new[] { "Status", "CreatedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignupRequests");

            migrationBuilder.DropColumn(
                name: "BillingAddress",
                table: "Municipalities");
        }
    }
}
