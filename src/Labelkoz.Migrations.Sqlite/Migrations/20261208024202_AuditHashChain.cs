using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelkoz.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "AuditEntries",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditChainHeads",
                columns: table => new
                {
                    MunicipalityId = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    LastHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    VerifiedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VerifiedIntact = table.Column<bool>(type: "INTEGER", nullable: true),
                    VerifiedReport = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
            // Any other change is still refused. The columns above are added without a table rebuild,
            // so the delete trigger stays as it was.
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_no_update";""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries"
                WHEN NOT (OLD."Hash" IS NULL AND OLD."Sequence" IS NULL AND NEW."Hash" IS NOT NULL AND NEW."Sequence" IS NOT NULL AND NEW."PreviousHash" IS NOT NULL
                    AND NEW."Id" IS OLD."Id" AND NEW."MunicipalityId" IS OLD."MunicipalityId" AND NEW."AtUtc" IS OLD."AtUtc" AND NEW."ActorUserId" IS OLD."ActorUserId" AND NEW."ActorName" IS OLD."ActorName" AND NEW."Action" IS OLD."Action" AND NEW."SubjectType" IS OLD."SubjectType" AND NEW."SubjectId" IS OLD."SubjectId" AND NEW."SubjectLabel" IS OLD."SubjectLabel" AND NEW."Details" IS OLD."Details" AND NEW."Before" IS OLD."Before" AND NEW."After" IS OLD."After")
                BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_no_update";""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;
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
