using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Invitations;

/// <summary>
/// Where an invitation link leads: outside any city's site (no tenant is set), the invitation is
/// found by the hash of its token; the invited person, signed in with the invited address, joins the staff.
/// </summary>
public sealed class IndexModel(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public enum State
    {
        Unknown,
        Pending,
        Accepted,
        Revoked,
        Expired,
    }

    public View? Invitation { get; private set; }

    public State Status { get; private set; }

    /// <summary>The signed-in person's address, when someone is signed in.</summary>
    public string? SignedInEmail { get; private set; }

    public bool CanAccept { get; private set; }

    public bool AddressMatches { get; private set; }

    public string ReturnUrl => InvitationTokens.LinkPath(Token);

    [FromRoute]
    public string Token { get; set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Status == State.Unknown ? NotFoundPage() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        var hash = InvitationTokens.HashOf(Token);
        var found = hash is null ? null : await db.StaffInvitations.AsNoTracking()
            .Where(i => i.TokenHash == hash)
            .Select(i => new { i.Id, i.MunicipalityId })
            .SingleOrDefaultAsync(cancellationToken);
        var user = await users.GetUserAsync(User);
        if (found is null || user is null)
        {
            await LoadAsync(cancellationToken);
            return NotFoundPage();
        }

        if (!user.EmailConfirmed)
        {
            ModelState.AddModelError(string.Empty, l["Confirmez d'abord votre adresse électronique, puis revenez sur ce lien."]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var city = await db.Municipalities
            .Include(m => m.Memberships)
            .Include(m => m.Invitations.Where(i => i.Id == found.Id))
            .SingleAsync(m => m.Id == found.MunicipalityId, cancellationToken);
        city.AcceptInvitation(found.Id, user.Id, user.Email ?? string.Empty, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = l["Bienvenue dans l'équipe de {0} !", city.Name].Value;
        return Redirect($"/{city.Slug}/admin");
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var hash = InvitationTokens.HashOf(Token);
        Invitation = hash is null ? null : await db.StaffInvitations.AsNoTracking()
            .Where(i => i.TokenHash == hash)
            .Select(i => new View(i.Email, i.Role, i.Municipality!.Name, i.Municipality.Slug, i.ExpiresAtUtc, i.AcceptedAtUtc, i.RevokedAtUtc))
            .SingleOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        Status = Invitation switch
        {
            null => State.Unknown,
            { AcceptedAtUtc: not null } => State.Accepted,
            { RevokedAtUtc: not null } => State.Revoked,
            _ when Invitation.ExpiresAtUtc <= now => State.Expired,
            _ => State.Pending,
        };

        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user)
        {
            SignedInEmail = user.Email;
            AddressMatches = string.Equals(user.Email, Invitation?.Email, StringComparison.OrdinalIgnoreCase);
            CanAccept = Status == State.Pending && AddressMatches && user.EmailConfirmed;
        }
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public sealed record View(string Email, StaffRole Role, string CityName, string CitySlug, DateTime ExpiresAtUtc, DateTime? AcceptedAtUtc, DateTime? RevokedAtUtc);
}
