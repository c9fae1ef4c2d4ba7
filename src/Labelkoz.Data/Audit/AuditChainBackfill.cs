using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Data.Audit;

/// <summary>
/// Seals the entries written before the hash chain existed (ADR 21): per city, under the head's
/// lock, in the order they happened (time, then id), after whatever the head already holds. The
/// database lets an unsealed entry be sealed once and refuses every other change. Idempotent: a
/// second run finds nothing to seal.
/// </summary>
public static class AuditChainBackfill
{
    /// <summary>Returns how many entries were sealed.</summary>
    public static async Task<int> RunAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cities = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.Sequence == null)
            .Select(e => e.MunicipalityId)
            .Distinct()
            .OrderBy(id => id)
            .ToListAsync(cancellationToken);
        var sealedCount = 0;
        foreach (var city in cities)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var head = (await db.Database.SqlQuery<AuditChainSealer.HeadRow>(AuditChainSealer.LockHead(city)).ToListAsync(cancellationToken)).Single();
            var entries = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.MunicipalityId == city && e.Sequence == null)
                .OrderBy(e => e.AtUtc)
                .ThenBy(e => e.Id)
                .ToListAsync(cancellationToken);
            var (sequence, hash) = AuditChainSealer.Seal(entries, head);
            foreach (var entry in entries)
            {
                await db.Database.ExecuteSqlAsync(AuditChainSealer.SealStored(entry), cancellationToken);
            }

            await db.Database.ExecuteSqlAsync(AuditChainSealer.MoveHead(city, sequence, hash), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            sealedCount += entries.Count;
        }

        return sealedCount;
    }
}
