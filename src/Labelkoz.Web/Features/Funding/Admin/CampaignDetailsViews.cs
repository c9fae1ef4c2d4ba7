using Labelkoz.Domain.Funding;

namespace Labelkoz.Web.Features.Funding.Admin;

/// <summary>The campaign as its staff page heads it.</summary>
public sealed record CampaignHeader(
    long Id,
    long ProjectId,
    string Title,
    string Holder,
    CampaignStatus Status,
    CampaignMode Mode,
    long GoalCents,
    long MinimumCents,
    DateTime? LaunchedAtUtc,
    DateTime? EndsAtUtc,
    int? MatchRatioPercent,
    long? MatchCapCents,
    int FeeBasisPoints,
    bool PaysPublicAccountant,
    DateTime? PausedAtUtc,
    string? PauseReason,
    long Version,
    long? OfflineSecondAdminAboveCents = null);

public sealed record CampaignTierRow(long Id, string Title, long MinimumCents, int? Quantity, int Taken);

public sealed record CampaignContributionRow(
    long Id,
    DateTime CreatedAtUtc,
    string? AccountName,
    string? DonorFullName,
    string? PublicName,
    bool IsAnonymous,
    long AmountCents,
    string? Tier,
    PaymentProvider Provider,
    PaymentMethod Method,
    string? Reference,
    ContributionStatus Status,
    long RefundedCents = 0,
    DisputeState Dispute = DisputeState.None);

public sealed record CampaignReceiptRow(long Id, string Number, string DonorFullName, long AmountCents, DateOnly GiftDate, TaxReceiptStatus Status, string? ReplacedByNumber);

/// <summary>The campaign's payout; <paramref name="OwedCents"/> is what its payee owes back (refunds after it was sent).</summary>
public sealed record CampaignPayoutRow(long AmountCents, PayoutStatus Status, bool ToPublicAccountant, string? PayeeName, DateTime CreatedAtUtc, DateTime? SentAtUtc, string? Reference, long OwedCents = 0, PayoutRoute Route = PayoutRoute.Manual, string? TransferError = null);

/// <summary>A cheque or a transfer waiting for an admin's confirmation: who typed it, for whom, how much.</summary>
public sealed record AwaitingOfflineRow(
    long Id,
    DateTime CreatedAtUtc,
    string Donor,
    long AmountCents,
    PaymentMethod Method,
    string? Reference,
    long? RecordedByUserId,
    string? RecordedBy,
    string ProjectTitle);
