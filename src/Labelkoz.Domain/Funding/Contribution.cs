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

    /// <summary>Paid, and standing: in full, or in part after partial refunds (<see cref="Contribution.RefundedCents"/>).</summary>
    Succeeded = 2,
    Failed = 3,

    /// <summary>Refunded in full, by one refund or several.</summary>
    Refunded = 4,
}

/// <summary>Where a cardholder's dispute (a chargeback) of the payment stands. Stored as text.</summary>
public enum DisputeState
{
    None = 0,

    /// <summary>Open: the processor holds the amount until the card's bank decides.</summary>
    Open = 1,

    /// <summary>Decided for the platform: the money came back, the gift stands.</summary>
    Won = 2,

    /// <summary>Decided for the cardholder: the amount was refunded for good.</summary>
    Lost = 3,
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
/// <c>Failed</c>. A succeeded contribution can be refunded in part, by any number of refunds, each
/// recorded once by the processor's refund id (<see cref="Refunds"/>); it is Refunded when nothing
/// of it stands. The money itself moves in the ledger, once per step, keyed by this contribution.
/// The idempotency key is unique per contributor: a double click or a replayed form finds the
/// contribution it already made.
/// </summary>
public sealed class Contribution : ITenantOwned
{
    private readonly List<ContributionRefund> _refunds = [];

    public const int KeyMaxLength = 64;
    public const int PublicNameMaxLength = 80;
    public const int MessageMaxLength = 1_000;
    public const int ReferenceMaxLength = 200;
    public const int RefundReasonMaxLength = 500;
    public const int FailureReasonMaxLength = 200;

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

    /// <summary>The admin who confirmed an offline payment that waited for a second person (issue #16).</summary>
    public long? ConfirmedByUserId { get; private set; }

    public DateTime? ConfirmedAtUtc { get; private set; }

    public string? DonorFullName { get; private set; }

    public string? DonorAddress { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? SucceededAtUtc { get; private set; }

    public DateTime? FailedAtUtc { get; private set; }

    public DateTime? RefundRequestedAtUtc { get; private set; }

    public string? ProviderRefundId { get; private set; }

    /// <summary>When it was refunded in full.</summary>
    public DateTime? RefundedAtUtc { get; private set; }

    /// <summary>What the processor gave back so far, by every refund (partial or full).</summary>
    public long RefundedCents { get; private set; }

    /// <summary>
    /// Whether its reward unit went back to the stock: when the payment failed, when it was
    /// refunded in full, or when a partial refund left less than the reward's minimum.
    /// </summary>
    public bool RewardReleased { get; private set; }

    /// <summary>The last dispute of the payment, if any: its processor id, amount and state.</summary>
    public string? DisputeId { get; private set; }

    public long DisputedCents { get; private set; }

    public DisputeState Dispute { get; private set; }

    public DateTime? DisputeOpenedAtUtc { get; private set; }

    public DateTime? DisputeClosedAtUtc { get; private set; }

    public long Version { get; private set; } = 1;

    /// <summary>What stands of the gift: the amount paid less every refund.</summary>
    public long StandingCents => AmountCents - RefundedCents;

    /// <summary>Whether it holds a unit of its reward tier (<see cref="RewardTier.Taken"/> counts it).</summary>
    public bool HoldsReward => TierId is not null && !RewardReleased;

    /// <summary>
    /// An offline payment recorded by one person that waits for a city admin's confirmation before
    /// it counts (four eyes on money, issue #16): it holds its reward unit, and nothing is booked.
    /// </summary>
    public bool AwaitsConfirmation => Provider == PaymentProvider.Offline && Status == ContributionStatus.Pending;

    /// <summary>The refunds the processor made, each once (loaded with the contribution when it is refunded).</summary>
    public IReadOnlyList<ContributionRefund> Refunds => _refunds;


    /// <summary>
    /// A unit of a limited reward is held by an unpaid contribution until it is paid or abandoned: a
    /// person holds at most one unit of a limited reward at a time, so that one account cannot make
    /// a reward look sold out to everyone by starting contributions it never pays (issue #16).
    /// </summary>
    public static void EnsureOneHoldPerPerson(RewardTier? tier, bool personHasUnpaidOnTier)
    {
        if (tier?.Quantity is not null && personHasUnpaidOnTier)
        {
            throw new DomainException(ContributionRefusals.LimitedRewardAlreadyHeld);
        }
    }

    /// <summary>
    /// The same form sent again (its idempotency key) finds this contribution: it must be the same
    /// person asking for the same gift. A key replayed with another amount or reward is refused,
    /// never answered with the first contribution as if it were the second (issue #16).
    /// </summary>
    public void EnsureSameRequest(long userId, long amountCents, long? tierId)
    {
        if (ContributorUserId != userId)
        {
            throw new DomainException(ContributionRefusals.FormExpired);
        }

        if (AmountCents != amountCents || TierId != tierId)
        {
            throw new DomainException(ContributionRefusals.FormReusedForAnotherGift);
        }
    }
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
    /// Whether a cheque or a transfer recorded by <paramref name="staffUserId"/> waits for a second
    /// person before it counts (four eyes on money, issue #16): always when an agent records it (an
    /// admin confirms); when an admin records more than the city's threshold
    /// (<see cref="Municipality.OfflineSecondAdminAboveCents"/>) and the city has another admin.
    /// </summary>
    public static bool OfflineNeedsConfirmation(Municipality city, long staffUserId, long amountCents, long? holderUserId = null)
    {
        ArgumentNullException.ThrowIfNull(city);
        return city.RoleOf(staffUserId) switch
        {
            // The holder's own team member typing a gift to their own campaign: never alone.
            _ when staffUserId == holderUserId => true,
            StaffRole.Admin => city.OfflineSecondAdminAboveCents is { } threshold && amountCents > threshold
                && city.Memberships.Any(m => m.Role == StaffRole.Admin && m.UserId != staffUserId),
            _ => true,
        };
    }

    /// <summary>
    /// The city's staff record a cheque or a transfer they received. The reference (cheque number,
    /// transfer label) is required, and the donor is named. It succeeds at once when one person may
    /// record it alone; otherwise it waits, holding its reward unit, for an admin other than the
    /// one who typed it (<see cref="OfflineNeedsConfirmation"/>, <see cref="ConfirmOffline"/>).
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
        if (!OfflineNeedsConfirmation(city, staffUserId, amountCents, campaign.HolderUserId))
        {
            contribution.Succeed(nowUtc);
        }

        return contribution;
    }

    /// <summary>
    /// A city admin, not the person who recorded it, confirms an offline payment that waited: it
    /// counts from now (the caller books it, matchfunding included). Possible until the campaign's
    /// settlement starts, even after its end date (a cheque that arrived on the last day).
    /// Returns false on a replay (already confirmed by this admin).
    /// </summary>
    public bool ConfirmOffline(Campaign campaign, Municipality city, long adminUserId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(city);
        EnsureOfflineDecider(campaign, city, adminUserId);
        if (Status == ContributionStatus.Succeeded && ConfirmedByUserId == adminUserId)
        {
            return false;
        }

        if (!AwaitsConfirmation)
        {
            throw new DomainException(ContributionRefusals.OfflineNotAwaiting);
        }

        if (adminUserId == RecordedByUserId)
        {
            throw new DomainException(ContributionRefusals.OfflineConfirmedByAnother);
        }

        if (adminUserId == campaign.HolderUserId)
        {
            throw new DomainException(ContributionRefusals.OfflineConfirmedByHolder);
        }

        if (campaign.Status is not (CampaignStatus.Live or CampaignStatus.Paused))
        {
            throw new DomainException(ContributionRefusals.OfflineConfirmTooLate);
        }

        ConfirmedByUserId = adminUserId;
        ConfirmedAtUtc = nowUtc;
        Succeed(nowUtc);
        return true;
    }

    /// <summary>
    /// A city admin (or the person who typed it, to correct a mistake) sets aside an offline payment
    /// that waited, with a reason: it never counts, its reward unit goes back.
    /// </summary>
    public string RejectOffline(Campaign campaign, Municipality city, long staffUserId, RewardTier? tier, string? reason, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(city);
        if (!AwaitsConfirmation)
        {
            throw new DomainException(ContributionRefusals.OfflineNotAwaiting);
        }

        if (staffUserId != RecordedByUserId)
        {
            EnsureOfflineDecider(campaign, city, staffUserId);
        }
        else if (city.Id != MunicipalityId || city.RoleOf(staffUserId) is null)
        {
            throw new DomainException(ContributionRefusals.OfflineByStaffOnly);
        }

        var why = Text.Required(reason, FailureReasonMaxLength, "Motif", multiline: true, field: "Reason");
        Fail(tier, why, nowUtc);
        return why;
    }

    private void EnsureOfflineDecider(Campaign campaign, Municipality city, long adminUserId)
    {
        if (Provider != PaymentProvider.Offline || campaign.Id != CampaignId || city.Id != MunicipalityId)
        {
            throw new DomainException(ContributionRefusals.OfflineNotAwaiting);
        }

        if (city.RoleOf(adminUserId) != StaffRole.Admin)
        {
            throw new DomainException(ContributionRefusals.OfflineConfirmedByAdmin);
        }
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
        FailureReason = reason is null ? null : reason.Length > FailureReasonMaxLength ? reason[..FailureReasonMaxLength] : reason;
        ReleaseTier(tier);
        Touch();
        return true;
    }

    /// <summary>
    /// Whether the platform may ask the processor to give back <paramref name="amountCents"/> of
    /// this contribution (the operator's refund, at a donor's request): a card payment that
    /// succeeded, not under dispute (the bank decides), for at most what stands. The refund itself
    /// is recorded when the processor confirms it (<see cref="Refund"/>).
    /// </summary>
    /// <returns>The reason, checked: required, at most <see cref="RefundReasonMaxLength"/> characters.</returns>
    public string EnsureRefundable(long amountCents, string? reason)
    {
        if (Status != ContributionStatus.Succeeded)
        {
            throw new DomainException(ContributionRefusals.RefundOfUnsucceeded);
        }

        if (Provider == PaymentProvider.Offline)
        {
            throw new DomainException(ContributionRefusals.RefundOfOfflineGift);
        }

        if (Dispute == DisputeState.Open)
        {
            throw new DomainException(ContributionRefusals.RefundDuringDispute);
        }

        if (amountCents <= 0)
        {
            throw new DomainException(ContributionRefusals.RefundAmountNotPositive);
        }

        if (amountCents > StandingCents)
        {
            throw new DomainException(ContributionRefusals.RefundBeyondStanding.With(Money.Euros(amountCents), Money.Euros(StandingCents)));
        }

        return Text.Required(reason, RefundReasonMaxLength, "Motif du remboursement", multiline: true, field: "Reason");
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

    /// <summary>
    /// The processor refunded <paramref name="amountCents"/> of the payment (null: all that still
    /// stands), under its refund id: recorded once, a replay of the same refund id returns null.
    /// A refund never exceeds what stands. The reward rule (stated in ADR 17): the reward unit goes
    /// back to the stock when the refund is full, or when what stands falls below the tier's
    /// minimum (the gift no longer earns that reward); otherwise the contributor keeps it.
    /// A refund of "all that stands" on a gift refunded in full is nothing: null.
    /// <paramref name="afterSettlement"/>: the campaign was already settled as funded (the refund
    /// is then booked against the payout or the payee, ADR 17).
    /// </summary>
    public ContributionRefund? Refund(RewardTier? tier, string providerRefundId, long? amountCents, bool afterSettlement, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(providerRefundId) || providerRefundId.Length > PaymentEvent.IdMaxLength)
        {
            throw new ArgumentException("A refund has the processor's id.", nameof(providerRefundId));
        }

        if (_refunds.Any(r => r.ProviderRefundId == providerRefundId))
        {
            return null;
        }

        if (Status is not (ContributionStatus.Succeeded or ContributionStatus.Refunded))
        {
            throw new DomainException(ContributionRefusals.RefundOfUnsucceeded);
        }

        if (amountCents is null && StandingCents == 0)
        {
            // "All that stands" of a gift refunded in full: nothing left to give back.
            return null;
        }

        var cents = amountCents ?? StandingCents;
        if (cents <= 0 || cents > StandingCents)
        {
            throw new DomainException(ContributionRefusals.RefundBeyondStanding.With(Money.Euros(cents), Money.Euros(StandingCents)));
        }

        var refund = new ContributionRefund(this, providerRefundId, cents, afterSettlement, nowUtc);
        _refunds.Add(refund);
        RefundedCents += cents;
        RefundRequestedAtUtc ??= nowUtc;
        ProviderRefundId = providerRefundId;
        if (StandingCents == 0)
        {
            Status = ContributionStatus.Refunded;
            RefundedAtUtc = nowUtc;
            ReleaseTier(tier);
        }
        else if (tier is not null && tier.Id == TierId && StandingCents < tier.MinimumCents)
        {
            ReleaseTier(tier);
        }

        Touch();
        return refund;
    }

    /// <summary>
    /// The cardholder disputed the payment: it shows "contestée" until the bank decides. Returns
    /// false on a replay (the same dispute already open or decided). The amount cannot exceed what
    /// stands (a larger one is refused, for the operator to look at).
    /// </summary>
    public bool OpenDispute(string disputeId, long amountCents, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(disputeId) || disputeId.Length > PaymentEvent.IdMaxLength)
        {
            throw new ArgumentException("A dispute has the processor's id.", nameof(disputeId));
        }

        if (DisputeId == disputeId)
        {
            return false;
        }

        if (Status != ContributionStatus.Succeeded)
        {
            throw new DomainException(ContributionRefusals.DisputeOfUnsucceeded);
        }

        if (amountCents <= 0 || amountCents > StandingCents || Dispute == DisputeState.Open)
        {
            throw new DomainException(ContributionRefusals.DisputeBeyondStanding.With(Money.Euros(amountCents), Money.Euros(StandingCents)));
        }

        DisputeId = disputeId;
        DisputedCents = amountCents;
        Dispute = DisputeState.Open;
        DisputeOpenedAtUtc = nowUtc;
        DisputeClosedAtUtc = null;
        Touch();
        return true;
    }

    /// <summary>The dispute was decided for the platform: the gift stands. False when it is not this open dispute (a replay).</summary>
    public bool WinDispute(string disputeId, DateTime nowUtc)
    {
        if (Dispute != DisputeState.Open || DisputeId != disputeId)
        {
            return false;
        }

        Dispute = DisputeState.Won;
        DisputeClosedAtUtc = nowUtc;
        Touch();
        return true;
    }

    /// <summary>
    /// The dispute was decided for the cardholder: its amount is a refund of the gift, recorded and
    /// booked like any other (reward, match, receipt), under the dispute's id. Null on a replay.
    /// </summary>
    public ContributionRefund? LoseDispute(string disputeId, RewardTier? tier, bool afterSettlement, DateTime nowUtc)
    {
        if (Dispute != DisputeState.Open || DisputeId != disputeId)
        {
            return null;
        }

        Dispute = DisputeState.Lost;
        DisputeClosedAtUtc = nowUtc;
        var refund = Refund(tier, disputeId, Math.Min(DisputedCents, StandingCents), afterSettlement, nowUtc);
        refund?.MarkByDispute();
        return refund;
    }

    /// <summary>
    /// A processor told us about this contribution's payment: the contribution takes the step
    /// <see cref="PaymentEventRules"/> decides, and the decision says what money the caller must book
    /// (or ask the processor to give back). <paramref name="tier"/> is the contribution's own tier.
    /// </summary>
    /// <returns>The decision, and the refund it recorded (null when none, or a replay of a refund already recorded).</returns>
    public (PaymentEventDecision Decision, ContributionRefund? Refund) ApplyPaymentEvent(PaymentEvent paymentEvent, RewardTier? tier, bool campaignSettled, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(paymentEvent);
        var decision = PaymentEventRules.Decide(paymentEvent.Type, Status);
        ContributionRefund? refund = null;
        var refundId = paymentEvent.RefundId ?? paymentEvent.EventId;
        switch (decision.Action)
        {
            case PaymentEventAction.Confirm:
                Succeed(nowUtc);
                break;
            case PaymentEventAction.Decline:
                Fail(tier, paymentEvent.FailureReason, nowUtc);
                break;
            case PaymentEventAction.Refund:
            case PaymentEventAction.RefundAgain:
                refund = Refund(tier, refundId, paymentEvent.AmountCents, campaignSettled, nowUtc);
                break;
            case PaymentEventAction.ConfirmThenRefund:
                Succeed(nowUtc);
                refund = Refund(tier, refundId, paymentEvent.AmountCents, campaignSettled, nowUtc);
                break;
            case PaymentEventAction.OpenDispute:
                OpenDispute(refundId, paymentEvent.AmountCents ?? StandingCents, nowUtc);
                break;
            case PaymentEventAction.WinDispute:
                WinDispute(refundId, nowUtc);
                break;
            case PaymentEventAction.LoseDispute:
                refund = LoseDispute(refundId, tier, campaignSettled, nowUtc);
                break;
            case PaymentEventAction.ConfirmAgain:
            case PaymentEventAction.RefundLatePayment:
            case PaymentEventAction.Ignore:
            case PaymentEventAction.Wait:
                break;
        }

        return (decision, refund);
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

    /// <summary>The idempotency key of the ledger transaction (and the match's return) of one refund.</summary>
    public string LedgerKey(ContributionRefund refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        return $"contribution:{Id}:refund:{refund.ProviderRefundId}";
    }

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
        if (!HoldsReward)
        {
            return;
        }

        if (tier is null || tier.Id != TierId)
        {
            throw new InvalidOperationException("The contribution's own tier must be given to release its unit.");
        }

        tier.Release();
        RewardReleased = true;
    }

    private void Touch() => Version++;
}

/// <summary>
/// One refund of a contribution, as the processor made it: its id (recorded once per contribution:
/// a replayed event finds it), its amount, and whether the campaign was already settled then.
/// </summary>
public sealed class ContributionRefund : ITenantOwned
{
    private ContributionRefund()
    {
        ProviderRefundId = string.Empty;
    }

    internal ContributionRefund(Contribution contribution, string providerRefundId, long amountCents, bool afterSettlement, DateTime nowUtc)
    {
        MunicipalityId = contribution.MunicipalityId;
        ContributionId = contribution.Id;
        ProviderRefundId = providerRefundId;
        AmountCents = amountCents;
        AfterSettlement = afterSettlement;
        RefundedAtUtc = nowUtc;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long ContributionId { get; private set; }

    public string ProviderRefundId { get; private set; }

    public long AmountCents { get; private set; }

    /// <summary>The campaign was settled as funded when the refund came: it is booked against the payout or the payee.</summary>
    public bool AfterSettlement { get; private set; }

    /// <summary>A lost dispute, not a refund the platform or the processor chose: the money already left with the dispute.</summary>
    public bool ByDispute { get; private set; }

    public DateTime RefundedAtUtc { get; private set; }

    internal void MarkByDispute() => ByDispute = true;
}

/// <summary>The steps of a contribution that move money, each at most once.</summary>
public enum LedgerStep
{
    Paid = 1,
    Matched = 2,
    Refunded = 3,
}
