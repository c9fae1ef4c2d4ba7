using System.Runtime.CompilerServices;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Labelkoz.Data.Audit;

/// <summary>
/// Seals every new audit entry into its city's hash chain inside the transaction that inserts it
/// (ADR 21), whichever code added the entry. For each city with new entries it upserts the chain's
/// head row first: on PostgreSQL that takes the row's lock (a second transaction appending to the
/// same city waits until the first commits, then reads the head the first left); SQLite has one
/// writer at a time anyway (<c>BEGIN IMMEDIATE</c>). It then numbers and hashes the entries from
/// the head and moves the head, all before EF inserts them. When the caller has no transaction,
/// one is opened here and committed once the save succeeds, so head and entries go together.
/// </summary>
public sealed class AuditChainSealer : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> _owned = [];

    /// <summary>Entries of a city inserted by the same save: their city's id is only known once it is saved.</summary>
    private readonly ConditionalWeakTable<DbContext, List<AuditEntry>> _deferred = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext db && NewEntriesByCity(db) is { Count: > 0 } cities)
        {
            if (db.Database.CurrentTransaction is null)
            {
                _owned.AddOrUpdate(db, db.Database.BeginTransaction());
            }

            cities = Defer(db, cities);
            foreach (var (city, entries) in cities)
            {
                var head = db.Database.SqlQuery<HeadRow>(LockHead(city)).AsEnumerable().Single();
                var (sequence, hash) = Seal(entries, head);
                db.Database.ExecuteSql(MoveHead(city, sequence, hash));
            }
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext db && NewEntriesByCity(db) is { Count: > 0 } cities)
        {
            if (db.Database.CurrentTransaction is null)
            {
                _owned.AddOrUpdate(db, await db.Database.BeginTransactionAsync(cancellationToken));
            }

            cities = Defer(db, cities);
            foreach (var (city, entries) in cities)
            {
                var head = (await db.Database.SqlQuery<HeadRow>(LockHead(city)).ToListAsync(cancellationToken)).Single();
                var (sequence, hash) = Seal(entries, head);
                await db.Database.ExecuteSqlAsync(MoveHead(city, sequence, hash), cancellationToken);
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext context && _deferred.TryGetValue(context, out var deferred))
        {
            _deferred.Remove(context);
            foreach (var (city, entries) in ByCity(deferred))
            {
                var head = context.Database.SqlQuery<HeadRow>(LockHead(city)).AsEnumerable().Single();
                var (sequence, hash) = Seal(entries, head);
                foreach (var entry in entries)
                {
                    context.Database.ExecuteSql(SealStored(entry));
                    context.Entry(entry).State = EntityState.Unchanged;
                }

                context.Database.ExecuteSql(MoveHead(city, sequence, hash));
            }
        }

        if (eventData.Context is { } db && _owned.TryGetValue(db, out var transaction))
        {
            _owned.Remove(db);
            using (transaction)
            {
                transaction.Commit();
            }
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext context && _deferred.TryGetValue(context, out var deferred))
        {
            _deferred.Remove(context);
            foreach (var (city, entries) in ByCity(deferred))
            {
                var head = (await context.Database.SqlQuery<HeadRow>(LockHead(city)).ToListAsync(cancellationToken)).Single();
                var (sequence, hash) = Seal(entries, head);
                foreach (var entry in entries)
                {
                    await context.Database.ExecuteSqlAsync(SealStored(entry), cancellationToken);
                    context.Entry(entry).State = EntityState.Unchanged;
                }

                await context.Database.ExecuteSqlAsync(MoveHead(city, sequence, hash), cancellationToken);
            }
        }

        if (eventData.Context is { } db && _owned.TryGetValue(db, out var transaction))
        {
            _owned.Remove(db);
            await using (transaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData?.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData?.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData?.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData?.Context);
        return Task.CompletedTask;
    }

    /// <summary>Locks (creating it if needed) the city's head and returns it. The no-op update is what takes the lock.</summary>
    internal static FormattableString LockHead(long municipalityId) => $"""
        INSERT INTO "AuditChainHeads" ("MunicipalityId", "LastSequence", "LastHash") VALUES ({municipalityId}, {0L}, {AuditChain.Genesis})
        ON CONFLICT ("MunicipalityId") DO UPDATE SET "LastSequence" = "AuditChainHeads"."LastSequence"
        RETURNING "LastSequence", "LastHash"
        """;

    internal static FormattableString MoveHead(long municipalityId, long lastSequence, string lastHash) => $"""
        UPDATE "AuditChainHeads" SET "LastSequence" = {lastSequence}, "LastHash" = {lastHash} WHERE "MunicipalityId" = {municipalityId}
        """;

    /// <summary>Seals a stored entry that was inserted unsealed: the one update the database allows (ADR 21).</summary>
    internal static FormattableString SealStored(AuditEntry entry) =>
        $"""UPDATE "AuditEntries" SET "Sequence" = {entry.Sequence}, "PreviousHash" = {entry.PreviousHash}, "Hash" = {entry.Hash} WHERE "Id" = {entry.Id} AND "Sequence" IS NULL""";

    /// <summary>Numbers and hashes <paramref name="entries"/> after the head; returns the new head.</summary>
    internal static (long Sequence, string Hash) Seal(IEnumerable<AuditEntry> entries, HeadRow head)
    {
        var sequence = head.LastSequence;
        var hash = head.LastHash;
        foreach (var entry in entries)
        {
            sequence++;
            entry.Seal(sequence, hash);
            hash = entry.Hash!;
        }

        return (sequence, hash);
    }

    private static List<(long City, List<AuditEntry> Entries)> NewEntriesByCity(AppDbContext db) =>
        ByCity(db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity));

    /// <summary>Cities in ascending order, so two saves touching the same cities lock their heads in the same order.</summary>
    private static List<(long City, List<AuditEntry> Entries)> ByCity(IEnumerable<AuditEntry> entries) =>
        entries.GroupBy(e => e.MunicipalityId).OrderBy(g => g.Key).Select(g => (g.Key, g.ToList())).ToList();

    /// <summary>
    /// Keeps aside the entries of a city created by this very save (its key is still EF's temporary
    /// one, and the city's id is part of the hash): they are inserted unsealed, then sealed right
    /// after the insert, in the same transaction, once the city and its id exist.
    /// </summary>
    private List<(long City, List<AuditEntry> Entries)> Defer(AppDbContext db, List<(long City, List<AuditEntry> Entries)> cities)
    {
        var created = db.ChangeTracker.Entries<Municipality>()
            .Where(m => m.State == EntityState.Added)
            .Select(m => m.Property(p => p.Id).CurrentValue)
            .ToHashSet();
        var later = cities.Where(c => created.Contains(c.City)).ToList();
        if (later.Count == 0)
        {
            return cities;
        }

        _deferred.AddOrUpdate(db, later.SelectMany(c => c.Entries).ToList());
        return cities.Except(later).ToList();
    }

    private void Abandon(DbContext? db)
    {
        if (db is not null)
        {
            _deferred.Remove(db);
        }

        if (db is not null && _owned.TryGetValue(db, out var transaction))
        {
            _owned.Remove(db);
            transaction.Dispose();
        }
    }

    /// <summary>The head as the upsert returns it.</summary>
    internal sealed class HeadRow
    {
        public long LastSequence { get; set; }

        public string LastHash { get; set; } = AuditChain.Genesis;
    }
}
