using Labelkoz.Data;
using Labelkoz.Domain.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Infrastructure.Persistence;

/// <summary>The three plans of a new platform (issue #7), added once when there is none; the operator manages them afterwards.</summary>
public static class PlanSeeding
{
    public static async Task EnsurePlansAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Plans.AnyAsync(cancellationToken))
        {
            return;
        }

        db.Plans.AddRange(Plan.Defaults());
        await db.SaveChangesAsync(cancellationToken);
    }
}
