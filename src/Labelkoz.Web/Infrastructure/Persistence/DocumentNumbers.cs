using Labelkoz.Data;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Infrastructure.Persistence;

/// <summary>
/// Gap-free document numbers (tax receipts per issuing body, invoices per year): a counter row
/// (<see cref="Domain.Funding.ReceiptCounter"/>, keyed by series and year) raised inside the
/// transaction that writes the documents. The update holds the row's lock until the commit
/// (PostgreSQL) or the database's write lock (SQLite), so concurrent writers wait their turn; a
/// rollback gives the numbers back. ADR 12.
/// </summary>
public static class DocumentNumbers
{
    /// <summary>Reserves <paramref name="count"/> consecutive numbers of a series for a year; returns the first.</summary>
    public static async Task<int> ReserveAsync(AppDbContext db, string series, int year, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Document numbers are reserved inside the transaction that writes the documents.");
        }

        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "ReceiptCounters" ("NumberingKey", "Year", "Last") VALUES ({series}, {year}, 0) ON CONFLICT DO NOTHING""",
            cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""UPDATE "ReceiptCounters" SET "Last" = "Last" + {count} WHERE "NumberingKey" = {series} AND "Year" = {year}""",
            cancellationToken);
        var last = await db.ReceiptCounters.AsNoTracking().Where(c => c.NumberingKey == series && c.Year == year).Select(c => c.Last).SingleAsync(cancellationToken);
        return last - count + 1;
    }
}
