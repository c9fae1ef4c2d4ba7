using System.Globalization;
using System.Net;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Features.Payments;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// Stripe's side of the reconciliation (issue #15): its balance transactions, read page after page
/// through Stripe.net, against the ledger, payment by payment. Stripe's processing fees and its
/// payouts to the platform's bank are left out; a refund Stripe made that the platform never heard
/// of is an unexplained difference, named with its contribution.
/// </summary>
public sealed class StripeReconciliationTests(StripeApp app) : IClassFixture<StripeApp>
{
    [Fact]
    public async Task StripesBalanceTransactions_AreReconciledWithTheLedger_AndADifferenceIsNamed()
    {
        var campaign = await app.CreateLiveCampaignAsync("Un parc (rapprochement Stripe)");
        var (first, firstSession) = await app.StartContributionAsync(campaign, await app.Given.Person(), 30_00, "reconcile-stripe-1");
        var (second, secondSession) = await app.StartContributionAsync(campaign, await app.Given.Person(), 20_00, "reconcile-stripe-2");
        await PostAsync(StripeApp.SessionEvent("evt_rec_1", EventTypes.CheckoutSessionCompleted, firstSession, first));
        await PostAsync(StripeApp.SessionEvent("evt_rec_2", EventTypes.CheckoutSessionCompleted, secondSession, second));
        await PostAsync(StripeApp.Event("evt_rec_refund", EventTypes.RefundCreated, new
        {
            id = "re_rec_2",
            @object = "refund",
            amount = 5_00,
            status = "succeeded",
            payment_intent = $"pi_{second}",
            metadata = new Dictionary<string, string> { ["contribution_id"] = second.ToString(CultureInfo.InvariantCulture) },
        }));
        await app.RunJobsAsync();

        app.Stripe.BalanceTransactions.Enqueue(new("txn_1", 30_00, 70, FakeStripeApi.Charge(first, 30_00)));
        app.Stripe.BalanceTransactions.Enqueue(new("txn_2", 20_00, 55, FakeStripeApi.Charge(second, 20_00)));
        app.Stripe.BalanceTransactions.Enqueue(new("txn_3", -5_00, 0, new { id = "re_rec_2", @object = "refund", amount = 5_00, charge = FakeStripeApi.Charge(second, 20_00) }));
        app.Stripe.BalanceTransactions.Enqueue(new("txn_4", -40_00, 0, new { id = "po_1", @object = "payout", amount = 40_00 }));

        var report = await ReportAsync();
        Assert.True(report.Reconciled, string.Join('\n', report.Lines.Select(l => $"{l.PaymentId}: {l.ProcessorCents} / {l.LedgerCents}")));
        Assert.Equal((45_00L, 45_00L), (report.ProcessorCents, report.LedgerCents));
        Assert.True(app.Stripe.Requests.Count(r => r.Path == "/v1/balance_transactions") >= 2);

        // Stripe refunded 10 € of the first gift from its dashboard, and its webhook never came.
        app.Stripe.BalanceTransactions.Enqueue(new("txn_5", -10_00, 0, new { id = "re_dashboard", @object = "refund", amount = 10_00, charge = FakeStripeApi.Charge(first, 30_00) }));

        var differs = await ReportAsync();
        var line = Assert.Single(differs.Lines);
        Assert.Equal((first, 20_00L, 30_00L, false), (line.ContributionId, line.ProcessorCents, line.LedgerCents, line.Pending));
        Assert.Equal(1, differs.Unexplained);
    }

    private async Task<ReconciliationReport> ReportAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Reconciler>().ReconcileAsync(PaymentProvider.Stripe, CancellationToken.None);
    }

    private async Task PostAsync(string json) =>
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(json, StripeApp.Sign(json, app.Clock.GetUtcNow()))).StatusCode);
}
