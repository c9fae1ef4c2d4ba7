using Labelkoz.Domain.Funding;

namespace Labelkoz.Domain.Tests.Funding;

/// <summary>What a processor's event does to a contribution (<see cref="PaymentEventRules"/>), cell by cell.</summary>
public sealed class PaymentEventTests
{
    private static readonly DateTime Now = FundingKit.Now;
    private readonly FundingKit _kit = new();

    /// <summary>Every (event, status) pair, with the action, the money booked and the outcome kept on the event.</summary>
    public static TheoryData<PaymentEventType, ContributionStatus, PaymentEventAction, bool, bool, string> Cells() => new()
    {
        { PaymentEventType.PaymentSucceeded, ContributionStatus.Pending, PaymentEventAction.Confirm, true, false, "Contribution réussie." },
        { PaymentEventType.PaymentSucceeded, ContributionStatus.Succeeded, PaymentEventAction.ConfirmAgain, true, false, "Déjà réussie : rien à faire." },
        { PaymentEventType.PaymentSucceeded, ContributionStatus.Failed, PaymentEventAction.RefundLatePayment, false, false, "Paiement arrivé après l'expiration de la contribution : remboursé ({0})." },
        { PaymentEventType.PaymentSucceeded, ContributionStatus.Refunded, PaymentEventAction.Ignore, false, false, "Déjà réussie : rien à faire." },
        { PaymentEventType.PaymentFailed, ContributionStatus.Pending, PaymentEventAction.Decline, false, false, "Paiement refusé : contrepartie rendue au stock." },
        { PaymentEventType.PaymentFailed, ContributionStatus.Succeeded, PaymentEventAction.Ignore, false, false, "Déjà réglée : rien à faire." },
        { PaymentEventType.PaymentFailed, ContributionStatus.Failed, PaymentEventAction.Ignore, false, false, "Déjà réglée : rien à faire." },
        { PaymentEventType.PaymentFailed, ContributionStatus.Refunded, PaymentEventAction.Ignore, false, false, "Déjà réglée : rien à faire." },
        { PaymentEventType.Refunded, ContributionStatus.Pending, PaymentEventAction.ConfirmThenRefund, true, true, "Contribution remboursée." },
        { PaymentEventType.Refunded, ContributionStatus.Succeeded, PaymentEventAction.Refund, false, true, "Contribution remboursée." },
        { PaymentEventType.Refunded, ContributionStatus.Failed, PaymentEventAction.Ignore, false, false, "Remboursement d'un paiement arrivé trop tard : rien dans la cagnotte." },
        { PaymentEventType.Refunded, ContributionStatus.Refunded, PaymentEventAction.RefundAgain, false, true, "Contribution remboursée." },
        { PaymentEventType.DisputeOpened, ContributionStatus.Pending, PaymentEventAction.Wait, false, false, "Contestation d'un paiement pas encore confirmé : nouvel essai." },
        { PaymentEventType.DisputeOpened, ContributionStatus.Succeeded, PaymentEventAction.OpenDispute, false, false, "Paiement contesté par le titulaire de la carte : somme retenue par le processeur." },
        { PaymentEventType.DisputeOpened, ContributionStatus.Failed, PaymentEventAction.Ignore, false, false, "Contestation d'un paiement déjà rendu : rien dans la cagnotte, à vérifier chez le processeur." },
        { PaymentEventType.DisputeOpened, ContributionStatus.Refunded, PaymentEventAction.Ignore, false, false, "Contestation d'un paiement déjà rendu : rien dans la cagnotte, à vérifier chez le processeur." },
        { PaymentEventType.DisputeWon, ContributionStatus.Pending, PaymentEventAction.Wait, false, false, "Contestation d'un paiement pas encore confirmé : nouvel essai." },
        { PaymentEventType.DisputeWon, ContributionStatus.Succeeded, PaymentEventAction.WinDispute, false, false, "Contestation gagnée : somme rendue par le processeur." },
        { PaymentEventType.DisputeWon, ContributionStatus.Failed, PaymentEventAction.Ignore, false, false, "Contestation d'un paiement déjà rendu : rien dans la cagnotte, à vérifier chez le processeur." },
        { PaymentEventType.DisputeWon, ContributionStatus.Refunded, PaymentEventAction.WinDispute, false, false, "Contestation gagnée : somme rendue par le processeur." },
        { PaymentEventType.DisputeLost, ContributionStatus.Pending, PaymentEventAction.Wait, false, false, "Contestation d'un paiement pas encore confirmé : nouvel essai." },
        { PaymentEventType.DisputeLost, ContributionStatus.Succeeded, PaymentEventAction.LoseDispute, false, true, "Contestation perdue : la somme est remboursée au titulaire de la carte." },
        { PaymentEventType.DisputeLost, ContributionStatus.Failed, PaymentEventAction.Ignore, false, false, "Contestation d'un paiement déjà rendu : rien dans la cagnotte, à vérifier chez le processeur." },
        { PaymentEventType.DisputeLost, ContributionStatus.Refunded, PaymentEventAction.Ignore, false, false, "Contestation d'un paiement déjà rendu : rien dans la cagnotte, à vérifier chez le processeur." },
    };

    /// <summary>The status each cell leaves the contribution in, and whether its reward unit is still held.</summary>
    public static TheoryData<PaymentEventType, ContributionStatus, ContributionStatus, bool> Moves() => new()
    {
        { PaymentEventType.PaymentSucceeded, ContributionStatus.Pending, ContributionStatus.Succeeded, true },
        { PaymentEventType.PaymentSucceeded, ContributionStatus.Succeeded, ContributionStatus.Succeeded, true },
        { PaymentEventType.PaymentSucceeded, ContributionStatus.Failed, ContributionStatus.Failed, false },
        { PaymentEventType.PaymentSucceeded, ContributionStatus.Refunded, ContributionStatus.Refunded, false },
        { PaymentEventType.PaymentFailed, ContributionStatus.Pending, ContributionStatus.Failed, false },
        { PaymentEventType.PaymentFailed, ContributionStatus.Succeeded, ContributionStatus.Succeeded, true },
        { PaymentEventType.PaymentFailed, ContributionStatus.Failed, ContributionStatus.Failed, false },
        { PaymentEventType.PaymentFailed, ContributionStatus.Refunded, ContributionStatus.Refunded, false },
        { PaymentEventType.Refunded, ContributionStatus.Pending, ContributionStatus.Refunded, false },
        { PaymentEventType.Refunded, ContributionStatus.Succeeded, ContributionStatus.Refunded, false },
        { PaymentEventType.Refunded, ContributionStatus.Failed, ContributionStatus.Failed, false },
        { PaymentEventType.Refunded, ContributionStatus.Refunded, ContributionStatus.Refunded, false },
        { PaymentEventType.DisputeOpened, ContributionStatus.Pending, ContributionStatus.Pending, true },
        { PaymentEventType.DisputeOpened, ContributionStatus.Succeeded, ContributionStatus.Succeeded, true },
        { PaymentEventType.DisputeWon, ContributionStatus.Succeeded, ContributionStatus.Succeeded, true },
        { PaymentEventType.DisputeLost, ContributionStatus.Succeeded, ContributionStatus.Succeeded, true },
        { PaymentEventType.DisputeLost, ContributionStatus.Refunded, ContributionStatus.Refunded, false },
    };

    [Fact]
    public void ADispute_ShowsOpen_ThenWon_TheGiftStands()
    {
        var campaign = _kit.Live();
        var contribution = ContributionIn(campaign, null, ContributionStatus.Succeeded);

        contribution.ApplyPaymentEvent(Event(PaymentEventType.DisputeOpened, "dp_1", null, 25_00), null, false, Now);
        Assert.Equal((DisputeState.Open, 25_00L, "dp_1"), (contribution.Dispute, contribution.DisputedCents, contribution.DisputeId));
        Assert.False(contribution.OpenDispute("dp_1", 25_00, Now));
        Assert.Throws<Labelkoz.Domain.Common.DomainException>(() => contribution.OpenDispute("dp_2", 1_00, Now));

        var (_, refund) = contribution.ApplyPaymentEvent(Event(PaymentEventType.DisputeWon, "dp_1", null), null, false, Now);

        Assert.Null(refund);
        Assert.Equal((DisputeState.Won, ContributionStatus.Succeeded, 25_00L), (contribution.Dispute, contribution.Status, contribution.StandingCents));
    }

    [Fact]
    public void ALostDispute_IsARefundOfItsAmount_RecordedOnce_AsADisputesRefund()
    {
        var campaign = _kit.Live();
        var tier = campaign.Tier(100);
        var contribution = ContributionIn(campaign, tier, ContributionStatus.Succeeded);
        contribution.ApplyPaymentEvent(Event(PaymentEventType.DisputeOpened, "dp_9", null, 25_00), tier, true, Now);

        var (decision, refund) = contribution.ApplyPaymentEvent(Event(PaymentEventType.DisputeLost, "dp_9", null), tier, true, Now);
        var (_, replay) = contribution.ApplyPaymentEvent(Event(PaymentEventType.DisputeLost, "dp_9", null), tier, true, Now);

        Assert.Equal(PaymentEventAction.LoseDispute, decision.Action);
        Assert.Equal((25_00L, true, true, "dp_9"), (refund!.AmountCents, refund.ByDispute, refund.AfterSettlement, refund.ProviderRefundId));
        Assert.Null(replay);
        Assert.Equal((ContributionStatus.Refunded, DisputeState.Lost, 0), (contribution.Status, contribution.Dispute, tier.Taken));
    }

    [Fact]
    public void TheTable_HasACellForEveryEventAndEveryStatus()
    {
        var cells = Cells().Select(row => ((PaymentEventType)row[0], (ContributionStatus)row[1])).ToHashSet();

        var everyPair = Enum.GetValues<PaymentEventType>().SelectMany(e => Enum.GetValues<ContributionStatus>().Select(s => (e, s)));
        Assert.All(everyPair, pair => Assert.Contains(pair, cells));
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void AnEvent_OnAContributionInAStatus_IsDecidedByItsCell(PaymentEventType type, ContributionStatus status, PaymentEventAction action, bool booksPayment, bool booksRefund, string outcome)
    {
        var decision = PaymentEventRules.Decide(type, status);

        Assert.Equal(action, decision.Action);
        Assert.Equal(booksPayment, decision.BooksPayment);
        Assert.Equal(booksRefund, decision.BooksRefund);
        Assert.Equal(action == PaymentEventAction.RefundLatePayment, decision.RefundsAtProcessor);
        Assert.Equal(outcome, decision.Outcome);
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void ApplyingAnEvent_MovesTheContributionAsItsCellSays_AndTheRewardUnitWithIt(PaymentEventType type, ContributionStatus from, ContributionStatus to, bool unitHeld)
    {
        var campaign = _kit.Live();
        var tier = campaign.Tier(100);
        var contribution = ContributionIn(campaign, tier, from);

        var decision = contribution.ApplyPaymentEvent(Event(type, "re_42", "Carte refusée"), tier, false, Now).Decision;

        Assert.Equal(PaymentEventRules.Decide(type, from), decision);
        Assert.Equal(to, contribution.Status);
        Assert.Equal(unitHeld ? 1 : 0, tier.Taken);
    }

    [Fact]
    public void ARefundArrivingBeforeItsPayment_ConfirmsThenRefunds_KeepingTheProcessorsRefund()
    {
        var campaign = _kit.Live();
        var contribution = ContributionIn(campaign, null, ContributionStatus.Pending);

        var decision = contribution.ApplyPaymentEvent(Event(PaymentEventType.Refunded, "re_7", null), null, false, Now).Decision;

        Assert.Equal(PaymentEventAction.ConfirmThenRefund, decision.Action);
        Assert.Equal((Now, Now), (contribution.SucceededAtUtc, contribution.RefundedAtUtc));
        Assert.Equal("re_7", contribution.ProviderRefundId);
    }

    [Fact]
    public void ADeclinedPayment_KeepsTheProcessorsReason()
    {
        var campaign = _kit.Live();
        var contribution = ContributionIn(campaign, null, ContributionStatus.Pending);

        contribution.ApplyPaymentEvent(Event(PaymentEventType.PaymentFailed, null, "Carte refusée par la banque."), null, false, Now);

        Assert.Equal("Carte refusée par la banque.", contribution.FailureReason);
    }

    [Fact]
    public void APaymentArrivingAfterItsContributionExpired_IsGivenBack_AndTheOutcomeNamesTheRefund()
    {
        var decision = PaymentEventRules.Decide(PaymentEventType.PaymentSucceeded, ContributionStatus.Failed);

        Assert.True(decision.RefundsAtProcessor);
        Assert.Equal("Paiement arrivé après l'expiration de la contribution : remboursé (re_99).", decision.OutcomeWithRefund("re_99"));
    }

    [Fact]
    public void ReplayingEveryEvent_LeavesTheContributionWhereTheFirstOneDid()
    {
        foreach (var type in Enum.GetValues<PaymentEventType>())
        {
            var campaign = new FundingKit().Live();
            var tier = campaign.Tier(100);
            var contribution = ContributionIn(campaign, tier, ContributionStatus.Pending);
            contribution.ApplyPaymentEvent(Event(type, "re_1", "Refusé"), tier, false, Now);
            var (status, taken) = (contribution.Status, tier.Taken);

            var replay = contribution.ApplyPaymentEvent(Event(type, "re_1", "Refusé"), tier, false, Now.AddMinutes(5)).Decision;

            Assert.Equal((status, taken), (contribution.Status, tier.Taken));
            Assert.NotEqual(PaymentEventAction.Confirm, replay.Action);
            Assert.NotEqual(PaymentEventAction.Decline, replay.Action);
            Assert.NotEqual(PaymentEventAction.ConfirmThenRefund, replay.Action);
            Assert.NotEqual(PaymentEventAction.Refund, replay.Action);
        }
    }

    [Theory]
    [InlineData(0, PaymentEventAction.Wait, "Paiement pas encore connu : nouvel essai.")]
    [InlineData(23, PaymentEventAction.Wait, "Paiement pas encore connu : nouvel essai.")]
    [InlineData(24, PaymentEventAction.Wait, "Paiement pas encore connu : nouvel essai.")]
    [InlineData(25, PaymentEventAction.Ignore, "Paiement inconnu de la plateforme : ignoré.")]
    public void AnEventForAPaymentNotYetKnown_Waits_AndIsGivenUpAfterADay(int hours, PaymentEventAction action, string outcome)
    {
        var decision = PaymentEventRules.ForUnknownPayment(Now, Now.AddHours(hours));

        Assert.Equal((action, outcome), (decision.Action, decision.Outcome));
        Assert.False(decision.BooksPayment || decision.BooksRefund || decision.RefundsAtProcessor);
    }

    /// <summary>An event of the sandbox on the contribution's payment.</summary>
    private static PaymentEvent Event(PaymentEventType type, string? refundId, string? reason, long? amountCents = null) =>
        PaymentEvent.Receive(PaymentProvider.Sandbox, $"evt_{type}_{refundId}", type, "pi_1", refundId, reason, Now, amountCents: amountCents);


    /// <summary>A contribution of 25 € brought to <paramref name="status"/> by the contribution's own moves.</summary>
    private static Contribution ContributionIn(Campaign campaign, RewardTier? tier, ContributionStatus status)
    {
        var contribution = Contribution.Start(campaign, tier, FundingKit.Donor, 25_00, false, null, null, PaymentProvider.Sandbox, $"key-{status}", null, Now);
        switch (status)
        {
            case ContributionStatus.Pending:
                break;
            case ContributionStatus.Succeeded:
                contribution.Succeed(Now);
                break;
            case ContributionStatus.Failed:
                contribution.Fail(tier, "Paiement abandonné", Now);
                break;
            case ContributionStatus.Refunded:
                contribution.Succeed(Now);
                contribution.Refund(tier, "re_0", null, false, Now);
                break;
        }

        Assert.Equal(status, contribution.Status);
        return contribution;
    }
}
