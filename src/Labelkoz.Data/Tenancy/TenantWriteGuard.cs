using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Labelkoz.Data.Tenancy;

/// <summary>
/// Refuses, before anything reaches the database, any write to a tenant-owned row (or to a
/// municipality) other than the current tenant's. The read side is the "Tenant" query filter.
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
        if (context is not AppDbContext db || db.TenantId is not { } tenantId)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
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
