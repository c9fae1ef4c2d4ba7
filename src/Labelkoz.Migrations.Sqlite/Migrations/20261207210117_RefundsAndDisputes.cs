using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelkoz.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAtUtc",
                table: "Payouts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AmountCents",
                table: "PaymentEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FeeCents",
                table: "PaymentEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Dispute",
                table: "Contributions",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<DateTime>(
                name: "DisputeClosedAtUtc",
                table: "Contributions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisputeId",
                table: "Contributions",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DisputeOpenedAtUtc",
                table: "Contributions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DisputedCents",
                table: "Contributions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RefundedCents",
                table: "Contributions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "RewardReleased",
                table: "Contributions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ContributionRefunds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContributionId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProviderRefundId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    AfterSettlement = table.Column<bool>(type: "INTEGER", nullable: false),
                    ByDispute = table.Column<bool>(type: "INTEGER", nullable: false),
                    RefundedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContributionRefunds", x => x.Id);
                    table.CheckConstraint("CK_ContributionRefunds_Amount", "\"AmountCents\" > 0");
                    table.ForeignKey(
                        name: "FK_ContributionRefunds_Contributions_MunicipalityId_ContributionId",
                        columns: x => new { x.MunicipalityId, x.ContributionId },
                        principalTable: "Contributions",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SandboxRefunds",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PaymentId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
            migrationBuilder.Sql("""UPDATE "Contributions" SET "RewardReleased" = 1 WHERE "TierId" IS NOT NULL AND "Status" IN ('Failed', 'Refunded');""");
            migrationBuilder.Sql("""
                INSERT INTO "ContributionRefunds" ("MunicipalityId", "ContributionId", "ProviderRefundId", "AmountCents", "AfterSettlement", "RefundedAtUtc")
                SELECT "MunicipalityId", "Id", COALESCE("ProviderRefundId", 'legacy-' || CAST("Id" AS TEXT)), "AmountCents", 0, COALESCE("RefundedAtUtc", "CreatedAtUtc")
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
