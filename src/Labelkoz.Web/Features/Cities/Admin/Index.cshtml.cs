using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Cities.Admin;

/// <summary>The back office's home: where the city stands and where to go next.</summary>
public sealed class IndexModel(AppDbContext db, TenantContext tenant, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public Summary City { get; private set; } = null!;

    public bool IsAdmin { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var id = tenant.MunicipalityId;
        City = await db.Municipalities.AsNoTracking()
            .Where(m => m.Id == id)
            .Select(m => new Summary(
                m.Name,
                m.Slug,
                m.SubscriptionStatus,
                m.Memberships.Count,
                m.Memberships.Count(s => s.Role == StaffRole.Admin),
                m.Neighbourhoods.Count,
                m.Invitations.Count(i => i.AcceptedAtUtc == null && i.RevokedAtUtc == null && i.ExpiresAtUtc > now),
                m.LogoFileKey != null,
                m.Presentation != null))
            .SingleAsync(cancellationToken);
        IsAdmin = (await authorization.AuthorizeAsync(User, Policies.CityAdmin)).Succeeded;
    }

    public sealed record Summary(
        string Name, string Slug, SubscriptionStatus Status, int StaffCount, int AdminCount, int NeighbourhoodCount,
        int PendingInvitations, bool HasLogo, bool HasPresentation);
}
