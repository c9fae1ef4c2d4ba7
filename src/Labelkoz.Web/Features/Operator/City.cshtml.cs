using System.Security.Claims;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Features.CityAdmin;
using Labelkoz.Web.Features.Invitations;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Operator;

/// <summary>
/// One municipality as the operator sees it: identity, subscription (set by hand until billing
/// exists), staff, and invitations still waiting.
/// </summary>
public sealed class CityModel(AppDbContext db, TimeProvider clock, AuditTrail audit, IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public const int ReasonMaxLength = 500;

    /// <summary>The subscription form's fields (their errors are keyed by these names).</summary>
    public const string StatusField = "status";

    public const string ReasonField = "reason";

    public static readonly IReadOnlyList<SubscriptionStatus> Statuses = Enum.GetValues<SubscriptionStatus>();

    [FromRoute]
    public long Id { get; set; }

    public Details City { get; private set; } = null!;

    public IReadOnlyList<Member> Staff { get; private set; } = [];

    public IReadOnlyList<WaitingInvitation> Invitations { get; private set; } = [];

    /// <summary>The subscription form as it was sent, given back when it is refused.</summary>
    public string? ChosenStatus { get; private set; }

    public string? StatusReason { get; private set; }

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
        var cancelled = city.Invitations.Single();
        await audit.RecordAsync(
            AuditAction.InvitationCancelled,
            AuditSubject.Invitation,
            invitationId,
            cancelled.Email,
            before: AuditTrail.Values(("Adresse électronique", cancelled.Email), ("Rôle", AuditNames.Recorded(cancelled.Role)), ("Invitation", "en attente")),
            after: AuditTrail.Values(("Invitation", "annulée")),
            municipalityId: city.Id,
            cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = l["L'invitation de {0} est annulée.", email!];
        return RedirectToPage(new { id = Id });
    }

    /// <summary>The operator sets the subscription's status by hand, with the reason kept in the journal.</summary>
    public async Task<IActionResult> OnPostSubscriptionAsync([FromForm] string? status, [FromForm] string? reason, CancellationToken cancellationToken)
    {
        ChosenStatus = status;
        StatusReason = reason;
        var chosen = Statuses.Cast<SubscriptionStatus?>().FirstOrDefault(s => string.Equals(s.ToString(), status?.Trim(), StringComparison.Ordinal));
        if (chosen is null)
        {
            ModelState.AddModelError(StatusField, l["Choisissez l'un des statuts d'abonnement proposés."]);
        }

        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why))
        {
            ModelState.AddModelError(ReasonField, l["Indiquez le motif du changement de statut."]);
        }
        else if (why.Length > ReasonMaxLength)
        {
            ModelState.AddModelError(ReasonField, l["Le motif ne peut pas dépasser {0} caractères.", ReasonMaxLength]);
        }

        var city = await db.Municipalities.SingleOrDefaultAsync(m => m.Id == Id, cancellationToken);
        if (city is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await TryLoadAsync(cancellationToken);
            return Page();
        }

        var before = city.SubscriptionStatus;
        if (!city.SetSubscriptionStatus(chosen!.Value, clock.GetUtcNow().UtcDateTime))
        {
            StatusMessage = l["L'abonnement de {0} était déjà « {1} » : rien n'a changé.", city.Name, StatusNames.Subscription(l, before)];
            return RedirectToPage(new { id = Id });
        }

        await audit.RecordAsync(
            AuditAction.SubscriptionStatusChanged,
            AuditSubject.Municipality,
            city.Id,
            city.Name,
            details: why,
            before: AuditTrail.Values(("Abonnement", AuditNames.Recorded(before))),
            after: AuditTrail.Values(("Abonnement", AuditNames.Recorded(city.SubscriptionStatus))),
            municipalityId: city.Id,
            cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = l["L'abonnement de {0} est maintenant « {1} ».", city.Name, StatusNames.Subscription(l, city.SubscriptionStatus)];
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
