using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;

namespace Labelkoz.Domain.Tests.Funding;

public sealed class ContributionTests
{
    private static readonly DateTime Now = FundingKit.Now;
    private readonly FundingKit _kit = new();

    [Fact]
    public void ATiersLastUnit_GoesToOneContribution_AndComesBackWhenItsPaymentFails()
    {
        var campaign = _kit.Live();
        var tier = campaign.Tier(100);
        var contributions = Enumerable.Range(0, 10)
            .Select(i => FundingKit.WithId(Contribution.Start(campaign, tier, FundingKit.Donor, 25_00, false, "Léa", null, PaymentProvider.Sandbox, $"k{i}", null, Now), i + 1))
            .ToList();

        var soldOut = Assert.Throws<DomainException>(() => Contribution.Start(campaign, tier, FundingKit.Donor, 25_00, false, null, null, PaymentProvider.Sandbox, "k11", null, Now));
        Assert.Contains("épuisée", soldOut.Message, StringComparison.Ordinal);

        Assert.True(contributions[0].Fail(tier, "Carte refusée", Now));
        Assert.False(contributions[0].Fail(tier, "Carte refusée", Now));
        Assert.Equal(1, tier.Left);
        Contribution.Start(campaign, tier, FundingKit.Donor, 25_00, false, null, null, PaymentProvider.Sandbox, "k12", null, Now);
        Assert.Equal(0, tier.Left);
    }

    [Fact]
    public void Succeed_And_Refund_AreIdempotent_AndARefundReturnsTheUnit()
    {
        var campaign = _kit.Live();
        var tier = campaign.Tier(100);
        var contribution = Contribution.Start(campaign, tier, FundingKit.Donor, 25_00, true, "Léa", "Bravo !", PaymentProvider.Sandbox, "k", null, Now);

        Assert.Null(contribution.PublicName);
        Assert.True(contribution.Succeed(Now));
        Assert.False(contribution.Succeed(Now));
        Assert.False(contribution.Fail(tier, "trop tard", Now));
        Assert.Equal(ContributionStatus.Succeeded, contribution.Status);

        Assert.NotNull(contribution.Refund(tier, "re_1", null, false, Now));
        Assert.Null(contribution.Refund(tier, "re_1", null, false, Now));
        Assert.Equal(10, tier.Left);
        Assert.Equal(ContributionStatus.Refunded, contribution.Status);
        Assert.Equal((25_00, 0L), (contribution.RefundedCents, contribution.StandingCents));
    }

    [Fact]
    public void APartialRefund_MovesOnlyItsAmount_AndTheContributionStillStands()
    {
        var campaign = _kit.Live();
        var tier = campaign.Tier(100);
        var contribution = Contribution.Start(campaign, tier, FundingKit.Donor, 44_05, false, null, null, PaymentProvider.Sandbox, "k", null, Now);
        contribution.Succeed(Now);

        var refund = contribution.Refund(tier, "re_part", 1_00, false, Now)!;

        Assert.Equal((1_00, false), (refund.AmountCents, refund.AfterSettlement));
        Assert.Equal(ContributionStatus.Succeeded, contribution.Status);
        Assert.Equal((1_00L, 43_05L), (contribution.RefundedCents, contribution.StandingCents));
        Assert.Null(contribution.RefundedAtUtc);
        Assert.True(contribution.HoldsReward);
        Assert.Equal(9, tier.Left);

        // The same refund again (a replayed event) is recorded once; another one adds up.
        Assert.Null(contribution.Refund(tier, "re_part", 1_00, false, Now));
        Assert.NotNull(contribution.Refund(tier, "re_rest", 43_05, false, Now));
        Assert.Equal(ContributionStatus.Refunded, contribution.Status);
        Assert.Equal(2, contribution.Refunds.Count);
        Assert.Equal(10, tier.Left);
    }

    [Fact]
    public void ARefund_NeverExceedsWhatStands()
    {
        var campaign = _kit.Live();
        var contribution = Contribution.Start(campaign, null, FundingKit.Donor, 25_00, false, null, null, PaymentProvider.Sandbox, "k", null, Now);
        contribution.Succeed(Now);
        contribution.Refund(null, "re_1", 20_00, false, Now);

        var refused = Assert.Throws<DomainException>(() => contribution.Refund(null, "re_2", 5_01, false, Now));
        Assert.Equal(ContributionRefusals.RefundBeyondStanding.Code, refused.Refusal.Code);
        Assert.Throws<DomainException>(() => contribution.Refund(null, "re_3", 0, false, Now));
        Assert.Equal(5_00, contribution.StandingCents);

        // Refunded in full: a refund the platform does not know is refused (the operator looks at it).
        contribution.Refund(null, "re_4", null, false, Now);
        Assert.Throws<DomainException>(() => contribution.Refund(null, "re_5", 1, false, Now));
    }

    [Fact]
    public void TheOperatorsRefund_NeedsAReason()
    {
        var contribution = Contribution.Start(_kit.Live(), null, FundingKit.Donor, 25_00, false, null, null, PaymentProvider.Sandbox, "k", null, Now);
        contribution.Succeed(Now);

        var refused = Assert.Throws<DomainException>(() => contribution.EnsureRefundable(10_00, " "));

        Assert.Equal(("text.required", "Reason"), (refused.Refusal.Code, refused.Refusal.Field));
        Assert.Equal("Le donateur le demande.", contribution.EnsureRefundable(10_00, " Le donateur le demande. "));
    }

    [Theory]
    [InlineData(30_00, 5_00, true)]   // 25 € stand: still at least the tier's 20 € minimum, the reward stays.
    [InlineData(30_00, 10_00, true)]  // 20 € stand: the minimum exactly.
    [InlineData(30_00, 10_01, false)] // 19,99 € stand: below the minimum, the unit goes back to the stock.
    public void APartialRefund_KeepsTheReward_WhileWhatStandsStillEarnsIt(long gift, long refunded, bool keeps)
    {
        ArgumentOutOfRangeException.ThrowIfZero(refunded);
        var campaign = _kit.Live();
        var tier = campaign.Tier(100);
        Assert.Equal(20_00, tier.MinimumCents);
        var contribution = Contribution.Start(campaign, tier, FundingKit.Donor, gift, false, null, null, PaymentProvider.Sandbox, "k", null, Now);
        contribution.Succeed(Now);

        contribution.Refund(tier, "re_1", refunded, false, Now);

        Assert.Equal(keeps, contribution.HoldsReward);
        Assert.Equal(keeps ? 9 : 10, tier.Left);

        // The full refund that follows gives the unit back once, never twice.
        contribution.Refund(tier, "re_2", null, false, Now);
        Assert.Equal(10, tier.Left);
    }

    [Fact]
    public void ADeclinedPayment_CannotSucceedLater_NorBeRefunded()
    {
        var campaign = _kit.Live();
        var contribution = Contribution.Start(campaign, null, FundingKit.Donor, 25_00, false, null, null, PaymentProvider.Sandbox, "k", null, Now);
        contribution.Fail(null, "Carte refusée", Now);

        Assert.Throws<DomainException>(() => contribution.Succeed(Now));
        Assert.Throws<DomainException>(() => contribution.Refund(null, "re_1", null, false, Now));
        Assert.Throws<DomainException>(() => contribution.RequestRefund(Now));
    }

    [Fact]
    public void AnOfflineGift_IsRecordedByTheCitysStaff_WithAReference_AndSucceedsAtOnce()
    {
        var campaign = _kit.Live();
        var donor = DonorIdentity.Create("Jeanne Martin", "3 rue de Paris, 93100 Montreuil", required: true)!;

        Assert.Throws<DomainException>(() => Contribution.RecordOffline(campaign, _kit.City, Projects.ReviewKit.Outsider, null, 50_00, PaymentMethod.Cheque, "Chèque 123", donor, false, "k", Now));
        Assert.Throws<DomainException>(() => Contribution.RecordOffline(campaign, _kit.City, FundingKit.Admin, null, 50_00, PaymentMethod.Cheque, " ", donor, false, "k", Now));
        Assert.Throws<DomainException>(() => Contribution.RecordOffline(campaign, _kit.City, FundingKit.Admin, null, 50_00, PaymentMethod.Card, "x", donor, false, "k", Now));
        var gift = Contribution.RecordOffline(campaign, _kit.City, FundingKit.Admin, null, 50_00, PaymentMethod.Cheque, "Chèque 123", donor, false, "k", Now);

        Assert.Equal(ContributionStatus.Succeeded, gift.Status);
        Assert.Equal(PaymentProvider.Offline, gift.Provider);
        Assert.Null(gift.ContributorUserId);
        Assert.Equal("Jeanne Martin", gift.DonorFullName);
    }

    [Fact]
    public void AContribution_NeedsAFormKey_AndTheCampaignsRules()
    {
        var campaign = _kit.Live();

        Assert.Throws<DomainException>(() => Contribution.Start(campaign, null, FundingKit.Donor, 25_00, false, null, null, PaymentProvider.Sandbox, "", null, Now));
        Assert.Throws<DomainException>(() => Contribution.Start(campaign, null, FundingKit.Donor, 1, false, null, null, PaymentProvider.Sandbox, "k", null, Now));
        Assert.Throws<DomainException>(() => Contribution.Start(campaign, null, FundingKit.Donor, 25_00, false, null, new string('x', Contribution.MessageMaxLength + 1), PaymentProvider.Sandbox, "k", null, Now));
    }

    [Fact]
    public void ADonorIdentity_IsOptionalUnlessRequired_ButWholeWhenGiven()
    {
        Assert.Null(DonorIdentity.Create(null, " ", required: false));
        Assert.Throws<DomainException>(() => DonorIdentity.Create(null, null, required: true));
        Assert.Throws<DomainException>(() => DonorIdentity.Create("Jeanne Martin", null, required: false));
    }
}
