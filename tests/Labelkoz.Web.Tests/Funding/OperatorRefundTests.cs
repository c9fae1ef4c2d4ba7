using System.Globalization;
using System.Net;
using Labelkoz.Data.Payments;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Features.Payments;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// <c>/operateur/contributions/{id}/remboursement</c>: the operator refunds part or all of a
/// contribution through its processor (the sandbox here); the ledger follows the processor's
/// confirmation. Bad input is refused in French with nothing asked; a form posted twice refunds
/// once; only the operator reaches the page.
/// </summary>
public sealed class OperatorRefundTests(FundingApp app) : IClassFixture<FundingApp>
{
    [Fact]
    public async Task TheOperator_RefundsPartOfAGift_OnceEvenPostedTwice_Audited_AndTheLedgerFollows()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (remboursement par l'opérateur)");
        var gift = await PaidAsync(live.Id, 30_00, "operator-refund");
        using var browser = await app.SignedInAsync((await app.Given.Operator()).Email);

        var page = await browser.GetAsync(FundingAdminPaths.OperatorRefund(gift));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("30,00", page.Document.QuerySelector("#reste")!.TextContent, StringComparison.Ordinal);
        page.AssertAccessibleStructure();
        var fields = new Dictionary<string, string> { ["Input.Amount"] = "12,50", ["Input.Reason"] = "Le donateur s'est trompé de montant." };

        var posts = await Task.WhenAll(browser.SubmitAsync(page, "#rembourser", fields), browser.SubmitAsync(page, "#rembourser", fields));

        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Redirect, p.Status));
        Assert.Equal(1, await app.WithDbAsync(db => db.SandboxRefunds.CountAsync(r => r.IdempotencyKey.StartsWith($"operator-refund-{gift}-"))));
        await app.RunJobsAsync();
        var contribution = await app.WithDbAsync(db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == gift));
        Assert.Equal((ContributionStatus.Succeeded, 12_50L), (contribution.Status, contribution.RefundedCents));
        Assert.Equal(17_50, (await app.WithDbAsync(db => FundingTotals.ForAsync(db, live.Id, CancellationToken.None))).ContributedCents);
        var audit = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.MunicipalityId == live.City.Id && a.Action == AuditAction.ContributionRefundRequested).ToListAsync());
        Assert.Contains("trompé de montant", Assert.Single(audit).Details, StringComparison.Ordinal);

        var after = await browser.GetAsync(FundingAdminPaths.OperatorRefund(gift));
        Assert.Contains("17,50", after.Document.QuerySelector("#reste")!.TextContent, StringComparison.Ordinal);
        Assert.Single(after.Document.QuerySelectorAll("#remboursements li"));
    }

    [Theory]
    [InlineData("", "Le donateur le demande.", "remboursement-montant-erreur", "Saisissez un montant")]
    [InlineData("vingt", "Le donateur le demande.", "remboursement-montant-erreur", "Saisissez un montant")]
    [InlineData("0", "Le donateur le demande.", "remboursement-montant-erreur", "supérieur à zéro")]
    [InlineData("30,01", "Le donateur le demande.", "remboursement-montant-erreur", "dépasse")]
    [InlineData("10", " ", "remboursement-motif-erreur", "Motif du remboursement")]
    public async Task ABadRefund_IsRefusedInFrenchNextToItsField_AndNothingIsAsked(string amount, string reason, string field, string message)
    {
        var live = await app.CreateLiveCampaignAsync($"Un parc (remboursement refusé {amount}/{reason.Length})");
        var gift = await PaidAsync(live.Id, 30_00, $"bad-refund-{amount}-{reason.Length}");
        using var browser = await app.SignedInAsync((await app.Given.Operator()).Email);
        var page = await browser.GetAsync(FundingAdminPaths.OperatorRefund(gift));

        var refused = await browser.SubmitAsync(page, "#rembourser", new Dictionary<string, string> { ["Input.Amount"] = amount, ["Input.Reason"] = reason });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(message, refused.FieldError(field), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.SandboxRefunds.CountAsync(r => r.IdempotencyKey.StartsWith($"operator-refund-{gift}-"))));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.MunicipalityId == live.City.Id && a.Action == AuditAction.ContributionRefundRequested)));
    }

    [Fact]
    public async Task ThePage_IsTheOperatorsOnly_AnUnknownContributionIsNotFound_AndTheSearchFindsOne()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (remboursement réservé à l'opérateur)");
        var gift = await PaidAsync(live.Id, 30_00, "operator-only");
        var path = FundingAdminPaths.OperatorRefund(gift);
        foreach (var email in new[] { live.City.Admin.Email, live.Holder.Email })
        {
            using var browser = await app.SignedInAsync(email);
            var tokenSource = await browser.GetAsync("/");
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(path)).Status);
            var post = await browser.PostAsync(path, tokenSource, new Dictionary<string, string> { ["Input.Amount"] = "30", ["Input.Reason"] = "Pirate", ["Input.Key"] = "k" });
            Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        }

        using (var anonymous = app.HttpsBrowser())
        {
            Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(path)).Status);
        }

        using var operatorBrowser = await app.SignedInAsync((await app.Given.Operator()).Email);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorBrowser.GetAsync(FundingAdminPaths.OperatorRefund(987_654_321))).Status);
        var found = await operatorBrowser.GetAsync($"/operateur/paiements?contribution={gift.ToString(CultureInfo.InvariantCulture)}");
        Assert.Equal((HttpStatusCode.Redirect, path), (found.Status, found.Location));
        var missing = await operatorBrowser.GetAsync("/operateur/paiements?contribution=987654321");
        Assert.Contains("Aucune contribution", missing.FieldError("numero-contribution-erreur"), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.SandboxRefunds.CountAsync(r => r.IdempotencyKey.StartsWith($"operator-refund-{gift}-"))));
    }

    private async Task<long> PaidAsync(long campaignId, long cents, string key)
    {
        var donor = await app.Given.Person();
        var started = await app.WithServiceAsync<CampaignMoney, ContributionStarted>(m => m.StartAsync(
            campaignId, donor.Id, new ContributionRequest(cents, null, false, "Donatrice", null, key, null), id => $"/retour/{id}", null, CancellationToken.None));
        var payment = await app.WithDbAsync(db => db.Contributions.Where(c => c.Id == started.ContributionId).Select(c => c.ProviderPaymentId!).SingleAsync());
        await app.WithServiceAsync<SandboxPaymentProvider, SandboxPaymentStatus>(s => s.PayAsync(payment, "4242 4242 4242 4242", CancellationToken.None));
        await app.RunJobsAsync();
        return started.ContributionId;
    }
}
