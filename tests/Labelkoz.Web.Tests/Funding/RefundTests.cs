using System.Globalization;
using System.Net;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Funding.Ledger;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Features.Funding.Operator;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stripe;
using Payout = Labelkoz.Domain.Funding.Payout;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// Refunds of any amount, at any time (issue #15, findings 1 and 2; ADR 17), as Stripe reports them
/// through its signed webhook: a partial refund moves exactly its amount, and a refund after a funded
/// settlement is borne by the payout (or the payee, once it was sent), never by an empty escrow.
/// </summary>
public sealed class RefundTests(StripeManualPayoutsApp app) : IClassFixture<StripeManualPayoutsApp>
{
    [Fact]
    public async Task APartialRefund_MovesExactlyItsAmount_ReducesTheMatchInProportion_AndKeepsTheReward()
    {
        // Finding 1: a signed refund.created of 1,00 € on a 24,05 € contribution was booked as a full refund.
        var city = await app.Given.City();
        var campaign = await app.Given.Campaign(city, await app.Given.Citizen(), new CampaignSpec
        {
            Title = "Un parc (remboursement partiel)",
            Tiers = [new TierTerms("Un badge", null, 20_00, 3, 0)],
            MatchCapCents = 500_00,
        });
        var (contributionId, sessionId) = await StartAsync(campaign.Id, campaign.Tiers[0], 24_05, "partial-refund");
        await PostAsync(StripeApp.SessionEvent("evt_partial_paid", EventTypes.CheckoutSessionCompleted, sessionId, contributionId));
        await app.RunJobsAsync();

        await PostAsync(RefundEvent("evt_partial_refund", EventTypes.RefundCreated, "re_partial_1", 1_00, contributionId));
        await app.RunJobsAsync();

        var contribution = await ContributionAsync(contributionId);
        Assert.Equal((ContributionStatus.Succeeded, 1_00L), (contribution.Status, contribution.RefundedCents));
        Assert.Equal(1_00, await RefundedInLedgerAsync(contributionId));
        var totals = await TotalsAsync(campaign.Id);
        Assert.Equal((23_05L, 23_05L, 1), (totals.ContributedCents, totals.MatchedCents, totals.Contributors));
        Assert.Equal(1, await TakenAsync(campaign.Tiers[0]));

        // The same refund again, as a duplicate and through charge.refunded: recorded once.
        await PostAsync(RefundEvent("evt_partial_refund", EventTypes.RefundCreated, "re_partial_1", 1_00, contributionId));
        await PostAsync(ChargeRefunded("evt_partial_charge", contributionId, 24_05, 1_00, ("re_partial_1", 1_00)));
        await app.RunJobsAsync();
        Assert.Equal(1_00, await RefundedInLedgerAsync(contributionId));
        Assert.Equal(1, await app.WithDbAsync(db => db.ContributionRefunds.CountAsync(r => r.ContributionId == contributionId)));

        // The rest: refunded in full, the reward's unit back in stock, the whole match back to the city.
        await PostAsync(RefundEvent("evt_partial_rest", EventTypes.RefundCreated, "re_partial_2", 23_05, contributionId));
        await app.RunJobsAsync();

        Assert.Equal(ContributionStatus.Refunded, (await ContributionAsync(contributionId)).Status);
        Assert.Equal(24_05, await RefundedInLedgerAsync(contributionId));
        Assert.Equal(new CampaignTotals(0, 0, 0), await TotalsAsync(campaign.Id));
        Assert.Equal(0, await TakenAsync(campaign.Tiers[0]));
        Assert.Equal(0, await BalanceAsync(LedgerAccount.Escrow(campaign.Id)));
        await AssertBalancedAsync(campaign.Id);
    }

    [Fact]
    public async Task ARefundLargerThanWhatStands_IsSetAsideForTheOperator_AndMovesNothing()
    {
        var stripeCampaign = await app.CreateLiveCampaignAsync("Un parc (remboursement trop grand)");
        var donor = await app.Given.Person();
        var (contributionId, sessionId) = await app.StartContributionAsync(stripeCampaign, donor, 30_00, "too-large-refund");
        await PostAsync(StripeApp.SessionEvent("evt_too_large_paid", EventTypes.CheckoutSessionCompleted, sessionId, contributionId));
        await app.RunJobsAsync();

        await PostAsync(RefundEvent("evt_too_large_refund", EventTypes.RefundCreated, "re_too_large", 30_01, contributionId));
        for (var i = 0; i < 6; i++)
        {
            app.Clock.Advance(TimeSpan.FromHours(1));
            await app.RunJobsAsync();
        }

        var setAside = await app.WithDbAsync(db => db.PaymentEvents.SingleAsync(e => e.EventId == "evt_too_large_refund"));
        Assert.Equal(PaymentEventState.SetAside, setAside.State);
        Assert.Contains("dépasse", setAside.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await RefundedInLedgerAsync(contributionId));
        Assert.Equal(30_00, (await TotalsAsync(stripeCampaign.Id)).ContributedCents);
    }

    [Fact]
    public async Task ARefundAfterSettlement_BeforeThePayout_ReducesThePayoutAndTheFee_NotTheEscrow()
    {
        // Finding 2: charge.refunded on a funded campaign's gift took the escrow to −50,12 € and kept the fee.
        var (campaignId, refundedId) = await FundedAsync("avant versement", 1_000_00, 50_12);
        var payout = await PayoutAsync(campaignId);
        Assert.Equal((PayoutStatus.Due, 997_61L), (payout.Status, payout.AmountCents));

        await PostAsync(ChargeRefunded("evt_after_due", refundedId, 50_12, 50_12, ("re_after_due", 50_12)));
        await app.RunJobsAsync();

        Assert.Equal(ContributionStatus.Refunded, (await ContributionAsync(refundedId)).Status);
        Assert.Equal(0, await BalanceAsync(LedgerAccount.Escrow(campaignId)));

        // The fee is what it would have been on what stands (5 % of 1 000 €); the payout, the rest.
        Assert.Equal(50_00, await FeesOfAsync(campaignId));
        payout = await PayoutAsync(campaignId);
        Assert.Equal((PayoutStatus.Due, 950_00L), (payout.Status, payout.AmountCents));
        Assert.Equal(950_00, await BalanceAsync(LedgerAccount.Payable(campaignId)));
        Assert.Equal(0, await BalanceAsync(LedgerAccount.Receivable(campaignId)));

        // The public total is what the ledger says was settled for the project, and says what was refunded since.
        var totals = await TotalsAsync(campaignId);
        Assert.Equal((1_000_00L, 50_12L, 1), (totals.ContributedCents, totals.RefundedAfterSettlementCents, totals.Contributors));
        Assert.Equal(CampaignStatus.Funded, await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Status).SingleAsync()));
        await AssertBalancedAsync(campaignId);
    }

    [Fact]
    public async Task ARefundAfterThePayoutWasSent_IsADebtOfThePayee()
    {
        var (campaignId, refundedId) = await FundedAsync("après versement", 1_000_00, 50_12);
        var payout = await PayoutAsync(campaignId);
        var operatorId = (await app.Given.Person()).Id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<PayoutSending>(scope.ServiceProvider).ExecuteAsync(payout.Id, null, operatorId, "VIR-2026-0042", CancellationToken.None);
        }

        await PostAsync(RefundEvent("evt_after_sent", EventTypes.RefundCreated, "re_after_sent", 20_00, refundedId));
        await app.RunJobsAsync();

        // 20 € refunded: the fee on 1 030,12 € instead of 1 050,12 € is 1,00 € less; the payee owes 19,00 €.
        Assert.Equal(-19_00, await BalanceAsync(LedgerAccount.Receivable(campaignId)));
        Assert.Equal(52_51 - 1_00, await FeesOfAsync(campaignId));
        Assert.Equal((PayoutStatus.Sent, 997_61L), ((await PayoutAsync(campaignId)).Status, (await PayoutAsync(campaignId)).AmountCents));
        Assert.Equal(0, await BalanceAsync(LedgerAccount.Escrow(campaignId)));
        Assert.Equal(0, await BalanceAsync(LedgerAccount.Payable(campaignId)));
        var contribution = await ContributionAsync(refundedId);
        Assert.Equal((ContributionStatus.Succeeded, 20_00L), (contribution.Status, contribution.RefundedCents));
        Assert.Equal(1_030_12, (await TotalsAsync(campaignId)).ContributedCents);
        await AssertBalancedAsync(campaignId);

        // The operator sees the debt, and records what the payee paid back: at most what it owes.
        using var operatorBrowser = await app.SignedInAsync((await app.Given.Operator()).Email);
        var payouts = await operatorBrowser.GetAsync(PayoutsModel.Path);
        var debt = payouts.Document.QuerySelector("#sommes-a-recuperer")!;
        Assert.Contains("19,00", debt.TextContent, StringComparison.Ordinal);
        var repay = await operatorBrowser.GetAsync(RepaymentModel.PathOf(payout.Id));
        repay.AssertAccessibleStructure();
        var tooMuch = await operatorBrowser.SubmitAsync(repay, "#remboursement-recu", new Dictionary<string, string> { ["Input.Amount"] = "19,01", ["Input.Reference"] = "VIR-RETOUR-1" });
        Assert.Contains("au plus égal", tooMuch.FieldError("recu-montant-erreur"), StringComparison.Ordinal);
        var noReference = await operatorBrowser.SubmitAsync(repay, "#remboursement-recu", new Dictionary<string, string> { ["Input.Amount"] = "19", ["Input.Reference"] = " " });
        Assert.Contains("Référence du virement reçu", noReference.FieldError("recu-reference-erreur"), StringComparison.Ordinal);
        Assert.Equal(-19_00, await BalanceAsync(LedgerAccount.Receivable(campaignId)));

        var fields = new Dictionary<string, string> { ["Input.Amount"] = "19", ["Input.Reference"] = "VIR-RETOUR-1" };
        var posts = new[] { await operatorBrowser.SubmitAsync(repay, "#remboursement-recu", fields), await operatorBrowser.SubmitAsync(repay, "#remboursement-recu", fields) };
        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Redirect, p.Status));
        Assert.Equal(0, await BalanceAsync(LedgerAccount.Receivable(campaignId)));
        Assert.Null((await operatorBrowser.GetAsync(PayoutsModel.Path)).Document.QuerySelector("#sommes-a-recuperer"));
        await AssertBalancedAsync(campaignId);
    }

    [Fact]
    public async Task ADispute_IsBookedWhenItOpens_ShownToTheOperator_AndALostOneIsARefund()
    {
        // Finding 6: charge.dispute.* were not handled: money left the processor with no ledger entry.
        var campaign = await app.CreateLiveCampaignAsync("Un parc (contestation perdue)");
        var (contributionId, sessionId) = await app.StartContributionAsync(campaign, await app.Given.Person(), 30_00, "dispute-lost");
        await PostAsync(StripeApp.SessionEvent("evt_dispute_lost_paid", EventTypes.CheckoutSessionCompleted, sessionId, contributionId));
        await app.RunJobsAsync();
        app.Stripe.SessionForPaymentIntent["pi_dispute_lost"] = sessionId;

        await PostAsync(DisputeEvent("evt_dispute_lost_open", EventTypes.ChargeDisputeCreated, "dp_lost", 30_00, "needs_response", "pi_dispute_lost", (-30_00, 15_00)));
        await PostAsync(DisputeEvent("evt_dispute_lost_open", EventTypes.ChargeDisputeCreated, "dp_lost", 30_00, "needs_response", "pi_dispute_lost", (-30_00, 15_00)));
        await app.RunJobsAsync();

        var open = await ContributionAsync(contributionId);
        Assert.Equal((DisputeState.Open, 30_00L, ContributionStatus.Succeeded), (open.Dispute, open.DisputedCents, open.Status));
        Assert.Equal(-30_00, await DisputesOfAsync(contributionId));
        Assert.Equal(-15_00, await FeesOfAsync(campaign.Id));
        Assert.Equal(30_00, (await TotalsAsync(campaign.Id)).ContributedCents);

        using (var operatorBrowser = await app.SignedInAsync((await app.Given.Operator()).Email))
        {
            var page = await operatorBrowser.GetAsync(Labelkoz.Web.Features.Payments.Operator.PaymentEventsModel.Path);
            Assert.Contains("dp_lost", page.Document.QuerySelector("#contestations")?.TextContent, StringComparison.Ordinal);
        }

        await PostAsync(DisputeEvent("evt_dispute_lost_close", EventTypes.ChargeDisputeClosed, "dp_lost", 30_00, "lost", "pi_dispute_lost"));
        await app.RunJobsAsync();

        var lost = await ContributionAsync(contributionId);
        Assert.Equal((DisputeState.Lost, ContributionStatus.Refunded, 30_00L), (lost.Dispute, lost.Status, lost.RefundedCents));
        Assert.Equal(0, await DisputesOfAsync(contributionId));
        Assert.Equal(new CampaignTotals(0, 0, 0), await TotalsAsync(campaign.Id));
        Assert.Equal(0, await BalanceAsync(LedgerAccount.Escrow(campaign.Id)));
        await AssertBalancedAsync(campaign.Id);
    }

    [Fact]
    public async Task AFailedCampaign_WaitsForTheBanksDecisionOnADisputedGift_BeforeRefundingIt()
    {
        var campaign = await app.CreateLiveCampaignAsync("Un parc (contestation pendant le règlement)");
        var (disputed, disputedSession) = await app.StartContributionAsync(campaign, await app.Given.Person(), 30_00, "dispute-settle-1");
        var (other, otherSession) = await app.StartContributionAsync(campaign, await app.Given.Person(), 20_00, "dispute-settle-2");
        await PostAsync(StripeApp.SessionEvent("evt_dispute_settle_paid_1", EventTypes.CheckoutSessionCompleted, disputedSession, disputed));
        await PostAsync(StripeApp.SessionEvent("evt_dispute_settle_paid_2", EventTypes.CheckoutSessionCompleted, otherSession, other));
        app.Stripe.SessionForPaymentIntent["pi_dispute_settle"] = disputedSession;
        await PostAsync(DisputeEvent("evt_dispute_settle_open", EventTypes.ChargeDisputeCreated, "dp_settle", 30_00, "needs_response", "pi_dispute_settle", (-30_00, 15_00)));
        await app.RunJobsAsync();

        // The campaign ends far from its goal: the other gift is refunded, the disputed one is not asked.
        app.Clock.Advance(TimeSpan.FromDays(31));
        await app.RunJobsAsync();
        await app.RunJobsAsync();
        Assert.Equal(ContributionStatus.Refunded, (await ContributionAsync(other)).Status);
        Assert.Equal(ContributionStatus.Succeeded, (await ContributionAsync(disputed)).Status);
        Assert.DoesNotContain(app.Stripe.Requests, r => r.Path == "/v1/refunds" && r.IdempotencyKey == $"refund-contribution-{disputed}");
        Assert.Equal(CampaignStatus.Settling, await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaign.Id).Select(c => c.Status).SingleAsync()));

        // The bank decides for the cardholder: the dispute refunds it, and the campaign ends.
        await PostAsync(DisputeEvent("evt_dispute_settle_close", EventTypes.ChargeDisputeClosed, "dp_settle", 30_00, "lost", "pi_dispute_settle"));
        await app.RunJobsAsync();
        await app.RunJobsAsync();

        Assert.Equal((ContributionStatus.Refunded, DisputeState.Lost), ((await ContributionAsync(disputed)).Status, (await ContributionAsync(disputed)).Dispute));
        Assert.Equal(CampaignStatus.NotFunded, await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaign.Id).Select(c => c.Status).SingleAsync()));
        Assert.Equal(new CampaignTotals(0, 0, 0), await TotalsAsync(campaign.Id));
        await AssertBalancedAsync(campaign.Id);
    }

    [Fact]
    public async Task AWonDispute_GivesTheMoneyBack_AndTheGiftStands()
    {
        var campaign = await app.CreateLiveCampaignAsync("Un parc (contestation gagnée)");
        var (contributionId, sessionId) = await app.StartContributionAsync(campaign, await app.Given.Person(), 40_00, "dispute-won");
        await PostAsync(StripeApp.SessionEvent("evt_dispute_won_paid", EventTypes.CheckoutSessionCompleted, sessionId, contributionId));
        await app.RunJobsAsync();
        app.Stripe.SessionForPaymentIntent["pi_dispute_won"] = sessionId;

        // An inquiry withdraws nothing: ignored. Then a real dispute, won, with Stripe's fee given back.
        await PostAsync(DisputeEvent("evt_dispute_inquiry", EventTypes.ChargeDisputeCreated, "dp_inquiry", 40_00, "warning_needs_response", "pi_dispute_won"));
        await PostAsync(DisputeEvent("evt_dispute_won_open", EventTypes.ChargeDisputeCreated, "dp_won", 40_00, "needs_response", "pi_dispute_won", (-40_00, 15_00)));
        await app.RunJobsAsync();
        await PostAsync(DisputeEvent("evt_dispute_won_close", EventTypes.ChargeDisputeClosed, "dp_won", 40_00, "won", "pi_dispute_won", (-40_00, 15_00), (40_00, -15_00)));
        await app.RunJobsAsync();

        var won = await ContributionAsync(contributionId);
        Assert.Equal((DisputeState.Won, ContributionStatus.Succeeded, 0L, "dp_won"), (won.Dispute, won.Status, won.RefundedCents, won.DisputeId));
        Assert.Equal(0, await DisputesOfAsync(contributionId));
        Assert.Equal(0, await FeesOfAsync(campaign.Id));
        Assert.Equal(40_00, (await TotalsAsync(campaign.Id)).ContributedCents);
        Assert.False(await app.WithDbAsync(db => db.PaymentEvents.AnyAsync(e => e.EventId == "evt_dispute_inquiry")));
        await AssertBalancedAsync(campaign.Id);
    }

    /// <summary>A campaign of 1 000 € funded by two Stripe gifts, settled: returns it and the second gift.</summary>
    private async Task<(long CampaignId, long SecondGift)> FundedAsync(string name, long first, long second)
    {
        var campaign = await app.CreateLiveCampaignAsync($"Un parc ({name})");
        long secondId = 0;
        foreach (var (cents, i) in new[] { (first, 1), (second, 2) })
        {
            var (id, session) = await app.StartContributionAsync(campaign, await app.Given.Person(), cents, $"funded-{name}-{i}");
            await PostAsync(StripeApp.SessionEvent($"evt_funded_{name}_{i}".Replace(' ', '_'), EventTypes.CheckoutSessionCompleted, session, id));
            secondId = id;
        }

        await app.RunJobsAsync();
        app.Clock.Advance(TimeSpan.FromDays(31));
        await app.RunJobsAsync();
        await app.RunJobsAsync();
        Assert.Equal(CampaignStatus.Funded, await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaign.Id).Select(c => c.Status).SingleAsync()));
        Assert.Equal(52_51, await FeesOfAsync(campaign.Id));
        return (campaign.Id, secondId);
    }

    private async Task<(long ContributionId, string SessionId)> StartAsync(long campaignId, long tierId, long cents, string key)
    {
        var donor = await app.Given.Person();
        await using var scope = app.Services.CreateAsyncScope();
        var started = await scope.ServiceProvider.GetRequiredService<CampaignMoney>().StartAsync(
            campaignId, donor.Id, new ContributionRequest(cents, tierId, false, donor.DisplayName, null, key, null), id => $"/contributions/{id}", donor.Email, CancellationToken.None);
        var sessionId = await app.WithDbAsync(db => db.Contributions.Where(c => c.Id == started.ContributionId).Select(c => c.ProviderPaymentId!).SingleAsync());
        return (started.ContributionId, sessionId);
    }

    private async Task PostAsync(string json)
    {
        var response = await app.PostWebhookAsync(json, StripeApp.Sign(json, app.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A refund.* event with the contribution's metadata (as the platform's own refunds carry).</summary>
    private static string RefundEvent(string eventId, string type, string refundId, long cents, long contributionId) => StripeApp.Event(eventId, type, new
    {
        id = refundId,
        @object = "refund",
        amount = cents,
        currency = "eur",
        status = "succeeded",
        payment_intent = $"pi_for_{contributionId}",
        metadata = new Dictionary<string, string> { ["contribution_id"] = contributionId.ToString(CultureInfo.InvariantCulture) },
    });

    /// <summary>A charge.dispute.* event, with its balance transactions (amount, fee).</summary>
    private static string DisputeEvent(string eventId, string type, string disputeId, long cents, string status, string paymentIntent, params (long Amount, long Fee)[] movements) => StripeApp.Event(eventId, type, new
    {
        id = disputeId,
        @object = "dispute",
        amount = cents,
        currency = "eur",
        status,
        charge = $"ch_{paymentIntent}",
        payment_intent = paymentIntent,
        reason = "fraudulent",
        balance_transactions = movements.Select((m, i) => new { id = $"txn_{disputeId}_{i}", @object = "balance_transaction", amount = m.Amount, fee = m.Fee, currency = "eur" }).ToArray(),
    });

    private static string ChargeRefunded(string eventId, long contributionId, long amount, long refunded, params (string Id, long Cents)[] refunds) => StripeApp.Event(eventId, EventTypes.ChargeRefunded, new
    {
        id = $"ch_{eventId}",
        @object = "charge",
        amount,
        amount_refunded = refunded,
        refunded = refunded == amount,
        payment_intent = $"pi_for_{contributionId}",
        metadata = new Dictionary<string, string> { ["contribution_id"] = contributionId.ToString(CultureInfo.InvariantCulture) },
        refunds = new { @object = "list", data = refunds.Select(r => new { id = r.Id, @object = "refund", amount = r.Cents, status = "succeeded" }).ToArray() },
    });

    private Task<Contribution> ContributionAsync(long id) => app.WithDbAsync(db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == id));

    private Task<CampaignTotals> TotalsAsync(long campaignId) => app.WithDbAsync(db => FundingTotals.ForAsync(db, campaignId, CancellationToken.None));

    private Task<long> BalanceAsync(LedgerAccount account) => app.WithDbAsync(db => FundingTotals.BalanceAsync(db, account, CancellationToken.None));

    private Task<Payout> PayoutAsync(long campaignId) => app.WithDbAsync(db => db.Payouts.AsNoTracking().SingleAsync(p => p.CampaignId == campaignId));

    private Task<int> TakenAsync(long tierId) => app.WithDbAsync(db => db.RewardTiers.Where(t => t.Id == tierId).Select(t => t.Taken).SingleAsync());

    /// <summary>What left the contribution's escrow or clearing as refunds, before or after settlement.</summary>
    private Task<long> RefundedInLedgerAsync(long contributionId) => app.WithDbAsync(db => db.LedgerLines
        .Where(l => l.AccountKind == LedgerAccountKind.ProviderClearing
            && db.LedgerTransactions.Any(t => t.Id == l.TransactionId && t.ContributionId == contributionId
                && (t.Kind == LedgerTransactionKind.Refund || t.Kind == LedgerTransactionKind.RefundAfterSettlement)))
        .SumAsync(l => l.AmountCents));

    /// <summary>The platform's fees on this campaign: the fee taken, less what refunds gave back.</summary>
    private Task<long> FeesOfAsync(long campaignId) => app.WithDbAsync(db => db.LedgerLines
        .Where(l => l.AccountKind == LedgerAccountKind.PlatformFees && db.LedgerTransactions.Any(t => t.Id == l.TransactionId && t.CampaignId == campaignId))
        .SumAsync(l => l.AmountCents));

    /// <summary>What the platform's disputes account holds for a contribution's disputes.</summary>
    private Task<long> DisputesOfAsync(long contributionId) => app.WithDbAsync(db => db.LedgerLines
        .Where(l => l.AccountKind == LedgerAccountKind.DisputesOpen && db.LedgerTransactions.Any(t => t.Id == l.TransactionId && t.ContributionId == contributionId))
        .SumAsync(l => l.AmountCents));

    private async Task AssertBalancedAsync(long campaignId)
    {
        var unbalanced = await app.WithDbAsync(db => db.LedgerLines
            .Where(l => db.LedgerTransactions.Any(t => t.Id == l.TransactionId && t.CampaignId == campaignId))
            .GroupBy(l => l.TransactionId)
            .Where(g => g.Sum(l => l.AmountCents) != 0)
            .CountAsync());
        Assert.Equal(0, unbalanced);
        Assert.True(await BalanceAsync(LedgerAccount.Escrow(campaignId)) >= 0);
    }
}
