using System.Globalization;
using System.Net;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Funding.Ledger;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// The operator's payouts over HTTP: a funded campaign's payout is marked sent once, however many
/// times the form is posted (in a row or at the same time), the ledger moves it once and balances,
/// and the page is the operator's only.
/// </summary>
public sealed class PayoutTests(FundingApp app) : IClassFixture<FundingApp>
{
    [Fact]
    public async Task TheOperator_MarksAPayoutSentOnce_EvenPostedTwice_AndTheLedgerBalances()
    {
        var (live, payoutId) = await FundedCampaignAsync("Un parc (versement)");
        var campaignId = live.Id;
        var amount = await app.WithDbAsync(db => db.Payouts.Where(p => p.Id == payoutId).Select(p => p.AmountCents).SingleAsync());
        Assert.Equal(amount, await app.WithDbAsync(db => FundingTotals.BalanceAsync(db, LedgerAccount.Payable(campaignId), CancellationToken.None)));

        using var operatorBrowser = await app.SignedInAsync((await app.Given.Operator()).Email);
        var page = await operatorBrowser.GetAsync("/operateur/versements");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        Assert.NotNull(page.Document.QuerySelector("nav.admin-nav a[aria-current=page]"));
        var form = $"form#versement-{payoutId}";
        Assert.Contains("Un parc (versement)", page.MainText, StringComparison.Ordinal);

        // The list's button leads to the payout's confirmation page (Workbench/PayoutConfirmationTests).
        var confirm = await operatorBrowser.GetAsync($"/operateur/versements/{payoutId.ToString(CultureInfo.InvariantCulture)}");
        Assert.NotNull(page.Document.QuerySelector(form));
        const string confirmForm = "form#confirmer-versement";

        // Without a reference: refused next to the field, nothing moves.
        var empty = await operatorBrowser.SubmitAsync(confirm, confirmForm, new Dictionary<string, string> { ["reference"] = " " });
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("référence du virement", empty.FieldError("versement-reference-erreur"), StringComparison.Ordinal);
        empty.AssertAccessibleStructure();
        Assert.Equal(PayoutStatus.Due, await app.WithDbAsync(db => db.Payouts.Where(p => p.Id == payoutId).Select(p => p.Status).SingleAsync()));

        // Two posts of the same form at the same time, then a third one.
        var fields = new Dictionary<string, string> { ["reference"] = "VIR-2026-0042" };
        var posts = await Task.WhenAll(operatorBrowser.SubmitAsync(confirm, confirmForm, fields), operatorBrowser.SubmitAsync(confirm, confirmForm, fields));
        var third = await operatorBrowser.SubmitAsync(confirm, confirmForm, fields);

        Assert.Single(posts, p => p.Status == HttpStatusCode.Redirect);
        Assert.All(posts.Where(p => p.Status != HttpStatusCode.Redirect).Append(third), p =>
        {
            Assert.Equal(HttpStatusCode.OK, p.Status);
            Assert.NotEmpty(p.ErrorSummary());
        });
        var payout = await app.WithDbAsync(db => db.Payouts.AsNoTracking().SingleAsync(p => p.Id == payoutId));
        Assert.Equal(PayoutStatus.Sent, payout.Status);
        Assert.Equal("VIR-2026-0042", payout.Reference);
        Assert.Equal(1, await app.WithDbAsync(db => db.LedgerTransactions.CountAsync(t => t.CampaignId == campaignId && t.Kind == LedgerTransactionKind.PayoutSent)));
        Assert.Equal(0, await app.WithDbAsync(db => FundingTotals.BalanceAsync(db, LedgerAccount.Payable(campaignId), CancellationToken.None)));
        Assert.Equal(amount, await app.WithDbAsync(db => db.LedgerLines
            .Where(l => l.AccountKind == LedgerAccountKind.PayoutsSent && db.LedgerTransactions.Any(t => t.Id == l.TransactionId && t.CampaignId == campaignId))
            .SumAsync(l => l.AmountCents)));
        Assert.Equal(0, await app.WithDbAsync(db => db.LedgerLines.GroupBy(l => l.TransactionId).Where(g => g.Sum(l => l.AmountCents) != 0).CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => FundingTotals.BalanceAsync(db, LedgerAccount.Escrow(campaignId), CancellationToken.None)));

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditAction.PayoutSent && a.SubjectId == payoutId).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(AuditSubject.Payout, entry.SubjectType);
        Assert.Equal(live.City.Id, entry.MunicipalityId);

        var after = await operatorBrowser.GetAsync("/operateur/versements");
        Assert.Null(after.Document.QuerySelector(form));
        Assert.Contains("VIR-2026-0042", after.MainText, StringComparison.Ordinal);

        // The city's back office shows it sent, and its report still reconciles.
        using var admin = await app.SignedInAsync(live.City.Admin.Email);
        var details = await admin.GetAsync(live.AdminPath);
        Assert.Contains("VIR-2026-0042", details.MainText, StringComparison.Ordinal);
        var year = Labelkoz.Web.Infrastructure.Localization.Cultures.ToParis(app.Clock.GetUtcNow().UtcDateTime).Year.ToString(CultureInfo.InvariantCulture);
        var report = await admin.GetAsync($"{live.City.AdminPath}/campagnes/rapport?annee={year}");
        Assert.Contains("Rapprochement équilibré au centime", report.Document.GetElementById("rapprochement-ecart")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownPayout_IsNotFound_AndAMissingVersion_IsABadRequest()
    {
        var (_, payoutId) = await FundedCampaignAsync("Un parc (versement sans version)");
        using var operatorBrowser = await app.SignedInAsync((await app.Given.Operator()).Email);
        var page = await operatorBrowser.GetAsync("/operateur/versements");

        var unknown = await operatorBrowser.PostAsync("/operateur/versements/987654321", page, new Dictionary<string, string> { ["version"] = "1", ["reference"] = "VIR" });
        var noVersion = await operatorBrowser.PostAsync($"/operateur/versements/{payoutId.ToString(CultureInfo.InvariantCulture)}", page, new Dictionary<string, string> { ["reference"] = "VIR" });

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.Status);
        Assert.Equal(PayoutStatus.Due, await app.WithDbAsync(db => db.Payouts.Where(p => p.Id == payoutId).Select(p => p.Status).SingleAsync()));
    }

    [Theory]
    [InlineData("l'admin de la ville")]
    [InlineData("un agent d'une autre ville")]
    [InlineData("le porteur")]
    [InlineData(null)]
    public async Task ThePayoutsPage_IsTheOperatorsOnly(string? who)
    {
        var (live, payoutId) = await FundedCampaignAsync($"Un parc (versement refusé à {who ?? "anonyme"})");
        var email = who switch
        {
            "l'admin de la ville" => live.City.Admin.Email,
            "un agent d'une autre ville" => (await app.Given.City()).Agent.Email,
            "le porteur" => live.Holder.Email,
            _ => null,
        };
        using var browser = email is null ? app.HttpsBrowser() : await app.SignedInAsync(email);
        var tokenSource = await browser.GetAsync("/");

        var get = await browser.GetAsync("/operateur/versements");
        var post = await browser.PostAsync($"/operateur/versements/{payoutId.ToString(CultureInfo.InvariantCulture)}", tokenSource, new Dictionary<string, string>
        {
            ["version"] = "1",
            ["reference"] = "VIR-PIRATE",
        });

        foreach (var response in new[] { get, post })
        {
            if (email is null)
            {
                Assert.Equal(HttpStatusCode.Redirect, response.Status);
                Assert.Contains("/compte/connexion", response.Location, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Forbidden, response.Status);
            }
        }

        Assert.Equal(PayoutStatus.Due, await app.WithDbAsync(db => db.Payouts.Where(p => p.Id == payoutId).Select(p => p.Status).SingleAsync()));
    }

    /// <summary>A campaign of a new city that reached its goal, ended and was settled: its payout is due.</summary>
    private async Task<(LiveCampaign Campaign, long PayoutId)> FundedCampaignAsync(string title)
    {
        var live = await app.CreateLiveCampaignAsync(title, goalCents: 100_00, matchCapCents: 20_00);
        var campaignId = live.Id;
        await app.ContributeAndPayAsync(campaignId, await app.DonorAsync(), 120_00, null, $"payout-{Guid.NewGuid():N}");
        app.Clock.Advance(TimeSpan.FromDays(31));
        await app.RunJobsAsync();
        await app.RunJobsAsync();
        Assert.Equal(CampaignStatus.Funded, await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Status).SingleAsync()));
        return (live, await app.WithDbAsync(db => db.Payouts.Where(p => p.CampaignId == campaignId).Select(p => p.Id).SingleAsync()));
    }
}
