using System.Net;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Tests.Infrastructure;

namespace Labelkoz.Web.Tests.Projects.Public;

public sealed class ProjectPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Page_ShowsTheWholeProject_WithoutTheHoldersEmail()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var project = await app.CreateProjectAsync(city.Slug, "Le jardin des Murs-à-pêches", new()
        {
            Holder = holder.Email,
            Summary = "Cultiver ensemble une parcelle historique.",
            Description = "## Pourquoi\n\nParce que **la terre** est là.",
            Category = ProjectCategory.Environment,
            Neighbourhood = city.Neighbourhoods[1],
            Images = 2,
            Budget = [("Outils", 120_050), ("Graines", 30_000)],
            Support = [(CommitmentKind.Land, "Une parcelle de 200 m²"), (CommitmentKind.Communication, null)],
            HolderType = HolderType.Association,
            Organisation = "Les Amis des Murs",
            Rna = "W931234567",
        });
        await app.Given.Supports(project, 3);

        using var browser = app.NewBrowser();
        var page = await browser.GetAsync(project.Path);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Le jardin des Murs-à-pêches", Assert.Single(page.Document.QuerySelectorAll("h1")).TextContent.Trim());
        var text = page.MainText;
        Assert.Contains("Cultiver ensemble une parcelle historique.", text, StringComparison.Ordinal);
        Assert.Contains($"Les Amis des Murs (Association), représenté par {holder.DisplayName}", text, StringComparison.Ordinal);
        Assert.DoesNotContain(holder.Email, page.Html, StringComparison.Ordinal);
        Assert.Contains($"{city.Name}, quartier {city.Neighbourhoods[1]}", text, StringComparison.Ordinal);
        Assert.Contains("Environnement", text, StringComparison.Ordinal);
        Assert.Contains("Déposé", text, StringComparison.Ordinal);
        Assert.Equal("la terre", page.Document.QuerySelector(".project-description strong")!.TextContent);
        Assert.NotNull(page.Document.QuerySelector(".project-description h2"));

        var images = page.Document.QuerySelectorAll(".project-gallery img");
        Assert.Equal(["Image 1 du projet Le jardin des Murs-à-pêches", "Image 2 du projet Le jardin des Murs-à-pêches"], images.Select(i => i.GetAttribute("alt")));

        var budget = page.Document.QuerySelector(".budget-table")!;
        Assert.Equal(["Outils", "Graines", "Total"], budget.QuerySelectorAll("th[scope=row]").Select(th => th.TextContent.Trim()));
        Assert.Contains("1 500,50", budget.QuerySelector("tfoot")!.TextContent.Replace('\u202F', ' ').Replace('\u00A0', ' '), StringComparison.Ordinal);

        Assert.Contains("Terrain — Une parcelle de 200 m²", text, StringComparison.Ordinal);
        Assert.Contains("Communication", page.Document.QuerySelector(".requested-support")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("3 soutiens", page.Document.QuerySelector(".support-count")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Déposé", page.Document.QuerySelector(".timeline")!.TextContent, StringComparison.Ordinal);

        var share = page.Document.QuerySelector("input#lien-partage")!;
        Assert.Equal("https://localhost" + project.Path, share.GetAttribute("value"));
        Assert.True(share.HasAttribute("readonly"));
        Assert.NotNull(page.Document.QuerySelector("label[for=lien-partage]"));
        Assert.NotNull(page.Document.QuerySelector("a[href^='mailto:?subject=']"));

        // Anonymous visitors are invited to log in, and come back here afterwards.
        Assert.NotNull(page.Document.QuerySelector($"#soutien a[href='/compte/connexion?returnUrl={Uri.EscapeDataString(project.Path)}']"));
    }

    [Fact]
    public async Task Timeline_ShowsPublicStepsWithTheirPublicReason_NotInternalOnes()
    {
        var city = await app.Given.City();
        var project = await app.CreateProjectAsync(city.Slug, "Un projet retiré", new() { Holder = (await app.Given.Citizen()).Email, State = TestState.Withdrawn });

        using var browser = app.NewBrowser();
        var page = await browser.GetAsync(project.Path);

        var steps = page.Document.QuerySelectorAll(".timeline li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, steps.Count);
        Assert.Contains("Déposé", steps[0], StringComparison.Ordinal);
        Assert.Contains("Retiré", steps[1], StringComparison.Ordinal);
        Assert.Contains("Le porteur a déménagé", steps[1], StringComparison.Ordinal);
        Assert.Contains("Ce projet ne reçoit plus de soutiens.", page.MainText, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#soutien-form"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("-ancien-titre")]
    [InlineData("-UN-ATELIER-VELO")]
    public async Task WrongOrMissingTitleSlug_RedirectsPermanentlyToTheCanonicalAddress(string suffix)
    {
        var city = await app.Given.City();
        var project = await app.CreateProjectAsync(city.Slug, "Un atelier vélo", new() { Holder = (await app.Given.Citizen()).Email });
        Assert.EndsWith("-un-atelier-velo", project.Path, StringComparison.Ordinal);

        using var browser = app.NewBrowser();
        var page = await browser.GetAsync($"{city.Path}/projets/{project.Id}{suffix}");

        Assert.Equal(HttpStatusCode.MovedPermanently, page.Status);
        Assert.Equal(project.Path, page.Location);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(project.Path)).Status);
    }

    [Fact]
    public async Task AnotherCitysProject_UnderThisCitysAddress_IsNotFound()
    {
        var (city, other) = await app.Given.TwoCities();
        var project = await app.CreateProjectAsync(city.Slug, "Un projet de la ville", new() { Holder = (await app.Given.Citizen()).Email });

        using var browser = app.NewBrowser();
        var page = await browser.GetAsync($"{other.Path}/projets/{project.Id}-un-projet-de-la-ville");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.DoesNotContain("Un projet de la ville", page.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/projets/0")]
    [InlineData("/projets/999999999")]
    [InlineData("/projets/99999999999999999999999")]
    [InlineData("/projets/abc")]
    [InlineData("/projets/12abc")]
    public async Task UnknownProject_Gives404(string url)
    {
        var city = await app.Given.City();
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync(city.Path + url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Theory]
    [InlineData(TestState.Hidden)]
    [InlineData(TestState.Draft)]
    [InlineData(TestState.AwaitingPublication)]
    public async Task NonPublicProject_IsNotFoundForOthers_ButShownToItsHolderWithANotice(TestState state)
    {
        var city = await app.Given.City();
        var (holder, someoneElse) = (await app.Given.Citizen(), await app.Given.Citizen());
        var project = await app.CreateProjectAsync(city.Slug, $"Projet non public {state}", new() { State = state, Holder = holder.Email });

        using var anonymous = app.NewBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(project.Path)).Status);

        using var hugo = await app.SignedInAsync(someoneElse.Email);
        var refused = await hugo.GetAsync(project.Path);
        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.DoesNotContain($"Projet non public {state}", refused.Html, StringComparison.Ordinal);

        using var camille = await app.SignedInAsync(holder.Email);
        var own = await camille.GetAsync(project.Path);
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Contains("Ce projet n'est pas public", own.MainText, StringComparison.Ordinal);
        Assert.Null(own.Document.QuerySelector("#soutien-form"));
    }

    [Fact]
    public async Task HostileDescription_IsRenderedHarmless()
    {
        var city = await app.Given.City();
        var project = await app.CreateProjectAsync(city.Slug, "Un projet piégé", new()
        {
            Holder = (await app.Given.Citizen()).Email,
            Description = "Avant <script>alert('x')</script> après\n\n[clic](javascript:alert(1)) et <img src=x onerror=alert(1)> [ok](https://example.org)",
        });

        using var browser = app.NewBrowser();
        var page = await browser.GetAsync(project.Path);

        var description = page.Document.QuerySelector(".project-description")!;
        Assert.Empty(page.Document.QuerySelectorAll("main script, main img[onerror]"));
        Assert.DoesNotContain(description.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? string.Empty).Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(description.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        var link = Assert.Single(description.QuerySelectorAll("a[href='https://example.org']"));
        Assert.Equal("nofollow noopener", link.GetAttribute("rel"));
    }

    [Fact]
    public async Task HostileTitle_IsEncoded()
    {
        var city = await app.Given.City();
        var project = await app.CreateProjectAsync(city.Slug, "<script>alert(1)</script> Projet", new() { Holder = (await app.Given.Citizen()).Email });

        using var browser = app.NewBrowser();
        var page = await browser.GetAsync(project.Path);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("<script>alert(1)</script> Projet", page.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Empty(page.Document.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task Page_WithCommentsAndEveryForm_HasAnAccessibleStructure()
    {
        var city = await app.Given.City();
        var (holder, other) = (await app.Given.Citizen(), await app.Given.Citizen());
        var project = await app.CreateProjectAsync(city.Slug, "Un projet accessible", new() { Holder = holder.Email, Images = 2, Budget = [("Bancs", 50_000)] });
        await app.AddCommentsAsync(project.Id, 2, holder.Email, repliesEach: 1, replier: other.Email);
        await app.AddCommentsAsync(project.Id, 1, other.Email);
        using var camille = await app.SignedInAsync(holder.Email);

        var page = await camille.GetAsync(project.Path);

        page.AssertAccessibleStructure();
        Assert.NotEmpty(page.Document.QuerySelectorAll(".reply-form"));
        Assert.NotEmpty(page.Document.QuerySelectorAll(".edit-comment-form"));
        Assert.NotEmpty(page.Document.QuerySelectorAll(".report-comment-form"));
        using var anonymous = app.NewBrowser();
        (await anonymous.GetAsync(project.Path)).AssertAccessibleStructure();
    }
}
