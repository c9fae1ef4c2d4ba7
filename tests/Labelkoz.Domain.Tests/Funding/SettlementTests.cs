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

    [Theory]
    //          match,  gift,   stands, match standing
    [InlineData(24_05, 24_05, 23_05, 23_05)]
    [InlineData(10_00, 30_00, 20_00, 6_66)]   // 6,666… rounded down: the city never pays a cent more.
    [InlineData(10_00, 30_00, 10_00, 3_33)]
    [InlineData(10_00, 30_00, 0, 0)]
    [InlineData(1, 3, 2, 0)]
    [InlineData(0, 30_00, 10_00, 0)]
    public void MatchStanding_IsInProportionToWhatStands_RoundedDown(long matched, long gift, long stands, long standing) =>
        Assert.Equal(standing, Settlement.MatchStanding(matched, gift, stands));

    [Fact]
    public void MatchReturns_OverAnySequenceOfPartialRefunds_AddUpToTheMatch_NeverMore()
    {
        var random = new Random(15);
        for (var run = 0; run < 500; run++)
        {
            var gift = random.NextInt64(1, 100_000_00);
            var matched = random.NextInt64(0, gift * 2);
            var stands = gift;
            long returned = 0;
            while (stands > 0)
            {
                stands -= random.NextInt64(1, stands + 1);
                var toReturn = matched - Settlement.MatchStanding(matched, gift, stands) - returned;
                Assert.True(toReturn >= 0);
                returned += toReturn;
                Assert.True(returned <= matched);
            }

            Assert.Equal(matched, returned);
        }
    }

    [Theory]
    //          at settlement, refunded since, refund, fee bp, fee back, from payee
    [InlineData(1_000_00, 0, 50_12, 500, 2_51, 47_61)]
    [InlineData(1_000_00, 0, 1_000_00, 500, 50_00, 950_00)]
    [InlineData(1_000_00, 999_99, 1, 500, 0, 1)]
    [InlineData(333_33, 0, 10, 250, 0, 10)]
    [InlineData(1_000_00, 0, 50_12, 0, 0, 50_12)]
    public void ARefundAfterSettlement_GivesBackTheFeeItsMoneyPaid_AndThePayeesSideBearsTheRest(long atSettlement, long since, long refund, int feeBasisPoints, long feeBack, long fromPayee) =>
        Assert.Equal(new RefundAfterSettlementSplit(feeBack, fromPayee), Settlement.RefundAfterSettlement(atSettlement, since, refund, feeBasisPoints));

    [Fact]
    public void RefundsAfterSettlement_GiveBackExactlyTheFee_WhenEverythingIsRefunded()
    {
        var random = new Random(17);
        for (var run = 0; run < 500; run++)
        {
            var contributed = random.NextInt64(1, 10_000_000);
            var bps = random.Next(0, 1_001);
            var fee = Settlement.Fee(contributed, bps);
            long since = 0, feeBack = 0, fromPayee = 0;
            while (since < contributed)
            {
                var refund = random.NextInt64(1, contributed - since + 1);
                var split = Settlement.RefundAfterSettlement(contributed, since, refund, bps);
                Assert.True(split.FeeReturnedCents >= 0 && split.FromPayeeCents >= 0);
                (since, feeBack, fromPayee) = (since + refund, feeBack + split.FeeReturnedCents, fromPayee + split.FromPayeeCents);
            }

            Assert.Equal(fee, feeBack);
            Assert.Equal(contributed - fee, fromPayee);
        }
    }

    [Fact]
    public void ARefundAfterSettlement_CannotExceedWhatWasSettled() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Settlement.RefundAfterSettlement(100_00, 90_00, 10_01, 500));

    [Fact]
    public void AFundedCampaignsPlan_IsNotDecidedAgain()
    {
        // A refund between the decision and the payout took the campaign under its goal: it stays funded.
        var plan = Settlement.Funded(new CampaignTotals(900_00, 0, 3), 500);

        Assert.Equal(new SettlementPlan(true, 45_00, 855_00, 0), plan);
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
