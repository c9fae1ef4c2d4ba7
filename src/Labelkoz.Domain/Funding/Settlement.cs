namespace Labelkoz.Domain.Funding;

/// <summary>What a campaign has collected, from the ledger.</summary>
public readonly record struct CampaignTotals(long ContributedCents, long MatchedCents, int Contributors)
{
    public long RaisedCents => ContributedCents + MatchedCents;

    /// <summary>Progress toward the goal in whole percent (may exceed 100).</summary>
    public int PercentOf(long goalCents) => goalCents <= 0 ? 0 : (int)Math.Min(int.MaxValue, RaisedCents * 100 / goalCents);
}

/// <summary>The outcome of a settlement: funded or not, and how the money is split.</summary>
public sealed record SettlementPlan(bool Funded, long FeeCents, long PayoutCents, long MatchReturnedCents);

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

    /// <summary>The fee on an amount, in basis points, rounded half up to the cent.</summary>
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
