using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Data;

public static class ConcurrencyExtensions
{
    /// <summary>
    /// Saves the entity only if it still has the version the person saw (the token their form
    /// carried): otherwise <see cref="DbContext.SaveChangesAsync(CancellationToken)"/> throws
    /// <see cref="DbUpdateConcurrencyException"/> and the page says someone changed it meanwhile.
    /// Every versioned aggregate names its token <c>Version</c> (see the configurations).
    /// </summary>
    public static void ExpectVersion<TEntity>(this DbContext db, TEntity entity, long version)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entity);
        db.Entry(entity).Property<long>("Version").OriginalValue = version;
    }
}
