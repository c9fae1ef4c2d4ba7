using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelkoz.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Hand-written, no model change: the triggers that make the audit log and the ledger append-only
    /// (the database itself refuses to change, delete or truncate a row). Kept out of the generated
    /// Initial so that regenerating the schema never loses them.
    /// </summary>
    public partial class AppendOnlyTriggers : Migration
    {
        private static readonly string[] LedgerTables = ["LedgerTransactions", "LedgerLines"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit log is append-only: the database itself refuses to change or delete an entry.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'The audit log is append-only';
                END;
                $$;
                CREATE TRIGGER "AuditEntries_no_change" BEFORE UPDATE OR DELETE ON "AuditEntries"
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
                CREATE TRIGGER "AuditEntries_no_truncate" BEFORE TRUNCATE ON "AuditEntries"
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
                """);

            // The ledger is append-only: the database itself refuses to change, delete or truncate a row.
            migrationBuilder.Sql("""
                CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'The ledger is append-only';
                END;
                $$;
                """);
            foreach (var table in LedgerTables)
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
            foreach (var table in LedgerTables)
            {
                migrationBuilder.Sql($"""
                    DROP TRIGGER IF EXISTS "{table}_no_truncate" ON "{table}";
                    DROP TRIGGER IF EXISTS "{table}_no_change" ON "{table}";
                    """);
            }

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS ledger_append_only();");

            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "AuditEntries_no_truncate" ON "AuditEntries";
                DROP TRIGGER IF EXISTS "AuditEntries_no_change" ON "AuditEntries";
                DROP FUNCTION IF EXISTS audit_entries_append_only();
                """);
        }
    }
}
