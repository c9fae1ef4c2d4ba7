using System.Globalization;
using System.Net;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Funding.Campaigns;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// The holder's campaign pages through their HTML forms, as the holder: prepare (twice), configure,
/// tiers, launch, then the live campaign's limits; bad input never saves and never fails with a
/// 500; nobody else reaches the pages.
/// </summary>
public sealed class CampaignSetupTests(FundingApp app) : IClassFixture<FundingApp>
{
    [Fact]
    public async Task TheHolder_PreparesConfiguresAddsATierAndLaunches_ThroughTheForms()
    {
        // A city of over 50 000 inhabitants, subscribed on the plan its population suggests.
        var city = await app.Given.City(new CitySpec { Population = 60_000 });
        await app.Given.Subscription(city);
        var (holder, projectId) = await CreateLabelledProjectAsync("Un parc de street-workout (parcours)", city: city);
        using var browser = await app.SignedInAsync(holder.Email);
        var url = CampaignPaths.Setup(city.Slug, projectId);

        var page = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Préparer la campagne", page.MainText, StringComparison.Ordinal);

        // A double post (the same form sent twice) makes one campaign.
        var first = await browser.SubmitAsync(page, "form#preparer");
        var second = await browser.SubmitAsync(page, "form#preparer");
        Assert.True(first.IsRedirect && second.IsRedirect);
        Assert.Equal(1, await app.WithDbAsync(db => db.Campaigns.CountAsync(c => c.ProjectId == projectId)));

        page = await browser.GetAsync(url);
        var endDay = DateOnly.FromDateTime(Cultures.ToParis(app.Clock.GetUtcNow().UtcDateTime)).AddDays(30);
        var saved = await browser.SubmitAsync(page, "form#configuration", new Dictionary<string, string>
        {
            ["Config.Goal"] = "1 500",
            ["Config.EndDate"] = endDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Config.Mode"] = "KeepItAll",
            ["Config.Minimum"] = "5",
        });
        Assert.True(saved.IsRedirect, saved.MainText);

        page = await browser.GetAsync(url);
        saved = await browser.SubmitAsync(page, "form#nouvelle-contrepartie", new Dictionary<string, string>
        {
            ["NewTier.Title"] = "Un t-shirt du parc",
            ["NewTier.Description"] = "En coton bio.",
            ["NewTier.Minimum"] = "30",
            ["NewTier.Quantity"] = "50",
            ["NewTier.Value"] = "7,50",
            ["NewTier.DeliveryMonth"] = "2027-03",
        });
        Assert.True(saved.IsRedirect, saved.MainText);

        var campaign = await CampaignAsync(projectId);
        Assert.Equal(1_500_00, campaign.GoalCents);
        Assert.Equal(CampaignMode.KeepItAll, campaign.Mode);
        Assert.Equal(5_00, campaign.MinimumContributionCents);
        Assert.Equal(EndOfParisDay(endDay), campaign.EndsAtUtc);
        Assert.Equal(59, Cultures.ToParis(campaign.EndsAtUtc!.Value).Minute);
        var tier = Assert.Single(campaign.Tiers);
        Assert.Equal(("Un t-shirt du parc", 30_00L, (int?)50, 7_50L, (DateOnly?)new DateOnly(2027, 3, 1)), (tier.Title, tier.MinimumCents, tier.Quantity, tier.ValueCents, tier.DeliveryMonth));

        page = await browser.GetAsync(url);
        Assert.Contains("Une fois lancée, l'objectif, la date de fin et le mode ne pourront plus changer.", page.MainText, StringComparison.Ordinal);
        var launched = await browser.SubmitAsync(page, "form#lancer");
        Assert.True(launched.IsRedirect, launched.MainText);
        Assert.Equal(CampaignStatus.Live, (await CampaignAsync(projectId)).Status);

        // The fee is the city's plan's, frozen at launch: a city of over 50 000 inhabitants pays 4 %.
        var planFee = await app.WithDbAsync(db => (from s in db.Subscriptions.IgnoreQueryFilters() join p in db.Plans on s.PlanId equals p.Id where s.MunicipalityId == city.Id select p.FeeBasisPoints).SingleAsync());
        Assert.Equal(400, planFee);
        Assert.Equal(planFee, (await CampaignAsync(projectId)).FeeBasisPoints);
        Assert.Equal(ProjectStatus.Funding, await app.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.Status).SingleAsync()));

        // Launched: goal, end date and mode are read-only; a tier's quantity can still change.
        page = await browser.GetAsync(url);
        Assert.Null(page.Document.QuerySelector("form#configuration"));
        Assert.Null(page.Document.QuerySelector("form#lancer"));
        Assert.Contains("figés depuis le lancement", page.MainText, StringComparison.Ordinal);
        var changed = await browser.SubmitAsync(page, "form.quantity-form", new Dictionary<string, string> { ["tier.Quantity"] = "80" });
        Assert.True(changed.IsRedirect, changed.MainText);
        Assert.Equal(80, (await CampaignAsync(projectId)).Tiers.Single().Quantity);

        // A forged configure post on the live campaign is refused by the domain.
        var forged = await browser.PostAsync(url + "?handler=Configure", page, new Dictionary<string, string>
        {
            ["version"] = (await CampaignAsync(projectId)).Version.ToString(CultureInfo.InvariantCulture),
            ["Config.Goal"] = "100",
            ["Config.EndDate"] = endDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Config.Mode"] = "AllOrNothing",
        });
        Assert.Equal(HttpStatusCode.OK, forged.Status);
        Assert.Contains("figés depuis le lancement", forged.MainText, StringComparison.Ordinal);
        Assert.Equal(1_500_00, (await CampaignAsync(projectId)).GoalCents);

        // The holder's links: the project page and the contributions dashboard.
        var contributions = await browser.GetAsync(CampaignPaths.Contributions(city.Slug, projectId));
        Assert.Equal(HttpStatusCode.OK, contributions.Status);
        Assert.Contains("Aucune contribution pour l'instant.", contributions.MainText, StringComparison.Ordinal);
        var csv = await browser.Client.GetAsync(CampaignPaths.Contributions(city.Slug, projectId) + "?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("text/csv", csv.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", null, null, "L'objectif doit être compris entre")]
    [InlineData("-5", null, null, "Le montant ne peut pas être négatif.")]
    [InlineData("abc", null, null, "Saisissez un montant en euros")]
    [InlineData("99 999 999 999", null, null, "L'objectif doit être compris entre")]
    [InlineData("1000", -3, null, "La campagne doit durer au moins jusqu'à demain.")]
    [InlineData("1000", 100, null, "Une campagne dure au plus 90 jours.")]
    [InlineData("1000", null, "pas une date", "Saisissez une date au format jj/mm/aaaa")]
    [InlineData("1000", 20, "mode:Rien", "Choisissez le mode de la campagne")]
    public async Task BadCampaignTerms_AreExplainedOnTheForm_AndNothingIsSaved(string goal, int? days, string? special, string expected)
    {
        var (holder, projectId, slug) = await CreatePreparedCampaignAsync($"Un jardin (saisie {goal} {days} {special})");
        using var browser = await app.SignedInAsync(holder.Email);
        var url = CampaignPaths.Setup(slug, projectId);
        var today = DateOnly.FromDateTime(Cultures.ToParis(app.Clock.GetUtcNow().UtcDateTime));
        var endDate = special is "pas une date" ? special : today.AddDays(days ?? 20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var page = await browser.GetAsync(url);
        var result = await browser.SubmitAsync(page, "form#configuration", new Dictionary<string, string>
        {
            ["Config.Goal"] = goal,
            ["Config.EndDate"] = endDate,
            ["Config.Mode"] = special is "mode:Rien" ? "Rien" : "AllOrNothing",
        });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(expected, result.MainText, StringComparison.Ordinal);
        Assert.Contains(result.Document.QuerySelectorAll("#configuration .field-validation-error"), e => e.TextContent.Contains(expected, StringComparison.Ordinal));
        Assert.NotNull(result.Document.QuerySelector("#erreurs"));
        var campaign = await CampaignAsync(projectId);
        Assert.Equal(0, campaign.GoalCents);
        Assert.Null(campaign.EndsAtUtc);
    }

    [Theory]
    [InlineData("", "20", "", "0", "Le champ « Titre de la contrepartie » est obligatoire.")]
    [InlineData("Un badge", "20", "0", "0", "La quantité d'une contrepartie est comprise entre 1 et")]
    [InlineData("Un badge", "20", "", "25", "La valeur d'une contrepartie est comprise entre zéro et son montant minimal.")]
    [InlineData("Un badge", "abc", "", "0", "Saisissez un montant en euros")]
    [InlineData("Un badge", "0,50", "", "0", "Le montant minimal d'une contrepartie doit être compris entre")]
    public async Task BadTiers_AreExplainedOnTheForm_AndNothingIsSaved(string title, string minimum, string quantity, string value, string expected)
    {
        var (holder, projectId, slug) = await CreatePreparedCampaignAsync($"Un jardin (contrepartie {title} {minimum} {quantity} {value})");
        using var browser = await app.SignedInAsync(holder.Email);
        var page = await browser.GetAsync(CampaignPaths.Setup(slug, projectId));

        var result = await browser.SubmitAsync(page, "form#nouvelle-contrepartie", new Dictionary<string, string>
        {
            ["NewTier.Title"] = title,
            ["NewTier.Minimum"] = minimum,
            ["NewTier.Quantity"] = quantity,
            ["NewTier.Value"] = value,
        });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(expected, result.MainText, StringComparison.Ordinal);
        Assert.Contains(result.Document.QuerySelectorAll("#nouvelle-contrepartie .field-validation-error"), e => e.TextContent.Contains(expected, StringComparison.Ordinal));
        Assert.Empty((await CampaignAsync(projectId)).Tiers);

        // What was typed is kept.
        Assert.Equal(minimum, result.Document.QuerySelector("#NewTier_Minimum")?.GetAttribute("value"));
    }

    [Fact]
    public async Task AStaleVersion_IsRefusedWithAMessage_AndAMissingOneIsABadRequest()
    {
        var (holder, projectId, slug) = await CreatePreparedCampaignAsync("Un jardin (version)");
        using var browser = await app.SignedInAsync(holder.Email);
        var url = CampaignPaths.Setup(slug, projectId);
        var page = await browser.GetAsync(url);
        var endDate = DateOnly.FromDateTime(Cultures.ToParis(app.Clock.GetUtcNow().UtcDateTime)).AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string> { ["Config.Goal"] = "1000", ["Config.EndDate"] = endDate, ["Config.Mode"] = "AllOrNothing" };

        // Another tab saved a tier meanwhile: the configuration form still holds the old version.
        var tier = await browser.SubmitAsync(page, "form#nouvelle-contrepartie", new Dictionary<string, string> { ["NewTier.Title"] = "Un badge", ["NewTier.Minimum"] = "10" });
        Assert.True(tier.IsRedirect, tier.MainText);
        var stale = await browser.SubmitAsync(page, "form#configuration", fields);
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("La campagne a changé entre-temps", stale.MainText, StringComparison.Ordinal);
        Assert.Equal(0, (await CampaignAsync(projectId)).GoalCents);

        var missing = await browser.PostAsync(url + "?handler=Configure", page, fields);
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
    }

    [Fact]
    public async Task WithTheSandbox_NoAccountAtTheProcessorIsAsked_AndItsPageDoesNotExist()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var campaign = await app.Given.Campaign(city, holder, new CampaignSpec { Title = "Un jardin (bac à sable)", State = CampaignState.Draft });
        using var browser = await app.SignedInAsync(holder.Email);

        var page = await browser.GetAsync(CampaignPaths.Setup(city.Slug, campaign.Project.Id));
        Assert.DoesNotContain("Recevoir les fonds", page.MainText, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("form#lancer"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(CampaignPaths.PayeeAccount(city.Slug, campaign.Project.Id) + "?handler=Back")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.PostAsync(CampaignPaths.PayeeAccount(city.Slug, campaign.Project.Id), page, new Dictionary<string, string>())).Status);
    }

    [Fact]
    public async Task AnotherCitizen_AndTheCitysStaff_CannotReachTheHolderPages()
    {
        var city = await app.Given.City();
        var (_, projectId, _) = await CreatePreparedCampaignAsync("Un jardin (accès)", city);
        var setup = CampaignPaths.Setup(city.Slug, projectId);
        var contributions = CampaignPaths.Contributions(city.Slug, projectId);

        foreach (var email in new[] { (await app.Given.Citizen()).Email, city.Admin.Email, city.Agent.Email })
        {
            using var browser = await app.SignedInAsync(email);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(setup)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(contributions)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(contributions + "?handler=Csv")).Status);
            var home = await browser.FollowAsync(await browser.GetAsync($"/{city.Slug}/projets/{projectId}"));
            Assert.NotNull(home.AntiforgeryToken);
            var post = await browser.PostAsync(setup + "?handler=Launch", home, new Dictionary<string, string> { ["version"] = "1" });
            Assert.Equal(HttpStatusCode.NotFound, post.Status);
        }

        using var anonymous = app.NewBrowser();
        var anonymousPage = await anonymous.GetAsync(setup);
        Assert.True(anonymousPage.IsRedirect);
        Assert.Contains("/compte/connexion", anonymousPage.Location, StringComparison.Ordinal);
        Assert.Equal(CampaignStatus.Draft, (await CampaignAsync(projectId)).Status);
    }

    [Fact]
    public async Task AProjectThatCannotBeFunded_SaysWhy_AndOffersNoPreparation()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var project = await app.Given.Project(city, holder, new ProjectSpec { Title = "Un projet déposé (non labellisé)", State = ProjectState.Submitted });
        using var browser = await app.SignedInAsync(holder.Email);
        var page = await browser.GetAsync(CampaignPaths.Setup(city.Slug, project.Id));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("form#preparer"));
        Assert.Contains("ne peut pas encore être financé", page.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEndOfAParisDay_IsConvertedToUtc_AcrossDaylightSaving()
    {
        Assert.Equal(new DateTime(2027, 3, 28, 21, 59, 59, DateTimeKind.Utc), EndOfParisDay(new DateOnly(2027, 3, 28)));
        Assert.Equal(new DateTime(2027, 3, 27, 22, 59, 59, DateTimeKind.Utc), EndOfParisDay(new DateOnly(2027, 3, 27)));
        Assert.Equal(new DateTime(2027, 10, 31, 22, 59, 59, DateTimeKind.Utc), EndOfParisDay(new DateOnly(2027, 10, 31)));
    }

    private Task<Campaign> CampaignAsync(long projectId) =>
        app.WithDbAsync(db => db.Campaigns.AsNoTracking().Include(c => c.Tiers).SingleAsync(c => c.ProjectId == projectId));

    /// <summary>A project of a new citizen labelled by its city (a new one unless given), without a campaign yet.</summary>
    private async Task<(TestUser Holder, long ProjectId)> CreateLabelledProjectAsync(string title, TestCity? city = null)
    {
        city ??= await app.Given.City();
        var holder = await app.Given.Citizen();
        var project = await app.Given.Project(city, holder, new ProjectSpec { Title = title, State = ProjectState.Labelled });
        return (holder, project.Id);
    }

    /// <summary>The same, its campaign prepared by the holder and nothing more (no goal, no end date, no tier).</summary>
    private async Task<(TestUser Holder, long ProjectId, string CitySlug)> CreatePreparedCampaignAsync(string title, TestCity? city = null)
    {
        city ??= await app.Given.City();
        var holder = await app.Given.Citizen();
        var campaign = await app.Given.Campaign(city, holder, new CampaignSpec { Title = title, State = CampaignState.Prepared });
        return (holder, campaign.Project.Id, city.Slug);
    }

    private static DateTime EndOfParisDay(DateOnly day)
    {
        Assert.Equal(ParisInput.Read, ParisDates.EndOfDay(day, out var utc));
        return utc;
    }
}
