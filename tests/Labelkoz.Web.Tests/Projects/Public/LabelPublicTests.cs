using System.Net;
using AngleSharp.Html.Dom;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Xunit.Abstractions;

namespace Labelkoz.Web.Tests.Projects.Public;

/// <summary>
/// What the public sees of the city's label: the badge and the commitments on the project page,
/// the compact badge on cards, the "labellisés" filter, revoked and lapsed labels, and the decisions
/// on the public timeline (never the review's internal moves, notes or proposals).
/// </summary>
public sealed class LabelPublicTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AProjectLabelledOnAnAgentsProposal_ShowsTheBadge_TheCommitmentsWithTheirValue_AndNoAgentName()
    {
        var city = await app.Given.City();
        var project = await LabelledOnProposalAsync(city, "Un parc de street-workout", LabelTestKit.SportsGroundTerms);
        using var browser = app.NewBrowser();

        var page = await browser.GetAsync(project.Path);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        var panel = page.Document.QuerySelector("section.label-panel")!;
        Assert.NotNull(panel);
        Assert.Equal($"Labellisé par la Ville de {city.Name}", TestKit.Flat(panel.QuerySelector("h2")!.TextContent).TrimStart('✓', ' '));
        Assert.Equal("titre-label", panel.QuerySelector("h2")!.Id);
        var text = TestKit.Flat(panel.TextContent);
        Assert.Contains("Label décerné le ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("valable jusqu'au", text, StringComparison.Ordinal);
        var commitments = panel.QuerySelectorAll(".label-commitments li").Select(li => TestKit.Flat(li.TextContent)).ToList();
        Assert.Equal(2, commitments.Count);
        Assert.StartsWith("Terrain Mise à disposition d'une parcelle de 300 m²", commitments[0], StringComparison.Ordinal);
        Assert.Contains("Valeur estimée : 15 000 €", commitments[0], StringComparison.Ordinal);
        Assert.StartsWith("Accompagnement par un agent Un agent du service des sports", commitments[1], StringComparison.Ordinal);
        Assert.Contains("Un agent référent de la ville suit le projet.", commitments[1], StringComparison.Ordinal);
        Assert.Contains("Valeur estimée : 3 000 €", commitments[1], StringComparison.Ordinal);
        Assert.Equal("Valeur estimée de l'ensemble des engagements : 18 000 €", TestKit.Flat(panel.QuerySelector(".label-total")!.TextContent));
        Assert.Contains("Le porteur présente un bilan d'étape au service concerné tous les six mois.", text, StringComparison.Ordinal);

        // The referent is the city's agent, but the public never learns who.
        Assert.DoesNotContain(city.Agent.DisplayName, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(city.Agent.Email, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(LabelTestKit.Note, page.Html, StringComparison.Ordinal);

        // The decision is on the timeline; the agent's proposal and the assignment are not.
        var steps = page.Document.QuerySelectorAll(".timeline li strong").Select(s => s.TextContent.Trim()).ToList();
        Assert.Equal(["Déposé", "Mis à l'étude par la ville", "Labellisé par la ville"], steps);
        Assert.DoesNotContain("Décision proposée", page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Suivi attribué", page.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMatchfundingLabel_SaysTheCityDoublesEveryDonation()
    {
        var city = await app.Given.City();
        var project = await LabelledOnProposalAsync(city, "Un jardin partagé", LabelTestKit.GardenTerms);
        using var browser = app.NewBrowser();

        var page = await browser.GetAsync(project.Path);

        var terms = page.Document.QuerySelectorAll(".label-commitment-terms").Select(t => TestKit.Flat(t.TextContent)).ToList();
        Assert.Equal(["La Ville double chaque don jusqu'à 5 000 €"], terms);
        var panel = TestKit.Flat(page.Document.QuerySelector(".label-panel")!.TextContent);
        Assert.Contains("Cofinancement", panel, StringComparison.Ordinal);
        Assert.Contains("Communication Annonce dans le journal municipal", panel, StringComparison.Ordinal);
        Assert.Contains("Valeur estimée de l'ensemble des engagements : 13 000 €", panel, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGrant_AndAMatchOfLessThanOneEuro_AreSpelledOut_WithTheValidityEnd()
    {
        var token = Given.Token();
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var granted = await app.CreateProjectAsync(city.Slug, $"Subventionné {token}", new() { Holder = holder.Email });
        var matched = await app.CreateProjectAsync(city.Slug, $"Abondé {token}", new() { Holder = holder.Email });
        var until = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(400));
        await app.LabelAsync(granted.Id, new LabelTerms(
            [new(CommitmentKind.CoFinancing, "Une aide au démarrage", CoFinancing: CoFinancingMode.Grant, GrantCents: 300_000)],
            until,
            null));
        await app.LabelAsync(matched.Id, LabelTestKit.Terms(
            new CommitmentTerms(CommitmentKind.CoFinancing, "Un coup de pouce", CoFinancing: CoFinancingMode.Matchfunding, MatchRatioPercent: 50, MatchCapCents: 200_050)));
        using var browser = app.NewBrowser();

        var grant = await browser.GetAsync(granted.Path);
        var match = await browser.GetAsync(matched.Path);

        Assert.Equal("Subvention de la Ville : 3 000 €", TestKit.Flat(grant.Document.QuerySelector(".label-commitment-terms")!.TextContent));
        Assert.Contains($"valable jusqu'au {until.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))}", TestKit.Flat(grant.Document.QuerySelector(".label-dates")!.TextContent), StringComparison.Ordinal);
        Assert.Equal("La Ville abonde chaque don : 0,50 € pour 1 €, jusqu'à 2 000,50 €", TestKit.Flat(match.Document.QuerySelector(".label-commitment-terms")!.TextContent));
    }

    [Fact]
    public async Task ARevokedLabel_ShowsWhenAndWhy_WithoutTheBadge_OnThePageTheCardsAndTheFilter()
    {
        var token = Given.Token();
        var city = await app.Given.City();
        var project = await app.CreateProjectAsync(city.Slug, $"Retiré {token}", new() { Holder = (await app.Given.Citizen()).Email });
        await app.LabelAsync(project.Id, LabelTestKit.Terms(LabelTestKit.Land()));
        await app.RevokeAsync(project.Id, "Le terrain n'est finalement pas disponible.");
        using var browser = app.NewBrowser();

        var page = await browser.GetAsync(project.Path);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector(".label-panel"));
        Assert.Null(page.Document.QuerySelector(".label-badge"));
        var notice = TestKit.Flat(page.Document.QuerySelector(".label-ended")!.TextContent);
        Assert.Matches(@"^Label retiré le \d{1,2} \p{L}+ \d{4} : Le terrain n'est finalement pas disponible\.", notice);
        Assert.DoesNotContain("Labellisé par la Ville de", page.MainText, StringComparison.Ordinal);
        var lastStep = TestKit.Flat(page.Document.QuerySelectorAll(".timeline li")[^1].TextContent);
        Assert.Contains("Label retiré par la ville", lastStep, StringComparison.Ordinal);
        Assert.Contains("Le terrain n'est finalement pas disponible.", lastStep, StringComparison.Ordinal);

        var list = await browser.GetAsync($"{city.Path}/projets?q={token}");
        Assert.Null(Assert.Single(list.Document.QuerySelectorAll(".project-card")).QuerySelector(".label-badge"));
        var filtered = await browser.GetAsync($"{city.Path}/projets?q={token}&labellises=1");
        Assert.Empty(filtered.CardTitles());
    }

    [Fact]
    public async Task ALapsedLabel_SaysItExpired_WithoutTheBadge()
    {
        var token = Given.Token();
        var city = await app.Given.City();
        var project = await app.CreateProjectAsync(city.Slug, $"Échu {token}", new() { Holder = (await app.Given.Citizen()).Email });
        await app.LabelThatLapsedAsync(project.Id, LabelTestKit.Terms(LabelTestKit.Land()));
        var until = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
        using var browser = app.NewBrowser();

        var page = await browser.GetAsync(project.Path);

        Assert.Null(page.Document.QuerySelector(".label-panel"));
        Assert.Null(page.Document.QuerySelector(".label-badge"));
        Assert.StartsWith($"Label arrivé à échéance le {until}", TestKit.Flat(page.Document.QuerySelector(".label-ended")!.TextContent), StringComparison.Ordinal);
        var list = await browser.GetAsync($"{city.Path}/projets?q={token}");
        Assert.Null(Assert.Single(list.Document.QuerySelectorAll(".project-card")).QuerySelector(".label-badge"));
    }

    [Fact]
    public async Task ADeclinedProject_ShowsTheDecisionAndItsPublicReason_OnTheTimeline()
    {
        var city = await app.Given.City();
        var project = await app.Given.Project(city, await app.Given.Citizen(), new Infrastructure.Builders.ProjectSpec
        {
            Title = "Une fête de quartier",
            State = ProjectState.Declined,
            DeclineReason = "La date proposée coïncide avec la fête de la ville, qui accueillera volontiers les associations du quartier.",
            Note = LabelTestKit.Note,
        });
        using var browser = app.NewBrowser();

        var page = await browser.GetAsync(project.Path);

        Assert.Null(page.Document.QuerySelector(".label-panel"));
        var last = TestKit.Flat(page.Document.QuerySelectorAll(".timeline li")[^1].TextContent);
        Assert.Contains("Non retenu par la ville", last, StringComparison.Ordinal);
        Assert.Contains("La date proposée coïncide avec la fête de la ville", last, StringComparison.Ordinal);
        Assert.DoesNotContain(LabelTestKit.Note, page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APendingProposal_IsNeverShownInPublic()
    {
        var city = await app.Given.City();
        var project = await PendingProposalAsync(city, "Un repair café mensuel");
        using var browser = app.NewBrowser();

        var page = await browser.GetAsync(project.Path);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector(".label-panel"));
        Assert.Null(page.Document.QuerySelector(".label-ended"));
        Assert.DoesNotContain("La salle polyvalente de la Croix-de-Chavaux", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Décision proposée", page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(LabelTestKit.Note, page.Html, StringComparison.Ordinal);
        var list = await browser.GetAsync($"{city.Path}/projets?q=repair");
        Assert.Null(Assert.Single(list.Document.QuerySelectorAll(".project-card")).QuerySelector(".label-badge"));
    }

    [Fact]
    public async Task Cards_CarryTheCompactBadge_OnTheListTheCityPageAndTheHomePage()
    {
        var token = Given.Token();
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var plain = await app.CreateProjectAsync(city.Slug, $"Simple {token}", new() { Holder = holder.Email });
        var labelled = await app.CreateProjectAsync(city.Slug, $"Labellisé {token}", new() { Holder = holder.Email, Images = 1 });
        await app.LabelAsync(labelled.Id, LabelTestKit.Terms(LabelTestKit.Land()));
        var park = await LabelledOnProposalAsync(city, "Un parc de street-workout", LabelTestKit.SportsGroundTerms);
        using var browser = app.NewBrowser();

        foreach (var url in new[] { $"{city.Path}/projets?q={token}", city.Path, "/" })
        {
            var page = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var cards = page.Document.QuerySelectorAll(".project-card").ToDictionary(c => c.QuerySelector("h3 a")!.TextContent.Trim());
            Assert.True(cards.ContainsKey($"Labellisé {token}"), url);
            Assert.Equal("✓ Labellisé par la Ville", TestKit.Flat(cards[$"Labellisé {token}"].QuerySelector(".label-badge")?.TextContent));
            Assert.Null(cards[$"Simple {token}"].QuerySelector(".label-badge"));
        }

        var list = await browser.GetAsync($"{city.Path}/projets?q=workout");
        var onProposal = list.Document.QuerySelectorAll(".project-card").Single(c => c.QuerySelector("h3 a")!.TextContent.Trim() == park.Title);
        Assert.NotNull(onProposal.QuerySelector(".label-badge"));
        Assert.Equal($"Simple {token}", plain.Title);
    }

    [Fact]
    public async Task TheLabelledFilter_KeepsOnlyActiveLabels_AndCombinesWithTheOtherFilters()
    {
        var token = Given.Token();
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var sport = await app.CreateProjectAsync(city.Slug, $"Sport labellisé {token}", new() { Holder = holder.Email, Category = ProjectCategory.Sport });
        var culture = await app.CreateProjectAsync(city.Slug, $"Culture labellisée {token}", new() { Holder = holder.Email, Category = ProjectCategory.Culture });
        await app.CreateProjectAsync(city.Slug, $"Sport simple {token}", new() { Holder = holder.Email, Category = ProjectCategory.Sport });
        var lapsed = await app.CreateProjectAsync(city.Slug, $"Sport échu {token}", new() { Holder = holder.Email, Category = ProjectCategory.Sport });
        var streetWorkout = await LabelledOnProposalAsync(city, "Un parc de street-workout", LabelTestKit.SportsGroundTerms);
        var sharedGarden = await LabelledOnProposalAsync(city, "Un jardin partagé rue de la Fontaine", LabelTestKit.GardenTerms);
        await PendingProposalAsync(city, "Un repair café mensuel");
        await app.LabelAsync(sport.Id, LabelTestKit.Terms(LabelTestKit.Land()));
        await app.LabelAsync(culture.Id, LabelTestKit.Terms(LabelTestKit.Land()));
        await app.LabelThatLapsedAsync(lapsed.Id, LabelTestKit.Terms(LabelTestKit.Land()));
        using var browser = app.NewBrowser();

        var all = await browser.GetAsync($"{city.Path}/projets?q={token}");
        var labelled = await browser.GetAsync($"{city.Path}/projets?q={token}&labellises=1");
        var labelledSport = await browser.GetAsync($"{city.Path}/projets?q={token}&labellises=1&categorie=sport");
        var everyLabelled = await browser.GetAsync($"{city.Path}/projets?labellises=1");
        var park = await browser.GetAsync($"{city.Path}/projets?labellises=1&q=street");
        var garden = await browser.GetAsync($"{city.Path}/projets?labellises=1&q=fontaine");
        var repairCafe = await browser.GetAsync($"{city.Path}/projets?labellises=1&q=repair");

        Assert.Equal(4, all.CardTitles().Count);
        Assert.False(((IHtmlInputElement)all.Document.QuerySelector("input#labellises")!).IsChecked);
        Assert.Equal([$"Culture labellisée {token}", $"Sport labellisé {token}"], labelled.CardTitles().Order(StringComparer.Ordinal));
        Assert.True(((IHtmlInputElement)labelled.Document.QuerySelector("input#labellises")!).IsChecked);
        Assert.NotNull(labelled.Document.QuerySelector("label[for=labellises]"));
        Assert.NotNull(labelled.Document.QuerySelector($"a[href='{city.Path}/projets']"));
        Assert.Equal([$"Sport labellisé {token}"], labelledSport.CardTitles());
        Assert.Equal([streetWorkout.Title], park.CardTitles());
        Assert.Equal([sharedGarden.Title], garden.CardTitles());
        Assert.Empty(repairCafe.CardTitles());
        Assert.NotEmpty(everyLabelled.CardTitles());
        Assert.All(everyLabelled.Document.QuerySelectorAll(".project-card"), card => Assert.NotNull(card.QuerySelector(".label-badge")));
        labelled.AssertAccessibleStructure();
    }

    [Fact]
    public async Task TheLabelledFilter_IsKeptByThePagination()
    {
        var token = Given.Token();
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        for (var i = 0; i < 13; i++)
        {
            var project = await app.CreateProjectAsync(city.Slug, $"Page {i} {token}", new() { Holder = holder.Email });
            await app.LabelAsync(project.Id, LabelTestKit.Terms(LabelTestKit.Land()));
        }

        using var browser = app.NewBrowser();
        var first = await browser.GetAsync($"{city.Path}/projets?q={token}&labellises=1");

        var next = first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("labellises=1", next, StringComparison.Ordinal);
        var second = await browser.GetAsync(next);
        Assert.Single(second.CardTitles());
    }

    [Fact]
    public async Task ThePagesSendAFixedNumberOfSqlCommands_WithOneOrManyLabelsAndCommitments()
    {
        var token = Given.Token();
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var small = await app.CreateProjectAsync(city.Slug, $"Un engagement {token}", new() { Holder = holder.Email });
        await app.LabelAsync(small.Id, LabelTestKit.Terms(LabelTestKit.Land()));
        var big = await app.CreateProjectAsync(city.Slug, $"Vingt engagements {token}", new() { Holder = holder.Email });
        await app.LabelAsync(big.Id, LabelTestKit.Terms([.. Enumerable.Range(0, 20).Select(i => i == 0
            ? new CommitmentTerms(CommitmentKind.CoFinancing, "Abondement", CoFinancing: CoFinancingMode.Matchfunding, MatchRatioPercent: 100, MatchCapCents: 100_000)
            : new CommitmentTerms(i % 2 == 0 ? CommitmentKind.Expertise : CommitmentKind.Equipment, $"Engagement {i}", 10_000 + i))]));
        using var browser = app.NewBrowser();
        var urls = new[] { $"{city.Path}/projets?q={token}", $"{city.Path}/projets?q={token}&labellises=1", city.Path, "/" };

        var smallPage = await CountAsync(browser, small.Path);
        var bigPage = await CountAsync(browser, big.Path);
        var before = new Dictionary<string, int>();
        foreach (var url in urls)
        {
            before[url] = await CountAsync(browser, url);
        }

        for (var i = 0; i < 12; i++)
        {
            var more = await app.CreateProjectAsync(city.Slug, $"Encore {i} {token}", new() { Holder = holder.Email, Images = 1 });
            await app.LabelAsync(more.Id, LabelTestKit.Terms(LabelTestKit.Land(), new CommitmentTerms(CommitmentKind.Expertise, "Suivi", 5_000)));
        }

        Assert.Equal(smallPage, bigPage);
        Assert.InRange(bigPage, 1, 10);
        Assert.Equal(20, (await browser.GetAsync(big.Path)).Document.QuerySelectorAll(".label-commitments li").Length);
        foreach (var (url, count) in before)
        {
            var after = await CountAsync(browser, url);
            Assert.True(after == count, $"{url}: {count} SQL commands before, {after} after adding labelled projects.");
            Assert.InRange(after, 1, 10);
        }
    }

    /// <summary>A project the agent reviewed (with <see cref="LabelTestKit.Note"/>) then labelled on the admin's confirmation.</summary>
    private async Task<TestProject> LabelledOnProposalAsync(TestCity city, string title, LabelTerms terms) =>
        await app.Given.Project(city, await app.Given.Citizen(), new Infrastructure.Builders.ProjectSpec
        {
            Title = title,
            Category = ProjectCategory.Sport,
            State = ProjectState.LabelledOnProposal,
            Label = terms,
            Note = LabelTestKit.Note,
        });

    /// <summary>The agent's label proposal (after their note), waiting for the admin's confirmation.</summary>
    private async Task<TestProject> PendingProposalAsync(TestCity city, string title) =>
        await app.Given.Project(city, await app.Given.Citizen(), new Infrastructure.Builders.ProjectSpec
        {
            Title = title,
            State = ProjectState.LabelProposed,
            Label = LabelTestKit.RepairCafeTerms,
            Note = LabelTestKit.Note,
        });

    private async Task<int> CountAsync(TestBrowser browser, string url)
    {
        await browser.GetAsync(url);
        app.SqlCommands.Reset();
        var page = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var count = app.SqlCommands.Count;
        output.WriteLine($"SQL commands for {url}: {count}");
        return count;
    }
}
