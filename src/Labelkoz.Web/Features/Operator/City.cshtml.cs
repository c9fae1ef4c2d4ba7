using System.Security.Claims;
using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Features.Invitations;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Operator;

/// <summary>One municipality as the operator sees it: identity, staff, and invitations still waiting.</summary>
public sealed class CityModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    [FromRoute]
    public long Id { get; set; }

    public Details City { get; private set; } = null!;

    public IReadOnlyList<Member> Staff { get; private set; } = [];

    public IReadOnlyList<WaitingInvitation> Invitations { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await TryLoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostResendAsync(long invitationId, [FromServices] ResendInvitation resend, CancellationToken cancellationToken)
    {
        var message = await resend.ExecuteAsync(Id, invitationId, UserId(), Request, cancellationToken);
        if (message is null)
        {
            return NotFound();
        }

        StatusMessage = message;
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostCancelAsync(long invitationId, CancellationToken cancellationToken)
    {
        var city = await db.Municipalities
            .Include(m => m.Invitations.Where(i => i.Id == invitationId))
            .SingleOrDefaultAsync(m => m.Id == Id, cancellationToken);
        if (city is null)
        {
            return NotFound();
        }

        var email = city.Invitations.SingleOrDefault()?.Email;
        city.RevokeInvitation(invitationId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = l["L'invitation de {0} est annulée.", email!];
        return RedirectToPage(new { id = Id });
    }

    public Task LoadAsync(CancellationToken cancellationToken) => TryLoadAsync(cancellationToken);

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var city = await db.Municipalities.AsNoTracking()
            .Where(m => m.Id == Id)
            .Select(m => new Details(
                m.Id, m.Name, m.Slug, m.InseeCode, m.Siren, m.Population, m.SubscriptionStatus, m.BrandColour,
                m.ContactEmail, m.ContactPhone, m.Website, m.Neighbourhoods.Count, m.CreatedAtUtc, m.UpdatedAtUtc))
            .SingleOrDefaultAsync(cancellationToken);
        if (city is null)
        {
            return false;
        }

        City = city;
        var now = clock.GetUtcNow().UtcDateTime;
        Staff = await db.Memberships.AsNoTracking()
            .Where(m => m.MunicipalityId == Id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u })
            .OrderBy(x => x.m.Role == StaffRole.Admin ? 0 : 1).ThenBy(x => x.u.DisplayName)
            .Select(x => new Member(x.u.DisplayName, x.u.Email ?? string.Empty, x.m.Role, x.m.GrantedAtUtc))
            .ToListAsync(cancellationToken);
        Invitations = await db.StaffInvitations.AsNoTracking()
            .Where(i => i.MunicipalityId == Id && i.AcceptedAtUtc == null && i.RevokedAtUtc == null)
            .OrderBy(i => i.Email)
            .Select(i => new WaitingInvitation(i.Id, i.Email, i.Role, i.CreatedAtUtc, i.ExpiresAtUtc, i.ExpiresAtUtc <= now))
            .ToListAsync(cancellationToken);
        return true;
    }

    private long? UserId() => long.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public sealed record Details(
        long Id, string Name, string Slug, string InseeCode, string? Siren, int Population, SubscriptionStatus Status, string BrandColour,
        string? ContactEmail, string? ContactPhone, string? Website, int NeighbourhoodCount, DateTime CreatedAtUtc, DateTime UpdatedAtUtc);

    public sealed record Member(string DisplayName, string Email, StaffRole Role, DateTime GrantedAtUtc);

    public sealed record WaitingInvitation(long Id, string Email, StaffRole Role, DateTime SentAtUtc, DateTime ExpiresAtUtc, bool Expired);
}
