using System.Net;
using AngleSharp.Dom;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Funding.Ledger;
using Labelkoz.Web.Tests.Funding;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Workbench;

/// <summary>
/// Marking a payout sent is confirmed on its own page, which restates the amount and the payee and
/// says it cannot be undone; the list's old direct post no longer marks anything.
/// </summary>
public sealed class PayoutConfirmationTests(FundingApp app) : IClassFixture<FundingApp>
{
    [Fact]
    public async Task TheListLeadsToAConfirmationPage_AndOnlyConfirmingMarksThePayoutSent()
    {
        var (campaignId, payoutId) = await FundedCampaignAsync("Un kiosque (versement confirmé)");
        using var operatorBrowser = await app.SignedInAsync((await app.Given.Operator()).Email);
        var list = await operatorBrowser.GetAsync("/operateur/versements");
        var id = WorkbenchKit.Inv(payoutId);

        var confirm = await operatorBrowser.SubmitGetAsync(list, $"form#versement-{id}", ("reference", "VIR-WB-0001"));
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        confirm.AssertAccessibleStructure();
        Assert.Contains("Un kiosque (versement confirmé)", confirm.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var amount = await app.WithDbAsync(db => db.Payouts.Where(p => p.Id == payoutId).Select(p => p.AmountCents).SingleAsync());
        Assert.Contains((amount / 100).ToString(System.Globalization.CultureInfo.InvariantCulture), confirm.Document.GetElementById("versement-montant")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ne peut plus être annulé", confirm.Document.GetElementById("irreversible")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("VIR-WB-0001", confirm.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#versement-reference")!.Value);
        Assert.Equal(PayoutStatus.Due, await StatusAsync(payoutId));

        // The list's old direct post no longer exists.
        var version = await app.WithDbAsync(db => db.Payouts.Where(p => p.Id == payoutId).Select(p => p.Version).SingleAsync());
        var direct = await operatorBrowser.PostAsync("/operateur/versements?handler=Send", list, new Dictionary<string, string>
        {
            ["payoutId"] = id,
            ["version"] = WorkbenchKit.Inv(version),
            ["reference"] = "VIR-DIRECT",
        });
        Assert.Equal(HttpStatusCode.NotFound, direct.Status);
        Assert.Equal(PayoutStatus.Due, await StatusAsync(payoutId));

        // Without a reference: refused next to the field, nothing moves.
        var empty = await operatorBrowser.SubmitAsync(confirm, "form#confirmer-versement", new Dictionary<string, string> { ["reference"] = " " });
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("référence du virement", empty.FieldError("versement-reference-erreur"), StringComparison.Ordinal);
        empty.AssertAccessibleStructure();
        Assert.Equal(PayoutStatus.Due, await StatusAsync(payoutId));

        var sent = await operatorBrowser.SubmitAsync(confirm, "form#confirmer-versement");
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Equal("/operateur/versements", sent.Location);
        Assert.Equal(PayoutStatus.Sent, await StatusAsync(payoutId));
        Assert.Equal(1, await app.WithDbAsync(db => db.LedgerTransactions.CountAsync(t => t.CampaignId == campaignId && t.Kind == LedgerTransactionKind.PayoutSent)));
        var after = await operatorBrowser.FollowAsync(sent);
        Assert.Contains("est marqué comme effectué", after.MainText, StringComparison.Ordinal);
        Assert.Null(after.Document.QuerySelector($"form#versement-{id}"));

        // The confirmation page of a payout already sent says so and offers nothing to confirm.
        var done = await operatorBrowser.GetAsync($"/operateur/versements/{id}");
        Assert.NotNull(done.Document.GetElementById("versement-deja-effectue"));
        Assert.Null(done.Document.QuerySelector("form#confirmer-versement"));

        // The same confirmation posted again is refused: one transfer, never two.
        var twice = await operatorBrowser.SubmitAsync(confirm, "form#confirmer-versement");
        Assert.Equal(HttpStatusCode.OK, twice.Status);
        Assert.NotEmpty(twice.ErrorSummary());
        Assert.Equal(1, await app.WithDbAsync(db => db.LedgerTransactions.CountAsync(t => t.CampaignId == campaignId && t.Kind == LedgerTransactionKind.PayoutSent)));
    }

    [Fact]
    public async Task TheConfirmationPage_IsTheOperatorsOnly()
    {
        var (_, payoutId) = await FundedCampaignAsync("Un kiosque (versement refusé)");
        var city = await app.Given.City();
        using var cityAdmin = await app.SignedInAsync(city.Admin.Email);
        var tokenSource = await cityAdmin.GetAsync(city.AdminPath);
        var url = $"/operateur/versements/{WorkbenchKit.Inv(payoutId)}";

        Assert.Equal(HttpStatusCode.Forbidden, (await cityAdmin.GetAsync(url + "?reference=VIR")).Status);
        var post = await cityAdmin.PostAsync(url, tokenSource, new Dictionary<string, string> { ["version"] = "1", ["reference"] = "VIR-PIRATE" });
        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        Assert.Equal(PayoutStatus.Due, await StatusAsync(payoutId));
    }

    private Task<PayoutStatus> StatusAsync(long payoutId) =>
        app.WithDbAsync(db => db.Payouts.Where(p => p.Id == payoutId).Select(p => p.Status).SingleAsync());

    /// <summary>A campaign of a city of its own that reached its goal, ended and was settled: its payout is due.</summary>
    private async Task<(long CampaignId, long PayoutId)> FundedCampaignAsync(string title)
    {
        var campaignId = (await app.CreateLiveCampaignAsync(title, goalCents: 100_00)).Id;
        await app.ContributeAndPayAsync(campaignId, await app.DonorAsync(), 120_00, null, $"wb-payout-{Guid.NewGuid():N}");
        app.Clock.Advance(TimeSpan.FromDays(31));
        await app.RunJobsAsync();
        await app.RunJobsAsync();
        Assert.Equal(CampaignStatus.Funded, await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Status).SingleAsync()));
        return (campaignId, await app.WithDbAsync(db => db.Payouts.Where(p => p.CampaignId == campaignId).Select(p => p.Id).SingleAsync()));
    }
}
