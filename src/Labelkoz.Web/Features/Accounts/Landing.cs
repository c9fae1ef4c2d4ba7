using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Accounts;

/// <summary>
/// Where a successful log-in goes: the page asked for when it is on this site; else, for the staff
/// of exactly one city, that city's back office (their work starts there); else the person's space,
/// which lists the cities of someone on several teams.
/// </summary>
public static class Landing
{
    public static async Task<string> ForAsync(AppDbContext db, IUrlHelper url, string? returnUrl, long userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (LocalAddress.Of(url, returnUrl) is { } local)
        {
            return local;
        }

        var slugs = await (
                from m in db.Memberships.AsNoTracking()
                join c in db.Municipalities on m.MunicipalityId equals c.Id
                where m.UserId == userId
                select c.Slug)
            .Take(2)
            .ToListAsync(cancellationToken);
        return slugs.Count == 1 ? $"/{slugs[0]}/admin" : AccountForm.DashboardPath;
    }
}
