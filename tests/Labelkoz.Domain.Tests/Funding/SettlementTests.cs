using Labelkoz.Domain.Funding;

namespace Labelkoz.Domain.Tests.Funding;

public sealed class SettlementTests
{
    [Theory]
    //          mode,        goal,    contributed, matched, fee bp, funded, fee,  payout, match back
    [InlineData(CampaignMode.AllOrNothing, 1_000_00, 999_99, 0, 500, false, 0, 0, 0)]
    [InlineData(CampaignMode.AllOrNothing, 1_000_00, 1_000_00, 0, 500, true, 50_00, 950_00, 0)]
    [InlineData(CampaignMode.AllOrNothing, 1_000_00, 1_500_00, 0, 500, true, 75_00, 1_425_00, 0)]

    // Matchfunding counts toward the goal and is not charged.
    [InlineData(CampaignMode.AllOrNothing, 1_000_00, 500_00, 500_00, 500, true, 25_00, 975_00, 0)]
    [InlineData(CampaignMode.AllOrNothing, 1_000_00, 400_00, 400_00, 500, false, 0, 0, 400_00)]

    // Keep-it-all keeps what came in, goal or not; nothing raised, nothing to pay.
    [InlineData(CampaignMode.KeepItAll, 1_000_00, 300_00, 0, 500, true, 15_00, 285_00, 0)]
    [InlineData(CampaignMode.KeepItAll, 1_000_00, 0, 0, 500, false, 0, 0, 0)]

    // Fee rounding: half up to the cent, the payee gets the remainder.
    [InlineData(CampaignMode.KeepItAll, 1_000_00, 10, 0, 500, true, 1, 9, 0)]
    [InlineData(CampaignMode.KeepItAll, 1_000_00, 9, 0, 500, true, 0, 9, 0)]
    [InlineData(CampaignMode.KeepItAll, 1_000_00, 333_33, 0, 250, true, 8_33, 325_00, 0)]
    [InlineData(CampaignMode.KeepItAll, 1_000_00, 1_234_57, 0, 333, true, 41_11, 1_193_46, 0)]
    [InlineData(CampaignMode.AllOrNothing, 1_000_00, 2_000_00, 0, 0, true, 0, 2_000_00, 0)]
    public void Plan_SplitsTheMoney(CampaignMode mode, long goal, long contributed, long matched, int feeBasisPoints, bool funded, long fee, long payout, long matchBack)
    {
        var plan = Settlement.Plan(mode, goal, new CampaignTotals(contributed, matched, 1), feeBasisPoints);

        Assert.Equal(new SettlementPlan(funded, fee, payout, matchBack), plan);
        if (plan.Funded)
        {
            Assert.Equal(contributed + matched, plan.FeeCents + plan.PayoutCents);
        }
    }

    [Fact]
    public void Fee_OfLargeAmounts_DoesNotOverflowSilently()
    {
        Assert.Equal(500_000_000_00, Settlement.Fee(10_000_000_000_00, 500));
        Assert.Throws<OverflowException>(() => Settlement.Fee(long.MaxValue / 2, 500));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(500_00, 50)]
    [InlineData(1_000_00, 100)]
    [InlineData(2_500_00, 250)]
    public void Percent_OfTheGoal_IsWhole(long raised, int percent) =>
        Assert.Equal(percent, new CampaignTotals(raised, 0, 0).PercentOf(1_000_00));

    [Theory]
    //          gift,  reward value, cap,  receipt
    [InlineData(100_00, 0, 69_00, true)]
    [InlineData(100_00, 25_00, 69_00, true)]
    [InlineData(100_00, 25_01, 69_00, false)]
    [InlineData(400_00, 69_00, 69_00, true)]
    [InlineData(400_00, 70_00, 69_00, false)]
    [InlineData(1_000_00, 100_00, 69_00, false)]
    public void AReward_KeepsTheGiftDisinterested_OnlyWithinAQuarterAndTheCap(long gift, long rewardValue, long cap, bool receipt) =>
        Assert.Equal(receipt, TaxReceiptRule.RewardKeepsDisinterest(gift, rewardValue, cap));
}
