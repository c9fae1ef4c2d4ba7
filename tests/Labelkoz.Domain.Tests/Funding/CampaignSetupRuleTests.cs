using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Projects;

namespace Labelkoz.Domain.Tests.Funding;

/// <summary>
/// The rules the holder's campaign page needs before it calls the domain (tiers, end date, whether
/// the project can be funded at all), as queries, each table-tested once here.
/// </summary>
public sealed class CampaignSetupRuleTests
{
    private static readonly DateTime Now = FundingKit.Now;

    [Theory]
    [InlineData(CampaignStatus.Draft, true)]
    [InlineData(CampaignStatus.Live, true)]
    [InlineData(CampaignStatus.Paused, true)]
    [InlineData(CampaignStatus.Settling, false)]
    [InlineData(CampaignStatus.Funded, false)]
    [InlineData(CampaignStatus.NotFunded, false)]
    public void Tiers_ChangeUntilTheCampaignEnds_AndAPausedOneIsNotOver(CampaignStatus status, bool takesChanges) =>
        Assert.Equal(takesChanges, Campaign.TakesTierChanges(status));

    [Theory]
    //          minimum,    value,   quantity, code,                         field
    [InlineData(20_00, 0, null, null, null)]
    [InlineData(20_00, 20_00, 100_000, null, null)]
    [InlineData(1_00, 0, 1, null, null)]
    [InlineData(99, 0, null, "tier.minimum-out-of-range", "Minimum")]
    [InlineData(100_000_01, 0, null, "tier.minimum-out-of-range", "Minimum")]
    [InlineData(20_00, -1, null, "tier.value-out-of-range", "Value")]
    [InlineData(20_00, 20_01, null, "tier.value-out-of-range", "Value")]
    [InlineData(20_00, 5_00, 0, "tier.quantity-out-of-range", "Quantity")]
    [InlineData(20_00, 5_00, 100_001, "tier.quantity-out-of-range", "Quantity")]
    [InlineData(99, 5_00, 0, "tier.minimum-out-of-range", "Minimum")]
    public void ATiersTerms_AreRefusedByTheirFirstBrokenRule_OnItsField(long minimum, long value, int? quantity, string? code, string? field)
    {
        var refusal = RewardTier.WhyTermsRefused(minimum, value, quantity);

        Assert.Equal((code, field), (refusal?.Code, refusal?.Field));
        if (code is not null)
        {
            var campaign = new FundingKit().Draft();
            var thrown = Assert.Throws<DomainException>(() => campaign.AddTier(FundingKit.Holder, new TierTerms("Un badge", null, minimum, quantity, value), Now));
            Assert.Equal(code, thrown.Code);
        }
    }

    [Theory]
    [InlineData(24, "campaign.ends-too-soon")]
    [InlineData(25, null)]
    [InlineData(90 * 24, null)]
    [InlineData((90 * 24) + 1, "campaign.lasts-too-long")]
    public void ACampaign_EndsFromTomorrowToNinetyDaysAhead(int hours, string? code)
    {
        Assert.Equal(code, Campaign.WhyEndDateRefused(Now.AddHours(hours), Now)?.Code);

        var campaign = new FundingKit().Draft();
        campaign.Configure(FundingKit.Holder, 1_000_00, Now.AddDays(30), CampaignMode.AllOrNothing, 1_00, Now);
        Assert.Equal(code is null, campaign.MissingForLaunch(Now.AddDays(30).AddHours(-hours)).Count == 0);
    }

    [Theory]
    //          status,                   active label, label required, public, code
    [InlineData(ProjectStatus.Labelled, true, true, true, null)]
    [InlineData(ProjectStatus.Labelled, false, true, true, "campaign.label-no-longer-valid")]
    [InlineData(ProjectStatus.Labelled, false, false, true, "campaign.label-no-longer-valid")]
    [InlineData(ProjectStatus.Submitted, false, true, true, "campaign.label-required")]
    [InlineData(ProjectStatus.InReview, false, true, true, "campaign.label-required")]
    [InlineData(ProjectStatus.Submitted, false, false, true, null)]
    [InlineData(ProjectStatus.Submitted, false, false, false, "campaign.project-not-published")]
    [InlineData(ProjectStatus.InReview, false, false, true, "campaign.project-not-published")]
    public void AProject_CanBeFunded_WithAValidLabel_OrPublishedWhereTheCityFundsWithoutOne(ProjectStatus status, bool activeLabel, bool labelRequired, bool isPublic, string? code)
    {
        var refusal = Campaign.WhyCannotBeFunded(status, activeLabel, labelRequired, isPublic);

        Assert.Equal(code, refusal?.Code);
    }
}
