using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelkoz.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LedgerAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The ledger is append-only: the database itself refuses to change, delete or truncate a row.
            migrationBuilder.Sql("""
                CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'The ledger is append-only';
                END;
                $$;
                """);
            foreach (var table in new[] { "LedgerTransactions", "LedgerLines" })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_no_change" BEFORE UPDATE OR DELETE ON "{table}"
                        FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
                    CREATE TRIGGER "{table}_no_truncate" BEFORE TRUNCATE ON "{table}"
                        FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "LedgerTransactions", "LedgerLines" })
            {
                migrationBuilder.Sql($"""
                    DROP TRIGGER IF EXISTS "{table}_no_truncate" ON "{table}";
                    DROP TRIGGER IF EXISTS "{table}_no_change" ON "{table}";
                    """);
            }

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS ledger_append_only();");
        }
    }
}
