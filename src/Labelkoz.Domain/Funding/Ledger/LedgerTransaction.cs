using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Funding.Ledger;

/// <summary>Why money moved. Stored as text.</summary>
public enum LedgerTransactionKind
{
    /// <summary>A contribution succeeded: provider clearing → campaign escrow.</summary>
    Contribution = 1,

    /// <summary>The city matched a contribution: city matchfunding → campaign escrow.</summary>
    Matchfunding = 2,

    /// <summary>A contribution was refunded: campaign escrow → provider clearing.</summary>
    Refund = 3,

    /// <summary>A failed campaign gives the city's matchfunding back: campaign escrow → city matchfunding.</summary>
    MatchfundingReturned = 4,

    /// <summary>The platform's fee on a funded campaign: campaign escrow → platform fees.</summary>
    PlatformFee = 5,

    /// <summary>A funded campaign's money is owed to its payee: campaign escrow → payee payable.</summary>
    PayoutDue = 6,

    /// <summary>The payout was made: payee payable → payouts sent.</summary>
    PayoutSent = 7,

    /// <summary>A correction: the exact opposite of an earlier transaction.</summary>
    Reversal = 8,

    /// <summary>
    /// A contribution refunded (in part or in full) after its campaign was settled as funded:
    /// provider clearing ← platform fees (the fee the refunded money had paid) and the payee's
    /// side (payee payable while the payout is due, payee receivable once it was sent). ADR 17.
    /// </summary>
    RefundAfterSettlement = 9,

    /// <summary>A cardholder disputed a payment: provider clearing ← disputes open (the amount) and platform fees (the processor's fee).</summary>
    DisputeOpened = 10,

    /// <summary>A dispute was won: the processor gives the amount (and the fee it returns) back: disputes open and platform fees ← provider clearing.</summary>
    DisputeWon = 11,

    /// <summary>A payee paid back what it owed after refunds once its payout was sent: payouts sent → payee receivable.</summary>
    PayeeRepaid = 12,

    /// <summary>
    /// Part of a transfer to the payee's connected account was reversed (ADR 18): the money is back in
    /// the processor's balance, and the payee owes that much less: provider clearing → payee receivable.
    /// </summary>
    TransferReversed = 13,
}

/// <summary>
/// One balanced movement of money: lines that sum to zero, in integer cents. A positive line is
/// money arriving in an account, a negative one money leaving it. Append-only: there is no update
/// path; a mistake is corrected by <see cref="Reverse"/>. The idempotency key is unique in the
/// database: the same event, replayed, cannot move money twice.
/// </summary>
public sealed class LedgerTransaction : ITenantOwned
{
    public const int KeyMaxLength = 200;

    private readonly List<LedgerLine> _lines = [];

    private LedgerTransaction()
    {
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long? CampaignId { get; private set; }

    public long? ContributionId { get; private set; }

    public LedgerTransactionKind Kind { get; private set; }

    public string IdempotencyKey { get; private set; } = null!;

    public long? ReversesTransactionId { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    public IReadOnlyList<LedgerLine> Lines => _lines;

    /// <summary>Moves <paramref name="amountCents"/> from one account to another.</summary>
    public static LedgerTransaction Transfer(
        long municipalityId,
        long? campaignId,
        long? contributionId,
        LedgerTransactionKind kind,
        string idempotencyKey,
        LedgerAccount from,
        LedgerAccount to,
        long amountCents,
        DateTime nowUtc)
    {
        if (amountCents <= 0)
        {
            throw new DomainException(LedgerRefusals.AmountNotPositive);
        }

        return Record(municipalityId, campaignId, contributionId, kind, idempotencyKey, nowUtc, [(from, -amountCents), (to, amountCents)]);
    }

    /// <summary>Records lines that must balance: refused otherwise, before anything is written.</summary>
    public static LedgerTransaction Record(
        long municipalityId,
        long? campaignId,
        long? contributionId,
        LedgerTransactionKind kind,
        string idempotencyKey,
        DateTime nowUtc,
        IReadOnlyList<(LedgerAccount Account, long AmountCents)> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > KeyMaxLength)
        {
            throw new DomainException(LedgerRefusals.KeyLength.With(KeyMaxLength));
        }

        if (lines.Count < 2)
        {
            throw new DomainException(LedgerRefusals.FewerThanTwoLines);
        }

        if (lines.Any(l => l.AmountCents == 0))
        {
            throw new DomainException(LedgerRefusals.ZeroLine);
        }

        long sum = 0;
        foreach (var line in lines)
        {
            sum = checked(sum + line.AmountCents);
        }

        if (sum != 0)
        {
            throw new DomainException(LedgerRefusals.Unbalanced.With(sum));
        }

        var transaction = new LedgerTransaction
        {
            MunicipalityId = municipalityId,
            CampaignId = campaignId,
            ContributionId = contributionId,
            Kind = kind,
            IdempotencyKey = idempotencyKey,
            RecordedAtUtc = nowUtc,
        };
        transaction._lines.AddRange(lines.Select(l => new LedgerLine(municipalityId, l.Account, l.AmountCents)));
        return transaction;
    }

    /// <summary>The correction of this transaction: the same lines, opposite signs.</summary>
    public LedgerTransaction Reverse(string idempotencyKey, DateTime nowUtc)
    {
        var reversal = Record(MunicipalityId, CampaignId, ContributionId, LedgerTransactionKind.Reversal, idempotencyKey, nowUtc, [.. _lines.Select(l => (l.Account, -l.AmountCents))]);
        reversal.ReversesTransactionId = Id;
        return reversal;
    }
}

/// <summary>One line of a transaction: an account and a signed amount in cents.</summary>
public sealed class LedgerLine : ITenantOwned
{
    private LedgerLine()
    {
    }

    internal LedgerLine(long municipalityId, LedgerAccount account, long amountCents)
    {
        MunicipalityId = municipalityId;
        AccountKind = account.Kind;
        AccountReference = account.Reference;
        AmountCents = amountCents;
    }

    public long Id { get; private set; }

    public long TransactionId { get; private set; }

    public long MunicipalityId { get; private set; }

    public LedgerAccountKind AccountKind { get; private set; }

    public long AccountReference { get; private set; }

    public long AmountCents { get; private set; }

    public LedgerAccount Account => new(AccountKind, AccountReference);
}
