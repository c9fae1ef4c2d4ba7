using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelkoz.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LedgerAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The ledger is append-only: the database itself refuses to change or delete a row.
            foreach (var table in new[] { "LedgerTransactions", "LedgerLines" })
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
            foreach (var table in new[] { "LedgerTransactions", "LedgerLines" })
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_no_update";""");
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_no_delete";""");
            }
        }
    }
}
