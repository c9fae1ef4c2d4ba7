using Labelkoz.Domain.Audit;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Audit;

/// <summary>A look at the audit log straight in the database (with no tenant: every city's entries).</summary>
internal static class AuditTestKit
{
    public static Task<long> CityIdAsync(this AppFactory app, string slug) =>
        app.WithDbAsync(db => db.Municipalities.Where(m => m.Slug == slug).Select(m => m.Id).SingleAsync());

    /// <summary>The city's entries, oldest first.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> EntriesAsync(this AppFactory app, string slug)
    {
        var city = await app.CityIdAsync(slug);
        return await app.WithDbAsync(async db => (IReadOnlyList<AuditEntry>)await db.AuditEntries.AsNoTracking()
            .Where(e => e.MunicipalityId == city)
            .OrderBy(e => e.Id)
            .ToListAsync());
    }

    /// <summary>Every entry of the log, to prove that a refused request wrote none.</summary>
    public static Task<int> EntryCountAsync(this AppFactory app) =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync());

    /// <summary>The entries added by <paramref name="act"/> (all cities).</summary>
    public static async Task<IReadOnlyList<AuditEntry>> NewEntriesAsync(this AppFactory app, Func<Task> act)
    {
        var last = await app.WithDbAsync(db => db.AuditEntries.MaxAsync(e => (long?)e.Id)) ?? 0;
        await act();
        return await app.WithDbAsync(async db => (IReadOnlyList<AuditEntry>)await db.AuditEntries.AsNoTracking()
            .Where(e => e.Id > last)
            .OrderBy(e => e.Id)
            .ToListAsync());
    }
}
