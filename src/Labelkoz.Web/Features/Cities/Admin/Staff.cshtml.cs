using System.ComponentModel.DataAnnotations;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Features.Audit;
using Labelkoz.Web.Features.Invitations;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Cities.Admin;

/// <summary>
/// The city's staff and pending invitations. Every member of staff may read it; every change
/// (invite, cancel, resend, remove) is an admin's, enforced by <see cref="AdminForChangesAttribute"/>.
/// </summary>
[AdminForChanges]
[Labelkoz.Web.Features.Accounts.SecondFactor.RecentAuthentication]
public sealed class StaffModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    InvitationMailer mailer,
    AuditTrail audit,
    ILookupNormalizer normalizer,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public InputModel Input { get; private set; } = new();

    public IReadOnlyList<Member> Members { get; private set; } = [];

    public IReadOnlyList<PendingInvitation> Invitations { get; private set; } = [];

    public bool IsAdmin { get; private set; }

    public long CurrentUserId { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync([FromForm(Name = nameof(Input))] InputModel input, CancellationToken cancellationToken)
    {
        Input = input;
        if (ModelState.IsValid)
        {
            var normalized = normalizer.NormalizeEmail(input.Email!.Trim());
            var alreadyMember = await db.Memberships.AnyAsync(
                m => db.Users.Any(u => u.Id == m.UserId && u.NormalizedEmail == normalized), cancellationToken);
            if (alreadyMember)
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Email)}", l["{0} fait déjà partie de l'équipe.", input.Email.Trim()]);
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var city = await db.Municipalities
            .Include(m => m.Invitations.Where(i => i.AcceptedAtUtc == null && i.RevokedAtUtc == null && i.ExpiresAtUtc > now))
            .SingleAsync(m => m.Id == tenant.MunicipalityId, cancellationToken);
        var (token, hash) = InvitationTokens.Create();
        var invitation = city.Invite(input.Email, input.Role, hash, User.IdOrNull(), now, InvitationTokens.Validity);
        await audit.RecordAsync(
            AuditAction.StaffInvited,
            AuditSubject.Invitation,
            null,
            invitation.Email,
            after: AuditTrail.Values(("Adresse électronique", invitation.Email), ("Rôle", AuditNames.Recorded(invitation.Role))),
            cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var sent = await mailer.SendAsync(Request, new(invitation.Email, invitation.Role, city.Name, token, invitation.ExpiresAtUtc), cancellationToken);
        StatusMessage = sent
            ? l["Une invitation a été envoyée à {0}.", invitation.Email]
            : l["L'invitation pour {0} est enregistrée, mais le courriel n'a pas pu partir : renvoyez-la plus tard.", invitation.Email];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResendAsync(long invitationId, [FromServices] ResendInvitation resend, CancellationToken cancellationToken)
    {
        StatusMessage = await resend.ExecuteAsync(tenant.MunicipalityId!.Value, invitationId, User.IdOrNull(), Request, cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCancelAsync(long invitationId, CancellationToken cancellationToken)
    {
        var city = await db.Municipalities
            .Include(m => m.Invitations.Where(i => i.Id == invitationId))
            .SingleAsync(m => m.Id == tenant.MunicipalityId, cancellationToken);
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
            cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = l["L'invitation de {0} est annulée.", email!];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(long userId, CancellationToken cancellationToken)
    {
        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == tenant.MunicipalityId, cancellationToken);
        var person = await db.Users.Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(cancellationToken);
        var role = city.RoleOf(userId);
        city.RemoveStaff(userId, clock.GetUtcNow().UtcDateTime);
        await audit.RecordAsync(
            AuditAction.StaffRemoved,
            AuditSubject.Staff,
            userId,
            $"{person?.DisplayName} <{person?.Email}>",
            before: AuditTrail.Values(("Rôle", role is { } granted ? AuditNames.Recorded(granted) : null)),
            after: AuditTrail.Values(("Rôle", "ne fait plus partie de l'équipe")),
            cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = l["{0} ne fait plus partie de l'équipe.", person?.DisplayName!];

        // Someone who removed themselves no longer has a back office to come back to.
        return userId == User.IdOrNull() ? Redirect($"/{city.Slug}") : RedirectToPage();
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        CurrentUserId = User.IdOrNull() ?? 0;
        Members = await db.Memberships.AsNoTracking()
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u })
            .OrderBy(x => x.m.Role == StaffRole.Admin ? 0 : 1).ThenBy(x => x.u.DisplayName)
            .Select(x => new Member(x.u.Id, x.u.DisplayName, x.u.Email ?? string.Empty, x.m.Role, x.m.GrantedAtUtc))
            .ToListAsync(cancellationToken);
        Invitations = await db.StaffInvitations.AsNoTracking()
            .Where(i => i.AcceptedAtUtc == null && i.RevokedAtUtc == null)
            .OrderBy(i => i.Email)
            .Select(i => new PendingInvitation(i.Id, i.Email, i.Role, i.CreatedAtUtc, i.ExpiresAtUtc, i.ExpiresAtUtc <= now))
            .ToListAsync(cancellationToken);
        IsAdmin = (await authorization.AuthorizeAsync(User, Policies.CityAdmin)).Succeeded;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [EmailAddress(ErrorMessage = "Le champ « {0} » doit être une adresse électronique valide.")]
        [StringLength(254, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Adresse électronique")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [Display(Name = "Rôle")]
        public StaffRole Role { get; set; } = StaffRole.Agent;
    }

    public sealed record Member(long UserId, string DisplayName, string Email, StaffRole Role, DateTime GrantedAtUtc);

    public sealed record PendingInvitation(long Id, string Email, StaffRole Role, DateTime SentAtUtc, DateTime ExpiresAtUtc, bool Expired);
}
