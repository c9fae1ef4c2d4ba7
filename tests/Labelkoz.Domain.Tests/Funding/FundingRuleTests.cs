using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Funding.Ledger;
using Labelkoz.Domain.Projects;
using Labelkoz.Domain.Tests.Common;
using Labelkoz.Domain.Tests.Projects;

namespace Labelkoz.Domain.Tests.Funding;

/// <summary>
/// Every rule of campaigns, reward tiers, contributions, payouts, tax receipts and the ledger, met
/// with its code and field (as the holder's campaign form, the contribution forms and the back
/// office's receipts form name them).
/// </summary>
public sealed class FundingRuleTests
{
    private const long Holder = FundingKit.Holder;
    private const long Admin = FundingKit.Admin;
    private static readonly DateTime Now = FundingKit.Now;
    private static readonly DateTime AfterTheEnd = Now.AddDays(31);
    private static readonly DonorIdentity Lea = new("Léa Fontaine", "3 rue de Paris\n93100 Montreuil");

    internal static readonly RuleCase[] Cases =
    [
        RuleCase.Thrown(CampaignRefusals.PreparedByHolderOnly, () =>
        {
            var kit = new FundingKit();
            Campaign.Prepare(kit.Project, kit.City, Holder + 1, Now);
        }),
        RuleCase.Asked(CampaignRefusals.LabelNoLongerValid, () => Campaign.WhyCannotBeFunded(ProjectStatus.Labelled, hasActiveLabel: false, labelRequiredForFunding: true, isPublic: true)),
        RuleCase.Asked(CampaignRefusals.LabelRequired, () => Campaign.WhyCannotBeFunded(ProjectStatus.Submitted, hasActiveLabel: false, labelRequiredForFunding: true, isPublic: true)),
        RuleCase.Asked(CampaignRefusals.ProjectNotPublished, () => Campaign.WhyCannotBeFunded(ProjectStatus.Submitted, hasActiveLabel: false, labelRequiredForFunding: false, isPublic: false)),
        RuleCase.Thrown(CampaignRefusals.TermsFrozen, () => new FundingKit().Live().Configure(Holder, 2_000_00, Now.AddDays(20), CampaignMode.AllOrNothing, 1_00, Now)),
        RuleCase.Thrown(CampaignRefusals.GoalOutOfRange, () => Prepared().Configure(Holder, Campaign.MinGoalCents - 1, Now.AddDays(20), CampaignMode.AllOrNothing, 1_00, Now)),
        RuleCase.Thrown(CampaignRefusals.UnknownMode, () => Prepared().Configure(Holder, 1_000_00, Now.AddDays(20), (CampaignMode)9, 1_00, Now)),
        RuleCase.Thrown(CampaignRefusals.MinimumOutOfRange, () => Prepared().Configure(Holder, 1_000_00, Now.AddDays(20), CampaignMode.AllOrNothing, 1_000_01, Now)),
        RuleCase.Thrown(CampaignRefusals.EndsTooSoon, () => Prepared().Configure(Holder, 1_000_00, Now.AddDays(1), CampaignMode.AllOrNothing, 1_00, Now)),
        RuleCase.Thrown(CampaignRefusals.LastsTooLong, () => Prepared().Configure(Holder, 1_000_00, Now.AddDays(Campaign.MaxDurationDays + 1), CampaignMode.AllOrNothing, 1_00, Now)),
        RuleCase.Thrown(CampaignRefusals.TooManyTiers, () =>
        {
            var campaign = new FundingKit().Draft();
            for (var i = campaign.Tiers.Count; i <= Campaign.MaxTiers; i++)
            {
                campaign.AddTier(Holder, new TierTerms($"Contrepartie {i}", null, 10_00), Now);
            }
        }),
        RuleCase.Thrown(CampaignRefusals.EndedNoNewTier, () => Settling().AddTier(Holder, new TierTerms("Un badge", null, 10_00), Now)),
        RuleCase.Thrown(CampaignRefusals.EndedTiersFrozen, () => Settling().EditTier(Holder, 100, new TierTerms("Un t-shirt", null, 20_00, 20, 5_00), Now)),
        RuleCase.Thrown(CampaignRefusals.LiveTierOnlyQuantityChanges, () => new FundingKit().Live().EditTier(Holder, 100, new TierTerms("Un sweat", null, 20_00, 10, 5_00), Now)),
        RuleCase.Thrown(CampaignRefusals.LiveTierNotRemovable, () => new FundingKit().Live().RemoveTier(Holder, 100)),
        RuleCase.Thrown(CampaignRefusals.AlreadyLaunched, () =>
        {
            var kit = new FundingKit();
            kit.Live().Launch(kit.Project, kit.City, Holder, 500, Now);
        }),
        RuleCase.Thrown(CampaignRefusals.IncompleteForLaunch, () =>
        {
            var kit = new FundingKit();
            Campaign.Prepare(kit.Project, kit.City, Holder, Now).Launch(kit.Project, kit.City, Holder, 500, Now);
        }),
        RuleCase.Thrown(CampaignRefusals.FeeOutOfRange, () =>
        {
            var kit = new FundingKit();
            kit.Draft().Launch(kit.Project, kit.City, Holder, 5_001, Now);
        }),
        RuleCase.Thrown(CampaignRefusals.PauseByAdminOnly, () =>
        {
            var kit = new FundingKit();
            kit.Live().Pause(kit.City, ReviewKit.Agent, "Des doutes sur le porteur.", Now);
        }),
        RuleCase.Thrown(CampaignRefusals.ResumeByAdminOnly, () =>
        {
            var kit = new FundingKit();
            var campaign = kit.Live();
            campaign.Pause(kit.City, Admin, "Des doutes sur le porteur.", Now);
            campaign.Resume(kit.City, ReviewKit.Agent, Now);
        }),
        RuleCase.Thrown(CampaignRefusals.NotLiveToPause, () =>
        {
            var kit = new FundingKit();
            kit.Draft().Pause(kit.City, Admin, "Des doutes sur le porteur.", Now);
        }),
        RuleCase.Thrown(CampaignRefusals.NotPausedToResume, () =>
        {
            var kit = new FundingKit();
            kit.Live().Resume(kit.City, Admin, Now);
        }),
        RuleCase.Thrown(CampaignRefusals.NotYetLaunched, () => new FundingKit().Draft().EnsureAccepts(10_00, null, Now)),
        RuleCase.Thrown(CampaignRefusals.PausedByCity, () =>
        {
            var kit = new FundingKit();
            var campaign = kit.Live();
            campaign.Pause(kit.City, Admin, "Des doutes sur le porteur.", Now);
            campaign.EnsureAccepts(10_00, null, Now);
        }),
        RuleCase.Thrown(CampaignRefusals.Ended, () => new FundingKit().Live().EnsureAccepts(10_00, null, Now.AddDays(30))),
        RuleCase.Thrown(CampaignRefusals.ContributionBelowMinimum, () => new FundingKit().Live().EnsureAccepts(4_99, null, Now)),
        RuleCase.Thrown(CampaignRefusals.ContributionAboveMaximum, () => new FundingKit().Live().EnsureAccepts(Campaign.MaxContributionCents + 1, null, Now)),
        RuleCase.Thrown(CampaignRefusals.TierOfAnotherCampaign, () =>
        {
            var other = FundingKit.WithId(new FundingKit().Draft(), 9);
            var badge = other.AddTier(Holder, new TierTerms("Un badge", null, 10_00), Now);
            new FundingKit().Live().EnsureAccepts(20_00, badge, Now);
        }),
        RuleCase.Thrown(CampaignRefusals.ContributionBelowTierMinimum, () =>
        {
            var campaign = new FundingKit().Live();
            campaign.EnsureAccepts(10_00, campaign.Tier(100), Now);
        }),
        RuleCase.Thrown(CampaignRefusals.NotDueForSettlement, () => new FundingKit().Live().StartSettlement(true, Now)),
        RuleCase.Thrown(CampaignRefusals.NotSettling, () =>
        {
            var kit = new FundingKit();
            kit.Live().FinishSettlement(kit.Project, Now);
        }),
        RuleCase.Thrown(CampaignRefusals.UnknownTier, () => new FundingKit().Draft().Tier(999)),
        RuleCase.Thrown(CampaignRefusals.ChangedByHolderOnly, () => new FundingKit().Draft().RemoveTier(Holder + 1, 100)),
        RuleCase.Thrown(CampaignRefusals.TierMinimumOutOfRange, () => Prepared().AddTier(Holder, new TierTerms("Un badge", null, Campaign.MinContributionCents - 1), Now)),
        RuleCase.Thrown(CampaignRefusals.TierValueOutOfRange, () => Prepared().AddTier(Holder, new TierTerms("Un badge", null, 10_00, null, 10_01), Now)),
        RuleCase.Thrown(CampaignRefusals.TierQuantityOutOfRange, () => Prepared().AddTier(Holder, new TierTerms("Un badge", null, 10_00, 0), Now)),
        RuleCase.Thrown(CampaignRefusals.TierQuantityBelowTaken, () =>
        {
            var campaign = new FundingKit().Live();
            Contributions(campaign, 3);
            campaign.EditTier(Holder, 100, new TierTerms("Un t-shirt", null, 20_00, 2, 5_00), Now);
        }),
        RuleCase.Thrown(CampaignRefusals.TierSoldOut, () => Contributions(new FundingKit().Live(), 11)),
        RuleCase.Thrown(TextRefusals.Required, "Title", () => Prepared().AddTier(Holder, new TierTerms(" ", null, 10_00), Now)),
        RuleCase.Thrown(TextRefusals.Required, "Reason", () =>
        {
            var kit = new FundingKit();
            kit.Live().Pause(kit.City, Admin, " ", Now);
        }),

        RuleCase.Thrown(ContributionRefusals.OfflineByStaffOnly, () => Offline(ReviewKit.Outsider, PaymentMethod.Cheque, "Chèque 123")),
        RuleCase.Thrown(ContributionRefusals.OfflineIsChequeOrTransfer, () => Offline(Admin, PaymentMethod.Card, "Carte")),
        RuleCase.Thrown(TextRefusals.Required, "Reference", () => Offline(Admin, PaymentMethod.Transfer, " ")),
        RuleCase.Thrown(ContributionRefusals.FailedCannotSucceed, () =>
        {
            var contribution = Pending();
            contribution.Fail(null, "Carte refusée", Now);
            contribution.Succeed(Now);
        }),
        RuleCase.Thrown(ContributionRefusals.RefundOfUnsucceeded, () => Pending().RequestRefund(Now)),
        RuleCase.Thrown(ContributionRefusals.RefundBeyondStanding, () =>
        {
            var contribution = Pending();
            contribution.Succeed(Now);
            contribution.Refund(null, "re_1", 25_01, false, Now);
        }),
        RuleCase.Thrown(ContributionRefusals.RefundAmountNotPositive, "Amount", () =>
        {
            var contribution = Pending();
            contribution.Succeed(Now);
            contribution.EnsureRefundable(0, "Erreur de montant");
        }),
        RuleCase.Thrown(ContributionRefusals.RefundOfOfflineGift, "Amount", () =>
        {
            var kit = new FundingKit();
            var gift = Contribution.RecordOffline(kit.Live(), kit.City, FundingKit.Admin, null, 50_00, PaymentMethod.Cheque, "Chèque 1", Lea, false, "k", Now);
            gift.EnsureRefundable(10_00, "Erreur");
        }),
        RuleCase.Thrown(ContributionRefusals.RefundDuringDispute, "Amount", () =>
        {
            var contribution = Pending();
            contribution.Succeed(Now);
            contribution.OpenDispute("dp_1", 10_00, Now);
            contribution.EnsureRefundable(10_00, "Erreur");
        }),
        RuleCase.Thrown(ContributionRefusals.DisputeOfUnsucceeded, () => Pending().OpenDispute("dp_1", 10_00, Now)),
        RuleCase.Thrown(ContributionRefusals.DisputeBeyondStanding, () =>
        {
            var contribution = Pending();
            contribution.Succeed(Now);
            contribution.OpenDispute("dp_1", 25_01, Now);
        }),
        RuleCase.Thrown(ContributionRefusals.DonorIdentityOfUnconfirmedGift, () => Pending().SetDonorIdentity(Lea)),
        RuleCase.Thrown(ContributionRefusals.FormExpired, () => Contribution.Start(new FundingKit().Live(), null, FundingKit.Donor, 10_00, false, null, null, PaymentProvider.Sandbox, " ", null, Now)),
        RuleCase.Thrown(ContributionRefusals.LimitedRewardAlreadyHeld, "TierId", () => Contribution.EnsureOneHoldPerPerson(new FundingKit().Live().Tiers[0], personHasUnpaidOnTier: true)),
        RuleCase.Thrown(ContributionRefusals.OfflineConfirmedByAdmin, () =>
        {
            var kit = new FundingKit();
            var campaign = kit.Live();
            Contribution.RecordOffline(campaign, kit.City, Projects.ReviewKit.Agent, null, 50_00, PaymentMethod.Cheque, "Chèque 1", Lea, false, "k", Now)
                .ConfirmOffline(campaign, kit.City, Projects.ReviewKit.Agent, Now);
        }),
        RuleCase.Thrown(ContributionRefusals.OfflineConfirmedByAnother, () =>
        {
            var kit = new FundingKit();
            kit.City.GrantRole(22, Labelkoz.Domain.Municipalities.StaffRole.Admin, Now);
            var campaign = kit.Live();
            Contribution.RecordOffline(campaign, kit.City, FundingKit.Admin, null, 2_000_00, PaymentMethod.Cheque, "Chèque 1", Lea, false, "k", Now)
                .ConfirmOffline(campaign, kit.City, FundingKit.Admin, Now);
        }),
        RuleCase.Thrown(ContributionRefusals.OfflineConfirmedByHolder, () =>
        {
            var kit = new FundingKit();
            kit.City.GrantRole(FundingKit.Holder, Labelkoz.Domain.Municipalities.StaffRole.Admin, Now);
            var campaign = kit.Live();
            Contribution.RecordOffline(campaign, kit.City, Projects.ReviewKit.Agent, null, 50_00, PaymentMethod.Cheque, "Chèque 1", Lea, false, "k", Now)
                .ConfirmOffline(campaign, kit.City, FundingKit.Holder, Now);
        }),
        RuleCase.Thrown(ContributionRefusals.OfflineNotAwaiting, () =>
        {
            var kit = new FundingKit();
            var campaign = kit.Live();
            Contribution.RecordOffline(campaign, kit.City, FundingKit.Admin, null, 50_00, PaymentMethod.Cheque, "Chèque 1", Lea, false, "k", Now)
                .ConfirmOffline(campaign, kit.City, FundingKit.Admin, Now);
        }),
        RuleCase.Thrown(ContributionRefusals.OfflineConfirmTooLate, () =>
        {
            var kit = new FundingKit();
            var campaign = kit.Live();
            var gift = Contribution.RecordOffline(campaign, kit.City, Projects.ReviewKit.Agent, null, 50_00, PaymentMethod.Cheque, "Chèque 1", Lea, false, "k", Now);
            campaign.StartSettlement(false, campaign.EndsAtUtc!.Value);
            gift.ConfirmOffline(campaign, kit.City, FundingKit.Admin, Now);
        }),
        RuleCase.Thrown(ContributionRefusals.FormReusedForAnotherGift, () => Pending().EnsureSameRequest(FundingKit.Donor, 30_00, null)),
        RuleCase.Thrown(TextRefusals.Required, "DonorFullName", () => DonorIdentity.Create(" ", "3 rue de Paris", required: true)),
        RuleCase.Thrown(TextRefusals.Required, "DonorAddress", () => DonorIdentity.Create("Léa Fontaine", null, required: true)),
        RuleCase.Thrown(TextRefusals.TooLong, "PublicName", () => Contribution.Start(new FundingKit().Live(), null, FundingKit.Donor, 10_00, false, new string('L', Contribution.PublicNameMaxLength + 1), null, PaymentProvider.Sandbox, "k", null, Now)),

        RuleCase.Thrown(PaymentEventRefusals.NotSetAside, () => PaymentEvent.Receive(PaymentProvider.Stripe, "evt_rule", PaymentEventType.PaymentSucceeded, "cs_rule", null, null, Now).Retry(Now)),
        RuleCase.Thrown(PayoutRefusals.AmountNotPositive, () => Payout.Due(Settling(), 0, AfterTheEnd)),
        RuleCase.Thrown(PayoutRefusals.CampaignNotFunded, () => Payout.Due(new FundingKit().Live(), 100_00, AfterTheEnd)),
        RuleCase.Thrown(PayoutRefusals.AlreadySent, () =>
        {
            var payout = Payout.Due(Settling(), 100_00, AfterTheEnd);
            payout.MarkSent(1, "VIR-1", AfterTheEnd);
            payout.MarkSent(1, "VIR-2", AfterTheEnd);
        }),
        RuleCase.Thrown(PayoutRefusals.NotDue, () =>
        {
            var payout = Payout.Due(Settling(), 100_00, AfterTheEnd);
            payout.MarkSent(1, "VIR-1", AfterTheEnd);
            payout.Reduce(1_00, AfterTheEnd);
        }),
        RuleCase.Thrown(PayoutRefusals.NothingOwed, () => PayeeDebt.Repay(0, 1_00, "VIR-1")),
        RuleCase.Thrown(PayoutRefusals.RepaymentBeyondDebt, "Amount", () => PayeeDebt.Repay(19_00, 19_01, "VIR-1")),
        RuleCase.Thrown(PayoutRefusals.ReductionBeyondAmount, () => Payout.Due(Settling(), 100_00, AfterTheEnd).Reduce(100_01, AfterTheEnd)),
        RuleCase.Thrown(PayoutRefusals.PaidByTransfer, () => Payout.DueByTransfer(Settling(), 100_00, PaymentProvider.Stripe, AfterTheEnd).MarkSent(1, "VIR-1", AfterTheEnd)),
        RuleCase.Thrown(PayoutRefusals.PublicAccountantByHand, () =>
        {
            var kit = new FundingKit();
            PayoutTests.HeldByTheCity(kit.Project);
            Payout.DueByTransfer(PayoutTests.Settling(kit.Live(), funded: true), 100_00, PaymentProvider.Stripe, AfterTheEnd);
        }),
        RuleCase.Thrown(PayeeAccountRefusals.NotOpened, () => PayeeAccount.EnsureReadyForLaunch(null)),
        RuleCase.Thrown(PayeeAccountRefusals.NotReady, () => PayeeAccount.EnsureReadyForLaunch(PayeeAccount.Open(FundingKit.Holder, PaymentProvider.Stripe, "acct_1", Now))),

        RuleCase.Thrown(TaxReceiptRefusals.UnknownQuality, () => Issuer(quality: (ReceiptQuality)9)),
        RuleCase.Thrown(TaxReceiptRefusals.CommuneIdentifiedBySiren, () => Issuer(identifier: "W931000123", quality: ReceiptQuality.Municipality)),
        RuleCase.Thrown(IdentifierRefusals.SirenNotNineDigits, "Identifier", () => Issuer(identifier: "21930")),
        RuleCase.Thrown(IdentifierRefusals.RnaMalformed, "Identifier", () => Issuer(identifier: "W93")),
        RuleCase.Thrown(TextRefusals.Required, "SignatoryName", () => ReceiptIssuer.Create("Les Amis du parc", "W931000123", "1 place Jean-Jaurès", "Animer le parc.", ReceiptQuality.GeneralInterest, null, "La présidente")),
        RuleCase.Asked(TaxReceiptRefusals.NoReceiptsFromHolder, () => TaxReceipt.WhyNoReceipt(ContributionStatus.Succeeded, 100_00, CampaignStatus.Funded, HolderType.Individual, true, 0, 69_00)),
        RuleCase.Asked(TaxReceiptRefusals.GiftNotConfirmed, () => TaxReceipt.WhyNoReceipt(ContributionStatus.Refunded, 100_00, CampaignStatus.Funded, HolderType.Association, true, 0, 69_00)),
        RuleCase.Asked(TaxReceiptRefusals.CampaignNotFunded, () => TaxReceipt.WhyNoReceipt(ContributionStatus.Succeeded, 100_00, CampaignStatus.Live, HolderType.Association, true, 0, 69_00)),
        RuleCase.Asked(TaxReceiptRefusals.RewardBreaksDisinterest, () => TaxReceipt.WhyNoReceipt(ContributionStatus.Succeeded, 100_00, CampaignStatus.Funded, HolderType.Municipality, true, 25_01, 69_00)),
        RuleCase.Thrown(TaxReceiptRefusals.DonorIdentityMissing, () => Receipted(donor: null)),
        RuleCase.Thrown(TaxReceiptRefusals.CancelByAdminOnly, () =>
        {
            var (kit, receipt) = Receipted(Lea);
            receipt.Cancel(kit.City, ReviewKit.Agent, "Adresse erronée", "2026-000002", Now);
        }),
        RuleCase.Thrown(TaxReceiptRefusals.AlreadyCancelled, () =>
        {
            var (kit, receipt) = Receipted(Lea);
            receipt.Cancel(kit.City, Admin, "Adresse erronée", "2026-000002", Now);
            receipt.Cancel(kit.City, Admin, "Encore", "2026-000003", Now);
        }),
        RuleCase.Thrown(TextRefusals.TooLong, "Reason", () =>
        {
            var (kit, receipt) = Receipted(Lea);
            receipt.Cancel(kit.City, Admin, new string('a', TaxReceipt.ReasonMaxLength + 1), "2026-000002", Now);
        }),

        RuleCase.Thrown(LedgerRefusals.AmountNotPositive, () => LedgerTransaction.Transfer(1, 7, null, LedgerTransactionKind.PlatformFee, "k", LedgerAccount.Escrow(7), LedgerAccount.PlatformFees, 0, Now)),
        RuleCase.Thrown(LedgerRefusals.KeyLength, () => LedgerTransaction.Transfer(1, 7, null, LedgerTransactionKind.PlatformFee, " ", LedgerAccount.Escrow(7), LedgerAccount.PlatformFees, 1, Now)),
        RuleCase.Thrown(LedgerRefusals.FewerThanTwoLines, () => LedgerTransaction.Record(1, 7, null, LedgerTransactionKind.PlatformFee, "k", Now, [(LedgerAccount.Escrow(7), 5)])),
        RuleCase.Thrown(LedgerRefusals.ZeroLine, () => LedgerTransaction.Record(1, 7, null, LedgerTransactionKind.PlatformFee, "k", Now, [(LedgerAccount.Escrow(7), 5), (LedgerAccount.PlatformFees, 0), (LedgerAccount.PayoutsSent, -5)])),
        RuleCase.Thrown(LedgerRefusals.Unbalanced, () => LedgerTransaction.Record(1, 7, null, LedgerTransactionKind.PlatformFee, "k", Now, [(LedgerAccount.Escrow(7), 100), (LedgerAccount.PlatformFees, -99)])),
    ];

    public static TheoryData<string> Names() => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void ARuleOfFunding_IsRefusedWithItsCodeAndField(string name) =>
        Cases.Single(c => c.Name == name).AssertMet();

    private static Campaign Prepared()
    {
        var kit = new FundingKit();
        return Campaign.Prepare(kit.Project, kit.City, Holder, Now);
    }

    private static Campaign Settling()
    {
        var campaign = new FundingKit().Live();
        campaign.StartSettlement(true, AfterTheEnd);
        return campaign;
    }

    private static Contribution Pending() =>
        Contribution.Start(new FundingKit().Live(), null, FundingKit.Donor, 25_00, false, null, null, PaymentProvider.Sandbox, "k", null, Now);

    /// <summary>Contributions of 25 € taking the kit's tier (10 units).</summary>
    private static void Contributions(Campaign campaign, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Contribution.Start(campaign, campaign.Tier(100), FundingKit.Donor + i, 25_00, false, null, null, PaymentProvider.Sandbox, $"key-{i}", null, Now);
        }
    }

    private static void Offline(long staff, PaymentMethod method, string reference)
    {
        var kit = new FundingKit();
        Contribution.RecordOffline(kit.Live(), kit.City, staff, null, 50_00, method, reference, Lea, false, "k", Now);
    }

    private static ReceiptIssuer Issuer(string identifier = "W931000123", ReceiptQuality quality = ReceiptQuality.GeneralInterest) =>
        ReceiptIssuer.Create("Les Amis du parc", identifier, "1 place Jean-Jaurès\n93100 Montreuil", "Animer le parc.", quality, "Anne Petit", "La présidente");

    /// <summary>A gift to an association's funded campaign, and its receipt (issued when the donor is known).</summary>
    private static (FundingKit Kit, TaxReceipt Receipt) Receipted(DonorIdentity? donor)
    {
        var kit = new FundingKit(matchfunding: false);
        typeof(Project).GetProperty(nameof(Project.HolderType))!.SetValue(kit.Project, HolderType.Association);
        kit.Project.AllowTaxReceipts(kit.City, Admin, Issuer(), Now);
        var campaign = kit.Live(goalCents: 100_00);
        var gift = FundingKit.WithId(Contribution.Start(campaign, null, FundingKit.Donor, 100_00, false, "Léa", null, PaymentProvider.Sandbox, "k1", donor, Now), 41);
        gift.Succeed(Now);
        campaign.StartSettlement(true, AfterTheEnd);
        campaign.FinishSettlement(kit.Project, AfterTheEnd);
        var receipt = TaxReceipt.Issue(gift, campaign, kit.Project, kit.Project.ReceiptIssuer!, 0, 73_00, 2026, 1, new DateOnly(2026, 5, 4), new DateOnly(2026, 6, 4), "Montreuil", AfterTheEnd);
        return (kit, receipt);
    }
}
