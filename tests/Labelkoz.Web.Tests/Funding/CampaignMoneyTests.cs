using Labelkoz.Data.Payments;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Funding.Ledger;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Features.Payments;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// The money core on a real database (SQLite, or PostgreSQL in CI): contributions under
/// concurrency, replayed keys and events, out-of-order events, the ledger's balance, and a
/// settlement that runs exactly once and survives a crash half-way.
/// </summary>
public sealed class CampaignMoneyTests(FundingApp app) : IClassFixture<FundingApp>
{
    private const string Declined = "4000 0000 0000 0002";
    private const string Accepted = "4242 4242 4242 4242";

    [Fact]
    public async Task TwoHundredParallelContributions_OnATierOfTen_SellExactlyTen_AndTheLedgerBalances()
    {
        var (campaignId, tierId, _) = await app.CreateLiveCampaignAsync("Un parc (200 en parallèle)", tierQuantity: 10);

        // Forty people, five attempts each: a person holds one unpaid unit at most (issue #16).
        var donors = new List<long>();
        for (var i = 0; i < 40; i++)
        {
            donors.Add(await DonorAsync());
        }

        var attempts = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            try
            {
                await app.WithServiceAsync<CampaignMoney, ContributionStarted>(m => m.StartAsync(campaignId, donors[i % donors.Count], Request(25_00, tierId, $"parallel-{i}"), id => $"/retour/{id}", null, CancellationToken.None));
                return true;
            }
            catch (DomainException exception) when (exception.Refusal.Is(CampaignRefusals.TierSoldOut) || exception.Refusal.Is(ContributionRefusals.LimitedRewardAlreadyHeld))
            {
                return false;
            }
        })));

        Assert.Equal(10, attempts.Count(ok => ok));
        Assert.Equal(10, await app.WithDbAsync(db => db.Contributions.CountAsync(c => c.CampaignId == campaignId)));
        Assert.Equal(10, await app.WithDbAsync(db => db.RewardTiers.Where(t => t.Id == tierId).Select(t => t.Taken).SingleAsync()));

        // Every one of them pays: ten contributions in the ledger, which balances.
        var payments = await app.WithDbAsync(db => db.Contributions.Where(c => c.CampaignId == campaignId).Select(c => c.ProviderPaymentId!).ToListAsync());
        foreach (var payment in payments)
        {
            await PayAsync(payment, Accepted);
        }

        await app.RunJobsAsync();
        var totals = await app.WithDbAsync(db => FundingTotals.ForAsync(db, campaignId, CancellationToken.None));
        Assert.Equal(250_00, totals.ContributedCents);
        await AssertLedgerBalancedAsync(campaignId);
    }

    [Fact]
    public async Task OneKeySentAHundredTimesInParallel_MakesOneContribution_AndOnePayment()
    {
        var (campaignId, _, _) = await app.CreateLiveCampaignAsync("Un parc (une clé, cent envois)");
        var donor = await DonorAsync();

        var started = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() =>
            app.WithServiceAsync<CampaignMoney, ContributionStarted>(m => m.StartAsync(campaignId, donor, Request(30_00, null, "the-same-key"), id => $"/retour/{id}", null, CancellationToken.None)))));

        Assert.Single(started.Select(s => s.ContributionId).Distinct());
        Assert.Single(started.Select(s => s.PaymentUrl).Distinct());
        Assert.Equal(1, await app.WithDbAsync(db => db.Contributions.CountAsync(c => c.CampaignId == campaignId)));
        var contribution = started[0].ContributionId;
        Assert.Equal(1, await app.WithDbAsync(db => db.SandboxPayments.CountAsync(p => p.IdempotencyKey == $"contribution-{contribution}")));
    }

    [Fact]
    public async Task ASucceededPayment_MovesMoneyOnce_EvenReplayed_AndTheCitysMatchStopsAtItsCap()
    {
        var (campaignId, _, _) = await app.CreateLiveCampaignAsync("Un parc (abondement)", matchCapCents: 50_00);
        var donor = await DonorAsync();

        await ContributeAndPayAsync(campaignId, donor, 30_00, null, "match-1");
        await ContributeAndPayAsync(campaignId, donor, 40_00, null, "match-2");
        var payment = await app.WithDbAsync(db => db.Contributions.Where(c => c.CampaignId == campaignId).OrderBy(c => c.Id).Select(c => c.ProviderPaymentId!).FirstAsync());

        // The processor sends the same success again, under a new event id and under the same one.
        await app.WithDbAsync(async db =>
        {
            var original = await db.PaymentEvents.Where(e => e.PaymentId == payment).SingleAsync();
            db.PaymentEvents.Add(PaymentEvent.Receive(PaymentProvider.Sandbox, "evt_replayed", PaymentEventType.PaymentSucceeded, payment, null, null, DateTime.UtcNow.AddYears(-1)));
            await db.SaveChangesAsync();
            db.PaymentEvents.Add(PaymentEvent.Receive(PaymentProvider.Sandbox, original.EventId, PaymentEventType.PaymentSucceeded, payment, null, null, DateTime.UtcNow.AddYears(-1)));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            return true;
        });
        await app.RunJobsAsync();

        var totals = await app.WithDbAsync(db => FundingTotals.ForAsync(db, campaignId, CancellationToken.None));
        Assert.Equal(new CampaignTotals(70_00, 50_00, 1), totals);
        Assert.Equal(4, await app.WithDbAsync(db => db.LedgerTransactions.CountAsync(t => t.CampaignId == campaignId)));
        await AssertLedgerBalancedAsync(campaignId);
    }

    [Fact]
    public async Task ADeclinedCard_GivesTheUnitBack_AndMovesNoMoney()
    {
        var (campaignId, tierId, _) = await app.CreateLiveCampaignAsync("Un parc (carte refusée)", tierQuantity: 1);
        var donor = await DonorAsync();

        var started = await StartAsync(campaignId, donor, 25_00, tierId, "declined");
        await PayAsync(await PaymentIdAsync(started.ContributionId), Declined);
        await app.RunJobsAsync();

        var contribution = await app.WithDbAsync(db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == started.ContributionId));
        Assert.Equal(ContributionStatus.Failed, contribution.Status);
        Assert.Equal("Carte refusée par la banque.", contribution.FailureReason);
        Assert.Equal(0, await app.WithDbAsync(db => db.RewardTiers.Where(t => t.Id == tierId).Select(t => t.Taken).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.LedgerTransactions.AnyAsync(t => t.CampaignId == campaignId)));
    }

    [Fact]
    public async Task AnAbandonedPayment_GivesItsUnitBack_AndIfPaidLater_IsRefunded_WithNothingInTheEscrow()
    {
        var (campaignId, tierId, _) = await app.CreateLiveCampaignAsync("Un parc (paiement abandonné)", tierQuantity: 1);
        var started = await StartAsync(campaignId, await DonorAsync(), 25_00, tierId, "abandoned");
        var payment = await PaymentIdAsync(started.ContributionId);

        app.Clock.Advance(CampaignSettlement.PendingTimeout + TimeSpan.FromMinutes(1));
        await app.RunJobsAsync();
        Assert.Equal(ContributionStatus.Failed, await app.WithDbAsync(db => db.Contributions.Where(c => c.Id == started.ContributionId).Select(c => c.Status).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.RewardTiers.Where(t => t.Id == tierId).Select(t => t.Taken).SingleAsync()));

        // The person comes back to the processor's tab and pays: the money goes back to them.
        Assert.Equal(SandboxPaymentStatus.Succeeded, await PayAsync(payment, Accepted));
        await app.RunJobsAsync();
        await app.RunJobsAsync();
        Assert.Equal(SandboxPaymentStatus.Refunded, await app.WithDbAsync(db => db.SandboxPayments.Where(p => p.Id == payment).Select(p => p.Status).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.LedgerTransactions.AnyAsync(t => t.CampaignId == campaignId)));
        Assert.True(await app.WithDbAsync(db => db.PaymentEvents.Where(e => e.PaymentId == payment).AllAsync(e => e.ProcessedAtUtc != null)));
    }

    [Fact]
    public async Task ARefundEventBeforeItsPaymentEvent_RecordsBoth_AndTheLaterPaymentEventChangesNothing()
    {
        var (campaignId, _, _) = await app.CreateLiveCampaignAsync("Un parc (dans le désordre)", matchCapCents: 1_000_00);
        var donor = await DonorAsync();
        var started = await StartAsync(campaignId, donor, 60_00, null, "out-of-order");
        var payment = await PaymentIdAsync(started.ContributionId);
        var epoch = DateTime.UtcNow.AddYears(-1);
        await app.WithDbAsync(async db =>
        {
            db.PaymentEvents.Add(PaymentEvent.Receive(PaymentProvider.Sandbox, "evt_refund_first", PaymentEventType.Refunded, payment, "re_1", null, epoch));
            await db.SaveChangesAsync();
            db.PaymentEvents.Add(PaymentEvent.Receive(PaymentProvider.Sandbox, "evt_payment_second", PaymentEventType.PaymentSucceeded, payment, null, null, epoch));
            return await db.SaveChangesAsync();
        });

        await app.RunJobsAsync();

        var contribution = await app.WithDbAsync(db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == started.ContributionId));
        Assert.Equal(ContributionStatus.Refunded, contribution.Status);
        Assert.Equal(new CampaignTotals(0, 0, 0), await app.WithDbAsync(db => FundingTotals.ForAsync(db, campaignId, CancellationToken.None)));
        var kinds = await app.WithDbAsync(db => db.LedgerTransactions.Where(t => t.CampaignId == campaignId).Select(t => t.Kind).ToListAsync());
        Assert.Equal(
            [LedgerTransactionKind.Contribution, LedgerTransactionKind.Matchfunding, LedgerTransactionKind.Refund, LedgerTransactionKind.MatchfundingReturned],
            kinds.Order());
        Assert.True(await app.WithDbAsync(db => db.PaymentEvents.Where(e => e.PaymentId == payment).AllAsync(e => e.ProcessedAtUtc != null)));
        await AssertLedgerBalancedAsync(campaignId);
    }

    [Fact]
    public async Task AnEventForAPaymentNotKnownYet_Waits_ThenApplies()
    {
        var epoch = DateTime.UtcNow.AddYears(-1);
        await app.WithDbAsync(async db =>
        {
            db.PaymentEvents.Add(PaymentEvent.Receive(PaymentProvider.Sandbox, "evt_unknown", PaymentEventType.PaymentSucceeded, "pi_nobody", null, null, app.Clock.GetUtcNow().UtcDateTime, epoch));
            return await db.SaveChangesAsync();
        });

        await app.RunJobsAsync();

        var waiting = await app.WithDbAsync(db => db.PaymentEvents.AsNoTracking().SingleAsync(e => e.EventId == "evt_unknown"));
        Assert.Null(waiting.ProcessedAtUtc);
        Assert.True(waiting.AvailableAtUtc > app.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(1, waiting.Attempts);
    }

    [Fact]
    public async Task AFundedCampaign_IsSettledOnce_WithTheFeeAndThePayout_EvenWhenTheJobRunsTwiceAtOnce()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (financé)", goalCents: 100_00, matchCapCents: 20_00);
        var (campaignId, _, projectId) = live;
        var donor = await DonorAsync();
        await ContributeAndPayAsync(campaignId, donor, 50_00, null, "funded-1");
        await ContributeAndPayAsync(campaignId, donor, 33_33, null, "funded-2");

        app.Clock.Advance(TimeSpan.FromDays(31));
        await Task.WhenAll(app.RunJobsAsync(), app.RunJobsAsync(), app.RunJobsAsync());

        var campaign = await app.WithDbAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId));
        Assert.Equal(CampaignStatus.Funded, campaign.Status);
        Assert.Equal(ProjectStatus.Funded, await app.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.Status).SingleAsync()));

        // 83,33 € given, 20 € matched: 5 % of 83,33 € is 4,17 € (rounded half up); the rest is paid out.
        var payout = await app.WithDbAsync(db => db.Payouts.AsNoTracking().SingleAsync(p => p.CampaignId == campaignId));
        Assert.Equal(103_33 - 4_17, payout.AmountCents);
        Assert.False(payout.ToPublicAccountant);
        Assert.Equal(4_17, await Balance(LedgerAccount.PlatformFees, campaignId));
        Assert.Equal(0, await app.WithDbAsync(db => FundingTotals.BalanceAsync(db, LedgerAccount.Escrow(campaignId), CancellationToken.None)));
        Assert.Equal(1, await app.WithDbAsync(db => db.LedgerTransactions.CountAsync(t => t.CampaignId == campaignId && t.Kind == LedgerTransactionKind.PlatformFee)));
        Assert.Equal(103_33, (await app.WithDbAsync(db => FundingTotals.ForAsync(db, campaignId, CancellationToken.None))).RaisedCents);

        // The holder and the contributor are told, once each, whatever the number of runs.
        var told = await app.WithDbAsync(db => db.Notifications.Where(n => n.Kind == Domain.Notifications.NotificationKind.CampaignFunded && n.Subject == "Un parc (financé)").Select(n => n.UserId).ToListAsync());
        Assert.Equal(2, told.Count);
        Assert.Contains(donor, told);
        Assert.Contains(live.Holder.Id, told);
        Assert.Equal(2, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == Domain.Notifications.NotificationKind.ContributionConfirmed && n.Subject == "Un parc (financé)")));
        await AssertLedgerBalancedAsync(campaignId);
    }

    [Fact]
    public async Task AFailedCampaign_RefundsEveryContributionOnce_ReleasesTheStock_AndReturnsTheMatch_AcrossACrash()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (non financé)", goalCents: 10_000_00, matchCapCents: 1_000_00);
        var (campaignId, tierId, projectId) = live;
        var donor = await DonorAsync();
        for (var i = 0; i < 5; i++)
        {
            await ContributeAndPayAsync(campaignId, donor, 20_00 + i, tierId, $"failed-{i}");
        }

        var admin = live.City.Admin.Id;
        await app.WithServiceAsync<CampaignMoney, OfflineRecorded>(m => m.RecordOfflineAsync(
            campaignId, admin, null, 15_00, PaymentMethod.Cheque, "Chèque n° 1234", new DonorIdentity("Jeanne Martin", "3 rue de Paris, 93100 Montreuil"), false, "offline-1", CancellationToken.None));

        app.Clock.Advance(TimeSpan.FromDays(31));

        // The process dies at the third refund, then again just after a processor refunded.
        app.Crash.RefundsBeforeCrash = 2;
        await app.RunJobsAsync();
        Assert.Equal(CampaignStatus.Settling, await StatusAsync(campaignId));
        app.Crash.RefundsBeforeCrash = null;
        app.Crash.CrashAfterRefund = true;
        await app.RunJobsAsync();
        Assert.Equal(CampaignStatus.Settling, await StatusAsync(campaignId));
        await app.RunJobsAsync();
        await app.RunJobsAsync();

        Assert.Equal(CampaignStatus.NotFunded, await StatusAsync(campaignId));
        Assert.Equal(ProjectStatus.NotFunded, await app.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.Status).SingleAsync()));
        var contributions = await app.WithDbAsync(db => db.Contributions.AsNoTracking().Where(c => c.CampaignId == campaignId).ToListAsync());
        Assert.Equal(6, contributions.Count);
        Assert.All(contributions, c => Assert.Equal(ContributionStatus.Refunded, c.Status));
        var refunds = await app.WithDbAsync(db => db.LedgerTransactions.Where(t => t.CampaignId == campaignId && t.Kind == LedgerTransactionKind.Refund).GroupBy(t => t.ContributionId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(6, refunds.Count);
        Assert.All(refunds, count => Assert.Equal(1, count));
        var sandbox = await app.WithDbAsync(db => db.SandboxPayments.AsNoTracking().Where(p => contributions.Select(c => c.ProviderPaymentId).Contains(p.Id)).ToListAsync());
        Assert.Equal(5, sandbox.Count);
        Assert.All(sandbox, p => Assert.Equal(SandboxPaymentStatus.Refunded, p.Status));
        Assert.Equal(0, await app.WithDbAsync(db => db.RewardTiers.Where(t => t.Id == tierId).Select(t => t.Taken).SingleAsync()));
        Assert.Equal(5, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == Domain.Notifications.NotificationKind.ContributionRefunded && n.Subject == "Un parc (non financé)")));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == Domain.Notifications.NotificationKind.CampaignNotFunded && n.Subject == "Un parc (non financé)")));
        Assert.Equal(new CampaignTotals(0, 0, 0), await app.WithDbAsync(db => FundingTotals.ForAsync(db, campaignId, CancellationToken.None)));
        Assert.Equal(0, await app.WithDbAsync(db => FundingTotals.BalanceAsync(db, LedgerAccount.Escrow(campaignId), CancellationToken.None)));
        await AssertLedgerBalancedAsync(campaignId);
    }

    [Fact]
    public async Task TheLedger_RefusesAnUpdateOrADelete_InTheDatabaseItself()
    {
        var (campaignId, _, _) = await app.CreateLiveCampaignAsync("Un parc (grand livre)");
        await ContributeAndPayAsync(campaignId, await DonorAsync(), 25_00, null, "append-only");

        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db => db.LedgerLines.Where(l => l.AccountReference == campaignId).ExecuteUpdateAsync(s => s.SetProperty(l => l.AmountCents, 1))));
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db => db.LedgerTransactions.Where(t => t.CampaignId == campaignId).ExecuteDeleteAsync()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            var transaction = await db.LedgerTransactions.FirstAsync(t => t.CampaignId == campaignId);
            db.LedgerTransactions.Remove(transaction);
            return await db.SaveChangesAsync();
        }));
        await AssertLedgerBalancedAsync(campaignId);
    }

    private static ContributionRequest Request(long cents, long? tierId, string key) => new(cents, tierId, false, "Hugo", null, key, null);

    /// <summary>A new account that gives (through the money core: it never signs in).</summary>
    private async Task<long> DonorAsync() => (await app.Given.Person()).Id;

    private Task<ContributionStarted> StartAsync(long campaignId, long donor, long cents, long? tierId, string key) =>
        app.WithServiceAsync<CampaignMoney, ContributionStarted>(m => m.StartAsync(campaignId, donor, Request(cents, tierId, key), id => $"/retour/{id}", null, CancellationToken.None));

    private Task<string> PaymentIdAsync(long contributionId) => app.WithDbAsync(db => db.Contributions.Where(c => c.Id == contributionId).Select(c => c.ProviderPaymentId!).SingleAsync());

    private Task<SandboxPaymentStatus> PayAsync(string paymentId, string card) =>
        app.WithServiceAsync<SandboxPaymentProvider, SandboxPaymentStatus>(s => s.PayAsync(paymentId, card, CancellationToken.None));

    private async Task ContributeAndPayAsync(long campaignId, long donor, long cents, long? tierId, string key)
    {
        var started = await StartAsync(campaignId, donor, cents, tierId, key);
        Assert.Equal(SandboxPaymentStatus.Succeeded, await PayAsync(await PaymentIdAsync(started.ContributionId), Accepted));
        await app.RunJobsAsync();
        Assert.Equal(ContributionStatus.Succeeded, await app.WithDbAsync(db => db.Contributions.Where(c => c.Id == started.ContributionId).Select(c => c.Status).SingleAsync()));
    }

    private Task<CampaignStatus> StatusAsync(long campaignId) => app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Status).SingleAsync());

    private Task<long> Balance(LedgerAccount account, long campaignId) =>
        app.WithDbAsync(db => db.LedgerLines.Where(l => l.AccountKind == account.Kind && l.AccountReference == account.Reference && db.LedgerTransactions.Any(t => t.Id == l.TransactionId && t.CampaignId == campaignId)).SumAsync(l => l.AmountCents));

    /// <summary>Every transaction sums to zero; the escrow equals contributions + match − refunds − fees − payouts.</summary>
    private async Task AssertLedgerBalancedAsync(long campaignId)
    {
        var unbalanced = await app.WithDbAsync(db => db.LedgerLines.GroupBy(l => l.TransactionId).Where(g => g.Sum(l => l.AmountCents) != 0).CountAsync());
        Assert.Equal(0, unbalanced);
        var byKind = await app.WithDbAsync(db => db.LedgerLines
            .Where(l => l.AccountKind == LedgerAccountKind.CampaignEscrow && l.AccountReference == campaignId)
            .Join(db.LedgerTransactions, l => l.TransactionId, t => t.Id, (l, t) => new { t.Kind, l.AmountCents })
            .GroupBy(x => x.Kind)
            .Select(g => new { g.Key, Cents = g.Sum(x => x.AmountCents) })
            .ToDictionaryAsync(x => x.Key, x => x.Cents));
        long Of(LedgerTransactionKind kind) => byKind.GetValueOrDefault(kind);
        var escrow = await app.WithDbAsync(db => FundingTotals.BalanceAsync(db, LedgerAccount.Escrow(campaignId), CancellationToken.None));
        Assert.Equal(
            Of(LedgerTransactionKind.Contribution) + Of(LedgerTransactionKind.Matchfunding) + Of(LedgerTransactionKind.Refund) + Of(LedgerTransactionKind.MatchfundingReturned)
                + Of(LedgerTransactionKind.PlatformFee) + Of(LedgerTransactionKind.PayoutDue),
            escrow);
        Assert.True(escrow >= 0);
    }
}
