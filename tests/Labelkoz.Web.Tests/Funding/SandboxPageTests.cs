using System.Net;
using Labelkoz.Data.Payments;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// The sandbox processor's hosted page: a wrong card is refused on the form, a card that asks for
/// confirmation gets a second step (approved or refused), a decided payment shows its outcome, and
/// the way back only ever leads to a local address.
/// </summary>
public sealed class SandboxPageTests(FundingApp app) : IClassFixture<FundingApp>
{
    private const string NeedsConfirmation = "4000 0025 0000 3155";

    [Fact]
    public async Task ThePage_ListsTheTestCards_IsNotIndexed_AndRefusesAWrongCardOnTheForm()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (page de test)");
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var sandboxPath = await StartAsync(browser, live, "25");

        var page = await browser.GetAsync(sandboxPath);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        Assert.Contains("Paiement de test — aucune carte réelle n'est débitée", page.MainText, StringComparison.Ordinal);
        Assert.Contains("4242 4242 4242 4242", page.MainText, StringComparison.Ordinal);
        Assert.Contains("4000 0025 0000 3155", page.MainText, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("meta[name=robots][content*=noindex]"));
        Assert.Contains("noindex", page.Response.Headers.GetValues("X-Robots-Tag").Single(), StringComparison.Ordinal);

        var wrong = await browser.SubmitAsync(page, "form#paiement-carte", new Dictionary<string, string> { ["Input.CardNumber"] = "1234 5678 9012 3456" });
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("Ce numéro n'est pas une carte de test", wrong.ErrorSummary(), StringComparison.Ordinal);
        wrong.AssertAccessibleStructure();

        var empty = await browser.SubmitAsync(page, "form#paiement-carte", new Dictionary<string, string> { ["Input.CardNumber"] = string.Empty });
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("Numéro de carte", empty.FieldError("Input_CardNumber-error"), StringComparison.Ordinal);
        Assert.Equal(SandboxPaymentStatus.RequiresCard, await StatusAsync(sandboxPath));

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/paiement-test/pi_sbx_inconnu")).Status);
    }

    [Fact]
    public async Task ACardAskingForConfirmation_Approved_IsConfirmed()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (confirmation acceptée)");
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var sandboxPath = await StartAsync(browser, live, "35");

        var page = await browser.GetAsync(sandboxPath);
        var asked = await browser.SubmitAsync(page, "form#paiement-carte", new Dictionary<string, string> { ["Input.CardNumber"] = NeedsConfirmation });
        Assert.Equal(HttpStatusCode.SeeOther, asked.Status);
        Assert.Equal(sandboxPath, asked.Location);
        var confirm = await browser.GetAsync(sandboxPath);
        Assert.Contains("Confirmer le paiement", confirm.MainText, StringComparison.Ordinal);
        Assert.Contains("3155", confirm.MainText, StringComparison.Ordinal);

        var done = await browser.SubmitAsync(confirm, "form#confirmation", submitName: "approved", submitValue: "true");
        Assert.Equal(HttpStatusCode.SeeOther, done.Status);
        var contribution = await app.WithDbAsync(db => db.Contributions.AsNoTracking().SingleAsync(c => c.CampaignId == live.Id));
        Assert.Equal(live.StatusPath(contribution.Id), done.Location);

        await app.RunJobsAsync();
        var status = await browser.GetAsync(done.Location!);
        Assert.Contains("Merci ! Votre contribution de 35,00 € est confirmée.", status.MainText, StringComparison.Ordinal);

        // A decided payment shows its outcome and the way back; paying again changes nothing.
        var decided = await browser.GetAsync(sandboxPath);
        Assert.Contains("Ce paiement est accepté.", decided.MainText, StringComparison.Ordinal);
        Assert.Equal(done.Location, decided.Document.GetElementById("retour-site")?.GetAttribute("href"));
        Assert.Null(decided.Document.QuerySelector("form#paiement-carte"));
    }

    [Fact]
    public async Task ACardAskingForConfirmation_Refused_IsDeclined()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (confirmation refusée)");
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var sandboxPath = await StartAsync(browser, live, "35");

        var page = await browser.GetAsync(sandboxPath);
        await browser.SubmitAsync(page, "form#paiement-carte", new Dictionary<string, string> { ["Input.CardNumber"] = NeedsConfirmation });
        var confirm = await browser.GetAsync(sandboxPath);
        var done = await browser.SubmitAsync(confirm, "form#confirmation", submitName: "approved", submitValue: "false");
        Assert.Equal(HttpStatusCode.SeeOther, done.Status);

        await app.RunJobsAsync();
        var status = await browser.GetAsync(done.Location!);
        Assert.Contains("Paiement refusé : Authentification refusée par le titulaire de la carte.", status.MainText, StringComparison.Ordinal);
        Assert.Equal(ContributionStatus.Failed, await app.WithDbAsync(db => db.Contributions.Where(c => c.CampaignId == live.Id).Select(c => c.Status).SingleAsync()));

        // The confirmation step without a choice is a bad request.
        var fresh = await StartAsync(browser, live, "36");
        var freshPage = await browser.GetAsync(fresh);
        await browser.SubmitAsync(freshPage, "form#paiement-carte", new Dictionary<string, string> { ["Input.CardNumber"] = NeedsConfirmation });
        var step = await browser.GetAsync(fresh);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.SubmitAsync(step, "form#confirmation")).Status);
    }

    [Theory]
    [InlineData("https://evil.example/vol")]
    [InlineData("//evil.example/vol")]
    [InlineData("/\\evil.example/vol")]
    [InlineData("javascript:alert(1)")]
    public async Task AReturnAddressThatIsNotLocal_IsNeverFollowed(string returnUrl)
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (redirection ouverte)");
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var sandboxPath = await StartAsync(browser, live, "25");
        var paymentId = sandboxPath[(sandboxPath.LastIndexOf('/') + 1)..];
        await app.WithDbAsync(db => db.SandboxPayments.Where(p => p.Id == paymentId).ExecuteUpdateAsync(set => set.SetProperty(p => p.ReturnUrl, returnUrl)));

        var page = await browser.GetAsync(sandboxPath + "?returnUrl=https%3A%2F%2Fevil.example%2F");
        Assert.Null(page.Document.GetElementById("retour-site"));
        var paid = await browser.SubmitAsync(page, "form#paiement-carte", new Dictionary<string, string> { ["Input.CardNumber"] = ContributeTests.Accepted });
        Assert.Equal(HttpStatusCode.SeeOther, paid.Status);
        Assert.Equal(sandboxPath, paid.Location);
        var decided = await browser.GetAsync(sandboxPath);
        Assert.DoesNotContain("evil.example", decided.Html, StringComparison.Ordinal);
        Assert.Contains("Ce paiement est accepté.", decided.MainText, StringComparison.Ordinal);
    }

    private static async Task<string> StartAsync(TestBrowser browser, LiveCampaign live, string amount)
    {
        var form = await browser.GetAsync(live.ContributePath);
        var posted = await browser.SubmitAsync(form, "form#contribution", new Dictionary<string, string> { ["Input.Amount"] = amount });
        Assert.True(posted.Status == HttpStatusCode.SeeOther, posted.ErrorSummary());
        return posted.Location!;
    }

    private Task<SandboxPaymentStatus> StatusAsync(string sandboxPath)
    {
        var paymentId = sandboxPath[(sandboxPath.LastIndexOf('/') + 1)..];
        return app.WithDbAsync(db => db.SandboxPayments.Where(p => p.Id == paymentId).Select(p => p.Status).SingleAsync());
    }
}
