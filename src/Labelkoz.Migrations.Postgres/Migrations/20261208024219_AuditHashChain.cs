using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelkoz.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AuditHashChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AuditEntries",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "AuditEntries",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "AuditEntries",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditChainHeads",
                columns: table => new
                {
                    MunicipalityId = table.Column<long>(type: "bigint", nullable: false),
                    LastSequence = table.Column<long>(type: "bigint", nullable: false),
                    LastHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    VerifiedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    VerifiedIntact = table.Column<bool>(type: "boolean", nullable: true),
                    VerifiedReport = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditChainHeads", x => x.MunicipalityId);
                    table.ForeignKey(
                        name: "FK_AuditChainHeads_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_MunicipalityId_Sequence",
                table: "AuditEntries",
                columns: new[] { "MunicipalityId", "Sequence" },
                unique: true);

            // Hand-written (ADR 21): an entry written before the hash chain may be sealed once, by the
            // start-up backfill (Sequence, PreviousHash and Hash from NULL to values, nothing else).
            // Any other update, a delete or a truncate is still refused.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND OLD."Hash" IS NULL AND OLD."Sequence" IS NULL
                        AND NEW."Hash" IS NOT NULL AND NEW."Sequence" IS NOT NULL AND NEW."PreviousHash" IS NOT NULL
                        AND (NEW."Id", NEW."MunicipalityId", NEW."AtUtc", NEW."ActorUserId", NEW."ActorName", NEW."Action", NEW."SubjectType", NEW."SubjectId", NEW."SubjectLabel", NEW."Details", NEW."Before", NEW."After") IS NOT DISTINCT FROM (OLD."Id", OLD."MunicipalityId", OLD."AtUtc", OLD."ActorUserId", OLD."ActorName", OLD."Action", OLD."SubjectType", OLD."SubjectId", OLD."SubjectLabel", OLD."Details", OLD."Before", OLD."After") THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION 'The audit log is append-only';
                END;
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'The audit log is append-only';
                END;
                $$;
                """);

            migrationBuilder.DropTable(
                name: "AuditChainHeads");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_MunicipalityId_Sequence",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "AuditEntries");
        }
    }
}
