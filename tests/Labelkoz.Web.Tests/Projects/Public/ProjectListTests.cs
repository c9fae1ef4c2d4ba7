using System.Net;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Projects.Public;

public sealed class ProjectListTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task List_ShowsOnlyThisCitysPublicProjects()
    {
        var p = await PeopleAsync();
        var token = Given.Token();
        await app.CreateProjectAsync(p.City.Slug, $"Public {token}", new() { Holder = p.Holder.Email });
        await app.CreateProjectAsync(p.City.Slug, $"Brouillon {token}", new() { Holder = p.Holder.Email, State = TestState.Draft });
        await app.CreateProjectAsync(p.City.Slug, $"Masqué {token}", new() { Holder = p.Holder.Email, State = TestState.Hidden });
        await app.CreateProjectAsync(p.City.Slug, $"En attente {token}", new() { Holder = p.Holder.Email, State = TestState.AwaitingPublication });
        await app.CreateProjectAsync(p.City.Slug, $"Retiré {token}", new() { Holder = p.Holder.Email, State = TestState.Withdrawn });
        await app.CreateProjectAsync(p.Other.Slug, $"Ailleurs {token}", new() { Holder = p.Holder.Email });

        using var browser = app.NewBrowser();
        var page = await browser.GetAsync($"{p.City.Path}/projets?q={token}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal([$"Public {token}", $"Retiré {token}"], page.CardTitles().Order(StringComparer.Ordinal));
        Assert.Contains("2 projets", page.Document.QuerySelector("#titre-resultats")!.TextContent, StringComparison.Ordinal);
        page.AssertAccessibleStructure();
        Assert.Equal(4, page.Document.QuerySelectorAll("form[role=search] fieldset select").Length);
        Assert.NotNull(page.Document.QuerySelector("form[role=search] fieldset legend"));
        Assert.NotNull(page.Document.QuerySelector($"a[href='{p.City.Path}/projets/proposer']"));

        var elsewhere = await browser.GetAsync($"{p.Other.Path}/projets?q={token}");
        Assert.Equal([$"Ailleurs {token}"], elsewhere.CardTitles());
    }

    [Fact]
    public async Task Card_ShowsFirstImageSummaryCountsAndLinksToTheCanonicalPage()
    {
        var p = await PeopleAsync();
        var token = Given.Token();
        var project = await app.CreateProjectAsync(p.City.Slug, $"Carte {token}", new()
        {
            Holder = p.Holder.Email,
            Images = 3,
            Summary = "Un résumé qui donne envie.",
            Category = ProjectCategory.Sport,
            Neighbourhood = p.City.Neighbourhoods[0],
        });
        await app.Given.Supports(project, 2);
        await app.AddCommentsAsync(project.Id, 3, p.Holder.Email);

        using var browser = app.NewBrowser();
        var page = await browser.GetAsync($"{p.City.Path}/projets?q={token}");

        var card = Assert.Single(page.Document.QuerySelectorAll(".project-card"));
        Assert.Equal(project.Path, card.QuerySelector("h3 a")!.GetAttribute("href"));
        var image = card.QuerySelector("img")!;
        Assert.Equal($"Image 1 du projet Carte {token}", image.GetAttribute("alt"));
        Assert.StartsWith($"{p.City.Path}/projets/{project.Id}/images/", image.GetAttribute("src"), StringComparison.Ordinal);
        var text = string.Join(' ', card.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Un résumé qui donne envie.", text, StringComparison.Ordinal);
        Assert.Contains("Sport", text, StringComparison.Ordinal);
        Assert.Contains(p.City.Neighbourhoods[0], text, StringComparison.Ordinal);
        Assert.Contains("Déposé", text, StringComparison.Ordinal);
        Assert.Contains("2 soutiens", text, StringComparison.Ordinal);
        Assert.Contains("3 commentaires", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_ByCategoryNeighbourhoodAndStatus()
    {
        var p = await PeopleAsync();
        var token = Given.Token();
        await app.CreateProjectAsync(p.City.Slug, $"Sport Bas {token}", new() { Holder = p.Holder.Email, Category = ProjectCategory.Sport, Neighbourhood = p.City.Neighbourhoods[0] });
        await app.CreateProjectAsync(p.City.Slug, $"Sport Boissière {token}", new() { Holder = p.Holder.Email, Category = ProjectCategory.Sport, Neighbourhood = p.City.Neighbourhoods[1], State = TestState.InReview });
        await app.CreateProjectAsync(p.City.Slug, $"Culture Bas {token}", new() { Holder = p.Holder.Email, Category = ProjectCategory.Culture, Neighbourhood = p.City.Neighbourhoods[0] });
        using var browser = app.NewBrowser();
        var form = await browser.GetAsync($"{p.City.Path}/projets");
        var firstNeighbourhood = form.Document.QuerySelectorAll("#quartier option").Single(o => o.TextContent == p.City.Neighbourhoods[0]).GetAttribute("value");

        var sport = await browser.GetAsync($"{p.City.Path}/projets?q={token}&categorie=sport");
        Assert.Equal([$"Sport Bas {token}", $"Sport Boissière {token}"], sport.CardTitles().Order(StringComparer.Ordinal));
        Assert.NotNull(sport.Document.QuerySelector("#categorie option[value=sport][selected]"));

        var bas = await browser.GetAsync($"{p.City.Path}/projets?q={token}&quartier={firstNeighbourhood}");
        Assert.Equal([$"Culture Bas {token}", $"Sport Bas {token}"], bas.CardTitles().Order(StringComparer.Ordinal));

        var both = await browser.GetAsync($"{p.City.Path}/projets?q={token}&quartier={firstNeighbourhood}&categorie=Sport");
        Assert.Equal([$"Sport Bas {token}"], both.CardTitles());

        var inReview = await browser.GetAsync($"{p.City.Path}/projets?q={token}&statut=inreview");
        Assert.Equal([$"Sport Boissière {token}"], inReview.CardTitles());
    }

    [Fact]
    public async Task Filters_OnlyOfferStatusesAPublicProjectCanHave_AndIgnoreNonsense()
    {
        var p = await PeopleAsync();
        var token = Given.Token();
        await app.CreateProjectAsync(p.City.Slug, $"Un {token}", new() { Holder = p.Holder.Email });
        await app.CreateProjectAsync(p.City.Slug, $"Deux {token}", new() { Holder = p.Holder.Email, Category = ProjectCategory.Sport });
        using var browser = app.NewBrowser();
        var otherCitysNeighbourhood = await app.WithDbAsync(db => db.Neighbourhoods.Where(n => n.MunicipalityId == p.Other.Id).Select(n => n.Id).FirstAsync());

        var page = await browser.GetAsync($"{p.City.Path}/projets");
        var statuses = page.Document.QuerySelectorAll("#statut option").Select(o => o.GetAttribute("value")).Where(v => v != string.Empty).ToList();
        Assert.DoesNotContain("draft", statuses);
        Assert.Contains("submitted", statuses);
        Assert.Equal(Enum.GetValues<ProjectStatus>().Length - 1, statuses.Count);

        foreach (var nonsense in new[] { "categorie=nope", "categorie=1", "categorie=Sport,Culture", "statut=draft", "statut=42", "quartier=abc", $"quartier={otherCitysNeighbourhood}", "tri=%27", "quartier=-1" })
        {
            var result = await browser.GetAsync($"{p.City.Path}/projets?q={token}&{nonsense}");
            Assert.True(result.Status == HttpStatusCode.OK, nonsense);
            Assert.True(result.CardTitles().Count == 2, nonsense);
        }
    }

    [Theory]
    [InlineData("CAFE")]
    [InlineData("café")]
    [InlineData("Réparation")]
    [InlineData("reparation cafe")]
    [InlineData("  cafe,   REPARATION! ")]
    public async Task Search_IgnoresCaseAndAccents(string query)
    {
        var p = await PeopleAsync();
        var token = Given.Token();
        await app.CreateProjectAsync(p.City.Slug, $"Café réparation {token}", new() { Holder = p.Holder.Email });
        await app.CreateProjectAsync(p.City.Slug, $"Atelier couture {token}", new() { Holder = p.Holder.Email });

        using var browser = app.NewBrowser();
        var page = await browser.GetAsync($"{p.City.Path}/projets?q={Uri.EscapeDataString(query + " " + token.ToUpperInvariant())}");

        Assert.Equal([$"Café réparation {token}"], page.CardTitles());
    }

    [Fact]
    public async Task Search_RequiresEveryTerm_AndLooksIntoSummaryAndDescription()
    {
        var p = await PeopleAsync();
        var token = Given.Token();
        await app.CreateProjectAsync(p.City.Slug, $"Atelier vélo {token}", new() { Holder = p.Holder.Email, Description = "On y apprend la **mécanique**." });
        await app.CreateProjectAsync(p.City.Slug, $"Atelier couture {token}", new() { Holder = p.Holder.Email, Summary = "Des machines à coudre partagées." });
        using var browser = app.NewBrowser();

        Assert.Equal(2, (await browser.GetAsync($"{p.City.Path}/projets?q=atelier+{token}")).CardTitles().Count);
        Assert.Equal([$"Atelier vélo {token}"], (await browser.GetAsync($"{p.City.Path}/projets?q=atelier+velo+{token}")).CardTitles());
        Assert.Equal([$"Atelier vélo {token}"], (await browser.GetAsync($"{p.City.Path}/projets?q=MECANIQUE+{token}")).CardTitles());
        Assert.Equal([$"Atelier couture {token}"], (await browser.GetAsync($"{p.City.Path}/projets?q=coudre+{token}")).CardTitles());
        Assert.Empty((await browser.GetAsync($"{p.City.Path}/projets?q=velo+coudre+{token}")).CardTitles());
    }

    [Theory]
    [InlineData("%", 1)]
    [InlineData("'", 1)]
    [InlineData("_", 1)]
    [InlineData("\\", 1)]
    [InlineData("%_%", 1)]
    [InlineData("%' OR 1=1 --", 0)]
    [InlineData("<script>alert(1)</script>", 0)]
    public async Task Search_WithHostileInput_IsHarmless(string hostile, int expected)
    {
        var p = await PeopleAsync();
        var token = Given.Token();
        await app.CreateProjectAsync(p.City.Slug, $"Jardin {token}", new() { Holder = p.Holder.Email });
        using var browser = app.NewBrowser();

        var page = await browser.GetAsync($"{p.City.Path}/projets?q={Uri.EscapeDataString(token + " " + hostile)}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(expected, page.CardTitles().Count);
        Assert.DoesNotContain("<script>alert", page.Html, StringComparison.Ordinal);
        Assert.Equal(token + " " + hostile, page.Document.QuerySelector("#q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Search_With5000Characters_IsHarmless()
    {
        var p = await PeopleAsync();
        var token = Given.Token();
        await app.CreateProjectAsync(p.City.Slug, $"Potager {token}", new() { Holder = p.Holder.Email });
        using var browser = app.NewBrowser();

        var word = await browser.GetAsync($"{p.City.Path}/projets?q=" + new string('a', 5000));
        Assert.Equal(HttpStatusCode.OK, word.Status);
        Assert.Empty(word.CardTitles());
        Assert.Equal(ListModel.QueryMaxLength, word.Document.QuerySelector("#q")!.GetAttribute("value")!.Length);

        var punctuation = await browser.GetAsync($"{p.City.Path}/projets?q={token}+" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("%'_\\", 1250))));
        Assert.Equal(HttpStatusCode.OK, punctuation.Status);
        Assert.Equal([$"Potager {token}"], punctuation.CardTitles());

        var manyWords = await browser.GetAsync($"{p.City.Path}/projets?q={token}+" + Uri.EscapeDataString(string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"mot{i}"))));
        Assert.Equal(HttpStatusCode.OK, manyWords.Status);
        Assert.Empty(manyWords.CardTitles());
    }

    [Fact]
    public async Task Sort_ByMostSupported_ThenNewest()
    {
        var p = await PeopleAsync();
        var token = Given.Token();
        var start = DateTime.UtcNow.AddDays(-10);
        var none = await app.CreateProjectAsync(p.City.Slug, $"Aucun soutien {token}", new() { Holder = p.Holder.Email, At = start.AddDays(3) });
        var two = await app.CreateProjectAsync(p.City.Slug, $"Deux soutiens {token}", new() { Holder = p.Holder.Email, At = start });
        var one = await app.CreateProjectAsync(p.City.Slug, $"Un soutien {token}", new() { Holder = p.Holder.Email, At = start.AddDays(1) });
        var oneNewer = await app.CreateProjectAsync(p.City.Slug, $"Un soutien récent {token}", new() { Holder = p.Holder.Email, At = start.AddDays(2) });
        await app.Given.Supports(two, 2);
        await app.Given.Supports(one, 1);
        await app.Given.Supports(oneNewer, 1);
        using var browser = app.NewBrowser();

        var newest = await browser.GetAsync($"{p.City.Path}/projets?q={token}");
        Assert.Equal([none.Title, oneNewer.Title, one.Title, two.Title], newest.CardTitles());

        var supported = await browser.GetAsync($"{p.City.Path}/projets?q={token}&tri=soutiens");
        Assert.Equal([two.Title, oneNewer.Title, one.Title, none.Title], supported.CardTitles());
        Assert.NotNull(supported.Document.QuerySelector("#tri option[value=soutiens][selected]"));
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("&page=1", 1)]
    [InlineData("&page=2", 2)]
    [InlineData("&page=0", 1)]
    [InlineData("&page=-1", 1)]
    [InlineData("&page=abc", 1)]
    [InlineData("&page=1.5", 1)]
    [InlineData("&page=99999", 2)]
    [InlineData("&page=99999999999999999999", 1)]
    public async Task Pagination_ClampsThePageNumber(string pageQuery, int expectedPage)
    {
        var p = await PeopleAsync();
        var token = Given.Token();
        var start = DateTime.UtcNow.AddDays(-30);
        for (var i = 0; i < 13; i++)
        {
            await app.CreateProjectAsync(p.City.Slug, $"Projet {i:D2} {token}", new() { Holder = p.Holder.Email, At = start.AddHours(i) });
        }

        using var browser = app.NewBrowser();
        var page = await browser.GetAsync($"{p.City.Path}/projets?q={token}{pageQuery}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("13 projets", page.Document.QuerySelector("#titre-resultats")!.TextContent, StringComparison.Ordinal);
        var titles = page.CardTitles();
        Assert.Equal(expectedPage == 1 ? 12 : 1, titles.Count);
        Assert.Equal(expectedPage == 1 ? $"Projet 12 {token}" : $"Projet 00 {token}", titles[0]);
        var current = Assert.Single(page.Document.QuerySelectorAll(".pagination a[aria-current=page]"));
        Assert.EndsWith(expectedPage.ToString(System.Globalization.CultureInfo.InvariantCulture), current.TextContent.Trim(), StringComparison.Ordinal);
        var links = page.Document.QuerySelectorAll(".pagination a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.All(links, href => Assert.Contains($"q={token}", href, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownCity_Gives404()
    {
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync("/ville-inconnue/projets");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    /// <summary>A city with its projects' holder, and another city.</summary>
    private async Task<(TestCity City, TestUser Holder, TestCity Other)> PeopleAsync() =>
        (await app.Given.City(), await app.Given.Citizen(), await app.Given.City());
}
