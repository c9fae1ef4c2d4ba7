using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Labelkoz.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TaxReceipts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReceiptIssuerAddress",
                table: "Projects",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceiptIssuerIdentifier",
                table: "Projects",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceiptIssuerName",
                table: "Projects",
                type: "character varying(150)",
                maxLength: 150,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceiptIssuerPurpose",
                table: "Projects",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceiptIssuerQuality",
                table: "Projects",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceiptIssuerSignatoryName",
                table: "Projects",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceiptIssuerSignatoryTitle",
                table: "Projects",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReceiptCounters",
                columns: table => new
                {
                    NumberingKey = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceiptCounters", x => new { x.NumberingKey, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "TaxReceipts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<long>(type: "bigint", nullable: false),
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    ContributionId = table.Column<long>(type: "bigint", nullable: false),
                    NumberingKey = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    BeneficiaryName = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    BeneficiaryIdentifier = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BeneficiaryAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    BeneficiaryObject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    BeneficiaryQuality = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DonorFullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DonorAddress = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    GiftDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProjectTitle = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IssuedAt = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    SignatoryName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    SignatoryTitle = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReplacesReceiptId = table.Column<long>(type: "bigint", nullable: true),
                    ReplacesNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledByUserId = table.Column<long>(type: "bigint", nullable: true),
                    CancellationReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReplacedByNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaxReceipts", x => x.Id);
                    table.UniqueConstraint("AK_TaxReceipts_MunicipalityId_Id", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_TaxReceipts_AspNetUsers_CancelledByUserId",
                        column: x => x.CancelledByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TaxReceipts_Campaigns_MunicipalityId_CampaignId",
                        columns: x => new { x.MunicipalityId, x.CampaignId },
                        principalTable: "Campaigns",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TaxReceipts_Contributions_MunicipalityId_ContributionId",
                        columns: x => new { x.MunicipalityId, x.ContributionId },
                        principalTable: "Contributions",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TaxReceipts_CampaignId_Status",
                table: "TaxReceipts",
                columns: new[] { "CampaignId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TaxReceipts_CancelledByUserId",
                table: "TaxReceipts",
                column: "CancelledByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_TaxReceipts_ContributionId",
                table: "TaxReceipts",
                column: "ContributionId",
                unique: true,
                filter: "\"Status\" = 'Issued'");

            migrationBuilder.CreateIndex(
                name: "IX_TaxReceipts_MunicipalityId_CampaignId",
                table: "TaxReceipts",
                columns: new[] { "MunicipalityId", "CampaignId" });

            migrationBuilder.CreateIndex(
                name: "IX_TaxReceipts_MunicipalityId_ContributionId",
                table: "TaxReceipts",
                columns: new[] { "MunicipalityId", "ContributionId" });

            migrationBuilder.CreateIndex(
                name: "IX_TaxReceipts_NumberingKey_Year_Sequence",
                table: "TaxReceipts",
                columns: new[] { "NumberingKey", "Year", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReceiptCounters");

            migrationBuilder.DropTable(
                name: "TaxReceipts");

            migrationBuilder.DropColumn(
                name: "ReceiptIssuerAddress",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "ReceiptIssuerIdentifier",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "ReceiptIssuerName",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "ReceiptIssuerPurpose",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "ReceiptIssuerQuality",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "ReceiptIssuerSignatoryName",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "ReceiptIssuerSignatoryTitle",
                table: "Projects");
        }
    }
}
