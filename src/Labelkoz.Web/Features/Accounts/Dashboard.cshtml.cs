using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Accounts;

/// <summary>The signed-in person's space: their account pages and the cities where they are staff.</summary>
[Authorize]
public sealed class DashboardModel(AppDbContext db) : PageModel
{
    public Me Person { get; private set; } = null!;

    public IReadOnlyList<Membership> Memberships { get; private set; } = [];

    public bool IsOperator { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.IdOrNull() is not { } userId)
        {
            return Challenge();
        }

        var me = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new Me(
                u.DisplayName,
                u.Email ?? string.Empty,
                u.AddressLine1 != null,
                db.Municipalities.Where(m => m.Id == u.HomeMunicipalityId).Select(m => new HomeCity(m.Name, m.Slug)).FirstOrDefault()))
            .SingleOrDefaultAsync(cancellationToken);
        if (me is null)
        {
            return Challenge();
        }

        Person = me;
        Memberships = await (
                from m in db.Memberships.AsNoTracking()
                join c in db.Municipalities on m.MunicipalityId equals c.Id
                where m.UserId == userId
                orderby c.Name
                select new Membership(c.Name, c.Slug, m.Role))
            .ToListAsync(cancellationToken);
        IsOperator = User.IsInRole(Policies.OperatorRole);
        return Page();
    }

    public sealed record Me(string DisplayName, string Email, bool HasAddress, HomeCity? Home);

    public sealed record HomeCity(string Name, string Slug);

    public sealed record Membership(string CityName, string Slug, StaffRole Role);
}
