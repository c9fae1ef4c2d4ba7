using System.Net;
using System.Text;
using Labelkoz.Data.Payments;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Features.Payments;
using Labelkoz.Web.Features.Payments.Operator;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// <c>/operateur/rapprochement</c> (issue #15): the sandbox's own records against the ledger's
/// clearing account, payment by payment. Reconciled to the cent after payments and a partial
/// refund; a confirmation not applied yet is a difference a pending notification explains; money
/// the processor gave back without telling the platform is an unexplained difference, named with
/// its contribution, on the page and in the CSV.
/// </summary>
public sealed class ReconciliationTests(FundingApp app) : IClassFixture<FundingApp>
{
    [Fact]
    public async Task TheSandbox_IsReconciledToTheCent_ThenEveryDifferenceIsListedWithItsContribution()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (rapprochement)");
        var first = await PaidAsync(live.Id, 30_00, "reconcile-1", apply: true);
        await PaidAsync(live.Id, 45_50, "reconcile-2", apply: true);
        await RefundAtProcessorAsync(first, 10_00, "partial");
        await app.RunJobsAsync();
        using var browser = await app.SignedInAsync((await app.Given.Operator()).Email);

        var page = await browser.GetAsync(ReconciliationModel.Path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        var sandbox = page.Document.QuerySelector("#rapprochement-sandbox")!;
        Assert.NotNull(sandbox.QuerySelector(".reconciled"));
        Assert.Contains("65,50", sandbox.TextContent, StringComparison.Ordinal);

        // A payment the sandbox took, whose confirmation the job has not applied yet: explained.
        var third = await PaidAsync(live.Id, 12_00, "reconcile-3", apply: false);
        var report = await ReportAsync();
        var pending = Assert.Single(report.Lines);
        Assert.Equal((third, 12_00L, 0L, true), (pending.ContributionId, pending.ProcessorCents, pending.LedgerCents, pending.Pending));
        Assert.Equal(0, report.Unexplained);
        await app.RunJobsAsync();
        Assert.True((await ReportAsync()).Reconciled);

        // The processor gave 5 € back and the platform never heard of it: unexplained, named.
        var payment = await app.WithDbAsync(db => db.Contributions.Where(c => c.Id == first).Select(c => c.ProviderPaymentId!).SingleAsync());
        await app.WithDbAsync(db => db.SandboxPayments.Where(p => p.Id == payment).ExecuteUpdateAsync(set => set.SetProperty(p => p.RefundedCents, p => p.RefundedCents + 5_00)));

        page = await browser.GetAsync(ReconciliationModel.Path);
        sandbox = page.Document.QuerySelector("#rapprochement-sandbox")!;
        Assert.NotNull(sandbox.QuerySelector(".not-reconciled"));
        var row = Assert.Single(sandbox.QuerySelectorAll("tbody tr"));
        Assert.Contains(payment, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("-5,00", row.TextContent.Replace('\u2212', '-'), StringComparison.Ordinal);
        Assert.Contains("rien n'explique", row.TextContent, StringComparison.Ordinal);

        var csv = await browser.Client.GetAsync($"{ReconciliationModel.Path}?handler=Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains($"\"{payment}\";\"{first}\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePage_IsTheOperatorsOnly()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (rapprochement réservé)");
        foreach (var email in new[] { live.City.Admin.Email, live.Holder.Email })
        {
            using var browser = await app.SignedInAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(ReconciliationModel.Path)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"{ReconciliationModel.Path}?handler=Csv")).Status);
        }

        using var anonymous = app.HttpsBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(ReconciliationModel.Path)).Status);
    }

    private Task<ReconciliationReport> ReportAsync() =>
        app.WithServiceAsync<Reconciler, ReconciliationReport>(r => r.ReconcileAsync(Domain.Funding.PaymentProvider.Sandbox, CancellationToken.None));

    private async Task RefundAtProcessorAsync(long contributionId, long cents, string key)
    {
        var payment = await app.WithDbAsync(db => db.Contributions.Where(c => c.Id == contributionId).Select(c => c.ProviderPaymentId!).SingleAsync());
        await app.WithServiceAsync<SandboxPaymentProvider, RefundResult>(s => s.RefundAsync(payment, cents, $"reconcile-{contributionId}-{key}", CancellationToken.None));
    }

    private async Task<long> PaidAsync(long campaignId, long cents, string key, bool apply)
    {
        var donor = await app.Given.Person();
        var started = await app.WithServiceAsync<CampaignMoney, ContributionStarted>(m => m.StartAsync(
            campaignId, donor.Id, new ContributionRequest(cents, null, false, "Donatrice", null, key, null), id => $"/retour/{id}", null, CancellationToken.None));
        var payment = await app.WithDbAsync(db => db.Contributions.Where(c => c.Id == started.ContributionId).Select(c => c.ProviderPaymentId!).SingleAsync());
        await app.WithServiceAsync<SandboxPaymentProvider, SandboxPaymentStatus>(s => s.PayAsync(payment, "4242 4242 4242 4242", CancellationToken.None));
        if (apply)
        {
            await app.RunJobsAsync();
        }

        return started.ContributionId;
    }
}
