using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding.Ledger;
using Labelkoz.Domain.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Labelkoz.Data.Tenancy;

/// <summary>
/// Refuses, before anything reaches the database, any write to a tenant-owned row (or to a
/// municipality) other than the current tenant's. The read side is the "Tenant" query filter.
/// Also refuses any change to an audit entry, with or without a tenant.
/// </summary>
public sealed class TenantWriteGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is not AppDbContext db)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            // The audit log and the ledger are append-only, whoever asks (the database's triggers say the same).
            if (entry.Entity is AuditEntry or LedgerTransaction or LedgerLine && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException($"{entry.Entity.GetType().Name} is append-only: a row is never changed or deleted.");
            }

            if (db.TenantId is not { } tenantId || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var owner = entry.Entity switch
            {
                ITenantOwned owned => owned.MunicipalityId,
                Municipality municipality => municipality.Id,
                _ => (long?)null,
            };
            if (owner is not null && owner != tenantId)
            {
                throw new CrossTenantWriteException(
                    $"Refused write to {entry.Metadata.ClrType.Name} of municipality {owner} while on municipality {tenantId}.");
            }
        }
    }
}
