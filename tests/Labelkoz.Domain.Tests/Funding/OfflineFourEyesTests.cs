using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Tests.Projects;

namespace Labelkoz.Domain.Tests.Funding;

/// <summary>
/// Four eyes on offline money (issue #16): an agent alone once recorded a 100 000 € "cheque" that
/// counted at once, passed the goal and took the city's match. An agent's entry now waits for an
/// admin; an admin's entry above the city's threshold waits for a second admin when there is one.
/// </summary>
public sealed class OfflineFourEyesTests
{
    private const long SecondAdmin = 22;
    private static readonly DateTime Now = FundingKit.Now;
    private static readonly DonorIdentity Donor = new("Jeanne Martin", "3 rue de Paris, 93100 Montreuil");

    [Fact]
    public void AnAgentsCheque_WaitsForAnAdmin_HoldingItsRewardUnit_AndCountsOnlyOnceConfirmed()
    {
        var kit = new FundingKit();
        var campaign = kit.Live();
        var tier = campaign.Tiers[0];

        var gift = Record(kit, campaign, ReviewKit.Agent, 100_000_00, tier);

        Assert.Equal(ContributionStatus.Pending, gift.Status);
        Assert.True(gift.AwaitsConfirmation);
        Assert.Equal(1, tier.Taken);
        Assert.True(gift.ConfirmOffline(campaign, kit.City, FundingKit.Admin, Now.AddHours(1)));
        Assert.Equal(ContributionStatus.Succeeded, gift.Status);
        Assert.Equal(FundingKit.Admin, gift.ConfirmedByUserId);
        Assert.Equal(Now.AddHours(1), gift.ConfirmedAtUtc);
        Assert.False(gift.ConfirmOffline(campaign, kit.City, FundingKit.Admin, Now.AddHours(2)));
    }

    [Fact]
    public void AnAgent_CannotConfirm_NorCanTheOneWhoTypedIt()
    {
        var kit = new FundingKit();
        kit.City.GrantRole(SecondAdmin, StaffRole.Admin, Now);
        var campaign = kit.Live();
        var byAgent = Record(kit, campaign, ReviewKit.Agent, 50_00);
        var byAdmin = Record(kit, campaign, FundingKit.Admin, 2_000_00);

        Assert.Equal(ContributionRefusals.OfflineConfirmedByAdmin.Code, Refusal(() => byAgent.ConfirmOffline(campaign, kit.City, ReviewKit.Agent, Now)));
        Assert.Equal(ContributionRefusals.OfflineConfirmedByAdmin.Code, Refusal(() => byAgent.ConfirmOffline(campaign, kit.City, FundingKit.Donor, Now)));
        Assert.Equal(ContributionRefusals.OfflineConfirmedByAnother.Code, Refusal(() => byAdmin.ConfirmOffline(campaign, kit.City, FundingKit.Admin, Now)));
        Assert.True(byAdmin.ConfirmOffline(campaign, kit.City, SecondAdmin, Now));
    }

    [Theory]
    [InlineData(1_500_00, false)]
    [InlineData(1_500_01, true)]
    public void AnAdminsEntry_AboveTheCitysThreshold_WaitsForASecondAdmin(long cents, bool waits)
    {
        var kit = new FundingKit();
        kit.City.GrantRole(SecondAdmin, StaffRole.Admin, Now);

        Assert.Equal(waits, Record(kit, kit.Live(), FundingKit.Admin, cents).AwaitsConfirmation);
    }

    [Fact]
    public void AnAdminAlone_OrACityWithoutThreshold_CountsAtOnce()
    {
        var alone = new FundingKit();
        Assert.False(Record(alone, alone.Live(), FundingKit.Admin, 90_000_00).AwaitsConfirmation);

        var noThreshold = new FundingKit();
        noThreshold.City.GrantRole(SecondAdmin, StaffRole.Admin, Now);
        noThreshold.City.SetOfflineSecondAdminThreshold(null, Now);
        Assert.False(Record(noThreshold, noThreshold.Live(), FundingKit.Admin, 90_000_00).AwaitsConfirmation);

        var zero = new FundingKit();
        zero.City.GrantRole(SecondAdmin, StaffRole.Admin, Now);
        zero.City.SetOfflineSecondAdminThreshold(0, Now);
        Assert.True(Record(zero, zero.Live(), FundingKit.Admin, 10_00).AwaitsConfirmation);
    }

    [Fact]
    public void ARejectedEntry_GivesItsUnitBack_WithAReason_AndCannotBeConfirmedAfter()
    {
        var kit = new FundingKit();
        var campaign = kit.Live();
        var tier = campaign.Tiers[0];
        var gift = Record(kit, campaign, ReviewKit.Agent, 50_00, tier);

        Assert.Equal(TextRefusals.Required.Code, Refusal(() => gift.RejectOffline(campaign, kit.City, FundingKit.Admin, tier, " ", Now)));
        Assert.Equal("Chèque sans provision", gift.RejectOffline(campaign, kit.City, FundingKit.Admin, tier, "Chèque sans provision", Now));

        Assert.Equal(ContributionStatus.Failed, gift.Status);
        Assert.Equal("Chèque sans provision", gift.FailureReason);
        Assert.Equal(0, tier.Taken);
        Assert.Equal(ContributionRefusals.OfflineNotAwaiting.Code, Refusal(() => gift.ConfirmOffline(campaign, kit.City, FundingKit.Admin, Now)));
        Assert.Equal(ContributionRefusals.OfflineNotAwaiting.Code, Refusal(() => gift.RejectOffline(campaign, kit.City, FundingKit.Admin, tier, "Encore", Now)));
    }

    [Fact]
    public void TheAgentWhoTypedIt_MayWithdrawItsOwnEntry_ButNotAnothers()
    {
        var kit = new FundingKit();
        var campaign = kit.Live();
        var own = Record(kit, campaign, ReviewKit.Agent, 50_00);
        var admins = new FundingKit();
        admins.City.GrantRole(SecondAdmin, StaffRole.Admin, Now);
        var adminCampaign = admins.Live();
        var other = Record(admins, adminCampaign, FundingKit.Admin, 2_000_00);

        own.RejectOffline(campaign, kit.City, ReviewKit.Agent, null, "Erreur de saisie", Now);
        Assert.Equal(ContributionStatus.Failed, own.Status);
        Assert.Equal(ContributionRefusals.OfflineConfirmedByAdmin.Code, Refusal(() => other.RejectOffline(adminCampaign, admins.City, ReviewKit.Agent, null, "Non", Now)));
    }

    [Fact]
    public void AHolderOnTheCitysStaff_NeverCountsAGiftToTheirOwnCampaignAlone_NorConfirmsOne()
    {
        var kit = new FundingKit();
        kit.City.GrantRole(FundingKit.Holder, StaffRole.Admin, Now);
        var campaign = kit.Live();

        var own = Record(kit, campaign, FundingKit.Holder, 10_00);
        var byAgent = Record(kit, campaign, ReviewKit.Agent, 10_00);

        Assert.True(own.AwaitsConfirmation);
        Assert.Equal(ContributionRefusals.OfflineConfirmedByHolder.Code, Refusal(() => byAgent.ConfirmOffline(campaign, kit.City, FundingKit.Holder, Now)));
        Assert.True(own.ConfirmOffline(campaign, kit.City, FundingKit.Admin, Now));
    }

    [Fact]
    public void ACardPayment_IsNeverConfirmedByStaff()
    {
        var kit = new FundingKit();
        var campaign = kit.Live();
        var card = Contribution.Start(campaign, null, FundingKit.Donor, 25_00, false, null, null, PaymentProvider.Sandbox, "k", null, Now);

        Assert.False(card.AwaitsConfirmation);
        Assert.Equal(ContributionRefusals.OfflineNotAwaiting.Code, Refusal(() => card.ConfirmOffline(campaign, kit.City, FundingKit.Admin, Now)));
    }

    [Fact]
    public void AfterSettlementStarted_ItIsTooLateToConfirm()
    {
        var kit = new FundingKit();
        var campaign = kit.Live();
        var gift = Record(kit, campaign, ReviewKit.Agent, 50_00);
        campaign.StartSettlement(false, campaign.EndsAtUtc!.Value.AddDays(4));

        Assert.Equal(ContributionRefusals.OfflineConfirmTooLate.Code, Refusal(() => gift.ConfirmOffline(campaign, kit.City, FundingKit.Admin, Now)));
    }

    [Fact]
    public void TheThreshold_StaysWithinAGiftsBounds()
    {
        var city = new FundingKit().City;

        Assert.Equal(Municipality.DefaultOfflineSecondAdminAboveCents, city.OfflineSecondAdminAboveCents);
        Assert.Equal(CityRefusals.OfflineThresholdOutOfRange.Code, Refusal(() => city.SetOfflineSecondAdminThreshold(-1, Now)));
        Assert.Equal(CityRefusals.OfflineThresholdOutOfRange.Code, Refusal(() => city.SetOfflineSecondAdminThreshold(Campaign.MaxContributionCents + 1, Now)));
    }

    private static Contribution Record(FundingKit kit, Campaign campaign, long staff, long cents, RewardTier? tier = null) =>
        Contribution.RecordOffline(campaign, kit.City, staff, tier, cents, PaymentMethod.Cheque, "Chèque n° 1", Donor, false, $"k-{staff}-{cents}", Now);

    private static string Refusal(Action act) => Assert.Throws<DomainException>(act).Code;
}
