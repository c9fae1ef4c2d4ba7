using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Labelkoz.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RefundsAndDisputes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RefundedCents",
                table: "SandboxPayments",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAtUtc",
                table: "Payouts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AmountCents",
                table: "PaymentEvents",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FeeCents",
                table: "PaymentEvents",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Dispute",
                table: "Contributions",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<DateTime>(
                name: "DisputeClosedAtUtc",
                table: "Contributions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisputeId",
                table: "Contributions",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DisputeOpenedAtUtc",
                table: "Contributions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DisputedCents",
                table: "Contributions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RefundedCents",
                table: "Contributions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "RewardReleased",
                table: "Contributions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ContributionRefunds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<long>(type: "bigint", nullable: false),
                    ContributionId = table.Column<long>(type: "bigint", nullable: false),
                    ProviderRefundId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    AfterSettlement = table.Column<bool>(type: "boolean", nullable: false),
                    ByDispute = table.Column<bool>(type: "boolean", nullable: false),
                    RefundedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContributionRefunds", x => x.Id);
                    table.CheckConstraint("CK_ContributionRefunds_Amount", "\"AmountCents\" > 0");
                    table.ForeignKey(
                        name: "FK_ContributionRefunds_Contributions_MunicipalityId_Contributi~",
                        columns: x => new { x.MunicipalityId, x.ContributionId },
                        principalTable: "Contributions",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SandboxRefunds",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PaymentId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SandboxRefunds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SandboxRefunds_SandboxPayments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "SandboxPayments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Contributions_Dispute",
                table: "Contributions",
                column: "Dispute");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Contributions_Refunded",
                table: "Contributions",
                sql: "\"RefundedCents\" >= 0 AND \"RefundedCents\" <= \"AmountCents\"");

            // What was refunded before refunds could be partial was refunded in full, once.
            migrationBuilder.Sql("""UPDATE "Contributions" SET "RefundedCents" = "AmountCents" WHERE "Status" = 'Refunded';""");
            migrationBuilder.Sql("""UPDATE "Contributions" SET "RewardReleased" = TRUE WHERE "TierId" IS NOT NULL AND "Status" IN ('Failed', 'Refunded');""");
            migrationBuilder.Sql("""
                INSERT INTO "ContributionRefunds" ("MunicipalityId", "ContributionId", "ProviderRefundId", "AmountCents", "AfterSettlement", "RefundedAtUtc")
                SELECT "MunicipalityId", "Id", COALESCE("ProviderRefundId", 'legacy-' || CAST("Id" AS TEXT)), "AmountCents", FALSE, COALESCE("RefundedAtUtc", "CreatedAtUtc")
                FROM "Contributions" WHERE "Status" = 'Refunded';
                """);
            migrationBuilder.Sql("""UPDATE "SandboxPayments" SET "RefundedCents" = "AmountCents" WHERE "Status" = 'Refunded';""");
            migrationBuilder.Sql("""
                INSERT INTO "SandboxRefunds" ("Id", "PaymentId", "IdempotencyKey", "AmountCents", "CreatedAtUtc")
                SELECT "RefundId", "Id", 'legacy-' || "Id", "AmountCents", COALESCE("RefundedAtUtc", "CreatedAtUtc")
                FROM "SandboxPayments" WHERE "Status" = 'Refunded' AND "RefundId" IS NOT NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ContributionRefunds_ContributionId_ProviderRefundId",
                table: "ContributionRefunds",
                columns: new[] { "ContributionId", "ProviderRefundId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContributionRefunds_MunicipalityId_ContributionId",
                table: "ContributionRefunds",
                columns: new[] { "MunicipalityId", "ContributionId" });

            migrationBuilder.CreateIndex(
                name: "IX_SandboxRefunds_IdempotencyKey",
                table: "SandboxRefunds",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SandboxRefunds_PaymentId",
                table: "SandboxRefunds",
                column: "PaymentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContributionRefunds");

            migrationBuilder.DropTable(
                name: "SandboxRefunds");

            migrationBuilder.DropIndex(
                name: "IX_Contributions_Dispute",
                table: "Contributions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Contributions_Refunded",
                table: "Contributions");

            migrationBuilder.DropColumn(
                name: "RefundedCents",
                table: "SandboxPayments");

            migrationBuilder.DropColumn(
                name: "CancelledAtUtc",
                table: "Payouts");

            migrationBuilder.DropColumn(
                name: "AmountCents",
                table: "PaymentEvents");

            migrationBuilder.DropColumn(
                name: "FeeCents",
                table: "PaymentEvents");

            migrationBuilder.DropColumn(
                name: "Dispute",
                table: "Contributions");

            migrationBuilder.DropColumn(
                name: "DisputeClosedAtUtc",
                table: "Contributions");

            migrationBuilder.DropColumn(
                name: "DisputeId",
                table: "Contributions");

            migrationBuilder.DropColumn(
                name: "DisputeOpenedAtUtc",
                table: "Contributions");

            migrationBuilder.DropColumn(
                name: "DisputedCents",
                table: "Contributions");

            migrationBuilder.DropColumn(
                name: "RefundedCents",
                table: "Contributions");

            migrationBuilder.DropColumn(
                name: "RewardReleased",
                table: "Contributions");
        }
    }
}
