using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelkoz.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Hand-written, no model change: the triggers that make the audit log and the ledger append-only
    /// (the database itself refuses to change or delete a row). Kept out of the generated Initial so
    /// that regenerating the schema never loses them, and applied after it, outside any table rebuild
    /// (a SQLite table rebuild drops the table's triggers).
    /// </summary>
    public partial class AppendOnlyTriggers : Migration
    {
        private static readonly string[] LedgerTables = ["LedgerTransactions", "LedgerLines"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit log is append-only: the database itself refuses to change or delete an entry.
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_no_delete" BEFORE DELETE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;
                """);

            // The ledger is append-only: the database itself refuses to change or delete a row.
            foreach (var table in LedgerTables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_no_update" BEFORE UPDATE ON "{table}"
                    BEGIN SELECT RAISE(ABORT, 'The ledger is append-only'); END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_no_delete" BEFORE DELETE ON "{table}"
                    BEGIN SELECT RAISE(ABORT, 'The ledger is append-only'); END;
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in LedgerTables)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_no_update";""");
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_no_delete";""");
            }

            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_no_update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_no_delete";""");
        }
    }
}
