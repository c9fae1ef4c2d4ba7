using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Features.Audit;
using Labelkoz.Web.Features.Invitations;
using Labelkoz.Web.Features.Subscriptions;
using Labelkoz.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Cities;

/// <summary>
/// Opens a municipality's site (issue #7): the city with its official identity and colour, the
/// invitation of its first admin, its 30-day trial on the chosen plan, the audit entries and, when it
/// comes from a sign-up request, the request's approval, all in ONE save (one transaction: all or
/// nothing). The invitation mail leaves afterwards. Used by the operator's "new city" form and by the
/// validation of a sign-up request.
/// </summary>
public sealed class CityOpening(AppDbContext db, AuditTrail audit, SubscriptionBilling billing, InvitationMailer mailer, TimeProvider clock)
{
    /// <summary>Who already holds the slug and the INSEE code, in one SQL command.</summary>
    public async Task<Taken> TakenAsync(string slug, string inseeCode, CancellationToken cancellationToken)
    {
        var rows = await db.Municipalities.AsNoTracking()
            .Where(m => m.Slug == slug || m.InseeCode == inseeCode)
            .Select(m => new TakenBy(m.Id, m.Name, m.Slug, m.InseeCode))
            .ToListAsync(cancellationToken);
        return new Taken(rows.FirstOrDefault(m => m.Slug == slug), rows.FirstOrDefault(m => m.InseeCode == inseeCode));
    }

    /// <summary>
    /// Opens the city. A slug or INSEE code taken by a concurrent request (the unique indexes), or a
    /// sign-up request decided meanwhile (its version), leaves nothing behind and is reported in the
    /// outcome; the caller puts the message on its form.
    /// </summary>
    public async Task<Outcome> OpenAsync(NewCity spec, long? operatorUserId, SignupRequest? request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var now = clock.GetUtcNow().UtcDateTime;
        var city = Municipality.Create(spec.Name, spec.Slug, spec.InseeCode, spec.Population, now);
        if (spec.Siren is not null)
        {
            city.SetOfficialIdentity(spec.Siren);
        }

        if (spec.BillingAddress is not null)
        {
            city.SetBillingAddress(spec.BillingAddress, now);
        }

        city.ChangeBrandColour(spec.Colour, now);
        var (token, hash) = InvitationTokens.Create();
        var invitation = city.Invite(spec.AdminEmail, StaffRole.Admin, hash, operatorUserId, now, InvitationTokens.Validity);
        db.Municipalities.Add(city);

        // The city's id is given by this very save: the trial, the request and the audit entries point
        // at the city's temporary key, which EF replaces with the real one as it inserts them together.
        var cityKey = db.Entry(city).Property(m => m.Id).CurrentValue;
        var subscription = Subscription.StartTrial(cityKey, spec.Plan, spec.Period, billing.Today);
        db.Subscriptions.Add(subscription);
        request?.Approve(cityKey, operatorUserId, now);

        await audit.RecordAsync(
            AuditAction.CityCreated,
            AuditSubject.Municipality,
            null,
            city.Name,
            after: AuditTrail.Values(
                ("Nom", city.Name),
                ("Adresse du site", "/" + city.Slug),
                ("Code INSEE", city.InseeCode),
                ("SIREN", city.Siren),
                ("Population", city.Population),
                ("Couleur", city.BrandColour),
                ("Premier administrateur invité", invitation.Email),
                ("Abonnement", AuditNames.Recorded(city.SubscriptionStatus)),
                ("Offre", spec.Plan.Name),
                ("Facturation", spec.Period == BillingPeriod.Monthly ? "mensuelle" : "annuelle"),
                ("Fin de l'essai", subscription.TrialEndsOn.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture))),
            municipalityId: cityKey,
            cancellationToken: cancellationToken);
        if (request is not null)
        {
            await audit.RecordAsync(
                AuditAction.SignupApproved,
                AuditSubject.Municipality,
                null,
                city.Name,
                details: $"Demande d'inscription n° {request.Id} du {request.CreatedAtUtc:dd/MM/yyyy}, contact : {request.ContactName} ({request.ContactFunction}) <{request.ContactEmail}>"
                    + (request.ContactOutsideDomain ? $", adresse hors du domaine {request.OfficialDomain}" : string.Empty) + ".",
                after: AuditTrail.Values(("Demande d'inscription", "validée"), ("Domaine officiel", request.OfficialDomain)),
                municipalityId: cityKey,
                cancellationToken: cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another operator took the slug or the INSEE code, or decided the request, between our
            // checks and our save: nothing of ours was written.
            db.ChangeTracker.Clear();
            if (request is not null
                && !await db.SignupRequests.AsNoTracking().Where(SignupRequest.PendingRule).AnyAsync(r => r.Id == request.Id, cancellationToken))
            {
                return Outcome.AlreadyDecided;
            }

            var taken = await TakenAsync(spec.Slug, spec.InseeCode, cancellationToken);
            if (taken.Any)
            {
                return new Outcome(null, taken, false);
            }

            if (request is not null)
            {
                // Still pending, nothing taken: the request changed under us (its version).
                return Outcome.AlreadyDecided;
            }

            throw;
        }

        return new Outcome(new Opened(city.Id, city.Name, city.Slug, invitation.Email, invitation.Role, token, invitation.ExpiresAtUtc), null, false);
    }

    /// <summary>Sends the first admin's invitation; false when the mail could not leave (it can be sent again from the city's page).</summary>
    public Task<bool> SendInvitationAsync(HttpRequest request, Opened opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opened);
        return mailer.SendAsync(request, new(opened.AdminEmail, opened.Role, opened.CityName, opened.Token, opened.ExpiresAtUtc), cancellationToken);
    }

    /// <summary>What the new city is made of; the identity comes from the official list when known.</summary>
    public sealed record NewCity(
        string Name, string Slug, string InseeCode, int Population, string? Siren, string? BillingAddress, BrandColour Colour, string AdminEmail, Plan Plan, BillingPeriod Period);

    public sealed record TakenBy(long Id, string Name, string Slug, string InseeCode);

    public sealed record Taken(TakenBy? BySlug, TakenBy? ByInsee)
    {
        public bool Any => BySlug is not null || ByInsee is not null;
    }

    /// <summary>The city opened (the clear invitation token lives only here, until the mail leaves).</summary>
    public sealed record Opened(long CityId, string CityName, string Slug, string AdminEmail, StaffRole Role, string Token, DateTime ExpiresAtUtc);

    /// <summary>Exactly one of: the city opened, what was taken, or the request decided by someone else meanwhile.</summary>
    public sealed record Outcome(Opened? City, Taken? Taken, bool RequestAlreadyDecided)
    {
        public static readonly Outcome AlreadyDecided = new(null, null, true);
    }
}
