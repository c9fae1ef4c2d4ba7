using System.Globalization;
using System.Net;
using System.Text.Json;
using Labelkoz.Data.Payments;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Features.Payments;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// The public funding panel of a project page and the API's <c>funding</c>: every figure equals the
/// ledger after real sandbox payments, a draft is never shown, and the page's SQL commands do not
/// grow with the contributions.
/// </summary>
public sealed class FundingPanelTests(FundingApp app) : IClassFixture<FundingApp>
{
    private const string Accepted = "4242 4242 4242 4242";
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    [Fact]
    public async Task ThePanel_ShowsTheLedgersFigures_TheMatch_TheTiers_AndThePublicContributors()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (panneau public)", goalCents: 200_00, matchCapCents: 50_00, tierQuantity: 2);
        var (campaignId, tierId, projectId) = live;
        await ContributeAndPayAsync(campaignId, await app.DonorAsync(), 30_00, tierId, "panel-1", isAnonymous: false, publicName: "Hugo du quartier", message: "Bravo !");
        await ContributeAndPayAsync(campaignId, await app.DonorAsync(), 45_00, tierId, "panel-2", isAnonymous: true, publicName: "Léa", message: null);

        // Another project of the city, without a campaign: the API lists it without funding.
        var withoutCampaign = await app.Given.LabelledProject(live.City, await app.Given.Citizen());

        var totals = await app.WithDbAsync(db => FundingTotals.ForAsync(db, campaignId, CancellationToken.None));
        Assert.Equal(75_00, totals.ContributedCents);
        Assert.Equal(50_00, totals.MatchedCents);

        using var browser = app.NewBrowser();
        var page = await ProjectPageAsync(browser, live.City.Slug, projectId);
        var panel = page.Document.QuerySelector("#financement");
        Assert.NotNull(panel);
        var text = Collapse(panel.TextContent);
        Assert.Contains(Collapse(MoneyInput.FormatWhole(totals.RaisedCents, French)), text, StringComparison.Ordinal);
        Assert.Contains("62 % de l'objectif", text, StringComparison.Ordinal);
        Assert.Contains("2 contributeurs", text, StringComparison.Ordinal);
        Assert.Contains("30 jours restants", text, StringComparison.Ordinal);
        Assert.Contains(Collapse($"La Ville double chaque don jusqu'à {MoneyInput.FormatWhole(50_00, French)}."), text, StringComparison.Ordinal);
        Assert.Contains(Collapse($"Elle a ajouté {MoneyInput.FormatWhole(50_00, French)} jusqu'ici."), text, StringComparison.Ordinal);
        Assert.Contains("Épuisée", text, StringComparison.Ordinal);
        Assert.Contains("Hugo du quartier", text, StringComparison.Ordinal);
        Assert.Contains("Bravo !", text, StringComparison.Ordinal);
        Assert.Contains("Anonyme", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Léa", text, StringComparison.Ordinal);
        Assert.Equal("62", panel.QuerySelector("progress")?.GetAttribute("value"));
        Assert.NotNull(panel.QuerySelector($"a[href='{live.ContributePath}']"));

        // The API says the same, from the same ledger.
        var single = await JsonAsync(browser, $"/api/v1/projects/{projectId}");
        var funding = single.GetProperty("funding");
        Assert.Equal(200_00, funding.GetProperty("goalCents").GetInt64());
        Assert.Equal(totals.RaisedCents, funding.GetProperty("raisedCents").GetInt64());
        Assert.Equal(50_00, funding.GetProperty("matchedCents").GetInt64());
        Assert.Equal(2, funding.GetProperty("contributors").GetInt32());
        Assert.Equal("AllOrNothing", funding.GetProperty("mode").GetString());
        Assert.Equal("Live", funding.GetProperty("status").GetString());

        var list = await JsonAsync(browser, $"/api/v1/municipalities/{live.City.Slug}/projects?pageSize=100");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        var listed = items.Single(i => i.GetProperty("id").GetInt64() == projectId);
        Assert.Equal(totals.RaisedCents, listed.GetProperty("funding").GetProperty("raisedCents").GetInt64());
        Assert.Equal(JsonValueKind.Null, items.Single(i => i.GetProperty("id").GetInt64() == withoutCampaign.Id).GetProperty("funding").ValueKind);
    }

    [Fact]
    public async Task ADraftCampaign_IsNeitherOnThePageNorInTheApi_ButTheHolderGetsTheLink()
    {
        var city = await app.Given.City();
        var holderAccount = await app.Given.Citizen();
        var prepared = await app.Given.Campaign(city, holderAccount, new CampaignSpec { Title = "Un jardin (brouillon de campagne)", State = CampaignState.Prepared });
        var projectId = prepared.Project.Id;

        using var anonymous = app.NewBrowser();
        var page = await ProjectPageAsync(anonymous, city.Slug, projectId);
        Assert.Null(page.Document.QuerySelector("#financement"));
        var json = await JsonAsync(anonymous, $"/api/v1/projects/{projectId}");
        Assert.Equal(JsonValueKind.Null, json.GetProperty("funding").ValueKind);

        using var holder = await app.SignedInAsync(holderAccount.Email);
        page = await ProjectPageAsync(holder, city.Slug, projectId);
        Assert.NotNull(page.Document.QuerySelector($"a[href='/{city.Slug}/projets/{projectId}/campagne']"));
    }

    [Fact]
    public async Task TheProjectPage_SendsAFixedNumberOfSqlCommands_WithZeroOrThirtyContributions()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (requêtes)", goalCents: 5_000_00, matchCapCents: 1_000_00, tierQuantity: 40);
        var (campaignId, _, projectId) = live;
        using var browser = app.NewBrowser();
        var before = await CountAsync(browser, live.City.Slug, projectId);
        var donors = new[] { await app.DonorAsync(), await app.DonorAsync() };

        for (var i = 0; i < 30; i++)
        {
            var started = await app.WithServiceAsync<CampaignMoney, ContributionStarted>(m => m.StartAsync(
                campaignId, donors[i % donors.Length], new ContributionRequest(10_00 + i, null, i % 2 == 0, $"Voisin {i}", $"Message {i}", $"count-{i}", null), id => $"/retour/{id}", null, CancellationToken.None));
            var payment = await app.WithDbAsync(db => db.Contributions.Where(c => c.Id == started.ContributionId).Select(c => c.ProviderPaymentId!).SingleAsync());
            await app.WithServiceAsync<SandboxPaymentProvider, SandboxPaymentStatus>(s => s.PayAsync(payment, Accepted, CancellationToken.None));
        }

        await app.RunJobsAsync();
        Assert.Equal(30, await app.WithDbAsync(db => db.Contributions.CountAsync(c => c.CampaignId == campaignId && c.Status == ContributionStatus.Succeeded)));
        var after = await CountAsync(browser, live.City.Slug, projectId);

        Assert.Equal(before, after);
        Assert.Equal(ProjectPageCommands, after);
        var page = await ProjectPageAsync(browser, live.City.Slug, projectId);
        Assert.Equal(FundingPanel.ShownContributors, page.Document.QuerySelectorAll(".funding-contributors li").Length);
    }

    /// <summary>The project page with a launched campaign, read anonymously (also in QueryCountTests).</summary>
    private const int ProjectPageCommands = 13;

    private async Task<int> CountAsync(TestBrowser browser, string citySlug, long projectId)
    {
        await ProjectPageAsync(browser, citySlug, projectId);
        var path = ProjectPageUrl(citySlug, projectId);
        app.SqlCommands.Reset();
        var page = await browser.GetAsync(await path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return app.SqlCommands.Count;
    }

    private async Task<string> ProjectPageUrl(string citySlug, long projectId)
    {
        var title = await app.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.Title).SingleAsync());
        return ProjectPaths.Page(citySlug, projectId, title);
    }

    private async Task<TestBrowser.Page> ProjectPageAsync(TestBrowser browser, string citySlug, long projectId)
    {
        var page = await browser.GetAsync(await ProjectPageUrl(citySlug, projectId));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page;
    }

    private static async Task<JsonElement> JsonAsync(TestBrowser browser, string url)
    {
        var response = await browser.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task ContributeAndPayAsync(long campaignId, long donor, long cents, long? tierId, string key, bool isAnonymous, string? publicName, string? message)
    {
        var started = await app.WithServiceAsync<CampaignMoney, ContributionStarted>(m => m.StartAsync(
            campaignId, donor, new ContributionRequest(cents, tierId, isAnonymous, publicName, message, key, null), id => $"/retour/{id}", null, CancellationToken.None));
        var payment = await app.WithDbAsync(db => db.Contributions.Where(c => c.Id == started.ContributionId).Select(c => c.ProviderPaymentId!).SingleAsync());
        Assert.Equal(SandboxPaymentStatus.Succeeded, await app.WithServiceAsync<SandboxPaymentProvider, SandboxPaymentStatus>(s => s.PayAsync(payment, Accepted, CancellationToken.None)));
        await app.RunJobsAsync();
    }

    private static string Collapse(string text) =>
        string.Join(' ', text.Replace('\u202F', ' ').Replace('\u00A0', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
