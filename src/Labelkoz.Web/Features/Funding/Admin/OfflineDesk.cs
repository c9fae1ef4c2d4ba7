using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Funding.Admin;

/// <summary>
/// The staff's desk for cheques and transfers (issue #16, four eyes): record one, confirm or set
/// aside one that waits, each with its audit line in the money's own transaction, and the sentence
/// that tells the person what happened. The campaign page calls it.
/// </summary>
public sealed class OfflineDesk(AppDbContext db, CampaignMoney money, AuditTrail audit, IStringLocalizer<SharedResource> l)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo(Cultures.Default);

    /// <summary>Records what staff typed; says whether it counts now or waits for an admin.</summary>
    public async Task<string> RecordAsync(
        long campaignId, long projectId, long staffUserId, OfflinePaymentForm form, long cents, PaymentMethod method, long? tierId, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var donor = new DonorIdentity(form.DonorFullName!.Trim(), form.DonorAddress!.Trim());
        var title = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Title).SingleAsync(cancellationToken);

        // The audit line is written with the contribution, in its transaction; a parallel post with
        // the same key that won the race leaves this one without contribution and without line.
        var recorded = await money.RecordOfflineAsync(
            campaignId, staffUserId, tierId, cents, method, form.Reference, donor, form.IsAnonymous, key, cancellationToken, contribution =>
                audit.RecordAsync(
                    AuditAction.OfflinePaymentRecorded, AuditSubject.Contribution, contribution.Id, $"{title} — {donor.FullName}",
                    $"Référence : {form.Reference!.Trim()}",
                    after: AuditTrail.Values(
                        ("Montant", MoneyInput.Format(cents, French)),
                        ("Moyen de paiement", method == PaymentMethod.Cheque ? "Chèque" : "Virement"),
                        ("Donateur", donor.FullName),
                        ("Anonyme", form.IsAnonymous),
                        ("À confirmer", contribution.AwaitsConfirmation)),
                    cancellationToken: cancellationToken));

        return recorded.Replayed
            ? l["Ce paiement hors ligne est déjà enregistré."]
            : recorded.AwaitsConfirmation
                ? l["Le paiement de {0} de {1} est enregistré. Il comptera dans la collecte quand un autre administrateur de la ville l'aura confirmé.", MoneyInput.Format(cents, CultureInfo.CurrentCulture), donor.FullName]
                : l["Le paiement de {0} de {1} est enregistré : il compte dès maintenant dans la collecte.", MoneyInput.Format(cents, CultureInfo.CurrentCulture), donor.FullName];
    }

    /// <summary>An admin confirms one that waited: it counts from now, matchfunding included.</summary>
    public async Task<string> ConfirmAsync(AwaitingOfflineRow row, long userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var confirmed = await money.ConfirmOfflineAsync(row.Id, userId, contribution => audit.RecordAsync(
            AuditAction.OfflinePaymentConfirmed, AuditSubject.Contribution, contribution.Id, $"{row.ProjectTitle} — {row.Donor}",
            $"Référence : {contribution.OfflineReference}",
            AuditTrail.Values(("Statut", "À confirmer")),
            AuditTrail.Values(("Statut", "Confirmé"), ("Montant", MoneyInput.Format(contribution.AmountCents, French))),
            cancellationToken: cancellationToken), cancellationToken);
        return confirmed
            ? l["Le paiement de {0} de {1} est confirmé : il compte dès maintenant dans la collecte.", MoneyInput.Format(row.AmountCents, CultureInfo.CurrentCulture), row.Donor]
            : l["Ce paiement hors ligne est déjà confirmé."];
    }

    /// <summary>An admin, or the person who typed it, sets one aside with a reason.</summary>
    public async Task<string> RejectAsync(AwaitingOfflineRow row, long userId, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        await money.RejectOfflineAsync(row.Id, userId, reason, (contribution, why) => audit.RecordAsync(
            AuditAction.OfflinePaymentRejected, AuditSubject.Contribution, contribution.Id, $"{row.ProjectTitle} — {row.Donor}", why,
            AuditTrail.Values(("Statut", "À confirmer")),
            AuditTrail.Values(("Statut", "Écarté")),
            cancellationToken: cancellationToken), cancellationToken);
        return l["Le paiement de {0} de {1} est écarté : il ne compte pas dans la collecte. Rendez le chèque ou le virement au donateur.", MoneyInput.Format(row.AmountCents, CultureInfo.CurrentCulture), row.Donor];
    }

    /// <summary>The campaign's offline payments waiting for confirmation, oldest first; or its offline payment <paramref name="onlyId"/>, whatever its state.</summary>
    public IQueryable<AwaitingOfflineRow> Rows(long campaignId, long? onlyId) =>
        db.Contributions.AsNoTracking()
            .Where(c => c.CampaignId == campaignId && c.Provider == PaymentProvider.Offline)
            .Where(c => onlyId == null ? c.Status == ContributionStatus.Pending : c.Id == onlyId)
            .OrderBy(c => c.CreatedAtUtc).ThenBy(c => c.Id)
            .Select(c => new AwaitingOfflineRow(
                c.Id,
                c.CreatedAtUtc,
                c.DonorFullName ?? string.Empty,
                c.AmountCents,
                c.Method,
                c.OfflineReference,
                c.RecordedByUserId,
                c.RecordedByUserId == null ? null : db.Users.Where(u => u.Id == c.RecordedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Projects.Where(p => p.Id == db.Campaigns.Where(k => k.Id == c.CampaignId).Select(k => k.ProjectId).FirstOrDefault()).Select(p => p.Title).FirstOrDefault() ?? string.Empty));
}
