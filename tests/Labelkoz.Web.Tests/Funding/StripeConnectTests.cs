using System.Globalization;
using System.Net;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Funding.Ledger;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Features.Funding.Campaigns;
using Labelkoz.Web.Features.Funding.Operator;
using Labelkoz.Web.Features.Payments;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stripe;
using Payout = Labelkoz.Domain.Funding.Payout;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// Stripe Connect (issue #15, ADR 18): the holder opens their own account at Stripe from the campaign
/// page and cannot launch until Stripe accepts it; a funded campaign's card money is transferred
/// there once (never through the platform's bank), the rest goes by hand; Stripe's notifications
/// (accounts, transfers, payouts to the holder's bank) are applied in any order; the ledger and
/// Stripe's balance agree to the cent. Stripe's API is <see cref="FakeStripeApi"/>.
/// </summary>
public sealed class StripeConnectTests(StripeApp app) : IClassFixture<StripeApp>
{
    [Fact]
    public async Task TheHolder_OpensTheirAccountFromTheCampaignPage_AndLaunchesOnlyOnceStripeAcceptsIt()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var campaign = await app.Given.Campaign(city, holder, new CampaignSpec { Title = "Un parc (compte Stripe)", State = CampaignState.Draft, Tiers = [] });
        var url = CampaignPaths.Setup(city.Slug, campaign.Project.Id);
        var account = CampaignPaths.PayeeAccount(city.Slug, campaign.Project.Id);
        using var browser = await app.SignedInAsync(holder.Email);

        var page = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Compte de versement à ouvrir", page.MainText, StringComparison.Ordinal);
        Assert.Contains("un compte de versement validé par Stripe", page.MainText, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("form#lancer"));

        // Twice (a double click, another tab): one account at Stripe, one row, and Stripe's own form each time.
        var first = await browser.SubmitAsync(page, "form#ouvrir-compte-versement");
        var second = await browser.SubmitAsync(page, "form#ouvrir-compte-versement");
        var accountId = $"acct_{holder.Id}";
        Assert.Equal($"https://connect.stripe.com/setup/e/{accountId}/onboarding", first.Location);
        Assert.Equal(first.Location, second.Location);
        var opened = app.Stripe.Requests.Where(r => r.Path == "/v1/accounts" && r.IdempotencyKey == $"payee-account-{holder.Id}").ToList();
        Assert.NotEmpty(opened);
        Assert.Equal(("express", "FR", "true", holder.Email), (opened[0].Form["type"], opened[0].Form["country"], opened[0].Form["capabilities[transfers][requested]"], opened[0].Form["email"]));
        Assert.Equal(holder.Id.ToString(CultureInfo.InvariantCulture), opened[0].Form["metadata[user_id]"]);
        var link = app.Stripe.Requests.Last(r => r.Path == "/v1/account_links");
        Assert.Equal(("account_onboarding", accountId), (link.Form["type"], link.Form["account"]));
        Assert.Equal($"https://labelkoz.test{account}?handler=Back", link.Form["return_url"]);
        Assert.Equal($"https://labelkoz.test{account}?handler=Refresh", link.Form["refresh_url"]);
        Assert.Equal(1, await app.WithDbAsync(db => db.PayeeAccounts.CountAsync(a => a.UserId == holder.Id)));

        // Back from Stripe's form, not finished: the page says what Stripe still asks; a forged launch is refused.
        var back = await browser.GetAsync(account + "?handler=Back");
        Assert.True(back.IsRedirect);
        page = await browser.GetAsync(url);
        Assert.Contains("Stripe n'a pas encore validé votre compte de versement", page.MainText, StringComparison.Ordinal);
        Assert.Contains("Stripe demande encore : external_account, individual.verification.document", page.MainText, StringComparison.Ordinal);
        var forged = await browser.PostAsync(url + "?handler=Launch", page, new Dictionary<string, string> { ["version"] = await VersionAsync(campaign.Id) });
        Assert.Equal(HttpStatusCode.OK, forged.Status);
        Assert.Contains("n'est pas encore validé par Stripe", forged.MainText, StringComparison.Ordinal);
        Assert.Equal(CampaignStatus.Draft, await StatusAsync(campaign.Id));

        // The link expired: a new one, to the same account.
        var refreshed = await browser.GetAsync(account + "?handler=Refresh");
        Assert.Equal($"https://connect.stripe.com/setup/e/{accountId}/onboarding", refreshed.Location);

        // Stripe accepted it: back on the page, the holder can launch.
        app.Stripe.Accounts[accountId] = FakeStripeApi.AccountState.Ready;
        Assert.True((await browser.GetAsync(account + "?handler=Back")).IsRedirect);
        page = await browser.GetAsync(url);
        Assert.Contains("Votre compte de versement est validé", page.MainText, StringComparison.Ordinal);
        Assert.Contains("Compte de versement validé", page.MainText, StringComparison.Ordinal);
        var dashboard = await browser.SubmitAsync(page, "form#tableau-compte-versement");
        Assert.Equal($"https://connect.stripe.com/express/{accountId}/dashboard", dashboard.Location);
        var launched = await browser.SubmitAsync(page, "form#lancer");
        Assert.True(launched.IsRedirect, launched.MainText);
        Assert.Equal(CampaignStatus.Live, await StatusAsync(campaign.Id));

        // Nobody else reaches the holder's account.
        using var stranger = await app.SignedInAsync((await app.Given.Citizen()).Email);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(account + "?handler=Back")).Status);
        var home = await stranger.FollowAsync(await stranger.GetAsync($"/{city.Slug}/projets/{campaign.Project.Id}"));
        Assert.NotNull(home.AntiforgeryToken);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync(account, home, new Dictionary<string, string>())).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync(account + "?handler=Dashboard", home, new Dictionary<string, string>())).Status);
    }

    [Fact]
    public async Task StripeUnreachable_WhenOpeningTheAccount_IsAFrenchMessage_NeverA500()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var campaign = await app.Given.Campaign(city, holder, new CampaignSpec { Title = "Un parc (Stripe injoignable)", State = CampaignState.Draft, Tiers = [] });
        var url = CampaignPaths.Setup(city.Slug, campaign.Project.Id);
        using var browser = await app.SignedInAsync(holder.Email);
        var page = await browser.GetAsync(url);

        app.Stripe.Unreachable = true;
        try
        {
            var refused = await browser.SubmitAsync(page, "form#ouvrir-compte-versement");
            Assert.Equal(url + "#compte-de-versement", refused.Location);
            Assert.Contains("Stripe ne répond pas pour le moment", (await browser.GetAsync(url)).MainText, StringComparison.Ordinal);
        }
        finally
        {
            app.Stripe.Unreachable = false;
        }

        Assert.False(await app.WithDbAsync(db => db.PayeeAccounts.AnyAsync(a => a.UserId == holder.Id)));
    }

    [Fact]
    public async Task AccountUpdated_SignedWithTheConnectSecret_UpdatesTheAccount_AndAnOlderOneChangesNothing()
    {
        var holder = await app.Given.Citizen();
        var accountId = await OpenAccountAsync(holder, ready: false);

        var ready = StripeApp.ConnectEvent("evt_acct_ready", EventTypes.AccountUpdated, accountId, FakeStripeApi.Account(accountId, FakeStripeApi.AccountState.Ready), created: 1_780_000_100);
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(ready, StripeApp.Sign(ready, app.Clock.GetUtcNow(), StripeApp.ConnectWebhookSecret))).StatusCode);
        Assert.True(await CanReceiveAsync(holder));

        // An older state, delivered late (and twice): kept out.
        var older = StripeApp.ConnectEvent("evt_acct_older", EventTypes.AccountUpdated, accountId, FakeStripeApi.Account(accountId, new FakeStripeApi.AccountState()), created: 1_780_000_050);
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(older, StripeApp.Sign(older, app.Clock.GetUtcNow()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(older, StripeApp.Sign(older, app.Clock.GetUtcNow()))).StatusCode);
        Assert.True(await CanReceiveAsync(holder));

        // Stripe disables it later: transfers stop.
        var disabled = StripeApp.ConnectEvent("evt_acct_disabled", EventTypes.AccountUpdated, accountId, FakeStripeApi.Account(accountId, FakeStripeApi.AccountState.Ready with { DisabledReason = "requirements.past_due" }), created: 1_780_000_200);
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(disabled, StripeApp.Sign(disabled, app.Clock.GetUtcNow()))).StatusCode);
        Assert.False(await CanReceiveAsync(holder));

        // An account the platform does not know, and a wrong secret.
        var unknown = StripeApp.ConnectEvent("evt_acct_unknown", EventTypes.AccountUpdated, "acct_unknown", FakeStripeApi.Account("acct_unknown", FakeStripeApi.AccountState.Ready));
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(unknown, StripeApp.Sign(unknown, app.Clock.GetUtcNow()))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.PostWebhookAsync(ready, StripeApp.Sign(ready, app.Clock.GetUtcNow(), "whsec_other"))).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.PayeeAccounts.AnyAsync(a => a.AccountId == "acct_unknown")));
    }

    [Fact]
    public async Task AFundedCampaign_IsTransferredToTheHoldersAccountOnce_TheRestGoesByHand_AndStripeAndTheLedgerAgree()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var accountId = await OpenAccountAsync(holder, ready: true);
        var spec = new CampaignSpec { Title = "Un parc (Connect)", Tiers = [], GoalCents = 100_00, MatchCapCents = 20_00, EndsIn = TimeSpan.FromDays(2) };
        var campaign = await app.Given.Campaign(city, holder, spec);
        var stripeCampaign = new StripeCampaign(campaign.Id, $"/{city.Slug}/projets/{campaign.Project.Id}");
        var (first, firstSession) = await app.StartContributionAsync(stripeCampaign, await app.Given.Person(), 60_00, $"connect-{campaign.Id}-1");
        var (second, secondSession) = await app.StartContributionAsync(stripeCampaign, await app.Given.Person(), 40_00, $"connect-{campaign.Id}-2");

        // Each payment names its campaign's group: the transfer will name it too.
        var group = $"campaign-{campaign.Id}";
        var sessions = app.Stripe.Requests.Where(r => r.Path == "/v1/checkout/sessions" && r.Method == "POST"
            && (r.IdempotencyKey == $"contribution-{first}" || r.IdempotencyKey == $"contribution-{second}")).ToList();
        Assert.Equal(2, sessions.Count);
        Assert.All(sessions, r => Assert.Equal(group, r.Form["payment_intent_data[transfer_group]"]));
        await PostAsync(StripeApp.SessionEvent($"evt_connect_{first}", EventTypes.CheckoutSessionCompleted, firstSession, first));
        await PostAsync(StripeApp.SessionEvent($"evt_connect_{second}", EventTypes.CheckoutSessionCompleted, secondSession, second));
        await app.RunJobsAsync();

        // The end: 100 € of cards and 20 € of the city's match; a 5 € fee. Stripe transfers 95 €, 20 € go by hand.
        app.Clock.Advance(TimeSpan.FromDays(3));
        await app.RunJobsAsync();
        var payouts = await PayoutsAsync(campaign.Id);
        Assert.Equal(2, payouts.Count);
        var transfer = payouts.Single(p => p.Route == PayoutRoute.ProcessorTransfer);
        var manual = payouts.Single(p => p.Route == PayoutRoute.Manual);
        Assert.Equal((95_00L, PayoutStatus.Sent, $"tr_payout-{transfer.Id}", accountId), (transfer.AmountCents, transfer.Status, transfer.Reference, transfer.DestinationAccountId));
        Assert.Equal((20_00L, PayoutStatus.Due), (manual.AmountCents, manual.Status));
        var asked = Assert.Single(app.Stripe.Requests, r => r.Path == "/v1/transfers" && r.IdempotencyKey == $"payout-{transfer.Id}");
        Assert.Equal(("9500", "eur", accountId, group, transfer.Id.ToString(CultureInfo.InvariantCulture)), (asked.Form["amount"], asked.Form["currency"], asked.Form["destination"], asked.Form["transfer_group"], asked.Form["metadata[payout_id]"]));

        // The ledger: the payable is down to the part sent by hand; the transfer left Stripe's clearing once.
        Assert.Equal(20_00, await BalanceAsync(LedgerAccount.Payable(campaign.Id)));
        var sent = await app.WithDbAsync(db => db.LedgerTransactions.SingleAsync(t => t.IdempotencyKey == $"payout:{transfer.Id}:sent"));
        Assert.Equal(LedgerTransactionKind.PayoutSent, sent.Kind);
        Assert.Equal(95_00, await app.WithDbAsync(db => db.LedgerLines.Where(l => l.TransactionId == sent.Id && l.AccountKind == LedgerAccountKind.ProviderClearing).SumAsync(l => l.AmountCents)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(e => e.Action == AuditAction.PayoutSent && e.SubjectId == transfer.Id && e.ActorName == "Plateforme")));

        // Again, and Stripe's own notification of the transfer: nothing moves twice.
        await app.RunJobsAsync();
        await PostAsync(StripeApp.Event($"evt_transfer_{transfer.Id}", EventTypes.TransferCreated, FakeStripeApi.Transfer(transfer.Reference!, 95_00, accountId, group, transfer.Id)));
        Assert.Single(app.Stripe.Requests, r => r.Path == "/v1/transfers" && r.IdempotencyKey == $"payout-{transfer.Id}");
        Assert.Equal(1, await app.WithDbAsync(db => db.LedgerTransactions.CountAsync(t => t.IdempotencyKey.StartsWith($"payout:{transfer.Id}:"))));

        // The operator cannot send the transfer's payout by hand; the part by hand stays theirs.
        using var operatorBrowser = await app.SignedInAsync((await app.Given.Operator()).Email);
        var list = await operatorBrowser.GetAsync(PayoutsModel.Path);
        Assert.Contains($"Virement Stripe tr_payout-{transfer.Id}", list.MainText, StringComparison.Ordinal);
        Assert.NotNull(list.Document.QuerySelector($"form#versement-{manual.Id}"));
        Assert.Null(list.Document.QuerySelector($"form#versement-{transfer.Id}"));

        // Stripe's balance: the two charges in, the transfer out. Reconciled to the cent.
        app.Stripe.BalanceTransactions.Enqueue(new($"txn_c_{first}", 60_00, 1_00, FakeStripeApi.Charge(first, 60_00)));
        app.Stripe.BalanceTransactions.Enqueue(new($"txn_c_{second}", 40_00, 80, FakeStripeApi.Charge(second, 40_00)));

        // Until Stripe lists the transfer, the difference is named with it.
        var before = await ReconcileAsync();
        var missing = Assert.Single(before.Lines, l => l.PaymentId == transfer.Reference);
        Assert.Equal((0L, -95_00L, (long?)null), (missing.ProcessorCents, missing.LedgerCents, missing.ContributionId));
        app.Stripe.BalanceTransactions.Enqueue(new($"txn_t_{transfer.Id}", -95_00, 0, FakeStripeApi.Transfer(transfer.Reference!, 95_00, accountId, group, transfer.Id)));

        // (Other tests of this class leave payments Stripe's fake balance does not list: only this campaign's are looked at.)
        var report = await ReconcileAsync();
        var ours = report.Lines.Where(l => l.ContributionId == first || l.ContributionId == second || l.PaymentId == transfer.Reference).ToList();
        Assert.True(ours.Count == 0, string.Join('\n', ours.Select(l => $"{l.PaymentId}: {l.ProcessorCents} / {l.LedgerCents}")));

    }

    [Fact]
    public async Task WhileTheAccountIsNotReady_ThePayoutWaits_ARefundShrinksIt_AndARefusedTransferIsAskedAgainWithTheSameKey()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var accountId = await OpenAccountAsync(holder, ready: false);
        var campaign = await app.Given.Campaign(city, holder, new CampaignSpec { Title = "Un parc (virement refusé)", Tiers = [], GoalCents = 100_00, EndsIn = TimeSpan.FromDays(2) });
        var stripeCampaign = new StripeCampaign(campaign.Id, $"/{city.Slug}/projets/{campaign.Project.Id}");
        var (gift, session) = await app.StartContributionAsync(stripeCampaign, await app.Given.Person(), 160_00, $"connect-wait-{campaign.Id}");
        await PostAsync(StripeApp.SessionEvent($"evt_wait_{gift}", EventTypes.CheckoutSessionCompleted, session, gift));
        await app.RunJobsAsync();
        app.Clock.Advance(TimeSpan.FromDays(3));
        await app.RunJobsAsync();

        // 160 € less an 8 € fee, to be transferred; the holder's account is not ready: nothing is asked of Stripe.
        var payout = Assert.Single(await PayoutsAsync(campaign.Id));
        Assert.Equal((PayoutRoute.ProcessorTransfer, PayoutStatus.Due, 152_00L), (payout.Route, payout.Status, payout.AmountCents));
        Assert.DoesNotContain(app.Stripe.Requests, r => r.Path == "/v1/transfers" && r.IdempotencyKey == $"payout-{payout.Id}");
        using var operatorBrowser = await app.SignedInAsync((await app.Given.Operator()).Email);
        Assert.Contains("En attente du compte de versement du porteur", (await operatorBrowser.GetAsync(PayoutsModel.Path)).MainText, StringComparison.Ordinal);

        // A refund of 10 € meanwhile: taken from the payout still due (9,50 €; the fee gives back 0,50 €).
        await PostAsync(StripeApp.Event($"evt_wait_refund_{gift}", EventTypes.RefundCreated, new
        {
            id = $"re_wait_{gift}",
            @object = "refund",
            amount = 10_00,
            status = "succeeded",
            payment_intent = $"pi_{gift}",
            metadata = new Dictionary<string, string> { ["contribution_id"] = gift.ToString(CultureInfo.InvariantCulture) },
        }));
        await app.RunJobsAsync();
        Assert.Equal(142_50, (await PayoutsAsync(campaign.Id)).Single().AmountCents);

        // The account is ready; Stripe refuses the first transfer (its balance is short): kept, shown, asked again later with the same key.
        var ready = StripeApp.ConnectEvent($"evt_wait_ready_{campaign.Id}", EventTypes.AccountUpdated, accountId, FakeStripeApi.Account(accountId, FakeStripeApi.AccountState.Ready), created: 1_790_000_000);
        await PostAsync(ready, StripeApp.ConnectWebhookSecret);
        app.Stripe.FailNextTransfers = 1;
        await app.RunJobsAsync();
        payout = (await PayoutsAsync(campaign.Id)).Single();
        Assert.Equal((PayoutStatus.Transferring, "You have insufficient available funds in your Stripe account."), (payout.Status, payout.TransferError));
        Assert.Contains("Refusé par Stripe : You have insufficient available funds", (await operatorBrowser.GetAsync(PayoutsModel.Path)).MainText, StringComparison.Ordinal);

        // Not before the delay; then once, with the same key and amount.
        await app.RunJobsAsync();
        Assert.Single(app.Stripe.Requests, r => r.Path == "/v1/transfers" && r.IdempotencyKey == $"payout-{payout.Id}");
        app.Clock.Advance(PayoutTransfers.RetryDelay + TimeSpan.FromMinutes(1));
        await app.RunJobsAsync();
        var asked = app.Stripe.Requests.Where(r => r.Path == "/v1/transfers" && r.IdempotencyKey == $"payout-{payout.Id}").ToList();
        Assert.Equal(2, asked.Count);
        Assert.All(asked, r => Assert.Equal("14250", r.Form["amount"]));
        payout = (await PayoutsAsync(campaign.Id)).Single();
        Assert.Equal((PayoutStatus.Sent, (string?)null), (payout.Status, payout.TransferError));

        // Once sent, a later refund is owed by the holder (a receivable), never taken from a payout gone;
        // the platform takes it back from the transfer. Stripe refuses first (the holder's balance is short).
        await PostAsync(StripeApp.Event($"evt_wait_refund2_{gift}", EventTypes.RefundCreated, new
        {
            id = $"re_wait2_{gift}",
            @object = "refund",
            amount = 20_00,
            status = "succeeded",
            payment_intent = $"pi_{gift}",
            metadata = new Dictionary<string, string> { ["contribution_id"] = gift.ToString(CultureInfo.InvariantCulture) },
        }));
        app.Stripe.FailNextReversals = 1;
        await app.RunJobsAsync();
        Assert.Equal(-19_00, await BalanceAsync(LedgerAccount.Receivable(campaign.Id)));
        payout = (await PayoutsAsync(campaign.Id)).Single();
        Assert.Equal((142_50L, (long?)19_00, $"payout-{payout.Id}-reversal-0"), (payout.AmountCents, payout.RecoveryCents, payout.RecoveryKey));
        Assert.Contains("Reprise refusée par Stripe : Insufficient funds in the connected account.", (await operatorBrowser.GetAsync(PayoutsModel.Path)).MainText, StringComparison.Ordinal);

        // Asked again after the delay, with the same key and amount: the debt is taken back, once.
        app.Clock.Advance(PayoutTransfers.RetryDelay + TimeSpan.FromMinutes(1));
        await app.RunJobsAsync();
        await app.RunJobsAsync();
        var reversals = app.Stripe.Requests.Where(r => r.Path == $"/v1/transfers/{payout.Reference}/reversals").ToList();
        Assert.Equal(2, reversals.Count);
        Assert.All(reversals, r => Assert.Equal(("1900", $"payout-{payout.Id}-reversal-0"), (r.Form["amount"], r.IdempotencyKey)));
        Assert.Equal(0, await BalanceAsync(LedgerAccount.Receivable(campaign.Id)));
        payout = (await PayoutsAsync(campaign.Id)).Single();
        Assert.Equal(((long?)null, (string?)null), (payout.RecoveryCents, payout.RecoveryError));
        var reversalId = $"trr_payout-{payout.Id}-reversal-0";
        Assert.True(await app.WithDbAsync(db => db.LedgerTransactions.AnyAsync(t => t.IdempotencyKey == $"payout:{payout.Id}:reversal:{reversalId}" && t.Kind == LedgerTransactionKind.TransferReversed)));
        Assert.DoesNotContain("À récupérer auprès des bénéficiaires", (await operatorBrowser.GetAsync(PayoutsModel.Path)).MainText, StringComparison.Ordinal);

        // Stripe's notification lists the same reversal, and one the operator made from Stripe's dashboard: each recorded once.
        var transferObject = new
        {
            id = payout.Reference,
            @object = "transfer",
            amount = 142_50,
            amount_reversed = 24_00,
            currency = "eur",
            destination = accountId,
            metadata = new Dictionary<string, string> { ["payout_id"] = payout.Id.ToString(CultureInfo.InvariantCulture) },
            reversals = new
            {
                @object = "list",
                has_more = false,
                url = $"/v1/transfers/{payout.Reference}/reversals",
                data = new[] { FakeStripeApi.Reversal(reversalId, payout.Reference!, 19_00, $"payout-{payout.Id}-reversal-0"), FakeStripeApi.Reversal("trr_dashboard", payout.Reference!, 5_00, null) },
            },
        };
        var reversedEvent = StripeApp.Event($"evt_reversed_{payout.Id}", EventTypes.TransferReversed, transferObject);
        await PostAsync(reversedEvent);
        await PostAsync(reversedEvent);
        Assert.Equal(2, await app.WithDbAsync(db => db.LedgerTransactions.CountAsync(t => t.IdempotencyKey.StartsWith($"payout:{payout.Id}:reversal:"))));
        Assert.Equal(5_00, await BalanceAsync(LedgerAccount.Receivable(campaign.Id)));

        // Stripe's balance and the ledger agree on the transfer and its two reversals.
        app.Stripe.BalanceTransactions.Enqueue(new($"txn_t_{payout.Id}", -142_50, 0, FakeStripeApi.Transfer(payout.Reference!, 142_50, accountId, $"campaign-{campaign.Id}", payout.Id)));
        app.Stripe.BalanceTransactions.Enqueue(new($"txn_r1_{payout.Id}", 19_00, 0, FakeStripeApi.Reversal(reversalId, payout.Reference!, 19_00, null)));
        app.Stripe.BalanceTransactions.Enqueue(new($"txn_r2_{payout.Id}", 5_00, 0, FakeStripeApi.Reversal("trr_dashboard", payout.Reference!, 5_00, null)));
        var report = await ReconcileAsync();
        Assert.DoesNotContain(report.Lines, l => l.PaymentId == payout.Reference);
    }

    [Fact]
    public async Task APayoutToTheHoldersBank_ThatFailed_IsShownToTheHolder()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var accountId = await OpenAccountAsync(holder, ready: true);
        var campaign = await app.Given.Campaign(city, holder, new CampaignSpec { Title = "Un parc (banque)", Tiers = [] });

        var failed = StripeApp.ConnectEvent("evt_bank_failed", EventTypes.PayoutFailed, accountId, new
        {
            id = "po_failed",
            @object = "payout",
            amount = 95_00,
            currency = "eur",
            status = "failed",
            failure_code = "account_closed",
            failure_message = "The bank account has been closed.",
        });
        await PostAsync(failed, StripeApp.ConnectWebhookSecret);
        using var browser = await app.SignedInAsync(holder.Email);
        var page = await browser.GetAsync(CampaignPaths.Setup(city.Slug, campaign.Project.Id));
        Assert.Contains("a échoué", page.MainText, StringComparison.Ordinal);
        Assert.Contains("The bank account has been closed.", page.MainText, StringComparison.Ordinal);

        var paid = StripeApp.ConnectEvent("evt_bank_paid", EventTypes.PayoutPaid, accountId, new { id = "po_paid", @object = "payout", amount = 95_00, currency = "eur", status = "paid" }, created: 1_780_000_500);
        await PostAsync(paid, StripeApp.ConnectWebhookSecret);
        page = await browser.GetAsync(CampaignPaths.Setup(city.Slug, campaign.Project.Id));
        Assert.Contains("Dernier virement vers votre banque", page.MainText, StringComparison.Ordinal);
    }

    /// <summary>The holder's account at Stripe, opened through the platform's service, ready for transfers or not.</summary>
    private async Task<string> OpenAccountAsync(TestUser holder, bool ready)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var payees = scope.ServiceProvider.GetRequiredService<PayeeAccounts>();
        await payees.OnboardAsync(holder.Id, holder.Email, "/retour", "/retour", CancellationToken.None);
        var accountId = $"acct_{holder.Id}";
        if (ready)
        {
            app.Stripe.Accounts[accountId] = FakeStripeApi.AccountState.Ready;
            await payees.RefreshAsync(holder.Id, CancellationToken.None);
        }

        return accountId;
    }

    private Task<bool> CanReceiveAsync(TestUser holder) =>
        app.WithDbAsync(async db => (await db.PayeeAccounts.SingleAsync(a => a.UserId == holder.Id)).CanReceive);

    private Task<List<Payout>> PayoutsAsync(long campaignId) =>
        app.WithDbAsync(db => db.Payouts.IgnoreQueryFilters().Where(p => p.CampaignId == campaignId).OrderBy(p => p.Id).ToListAsync());

    private Task<long> BalanceAsync(LedgerAccount account) =>
        app.WithDbAsync(db => FundingTotals.BalanceAsync(db, account, CancellationToken.None));

    private Task<string> VersionAsync(long campaignId) =>
        app.WithDbAsync(async db => (await db.Campaigns.IgnoreQueryFilters().SingleAsync(c => c.Id == campaignId)).Version.ToString(CultureInfo.InvariantCulture));

    private Task<CampaignStatus> StatusAsync(long campaignId) =>
        app.WithDbAsync(db => db.Campaigns.IgnoreQueryFilters().Where(c => c.Id == campaignId).Select(c => c.Status).SingleAsync());

    private async Task<ReconciliationReport> ReconcileAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Reconciler>().ReconcileAsync(PaymentProvider.Stripe, CancellationToken.None);
    }

    private async Task PostAsync(string json, string secret = StripeApp.WebhookSecret) =>
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(json, StripeApp.Sign(json, app.Clock.GetUtcNow(), secret))).StatusCode);
}
