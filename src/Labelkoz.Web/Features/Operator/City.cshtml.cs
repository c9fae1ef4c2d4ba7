using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Features.Audit;
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
/// One municipality as the operator sees it: identity, subscription (its status computed from the
/// invoices by the billing job, ADR 13), the sign-up request it came from, staff, and invitations
/// still waiting. Five SQL commands to show.
/// </summary>
public sealed class CityModel(AppDbContext db, TimeProvider clock, AuditTrail audit, IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    [FromRoute]
    public long Id { get; set; }

    public Details City { get; private set; } = null!;

    public IReadOnlyList<Member> Staff { get; private set; } = [];

    public IReadOnlyList<WaitingInvitation> Invitations { get; private set; } = [];

    /// <summary>The city's subscription, or null for a city opened before subscriptions existed.</summary>
    public SubscriptionView? Subscription { get; private set; }

    /// <summary>The sign-up request the city came from, if any.</summary>
    public SignupView? Signup { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await TryLoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostResendAsync(long invitationId, [FromServices] ResendInvitation resend, CancellationToken cancellationToken)
    {
        var message = await resend.ExecuteAsync(Id, invitationId, User.IdOrNull(), Request, cancellationToken);
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

    public Task LoadAsync(CancellationToken cancellationToken) => TryLoadAsync(cancellationToken);

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var city = await db.Municipalities.AsNoTracking()
            .Where(m => m.Id == Id)
            .Select(m => new Details(
                m.Id, m.Name, m.Slug, m.InseeCode, m.Siren, m.Population, m.SubscriptionStatus, m.BrandColour,
                m.ContactEmail, m.ContactPhone, m.Website, m.BillingAddress, m.Neighbourhoods.Count, m.CreatedAtUtc, m.UpdatedAtUtc))
            .SingleOrDefaultAsync(cancellationToken);
        if (city is null)
        {
            return false;
        }

        City = city;
        var now = clock.GetUtcNow().UtcDateTime;
        Subscription = await db.Subscriptions.AsNoTracking()
            .Where(s => s.MunicipalityId == Id)
            .Select(s => new SubscriptionView(
                s.Status,
                db.Plans.Where(p => p.Id == s.PlanId).Select(p => p.Name).First(),
                s.Period,
                s.StartedOn,
                s.TrialEndsOn,
                s.InvoicedUntil,
                s.EndsOn,
                s.NextPlanId == null ? null : db.Plans.Where(p => p.Id == s.NextPlanId).Select(p => p.Name).First(),
                s.NextPeriod,
                db.Invoices.Count(i => i.SubscriptionId == s.Id),
                db.Invoices.Count(i => i.SubscriptionId == s.Id && i.Status == InvoiceStatus.Issued)))
            .SingleOrDefaultAsync(cancellationToken);
        Signup = await db.SignupRequests.AsNoTracking()
            .Where(r => r.MunicipalityId == Id)
            .OrderByDescending(r => r.Id)
            .Select(r => new SignupView(r.Id, r.CreatedAtUtc, r.DecidedAtUtc, r.ContactName, r.ContactFunction, r.ContactEmail, r.OfficialDomain))
            .FirstOrDefaultAsync(cancellationToken);
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

    public sealed record Details(
        long Id, string Name, string Slug, string InseeCode, string? Siren, int Population, SubscriptionStatus Status, string BrandColour,
        string? ContactEmail, string? ContactPhone, string? Website, string? BillingAddress, int NeighbourhoodCount, DateTime CreatedAtUtc, DateTime UpdatedAtUtc);

    public sealed record SubscriptionView(
        SubscriptionStatus Status, string PlanName, BillingPeriod Period, DateOnly StartedOn, DateOnly TrialEndsOn, DateOnly InvoicedUntil, DateOnly? EndsOn,
        string? NextPlanName, BillingPeriod? NextPeriod, int InvoiceCount, int UnpaidCount);

    public sealed record SignupView(long Id, DateTime CreatedAtUtc, DateTime? DecidedAtUtc, string ContactName, string ContactFunction, string ContactEmail, string OfficialDomain);

    public sealed record Member(string DisplayName, string Email, StaffRole Role, DateTime GrantedAtUtc);

    public sealed record WaitingInvitation(long Id, string Email, StaffRole Role, DateTime SentAtUtc, DateTime ExpiresAtUtc, bool Expired);
}
