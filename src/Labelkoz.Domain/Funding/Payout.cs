using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Funding;

public enum PayoutStatus
{
    Due = 1,
    Sent = 2,
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

    public void MarkSent(long byUserId, string? reference, DateTime nowUtc)
    {
        if (Status == PayoutStatus.Sent)
        {
            throw new DomainException(PayoutRefusals.AlreadySent);
        }

        Reference = Text.Required(reference, ReferenceMaxLength, "Référence du virement", field: "Reference");
        SentByUserId = byUserId;
        SentAtUtc = nowUtc;
        Status = PayoutStatus.Sent;
        Version++;
    }
}
