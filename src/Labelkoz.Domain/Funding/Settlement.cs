namespace Labelkoz.Domain.Funding;

/// <summary>
/// What a campaign has collected, from the ledger: contributions less every refund, the city's
/// match less what went back to it, and the people whose contribution stands.
/// <paramref name="RefundedAfterSettlementCents"/> is what was refunded after the campaign was
/// settled as funded (already counted out of <paramref name="ContributedCents"/>; the public page says so).
/// </summary>
public readonly record struct CampaignTotals(long ContributedCents, long MatchedCents, int Contributors, long RefundedAfterSettlementCents = 0)
{
    /// <summary>What the contributions came to when the campaign was settled (the fee's base).</summary>
    public long ContributedAtSettlementCents => ContributedCents + RefundedAfterSettlementCents;

    public long RaisedCents => ContributedCents + MatchedCents;

    /// <summary>Progress toward the goal in whole percent (may exceed 100).</summary>
    public int PercentOf(long goalCents) => goalCents <= 0 ? 0 : (int)Math.Min(int.MaxValue, RaisedCents * 100 / goalCents);
}

/// <summary>The outcome of a settlement: funded or not, and how the money is split.</summary>
public sealed record SettlementPlan(bool Funded, long FeeCents, long PayoutCents, long MatchReturnedCents);

/// <summary>
/// How a refund that comes after a funded settlement is borne (<see cref="Settlement.RefundAfterSettlement"/>):
/// the platform gives back the part of its fee the refunded money had paid, and the payee's side the rest.
/// </summary>
public sealed record RefundAfterSettlementSplit(long FeeReturnedCents, long FromPayeeCents);

/// <summary>
/// The settlement maths of DESIGN §6, pure and table-tested. The goal counts contributions and
/// matchfunding. When funded, the platform fee is taken on the contributors' money only (the
/// city's matchfunding is public money passing through: it is not charged), rounded to the nearest
/// cent (half up); the payee receives everything else. When not funded, nothing is paid: every
/// contribution is refunded and the matchfunding returns to the city.
/// </summary>
public static class Settlement
{
    public static bool GoalReached(CampaignMode mode, long goalCents, CampaignTotals totals) => mode switch
    {
        CampaignMode.AllOrNothing => totals.RaisedCents >= goalCents,

        // Keep-it-all keeps whatever came in; a campaign that raised nothing has nothing to pay.
        CampaignMode.KeepItAll => totals.RaisedCents > 0,
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    public static SettlementPlan Plan(CampaignMode mode, long goalCents, CampaignTotals totals, int feeBasisPoints)
    {
        if (totals.ContributedCents < 0 || totals.MatchedCents < 0 || feeBasisPoints is < 0 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(totals));
        }

        if (!GoalReached(mode, goalCents, totals))
        {
            return new SettlementPlan(false, 0, 0, totals.MatchedCents);
        }

        var fee = Fee(totals.ContributedCents, feeBasisPoints);
        return new SettlementPlan(true, fee, totals.RaisedCents - fee, 0);
    }

    /// <summary>
    /// The plan of a campaign already decided funded (<see cref="Campaign.Succeeded"/>): the fee on
    /// the contributions, the rest to the payee. The decision is not taken again: a refund between
    /// the decision and this step lowers the figures, not the outcome.
    /// </summary>
    public static SettlementPlan Funded(CampaignTotals totals, int feeBasisPoints)
    {
        if (totals.ContributedCents < 0 || totals.MatchedCents < 0 || feeBasisPoints is < 0 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(totals));
        }

        var fee = Fee(totals.ContributedCents, feeBasisPoints);
        return new SettlementPlan(true, fee, totals.RaisedCents - fee, 0);
    }

    /// <summary>
    /// The city's match of one contribution that still stands after its refunds, in proportion to
    /// what stands of the gift, rounded down to the cent: the city never pays a cent more than its
    /// share. Each refund returns the difference with what was returned before, so the returns add
    /// up exactly to the match when the gift is refunded in full, and never invent a cent.
    /// </summary>
    public static long MatchStanding(long matchedCents, long amountCents, long standingCents)
    {
        if (matchedCents < 0 || amountCents <= 0 || standingCents < 0 || standingCents > amountCents)
        {
            throw new ArgumentOutOfRangeException(nameof(standingCents));
        }

        return checked(matchedCents * standingCents) / amountCents;
    }

    /// <summary>
    /// A refund of <paramref name="refundCents"/> after a funded settlement, when
    /// <paramref name="refundedSinceCents"/> were already refunded since: the fee is what it would
    /// have been on the contributions that still stand (so the platform gives back the difference,
    /// computed on the running totals: the rounding never drifts), and the rest comes from the
    /// payee's side (the payout not sent yet, or a debt of the payee once it was). The city's match
    /// stays settled.
    /// </summary>
    public static RefundAfterSettlementSplit RefundAfterSettlement(long contributedAtSettlementCents, long refundedSinceCents, long refundCents, int feeBasisPoints)
    {
        var before = contributedAtSettlementCents - refundedSinceCents;
        var after = before - refundCents;
        if (refundCents <= 0 || refundedSinceCents < 0 || after < 0 || feeBasisPoints is < 0 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(refundCents));
        }

        var feeReturned = Fee(before, feeBasisPoints) - Fee(after, feeBasisPoints);
        return new RefundAfterSettlementSplit(feeReturned, refundCents - feeReturned);
    }

    /// <summary>The fee on an amount, in basis points, rounded half up to the cent.</summary>
    /// <summary>
    /// How a funded campaign's payout is split when its card money sits at a processor that transfers
    /// to the payee's own account (ADR 18): the processor transfers the card money it holds for the
    /// campaign, less the whole fee (the platform keeps its fee where the money is); the rest (offline
    /// gifts, the city's matchfunding, and any fee the card money could not bear) is sent by hand.
    /// The two parts always add up to the payout.
    /// </summary>
    public static (long TransferCents, long ManualCents) PayoutParts(long payoutCents, long cardHeldCents, long feeCents)
    {
        if (payoutCents < 0 || cardHeldCents < 0 || feeCents < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(payoutCents));
        }

        var transfer = Math.Clamp(cardHeldCents - feeCents, 0, payoutCents);
        return (transfer, payoutCents - transfer);
    }

    public static long Fee(long amountCents, int feeBasisPoints) =>
        checked((amountCents * feeBasisPoints) + 5_000) / 10_000;
}

/// <summary>
/// Whether a gift gives right to a tax receipt (article 200 of the French tax code, DESIGN §6): the
/// holder must be the municipality or an association of general interest, the campaign funded, and
/// a reward must keep the gift's disinterest: worth at most a quarter of the gift and at most the
/// legal cap (69 € in 2016, indexed each year: the platform reads it from its configuration).
/// </summary>
public static class TaxReceiptRule
{
    public static bool RewardKeepsDisinterest(long giftCents, long rewardValueCents, long rewardCapCents) =>
        rewardValueCents <= 0 || (rewardValueCents * 4 <= giftCents && rewardValueCents <= rewardCapCents);
}
