using System.Reflection;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Projects;

namespace Labelkoz.Domain.Tests.Funding;

/// <summary>What a funded campaign owes its payee (<see cref="Payout"/>), from the settlement's maths to the transfer.</summary>
public sealed class PayoutTests
{
    private const long Holder = FundingKit.Holder;
    private static readonly DateTime Now = FundingKit.Now;
    private static readonly DateTime AfterTheEnd = Now.AddDays(31);
    private readonly FundingKit _kit = new();

    [Fact]
    public void Payout_OfAFundedCampaign_IsDueToItsHolder()
    {
        var campaign = Settling(_kit.Live(), funded: true);

        var payout = Payout.Due(campaign, 950_00, AfterTheEnd);

        Assert.Equal((PayoutStatus.Due, 950_00L, (long?)Holder, false), (payout.Status, payout.AmountCents, payout.PayeeUserId, payout.ToPublicAccountant));
        Assert.Equal((campaign.MunicipalityId, campaign.Id, AfterTheEnd), (payout.MunicipalityId, payout.CampaignId, payout.CreatedAtUtc));
        Assert.Null(payout.SentAtUtc);
    }

    [Fact]
    public void ARefundAfterSettlement_ShrinksThePayoutWhileItIsDue_AndCancelsItWhenNothingIsLeft()
    {
        var campaign = Settling(_kit.Live(), funded: true);
        var payout = Payout.Due(campaign, 100_00, AfterTheEnd);

        payout.Reduce(47_61, AfterTheEnd);
        Assert.Equal((PayoutStatus.Due, 52_39L), (payout.Status, payout.AmountCents));
        Assert.Equal(PayoutRefusals.ReductionBeyondAmount, Assert.Throws<DomainException>(() => payout.Reduce(52_40, AfterTheEnd)).Refusal);

        payout.Reduce(52_39, AfterTheEnd);
        Assert.Equal((PayoutStatus.Cancelled, 0L, (DateTime?)AfterTheEnd), (payout.Status, payout.AmountCents, payout.CancelledAtUtc));
        Assert.Equal(PayoutRefusals.NotDue, Assert.Throws<DomainException>(() => payout.MarkSent(FundingKit.Admin, "VIR-1", AfterTheEnd)).Refusal);
        Assert.Equal(PayoutRefusals.NotDue, Assert.Throws<DomainException>(() => payout.Reduce(1, AfterTheEnd)).Refusal);
    }

    [Fact]
    public void ASentPayout_IsNotReduced_ThePayeeOwesTheRefundInstead()
    {
        var campaign = Settling(_kit.Live(), funded: true);
        var payout = Payout.Due(campaign, 100_00, AfterTheEnd);
        payout.MarkSent(FundingKit.Admin, "VIR-1", AfterTheEnd);

        Assert.Equal(PayoutRefusals.NotDue, Assert.Throws<DomainException>(() => payout.Reduce(1_00, AfterTheEnd)).Refusal);
    }

    [Fact]
    public void Payout_OfACitysOwnProject_IsDueToItsPublicAccountant_NotToAPerson()
    {
        var kit = new FundingKit();
        HeldByTheCity(kit.Project);
        var campaign = Settling(kit.Live(), funded: true);

        var payout = Payout.Due(campaign, 100_00, AfterTheEnd);

        Assert.True(payout.ToPublicAccountant);
        Assert.Null(payout.PayeeUserId);
    }

    [Fact]
    public void Payout_WhenCampaignNotFunded_IsRefused()
    {
        var live = _kit.Live();
        var short_ = Settling(new FundingKit().Live(), funded: false);

        foreach (var campaign in new[] { live, short_ })
        {
            var refusal = Assert.Throws<DomainException>(() => Payout.Due(campaign, 100_00, AfterTheEnd));
            Assert.Equal((PayoutRefusals.CampaignNotFunded.Code, (string?)null), (refusal.Code, refusal.Field));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Payout_OfNothing_IsRefused(long amount)
    {
        var campaign = Settling(_kit.Live(), funded: true);

        var refusal = Assert.Throws<DomainException>(() => Payout.Due(campaign, amount, AfterTheEnd));

        Assert.Equal(PayoutRefusals.AmountNotPositive.Code, refusal.Code);
    }

    [Fact]
    public void Payout_IsMarkedSentOnce_WithTheTransfersReference()
    {
        var payout = Payout.Due(Settling(_kit.Live(), funded: true), 950_00, AfterTheEnd);

        payout.MarkSent(1, "  VIR-2026-0042 ", AfterTheEnd.AddDays(2));

        Assert.Equal((PayoutStatus.Sent, "VIR-2026-0042", (long?)1, (DateTime?)AfterTheEnd.AddDays(2), 2L), (payout.Status, payout.Reference, payout.SentByUserId, payout.SentAtUtc, payout.Version));
        var again = Assert.Throws<DomainException>(() => payout.MarkSent(1, "VIR-2026-0043", AfterTheEnd.AddDays(3)));
        Assert.Equal(PayoutRefusals.AlreadySent.Code, again.Code);
        Assert.Equal("VIR-2026-0042", payout.Reference);
    }

    [Theory]
    [InlineData(null, "text.required")]
    [InlineData("   ", "text.required")]
    [InlineData("VIR\u0007", "text.forbidden-characters")]
    public void Payout_SentWithoutAReadableReference_IsRefused_OnTheReferenceField(string? reference, string code)
    {
        var payout = Payout.Due(Settling(_kit.Live(), funded: true), 950_00, AfterTheEnd);

        var refusal = Assert.Throws<DomainException>(() => payout.MarkSent(1, reference, AfterTheEnd));

        Assert.Equal((code, "Reference"), (refusal.Code, refusal.Field));
        Assert.Equal(PayoutStatus.Due, payout.Status);
    }

    [Fact]
    public void Payout_SentWithAReferenceTooLong_IsRefused_OnTheReferenceField()
    {
        var payout = Payout.Due(Settling(_kit.Live(), funded: true), 950_00, AfterTheEnd);

        var refusal = Assert.Throws<DomainException>(() => payout.MarkSent(1, new string('x', Payout.ReferenceMaxLength + 1), AfterTheEnd));

        Assert.Equal((TextRefusals.TooLong.Code, "Reference"), (refusal.Code, refusal.Field));
    }

    [Fact]
    public void APayoutByTransfer_IsFrozenWhenAsked_ThenSentOnce_WithTheProcessorsTransferId()
    {
        var payout = Payout.DueByTransfer(Settling(_kit.Live(), funded: true), 950_00, PaymentProvider.Stripe, AfterTheEnd);
        Assert.Equal((PayoutRoute.ProcessorTransfer, (PaymentProvider?)PaymentProvider.Stripe, PayoutStatus.Due), (payout.Route, payout.Provider, payout.Status));

        // While due, a refund after settlement still reduces it.
        payout.Reduce(50_00, AfterTheEnd);
        payout.BeginTransfer("acct_holder", AfterTheEnd);
        Assert.Equal((PayoutStatus.Transferring, "acct_holder", 900_00L), (payout.Status, payout.DestinationAccountId, payout.AmountCents));

        // Once asked, the amount is frozen (asking again after a crash must transfer the same), and asking again changes nothing.
        Assert.Equal(PayoutRefusals.NotDue, Assert.Throws<DomainException>(() => payout.Reduce(1_00, AfterTheEnd)).Refusal);
        payout.BeginTransfer("acct_other", AfterTheEnd);
        Assert.Equal("acct_holder", payout.DestinationAccountId);

        payout.TransferFailed("Insufficient funds in Stripe account.", AfterTheEnd.AddMinutes(1));
        Assert.Equal((PayoutStatus.Transferring, "Insufficient funds in Stripe account."), (payout.Status, payout.TransferError));

        Assert.True(payout.MarkTransferred("tr_1", AfterTheEnd.AddMinutes(20)));
        Assert.Equal((PayoutStatus.Sent, "tr_1", (string?)null, (DateTime?)AfterTheEnd.AddMinutes(20)), (payout.Status, payout.Reference, payout.TransferError, payout.SentAtUtc));
        Assert.False(payout.MarkTransferred("tr_1", AfterTheEnd.AddMinutes(30)));
        Assert.Null(payout.SentByUserId);

        // Never by hand: that would pay twice.
        Assert.Equal(PayoutRefusals.AlreadySent, Assert.Throws<DomainException>(() => payout.MarkSent(FundingKit.Admin, "VIR-1", AfterTheEnd)).Refusal);
        Assert.Equal(PayoutRefusals.PaidByTransfer, Assert.Throws<DomainException>(() => Payout.DueByTransfer(Settling(new FundingKit().Live(), funded: true), 1_00, PaymentProvider.Stripe, AfterTheEnd).MarkSent(FundingKit.Admin, "VIR-1", AfterTheEnd)).Refusal);
    }

    [Fact]
    public void WhatThePayeeOwes_IsTakenBackFromTheTransfer_AtMostWhatIsLeftOfIt_OnceByItsKey()
    {
        var payout = Payout.DueByTransfer(Settling(_kit.Live(), funded: true), 100_00, PaymentProvider.Stripe, AfterTheEnd);
        Assert.Throws<InvalidOperationException>(() => payout.BeginRecovery(10_00, 0, AfterTheEnd));
        payout.BeginTransfer("acct_holder", AfterTheEnd);
        payout.MarkTransferred("tr_1", AfterTheEnd);

        Assert.Null(payout.BeginRecovery(0, 0, AfterTheEnd));
        var first = payout.BeginRecovery(30_00, 0, AfterTheEnd);
        Assert.Equal((30_00L, $"payout-{payout.Id}-reversal-0"), first);

        // Pending: asked again (after a crash, a refusal), the same amount and key, whatever is owed now.
        payout.RecoveryFailed("Insufficient funds in the connected account.", AfterTheEnd.AddMinutes(1));
        Assert.Equal("Insufficient funds in the connected account.", payout.RecoveryError);
        Assert.Equal(first, payout.BeginRecovery(45_00, 0, AfterTheEnd.AddMinutes(20)));
        Assert.False(payout.Recovered("payout-0-reversal-other"));
        Assert.True(payout.Recovered(first!.Value.Key));
        Assert.Equal(((long?)null, (string?)null, (string?)null), (payout.RecoveryCents, payout.RecoveryKey, payout.RecoveryError));

        // At most what is left of the transfer once 90 € were taken back.
        Assert.Equal((10_00L, $"payout-{payout.Id}-reversal-9000"), payout.BeginRecovery(50_00, 90_00, AfterTheEnd));
        Assert.Throws<InvalidOperationException>(() => Payout.Due(Settling(new FundingKit().Live(), funded: true), 1_00, AfterTheEnd).RecoveryFailed("x", AfterTheEnd));
    }

    [Fact]
    public void AManualPayout_IsNeverTransferredByTheProcessor()
    {
        var payout = Payout.Due(Settling(_kit.Live(), funded: true), 950_00, AfterTheEnd);

        Assert.Throws<InvalidOperationException>(() => payout.BeginTransfer("acct_holder", AfterTheEnd));
        Assert.Throws<InvalidOperationException>(() => payout.MarkTransferred("tr_1", AfterTheEnd));
        Assert.Throws<ArgumentOutOfRangeException>(() => Payout.DueByTransfer(Settling(new FundingKit().Live(), funded: true), 1_00, PaymentProvider.Offline, AfterTheEnd));
    }

    /// <summary>ADR 18: the processor transfers the card money it holds, less the whole fee; the rest goes by hand; the parts add up.</summary>
    [Theory]
    //          payout,   card held, fee,    transfer, manual
    [InlineData(950_00, 1_000_00, 50_00, 950_00, 0)]
    [InlineData(1_450_00, 1_000_00, 50_00, 950_00, 500_00)]
    [InlineData(1_000_00, 20_00, 50_00, 0, 1_000_00)]
    [InlineData(0, 0, 0, 0, 0)]
    [InlineData(300_00, 400_00, 0, 300_00, 0)]
    public void APayoutIsSplit_BetweenTheProcessorsTransfer_AndTheRestByHand(long payout, long cardHeld, long fee, long transfer, long manual)
    {
        Assert.Equal((transfer, manual), Settlement.PayoutParts(payout, cardHeld, fee));
        Assert.Throws<ArgumentOutOfRangeException>(() => Settlement.PayoutParts(-1, cardHeld, fee));
    }

    [Fact]
    public void APayeeAccount_CanReceive_OnceTheProcessorSaysSo_AndAnOlderStateChangesNothing()
    {
        var account = PayeeAccount.Open(Holder, PaymentProvider.Stripe, "acct_holder", Now);
        Assert.False(account.CanReceive);

        Assert.True(account.Update(true, true, false, ["external_account"], null, Now.AddMinutes(10)));
        Assert.True(account.CanReceive);
        Assert.Equal("external_account", account.RequirementsDue);
        PayeeAccount.EnsureReadyForLaunch(account);

        // An older notification arriving late changes nothing.
        Assert.False(account.Update(false, false, false, ["individual.id_number"], "requirements.past_due", Now.AddMinutes(5)));
        Assert.True(account.CanReceive);

        account.Update(true, true, true, [], "rejected.fraud", Now.AddMinutes(20));
        Assert.False(account.CanReceive);
        Assert.Equal(PayeeAccountRefusals.NotReady, Assert.Throws<DomainException>(() => PayeeAccount.EnsureReadyForLaunch(account)).Refusal);
        Assert.Null(account.RequirementsDue);
        Assert.Throws<ArgumentOutOfRangeException>(() => PayeeAccount.Open(Holder, PaymentProvider.Offline, "x", Now));
    }

    [Fact]
    public void APayeeAccount_KeepsItsLatestBankPayout()
    {
        var account = PayeeAccount.Open(Holder, PaymentProvider.Stripe, "acct_holder", Now);

        account.RecordBankPayout(900_00, paid: false, "account_closed", Now.AddDays(2));
        account.RecordBankPayout(100_00, paid: true, null, Now.AddDays(1));
        Assert.Equal((900_00L, false, "account_closed"), (account.LastBankPayoutCents, account.LastBankPayoutPaid, account.LastBankPayoutFailure));

        account.RecordBankPayout(900_00, paid: true, "ignored", Now.AddDays(3));
        Assert.Equal((true, (string?)null), (account.LastBankPayoutPaid, account.LastBankPayoutFailure));
    }

    /// <summary>The settlement's plan decides the payout: what the campaign raised, less the fee on the contributors' money only.</summary>
    [Theory]
    //          goal,     contributed, matched, fee bp, payout (0: none is due)
    [InlineData(1_000_00, 1_000_00, 0, 500, 950_00)]
    [InlineData(1_000_00, 500_00, 500_00, 500, 975_00)]
    [InlineData(1_000_00, 1_234_57, 0, 333, 1_193_46)]
    [InlineData(1_000_00, 2_000_00, 0, 0, 2_000_00)]
    [InlineData(1_000_00, 999_99, 0, 500, 0)]
    public void Payout_IsWhatTheCampaignRaised_LessTheFeeOnContributions(long goal, long contributed, long matched, int feeBasisPoints, long expected)
    {
        var plan = Settlement.Plan(CampaignMode.AllOrNothing, goal, new CampaignTotals(contributed, matched, 1), feeBasisPoints);
        var campaign = Settling(new FundingKit().Live(goal), funded: plan.Funded);

        if (expected == 0)
        {
            Assert.Equal(0, plan.PayoutCents);
            Assert.Throws<DomainException>(() => Payout.Due(campaign, plan.PayoutCents, AfterTheEnd));
            return;
        }

        var payout = Payout.Due(campaign, plan.PayoutCents, AfterTheEnd);
        Assert.Equal(expected, payout.AmountCents);
        Assert.Equal(contributed + matched, payout.AmountCents + plan.FeeCents);
    }

    /// <summary>A live campaign brought past its end and into settlement with the outcome the ledger would give.</summary>
    internal static Campaign Settling(Campaign campaign, bool funded)
    {
        campaign.StartSettlement(funded, AfterTheEnd);
        return campaign;
    }

    /// <summary>Stands in for the seeding that makes a city's own project: no domain move gives a project to the city yet.</summary>
    internal static void HeldByTheCity(Project project) =>
        typeof(Project).GetProperty(nameof(Project.HolderType), BindingFlags.Public | BindingFlags.Instance)!.SetValue(project, HolderType.Municipality);
}
