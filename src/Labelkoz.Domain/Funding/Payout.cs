using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Funding;

public enum PayoutStatus
{
    Due = 1,
    Sent = 2,

    /// <summary>Nothing left to send: refunds after settlement took all of it.</summary>
    Cancelled = 3,
}

/// <summary>
/// What a funded campaign owes its payee: the holder, or for a city's own project its public
/// accountant. Created by settlement with the ledger's <c>PayoutDue</c>; marked sent (with the
/// transfer's reference) by the platform, with the ledger's <c>PayoutSent</c>.
/// </summary>
public sealed class Payout : ITenantOwned
{
    public const int ReferenceMaxLength = 200;

    private Payout()
    {
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long CampaignId { get; private set; }

    public long AmountCents { get; private set; }

    public bool ToPublicAccountant { get; private set; }

    public long? PayeeUserId { get; private set; }

    public PayoutStatus Status { get; private set; } = PayoutStatus.Due;

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    public string? Reference { get; private set; }

    public long? SentByUserId { get; private set; }

    /// <summary>When refunds after settlement left nothing to send.</summary>
    public DateTime? CancelledAtUtc { get; private set; }

    public long Version { get; private set; } = 1;

    public static Payout Due(Campaign campaign, long amountCents, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.Succeeded != true)
        {
            // Only a campaign whose settlement found it funded owes its payee anything.
            throw new DomainException(PayoutRefusals.CampaignNotFunded);
        }

        if (amountCents <= 0)
        {
            throw new DomainException(PayoutRefusals.AmountNotPositive);
        }

        return new Payout
        {
            MunicipalityId = campaign.MunicipalityId,
            CampaignId = campaign.Id,
            AmountCents = amountCents,
            ToPublicAccountant = campaign.PaysPublicAccountant,
            PayeeUserId = campaign.PaysPublicAccountant ? null : campaign.HolderUserId,
            CreatedAtUtc = nowUtc,
        };
    }

    /// <summary>
    /// A refund after settlement, before the payout was sent, is taken from it (ADR 17): the payout
    /// shrinks, and is cancelled when nothing is left. Once sent, the payee owes it instead.
    /// </summary>
    public void Reduce(long cents, DateTime nowUtc)
    {
        if (Status != PayoutStatus.Due)
        {
            throw new DomainException(PayoutRefusals.NotDue);
        }

        if (cents <= 0 || cents > AmountCents)
        {
            throw new DomainException(PayoutRefusals.ReductionBeyondAmount);
        }

        AmountCents -= cents;
        if (AmountCents == 0)
        {
            Status = PayoutStatus.Cancelled;
            SentAtUtc = null;
            CancelledAtUtc = nowUtc;
        }

        Version++;
    }

    public void MarkSent(long byUserId, string? reference, DateTime nowUtc)
    {
        if (Status == PayoutStatus.Sent)
        {
            throw new DomainException(PayoutRefusals.AlreadySent);
        }

        if (Status != PayoutStatus.Due)
        {
            throw new DomainException(PayoutRefusals.NotDue);
        }

        Reference = Text.Required(reference, ReferenceMaxLength, "Référence du virement", field: "Reference");
        SentByUserId = byUserId;
        SentAtUtc = nowUtc;
        Status = PayoutStatus.Sent;
        Version++;
    }
}

/// <summary>
/// A payee pays back what it owes after refunds made once its payout was sent (ADR 17): at most what
/// it owes, with the reference of the transfer the platform received.
/// </summary>
public static class PayeeDebt
{
    /// <summary>Checks a repayment of <paramref name="amountCents"/> on a debt of <paramref name="owedCents"/>; returns the reference, checked.</summary>
    public static string Repay(long owedCents, long amountCents, string? reference)
    {
        if (owedCents <= 0)
        {
            throw new DomainException(PayoutRefusals.NothingOwed);
        }

        if (amountCents <= 0 || amountCents > owedCents)
        {
            throw new DomainException(PayoutRefusals.RepaymentBeyondDebt.With(Money.Euros(owedCents)));
        }

        return Text.Required(reference, Payout.ReferenceMaxLength, "Référence du virement reçu", field: "Reference");
    }
}
