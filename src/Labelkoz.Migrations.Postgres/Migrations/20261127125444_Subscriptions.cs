using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Labelkoz.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Subscriptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Plans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    MinPopulation = table.Column<int>(type: "integer", nullable: false),
                    MaxPopulation = table.Column<int>(type: "integer", nullable: true),
                    MonthlyPriceCents = table.Column<long>(type: "bigint", nullable: false),
                    YearlyPriceCents = table.Column<long>(type: "bigint", nullable: false),
                    FeeBasisPoints = table.Column<int>(type: "integer", nullable: false),
                    MaxOpenCalls = table.Column<int>(type: "integer", nullable: true),
                    MatchfundingAllowed = table.Column<bool>(type: "boolean", nullable: false),
                    IsOffered = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Subscriptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<long>(type: "bigint", nullable: false),
                    PlanId = table.Column<long>(type: "bigint", nullable: false),
                    Period = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TrialEndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    InvoicedUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    NextPlanId = table.Column<long>(type: "bigint", nullable: true),
                    NextPeriod = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Subscriptions", x => x.Id);
                    table.UniqueConstraint("AK_Subscriptions_MunicipalityId_Id", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_Subscriptions_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Subscriptions_Plans_NextPlanId",
                        column: x => x.NextPlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Subscriptions_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Invoices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<long>(type: "bigint", nullable: false),
                    SubscriptionId = table.Column<long>(type: "bigint", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    PlanId = table.Column<long>(type: "bigint", nullable: false),
                    PlanName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Period = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AmountExcludingVatCents = table.Column<long>(type: "bigint", nullable: false),
                    VatCents = table.Column<long>(type: "bigint", nullable: false),
                    AmountIncludingVatCents = table.Column<long>(type: "bigint", nullable: false),
                    BuyerName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    BuyerSiren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    BuyerAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SellerName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    SellerSiren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    SellerVatNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SellerAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SellerIban = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SellerBic = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PaymentReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PaymentRecordedByUserId = table.Column<long>(type: "bigint", nullable: true),
                    PaymentRecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IssuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invoices", x => x.Id);
                    table.UniqueConstraint("AK_Invoices_MunicipalityId_Id", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_Invoices_AspNetUsers_PaymentRecordedByUserId",
                        column: x => x.PaymentRecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Invoices_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Invoices_Subscriptions_MunicipalityId_SubscriptionId",
                        columns: x => new { x.MunicipalityId, x.SubscriptionId },
                        principalTable: "Subscriptions",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_IssuedOn",
                table: "Invoices",
                column: "IssuedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_MunicipalityId_SubscriptionId",
                table: "Invoices",
                columns: new[] { "MunicipalityId", "SubscriptionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_PaymentRecordedByUserId",
                table: "Invoices",
                column: "PaymentRecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_PlanId",
                table: "Invoices",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_Status_DueOn",
                table: "Invoices",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_SubscriptionId_PeriodStart",
                table: "Invoices",
                columns: new[] { "SubscriptionId", "PeriodStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_Year_Sequence",
                table: "Invoices",
                columns: new[] { "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Plans_Name",
                table: "Plans",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_MunicipalityId",
                table: "Subscriptions",
                column: "MunicipalityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_NextPlanId",
                table: "Subscriptions",
                column: "NextPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_PlanId",
                table: "Subscriptions",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_Status_InvoicedUntil",
                table: "Subscriptions",
                columns: new[] { "Status", "InvoicedUntil" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Invoices");

            migrationBuilder.DropTable(
                name: "Subscriptions");

            migrationBuilder.DropTable(
                name: "Plans");
        }
    }
}
