using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;

namespace Labelkoz.Domain.Funding;

/// <summary>Who moves the money. Stored as text.</summary>
public enum PaymentProvider
{
    /// <summary>The built-in card processor in test mode: the embedded default.</summary>
    Sandbox = 1,
    Stripe = 2,

    /// <summary>A cheque or a transfer, recorded by the city's staff.</summary>
    Offline = 3,
}

public enum PaymentMethod
{
    Card = 1,
    Cheque = 2,
    Transfer = 3,
}

public enum ContributionStatus
{
    /// <summary>Started; the payment is not confirmed yet. Its reward unit is held.</summary>
    Pending = 1,
    Succeeded = 2,
    Failed = 3,
    Refunded = 4,
}

/// <summary>The donor's identity, needed on a tax receipt (Cerfa 11580).</summary>
public sealed record DonorIdentity(string FullName, string Address)
{
    public const int FullNameMaxLength = 200;
    public const int AddressMaxLength = 500;

    public static DonorIdentity? Create(string? fullName, string? address, bool required)
    {
        if (string.IsNullOrWhiteSpace(fullName) && string.IsNullOrWhiteSpace(address) && !required)
        {
            return null;
        }

        return new DonorIdentity(
            Text.Required(fullName, FullNameMaxLength, "Nom et prénom", field: "DonorFullName"),
            Text.Required(address, AddressMaxLength, "Adresse postale", multiline: true, field: "DonorAddress"));
    }
}

/// <summary>
/// One person's contribution to a campaign (DESIGN §6): <c>Pending → Succeeded → (Refunded)</c>, or
/// <c>Failed</c>. The money itself moves in the ledger, once per step, keyed by this contribution.
/// The idempotency key is unique per contributor: a double click or a replayed form finds the
/// contribution it already made.
/// </summary>
public sealed class Contribution : ITenantOwned
{
    public const int KeyMaxLength = 64;
    public const int PublicNameMaxLength = 80;
    public const int MessageMaxLength = 1_000;
    public const int ReferenceMaxLength = 200;

    private Contribution()
    {
        IdempotencyKey = string.Empty;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long CampaignId { get; private set; }

    /// <summary>Null for an offline gift recorded by staff for someone without an account.</summary>
    public long? ContributorUserId { get; private set; }

    public long AmountCents { get; private set; }

    public long? TierId { get; private set; }

    public bool IsAnonymous { get; private set; }

    public string? PublicName { get; private set; }

    public string? Message { get; private set; }

    public PaymentProvider Provider { get; private set; }

    public PaymentMethod Method { get; private set; }

    public string? ProviderPaymentId { get; private set; }

    public string IdempotencyKey { get; private set; }

    public ContributionStatus Status { get; private set; } = ContributionStatus.Pending;

    public string? FailureReason { get; private set; }

    public string? OfflineReference { get; private set; }

    public long? RecordedByUserId { get; private set; }

    public string? DonorFullName { get; private set; }

    public string? DonorAddress { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? SucceededAtUtc { get; private set; }

    public DateTime? FailedAtUtc { get; private set; }

    public DateTime? RefundRequestedAtUtc { get; private set; }

    public string? ProviderRefundId { get; private set; }

    public DateTime? RefundedAtUtc { get; private set; }

    public long Version { get; private set; } = 1;

    /// <summary>A person starts a card contribution; the tier's unit is held until the payment fails.</summary>
    public static Contribution Start(
        Campaign campaign,
        RewardTier? tier,
        long contributorUserId,
        long amountCents,
        bool isAnonymous,
        string? publicName,
        string? message,
        PaymentProvider provider,
        string idempotencyKey,
        DonorIdentity? donor,
        DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (provider == PaymentProvider.Offline)
        {
            throw new InvalidOperationException("Offline gifts are recorded by staff with RecordOffline.");
        }

        campaign.EnsureAccepts(amountCents, tier, nowUtc);
        var contribution = New(campaign, tier, amountCents, isAnonymous, publicName, message, idempotencyKey, donor, nowUtc);
        contribution.ContributorUserId = contributorUserId;
        contribution.Provider = provider;
        contribution.Method = PaymentMethod.Card;
        tier?.Take();
        return contribution;
    }

    /// <summary>
    /// The city's staff record a cheque or a transfer they received: it succeeds at once. The
    /// reference (cheque number, transfer label) is required, and the donor is named.
    /// </summary>
    public static Contribution RecordOffline(
        Campaign campaign,
        Municipality city,
        long staffUserId,
        RewardTier? tier,
        long amountCents,
        PaymentMethod method,
        string? reference,
        DonorIdentity donor,
        bool isAnonymous,
        string idempotencyKey,
        DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(donor);
        if (city.Id != campaign.MunicipalityId || city.RoleOf(staffUserId) is null)
        {
            throw new DomainException(ContributionRefusals.OfflineByStaffOnly);
        }

        if (method == PaymentMethod.Card)
        {
            throw new DomainException(ContributionRefusals.OfflineIsChequeOrTransfer);
        }

        campaign.EnsureAccepts(amountCents, tier, nowUtc);
        var contribution = New(campaign, tier, amountCents, isAnonymous, donor.FullName, null, idempotencyKey, donor, nowUtc);
        contribution.Provider = PaymentProvider.Offline;
        contribution.Method = method;
        contribution.OfflineReference = Text.Required(reference, ReferenceMaxLength, "Référence du paiement", field: "Reference");
        contribution.RecordedByUserId = staffUserId;
        tier?.Take();
        contribution.Succeed(nowUtc);
        return contribution;
    }

    /// <summary>The provider confirmed the payment. Returns false when this was already known (a replay).</summary>
    public bool Succeed(DateTime nowUtc)
    {
        switch (Status)
        {
            case ContributionStatus.Succeeded or ContributionStatus.Refunded:
                return false;
            case ContributionStatus.Failed:
                // Its reward unit was given back and may be gone: a declined payment stays declined.
                throw new DomainException(ContributionRefusals.FailedCannotSucceed);
        }

        Status = ContributionStatus.Succeeded;
        SucceededAtUtc = nowUtc;
        Touch();
        return true;
    }

    /// <summary>The payment failed: the tier's unit goes back. Returns false when already settled.</summary>
    public bool Fail(RewardTier? tier, string? reason, DateTime nowUtc)
    {
        if (Status != ContributionStatus.Pending)
        {
            return false;
        }

        Status = ContributionStatus.Failed;
        FailedAtUtc = nowUtc;
        FailureReason = reason is null ? null : reason.Length > 200 ? reason[..200] : reason;
        ReleaseTier(tier);
        Touch();
        return true;
    }

    /// <summary>Settlement asked the provider for a refund (kept so a restart asks with the same key).</summary>
    public void RequestRefund(DateTime nowUtc)
    {
        if (Status != ContributionStatus.Succeeded)
        {
            throw new DomainException(ContributionRefusals.RefundOfUnsucceeded);
        }

        RefundRequestedAtUtc ??= nowUtc;
        Touch();
    }

    /// <summary>The provider refunded the payment: the tier's unit goes back. Returns false on a replay.</summary>
    public bool Refund(RewardTier? tier, string? providerRefundId, DateTime nowUtc)
    {
        if (Status == ContributionStatus.Refunded)
        {
            return false;
        }

        if (Status != ContributionStatus.Succeeded)
        {
            throw new DomainException(ContributionRefusals.RefundOfUnsucceeded);
        }

        Status = ContributionStatus.Refunded;
        RefundedAtUtc = nowUtc;
        RefundRequestedAtUtc ??= nowUtc;
        ProviderRefundId = providerRefundId;
        ReleaseTier(tier);
        Touch();
        return true;
    }

    /// <summary>
    /// A processor told us about this contribution's payment: the contribution takes the step
    /// <see cref="PaymentEventRules"/> decides, and the decision says what money the caller must book
    /// (or ask the processor to give back). <paramref name="tier"/> is the contribution's own tier.
    /// </summary>
    public PaymentEventDecision ApplyPaymentEvent(PaymentEventType type, RewardTier? tier, string? providerRefundId, string? failureReason, DateTime nowUtc)
    {
        var decision = PaymentEventRules.Decide(type, Status);
        switch (decision.Action)
        {
            case PaymentEventAction.Confirm:
                Succeed(nowUtc);
                break;
            case PaymentEventAction.Decline:
                Fail(tier, failureReason, nowUtc);
                break;
            case PaymentEventAction.Refund:
                Refund(tier, providerRefundId, nowUtc);
                break;
            case PaymentEventAction.ConfirmThenRefund:
                Succeed(nowUtc);
                Refund(tier, providerRefundId, nowUtc);
                break;
            case PaymentEventAction.ConfirmAgain:
            case PaymentEventAction.RefundAgain:
            case PaymentEventAction.RefundLatePayment:
            case PaymentEventAction.Ignore:
            case PaymentEventAction.Wait:
                break;
        }

        return decision;
    }

    /// <summary>
    /// The donor gives (or the city corrects) the full name and postal address a tax receipt needs.
    /// Only for a gift that stands: a refunded or failed one gives no receipt.
    /// </summary>
    public void SetDonorIdentity(DonorIdentity donor)
    {
        ArgumentNullException.ThrowIfNull(donor);
        if (Status != ContributionStatus.Succeeded)
        {
            throw new DomainException(ContributionRefusals.DonorIdentityOfUnconfirmedGift);
        }

        DonorFullName = donor.FullName;
        DonorAddress = donor.Address;
        Touch();
    }

    /// <summary>The idempotency key of the ledger transaction for a step of this contribution.</summary>
    public string LedgerKey(LedgerStep step) => $"contribution:{Id}:{step.ToString().ToLowerInvariant()}";

    private static Contribution New(Campaign campaign, RewardTier? tier, long amountCents, bool isAnonymous, string? publicName, string? message, string idempotencyKey, DonorIdentity? donor, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > KeyMaxLength)
        {
            throw new DomainException(ContributionRefusals.FormExpired);
        }

        return new Contribution
        {
            MunicipalityId = campaign.MunicipalityId,
            CampaignId = campaign.Id,
            AmountCents = amountCents,
            TierId = tier?.Id,
            IsAnonymous = isAnonymous,
            PublicName = isAnonymous ? null : Text.Optional(publicName, PublicNameMaxLength, "Nom affiché", field: "PublicName"),
            Message = Text.Optional(message, MessageMaxLength, "Message", multiline: true, field: "Message"),
            IdempotencyKey = idempotencyKey,
            DonorFullName = donor?.FullName,
            DonorAddress = donor?.Address,
            CreatedAtUtc = nowUtc,
        };
    }

    private void ReleaseTier(RewardTier? tier)
    {
        if (TierId is null)
        {
            return;
        }

        if (tier is null || tier.Id != TierId)
        {
            throw new InvalidOperationException("The contribution's own tier must be given to release its unit.");
        }

        tier.Release();
    }

    private void Touch() => Version++;
}

/// <summary>The steps of a contribution that move money, each at most once.</summary>
public enum LedgerStep
{
    Paid = 1,
    Matched = 2,
    Refunded = 3,
}
