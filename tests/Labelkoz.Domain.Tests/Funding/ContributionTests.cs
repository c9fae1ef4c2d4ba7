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

        Assert.True(contribution.Refund(tier, "re_1", Now));
        Assert.False(contribution.Refund(tier, "re_1", Now));
        Assert.Equal(10, tier.Left);
        Assert.Equal(ContributionStatus.Refunded, contribution.Status);
    }

    [Fact]
    public void ADeclinedPayment_CannotSucceedLater_NorBeRefunded()
    {
        var campaign = _kit.Live();
        var contribution = Contribution.Start(campaign, null, FundingKit.Donor, 25_00, false, null, null, PaymentProvider.Sandbox, "k", null, Now);
        contribution.Fail(null, "Carte refusée", Now);

        Assert.Throws<DomainException>(() => contribution.Succeed(Now));
        Assert.Throws<DomainException>(() => contribution.Refund(null, null, Now));
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
        var gift = Contribution.RecordOffline(campaign, _kit.City, Projects.ReviewKit.Agent, null, 50_00, PaymentMethod.Cheque, "Chèque 123", donor, false, "k", Now);

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
