namespace Labelkoz.Domain.Funding.Ledger;

/// <summary>The kinds of account money sits in. Stored as text: the ledger outlives enum renumbering.</summary>
public enum LedgerAccountKind
{
    /// <summary>What a payment provider owes us (negative) or we owe it (positive): money in transit, per provider.</summary>
    ProviderClearing = 1,

    /// <summary>What a campaign holds for its project until settlement, per campaign.</summary>
    CampaignEscrow = 2,

    /// <summary>The platform's fees, one account for the platform.</summary>
    PlatformFees = 3,

    /// <summary>What is owed to a campaign's payee (the holder, or the city's public accountant), per campaign.</summary>
    PayeePayable = 4,

    /// <summary>What a city has committed to matchfunding (negative: money the city puts in), per city.</summary>
    MunicipalityMatchfunding = 5,

    /// <summary>What has left the platform to payees, one account for the platform.</summary>
    PayoutsSent = 6,

    /// <summary>
    /// What a campaign's payee owes back (negative): refunds made after its payout was sent, per
    /// campaign. Shown to the operator and the city until the payee pays it back.
    /// </summary>
    PayeeReceivable = 7,

    /// <summary>
    /// What the processor holds back for open disputes (negative: money the platform advanced), per
    /// provider. A won dispute gives it back; a lost one turns it into a refund of the contribution.
    /// </summary>
    DisputesOpen = 8,
}

/// <summary>
/// One account of the ledger: a kind and what it belongs to (a campaign, a provider, a city, or
/// nothing for the platform's own accounts). Accounts are not rows: they exist by their lines, and a
/// balance is the sum of an account's lines.
/// </summary>
public readonly record struct LedgerAccount(LedgerAccountKind Kind, long Reference)
{
    public static LedgerAccount Clearing(PaymentProvider provider) => new(LedgerAccountKind.ProviderClearing, (long)provider);

    public static LedgerAccount Escrow(long campaignId) => new(LedgerAccountKind.CampaignEscrow, campaignId);

    public static LedgerAccount Payable(long campaignId) => new(LedgerAccountKind.PayeePayable, campaignId);

    public static LedgerAccount Disputes(PaymentProvider provider) => new(LedgerAccountKind.DisputesOpen, (long)provider);

    public static LedgerAccount Receivable(long campaignId) => new(LedgerAccountKind.PayeeReceivable, campaignId);

    public static LedgerAccount Matchfunding(long municipalityId) => new(LedgerAccountKind.MunicipalityMatchfunding, municipalityId);

    public static LedgerAccount PlatformFees { get; } = new(LedgerAccountKind.PlatformFees, 0);

    public static LedgerAccount PayoutsSent { get; } = new(LedgerAccountKind.PayoutsSent, 0);
}
