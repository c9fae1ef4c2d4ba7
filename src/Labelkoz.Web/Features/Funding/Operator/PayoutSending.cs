using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Funding.Ledger;
using Labelkoz.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Funding.Operator;

/// <summary>
/// The operator marks a payout as sent, with the transfer's reference: in one database
/// transaction that first takes the campaign's lock, the payout is marked sent, the ledger moves
/// the amount from what is owed to the payee to what was paid out (once: its key is the payout's),
/// and the journal of the payout's city records it. A second post of the same form finds the
/// payout sent and is refused with the domain's sentence: one transfer, never two.
/// </summary>
public sealed class PayoutSending(AppDbContext db, CampaignMoney money, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Returns the payout's amount and payee city's id, or null when the payout does not exist.</summary>
    public async Task<Sent?> ExecuteAsync(long payoutId, long? version, long operatorId, string? reference, CancellationToken cancellationToken)
    {
        var campaignId = await db.Payouts.IgnoreQueryFilters().Where(p => p.Id == payoutId).Select(p => (long?)p.CampaignId).SingleOrDefaultAsync(cancellationToken);
        if (campaignId is not { } id)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await money.LockAsync(id, cancellationToken);
        var payout = await db.Payouts.IgnoreQueryFilters().SingleAsync(p => p.Id == payoutId, cancellationToken);
        if (version is { } seen)
        {
            // The version the operator saw: if the payout changed since, the save is refused.
            db.ExpectVersion(payout, seen);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        payout.MarkSent(operatorId, reference, now);
        await money.AddOnceAsync(
            LedgerTransaction.Transfer(
                payout.MunicipalityId, id, null, LedgerTransactionKind.PayoutSent, $"payout:{payout.Id}:sent",
                LedgerAccount.Payable(id), LedgerAccount.PayoutsSent, payout.AmountCents, now),
            cancellationToken);
        var title = await db.Campaigns.IgnoreQueryFilters().Where(c => c.Id == id)
            .Select(c => db.Projects.IgnoreQueryFilters().Where(p => p.Id == c.ProjectId).Select(p => p.Title).FirstOrDefault())
            .SingleAsync(cancellationToken) ?? string.Empty;
        await audit.RecordAsync(
            AuditAction.PayoutSent, AuditSubject.Payout, payout.Id, title, $"Référence du virement : {payout.Reference}",
            AuditTrail.Values(("Versement", "à effectuer")),
            AuditTrail.Values(("Versement", "effectué"), ("Montant (centimes)", payout.AmountCents)),
            municipalityId: payout.MunicipalityId,
            cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Sent(payout.AmountCents, title);
    }

    public sealed record Sent(long AmountCents, string ProjectTitle);
}
