using Labelkoz.Data;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Funding.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Funding;

/// <summary>
/// Every public figure of a campaign, computed from the ledger (DESIGN §6: "the funded total shown
/// to the public equals the ledger"): contributions minus every refund (before or after the
/// settlement, ADR 17), matchfunding minus what went back to the city, and the number of people
/// whose contribution stands. Two SQL commands for any number of campaigns.
/// </summary>
public static class FundingTotals
{
    public static async Task<IReadOnlyDictionary<long, CampaignTotals>> ForAsync(AppDbContext db, IReadOnlyCollection<long> campaignIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(campaignIds);
        if (campaignIds.Count == 0)
        {
            return new Dictionary<long, CampaignTotals>();
        }

        var ids = campaignIds.Distinct().ToList();
        // The escrow's side of contributions, refunds and the match; a refund after settlement (which
        // no longer touches the escrow) by what went back to the processor.
        var sums = await (
                from line in db.LedgerLines
                join transaction in db.LedgerTransactions on line.TransactionId equals transaction.Id
                where transaction.CampaignId != null && ids.Contains(transaction.CampaignId.Value)
                    && ((line.AccountKind == LedgerAccountKind.CampaignEscrow
                            && (transaction.Kind == LedgerTransactionKind.Contribution || transaction.Kind == LedgerTransactionKind.Refund
                                || transaction.Kind == LedgerTransactionKind.Matchfunding || transaction.Kind == LedgerTransactionKind.MatchfundingReturned))
                        || ((line.AccountKind == LedgerAccountKind.ProviderClearing || line.AccountKind == LedgerAccountKind.DisputesOpen)
                            && transaction.Kind == LedgerTransactionKind.RefundAfterSettlement))
                group line by new { CampaignId = transaction.CampaignId!.Value, transaction.Kind } into g
                select new { g.Key.CampaignId, g.Key.Kind, Cents = g.Sum(l => l.AmountCents) })
            .ToListAsync(cancellationToken);
        var people = await db.Contributions
            .Where(c => ids.Contains(c.CampaignId) && c.Status == ContributionStatus.Succeeded)
            .GroupBy(c => c.CampaignId)
            .Select(g => new { CampaignId = g.Key, Accounts = g.Where(c => c.ContributorUserId != null).Select(c => c.ContributorUserId).Distinct().Count(), Offline = g.Count(c => c.ContributorUserId == null) })
            .ToListAsync(cancellationToken);

        return ids.ToDictionary(id => id, id =>
        {
            var mine = sums.Where(s => s.CampaignId == id).ToList();
            long Sum(params LedgerTransactionKind[] kinds) => mine.Where(s => kinds.Contains(s.Kind)).Sum(s => s.Cents);
            var who = people.SingleOrDefault(p => p.CampaignId == id);
            var refundedAfterSettlement = Sum(LedgerTransactionKind.RefundAfterSettlement);
            return new CampaignTotals(
                Sum(LedgerTransactionKind.Contribution, LedgerTransactionKind.Refund) - refundedAfterSettlement,
                Sum(LedgerTransactionKind.Matchfunding, LedgerTransactionKind.MatchfundingReturned),
                who is null ? 0 : who.Accounts + who.Offline,
                refundedAfterSettlement);
        });
    }

    public static async Task<CampaignTotals> ForAsync(AppDbContext db, long campaignId, CancellationToken cancellationToken) =>
        (await ForAsync(db, [campaignId], cancellationToken))[campaignId];

    /// <summary>An account's balance: the sum of its lines.</summary>
    public static Task<long> BalanceAsync(AppDbContext db, LedgerAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.LedgerLines.Where(l => l.AccountKind == account.Kind && l.AccountReference == account.Reference).SumAsync(l => l.AmountCents, cancellationToken);
    }
}
