using System.Globalization;
using System.Net;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Funding.Campaigns;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Tests.CityAdmin;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// The holder's campaign pages through their HTML forms, as Camille: prepare (twice), configure,
/// tiers, launch, then the live campaign's limits; bad input never saves and never fails with a
/// 500; nobody else reaches the pages.
/// </summary>
public sealed class CampaignSetupTests(FundingApp app) : IClassFixture<FundingApp>
{
    [Fact]
    public async Task Camille_PreparesConfiguresAddsATierAndLaunches_ThroughTheForms()
    {
        var projectId = await CreateLabelledProjectAsync("Un parc de street-workout (parcours)");
        using var browser = app.NewBrowser();
        await browser.LogInAsync(StaffTestKit.Citizen);
        var url = CampaignPaths.Setup("montreuil", projectId);

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

        // The fee is the city's plan's, frozen at launch: Montreuil (over 50 000 inhabitants) pays 4 %.
        var planFee = await app.WithDbAsync(db => (from s in db.Subscriptions.IgnoreQueryFilters() join p in db.Plans on s.PlanId equals p.Id join m in db.Municipalities on s.MunicipalityId equals m.Id where m.Slug == "montreuil" select p.FeeBasisPoints).SingleAsync());
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
        var contributions = await browser.GetAsync(CampaignPaths.Contributions("montreuil", projectId));
        Assert.Equal(HttpStatusCode.OK, contributions.Status);
        Assert.Contains("Aucune contribution pour l'instant.", contributions.MainText, StringComparison.Ordinal);
        var csv = await browser.Client.GetAsync(CampaignPaths.Contributions("montreuil", projectId) + "?handler=Csv");
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
        var projectId = await CreateLabelledProjectAsync($"Un jardin (saisie {goal} {days} {special})", prepared: true);
        using var browser = app.NewBrowser();
        await browser.LogInAsync(StaffTestKit.Citizen);
        var url = CampaignPaths.Setup("montreuil", projectId);
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
        var projectId = await CreateLabelledProjectAsync($"Un jardin (contrepartie {title} {minimum} {quantity} {value})", prepared: true);
        using var browser = app.NewBrowser();
        await browser.LogInAsync(StaffTestKit.Citizen);
        var page = await browser.GetAsync(CampaignPaths.Setup("montreuil", projectId));

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
        var projectId = await CreateLabelledProjectAsync("Un jardin (version)", prepared: true);
        using var browser = app.NewBrowser();
        await browser.LogInAsync(StaffTestKit.Citizen);
        var url = CampaignPaths.Setup("montreuil", projectId);
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
    public async Task AnotherCitizen_AndTheCitysStaff_CannotReachTheHolderPages()
    {
        var projectId = await CreateLabelledProjectAsync("Un jardin (accès)", prepared: true);
        var setup = CampaignPaths.Setup("montreuil", projectId);
        var contributions = CampaignPaths.Contributions("montreuil", projectId);

        foreach (var email in new[] { "hugo@demo.labelkoz.fr", StaffTestKit.MontreuilAdmin, StaffTestKit.MontreuilAgent })
        {
            using var browser = app.NewBrowser();
            await browser.LogInAsync(email);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(setup)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(contributions)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(contributions + "?handler=Csv")).Status);
            var home = await browser.FollowAsync(await browser.GetAsync($"/montreuil/projets/{projectId}"));
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
        var projectId = await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var city = await db.Municipalities.SingleAsync(m => m.Slug == "montreuil");
            var holder = await db.Users.Where(u => u.Email == StaffTestKit.Citizen).Select(u => u.Id).SingleAsync();
            var project = Project.StartDraft(city.Id, holder, "Un projet déposé (non labellisé)", now);
            project.UpdateContent(holder, "Un projet déposé (non labellisé)", "Résumé.", "Description.", ProjectCategory.Sport, null, now);
            project.Submit(holder, ModerationMode.PostModeration, now);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            return project.Id;
        });
        using var browser = app.NewBrowser();
        await browser.LogInAsync(StaffTestKit.Citizen);
        var page = await browser.GetAsync(CampaignPaths.Setup("montreuil", projectId));
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

    /// <summary>A project of Camille's labelled by Montreuil, optionally with a prepared (draft) campaign.</summary>
    private Task<long> CreateLabelledProjectAsync(string title, bool prepared = false) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Slug == "montreuil");
            var holder = await db.Users.Where(u => u.Email == StaffTestKit.Citizen).Select(u => u.Id).SingleAsync();
            var admin = await db.Users.Where(u => u.Email == StaffTestKit.MontreuilAdmin).Select(u => u.Id).SingleAsync();
            var project = Project.StartDraft(city.Id, holder, title, now);
            project.UpdateContent(holder, title, "Un projet financé par les habitants.", "Une description.", ProjectCategory.Sport, null, now);
            project.Submit(holder, ModerationMode.PostModeration, now);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            project.TakeIntoReview(city, admin, null, now);
            project.ProposeLabel(city, admin, new LabelTerms([new CommitmentTerms(CommitmentKind.Land, "Une parcelle", null)], null, null), now);
            await db.SaveChangesAsync();
            if (prepared)
            {
                db.Campaigns.Add(Campaign.Prepare(project, city, holder, now));
                await db.SaveChangesAsync();
            }

            return project.Id;
        });

    private static DateTime EndOfParisDay(DateOnly day)
    {
        Assert.Equal(ParisInput.Read, ParisDates.EndOfDay(day, out var utc));
        return utc;
    }
}
