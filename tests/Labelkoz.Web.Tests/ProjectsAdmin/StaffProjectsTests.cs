using System.Globalization;
using System.Net;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;

namespace Labelkoz.Web.Tests.ProjectsAdmin;

/// <summary>The city's staff read the projects submitted to their city, publish, hide and restore them.</summary>
public sealed class StaffProjectsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TheList_ShowsTheProjectsSubmittedToTheCity_NeitherDraftsNorOtherCities()
    {
        var (city, other) = await app.Given.TwoCities();
        var holder = await app.Given.Citizen();
        var word = Given.Token("Liste");
        var submitted = await app.Given.Project(city, holder, new ProjectSpec
        {
            Title = $"Verger {word}",
            Support = [(CommitmentKind.Premises, "Une salle le samedi"), (CommitmentKind.Communication, null)],
            Supporters = [city.Agent, await app.Given.Person()],
        });
        var awaiting = await app.Given.Project(city, holder, new ProjectSpec { Title = $"Ruche {word}", State = ProjectState.AwaitingPublication });
        var hidden = await app.Given.Project(city, holder, new ProjectSpec { Title = $"Banc {word}", State = ProjectState.Hidden, HiddenReason = "Propos injurieux" });
        var draft = await app.Given.Project(city, holder, new ProjectSpec { Title = $"Brouillon {word}", State = ProjectState.Draft });
        var elsewhere = await app.Given.Project(other, await app.Given.Citizen(), new ProjectSpec { Title = $"Ailleurs {word}" });
        using var agent = await app.SignedInAsync(city.Agent.Email);

        var page = await agent.GetAsync($"{city.AdminPath}/projets");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        Assert.Equal($"{city.AdminPath}/projets", page.Document.QuerySelector("nav.admin-nav a[aria-current=page]")!.GetAttribute("href"));
        var rows = page.Document.QuerySelectorAll("table.admin-projects tbody tr").Select(r => r.TextContent).ToList();
        var row = Assert.Single(rows, r => r.Contains($"Verger {word}", StringComparison.Ordinal));
        Assert.Contains("Environnement", row, StringComparison.Ordinal);
        Assert.Contains("Locaux, Communication", row, StringComparison.Ordinal);
        Assert.Contains("Public", row, StringComparison.Ordinal);
        Assert.Contains("aujourd'hui", row, StringComparison.Ordinal);
        Assert.Contains(holder.DisplayName, row, StringComparison.Ordinal);
        Assert.Contains(">2<", page.Document.QuerySelectorAll("table.admin-projects tbody tr").Single(r => r.TextContent.Contains($"Verger {word}", StringComparison.Ordinal)).InnerHtml, StringComparison.Ordinal);
        Assert.Contains("En attente de publication", Assert.Single(rows, r => r.Contains($"Ruche {word}", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("Masqué", Assert.Single(rows, r => r.Contains($"Banc {word}", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain(rows, r => r.Contains($"Brouillon {word}", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains($"Ailleurs {word}", StringComparison.Ordinal));
        Assert.NotNull(page.Document.QuerySelector($"a[href='{submitted.AdminPath}']"));
        Assert.NotNull(page.Document.QuerySelector($"a[href='{awaiting.AdminPath}']"));
        Assert.NotNull(page.Document.QuerySelector($"a[href='{hidden.AdminPath}']"));
        Assert.Null(page.Document.QuerySelector($"a[href='{draft.AdminPath}']"));
        Assert.Null(page.Document.QuerySelector($"a[href$='/admin/projets/{elsewhere.Id}']"));
    }

    [Fact]
    public async Task TheList_FiltersByStatusCategoryNeighbourhoodAndVisibility()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var word = Given.Token("Filtre");
        var (first, second) = (city.Neighbourhoods[0], city.Neighbourhoods[1]);
        await app.Given.Project(city, holder, new ProjectSpec { Title = $"Sport {word}", Category = ProjectCategory.Sport, Neighbourhood = first, State = ProjectState.InReview });
        await app.Given.Project(city, holder, new ProjectSpec { Title = $"Culture {word}", Category = ProjectCategory.Culture, Neighbourhood = second, State = ProjectState.AwaitingPublication });
        using var agent = await app.SignedInAsync(city.Agent.Email);
        var neighbourhoods = await app.WithDbAsync(db => Task.FromResult(db.Neighbourhoods.Where(n => n.MunicipalityId == city.Id).ToDictionary(n => n.Name, n => n.Id)));

        async Task<string> ListAsync(string query) => (await agent.GetAsync($"{city.AdminPath}/projets?" + query)).MainText;

        var bySport = await ListAsync("categorie=sport");
        Assert.Contains($"Sport {word}", bySport, StringComparison.Ordinal);
        Assert.DoesNotContain($"Culture {word}", bySport, StringComparison.Ordinal);

        var inReview = await ListAsync("statut=inreview");
        Assert.Contains($"Sport {word}", inReview, StringComparison.Ordinal);
        Assert.DoesNotContain($"Culture {word}", inReview, StringComparison.Ordinal);

        var bySecond = await ListAsync("quartier=" + neighbourhoods[second].ToString(CultureInfo.InvariantCulture));
        Assert.Contains($"Culture {word}", bySecond, StringComparison.Ordinal);
        Assert.DoesNotContain($"Sport {word}", bySecond, StringComparison.Ordinal);

        var awaiting = await ListAsync("visibilite=en-attente");
        Assert.Contains($"Culture {word}", awaiting, StringComparison.Ordinal);
        Assert.DoesNotContain($"Sport {word}", awaiting, StringComparison.Ordinal);

        // Nonsense is ignored, never an error.
        var nonsense = await agent.GetAsync($"{city.AdminPath}/projets?statut=draft&categorie=1&quartier=-4&visibilite=x&tri=y&page=99999999999");
        Assert.Equal(HttpStatusCode.OK, nonsense.Status);
        Assert.Contains($"Sport {word}", nonsense.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDetails_ShowEverythingTheHolderEntered_TheHoldersEmail_AndTheWholeHistory()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var id = (await app.Given.Project(city, holder, new ProjectSpec
        {
            Title = "Un four à pain de quartier",
            State = ProjectState.Hidden,
            Description = "## Pourquoi\n\nDu **pain** pour tous. <script>alert(1)</script>",
            Budget = [("Four", 250_000), ("Bois", 12_345)],
            Support = [(CommitmentKind.Land, "Un coin du square")],
            ImageAlts = ["Un four en briques dans un jardin"],
            HiddenReason = "Contenu en cours de vérification",
        })).Id;
        using var admin = await app.SignedInAsync(city.Admin.Email);

        var page = await admin.GetAsync($"{city.AdminPath}/projets/{id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        Assert.Equal($"{city.AdminPath}/projets", page.Document.QuerySelector("nav.admin-nav a[aria-current=page]")!.GetAttribute("href"));
        Assert.Equal("Un four à pain de quartier", page.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("pain", page.Document.QuerySelector(".project-description strong")?.TextContent);
        Assert.DoesNotContain("<script>alert(1)</script>", page.Html, StringComparison.Ordinal);
        var text = page.MainText;
        Assert.Contains(holder.DisplayName, text, StringComparison.Ordinal);
        Assert.Contains(holder.Email, text, StringComparison.Ordinal);
        Assert.Contains("Terrain : Un coin du square", text, StringComparison.Ordinal);
        Assert.Contains("2 500,00 €", text, StringComparison.Ordinal);
        Assert.Contains("2 623,45 €", text, StringComparison.Ordinal);
        Assert.Contains("Un four en briques dans un jardin", text, StringComparison.Ordinal);
        Assert.Contains("Contenu en cours de vérification", text, StringComparison.Ordinal);

        // The whole history, internal moves included, with who did them.
        var history = page.Document.QuerySelectorAll("#titre-historique ~ .table-wrap tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(history, r => r.Contains("Dépôt", StringComparison.Ordinal) && r.Contains(holder.DisplayName, StringComparison.Ordinal));
        Assert.Contains(history, r => r.Contains("Masquage", StringComparison.Ordinal) && r.Contains(city.Admin.DisplayName, StringComparison.Ordinal) && r.Contains("non (interne)", StringComparison.Ordinal));

        // The holder's postal address is not for staff to see.
        await app.GivePostalAddressAsync(holder.Email, "3 impasse des Secrets");
        var again = await admin.GetAsync($"{city.AdminPath}/projets/{id}");
        Assert.DoesNotContain("impasse des Secrets", again.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherCitysProject_OrADraft_IsNotFound_AndCannotBeChanged()
    {
        var (city, other) = await app.Given.TwoCities();
        var elsewhere = (await app.Given.Project(other, await app.Given.Citizen(), new ProjectSpec { Title = "Un projet de l'autre ville", State = ProjectState.AwaitingPublication })).Id;
        var draft = (await app.Given.Project(city, await app.Given.Citizen(), new ProjectSpec { Title = "Un brouillon de la ville", State = ProjectState.Draft })).Id;
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var tokenSource = await admin.GetAsync($"{city.AdminPath}/projets");
        var before = await app.ModerationSnapshotAsync(other.Slug);

        foreach (var id in new[] { elsewhere, draft, 987_654_321 })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{city.AdminPath}/projets/{id}")).Status);
            foreach (var handler in new[] { "Publish", "Hide", "Unhide" })
            {
                var post = await admin.PostAsync($"{city.AdminPath}/projets/{id}?handler={handler}", tokenSource, new Dictionary<string, string>
                {
                    ["projectVersion"] = "1",
                    ["reason"] = "Tentative",
                });
                Assert.Equal(HttpStatusCode.NotFound, post.Status);
            }
        }

        Assert.Equal(before, await app.ModerationSnapshotAsync(other.Slug));
        Assert.Null((await app.ProjectAsync(elsewhere)).PublishedAtUtc);
    }

    [Fact]
    public async Task Publishing_AProjectAwaitingPreModeration_MakesItPublic()
    {
        var city = await app.Given.City();
        var id = (await app.Given.Project(city, await app.Given.Citizen(), new ProjectSpec { Title = "Une grainothèque à la médiathèque", State = ProjectState.AwaitingPublication })).Id;
        using var visitor = app.NewBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Client.GetAsync($"/api/v1/projects/{id}")).StatusCode);
        using var agent = await app.SignedInAsync(city.Agent.Email);
        var page = await agent.GetAsync($"{city.AdminPath}/projets/{id}");
        Assert.Contains("En attente de publication", page.MainText, StringComparison.Ordinal);

        var published = await agent.SubmitAsync(page, "form#publier");

        Assert.Equal(HttpStatusCode.Redirect, published.Status);
        var after = await agent.FollowAsync(published);
        Assert.Contains("Le projet « Une grainothèque à la médiathèque » est publié", after.MainText, StringComparison.Ordinal);
        Assert.Null(after.Document.QuerySelector("form#publier"));
        var project = await app.ProjectAsync(id);
        Assert.True(project.IsPublic);
        Assert.Contains(project.History, e => e.Action == ProjectAction.Published && e.ByUserId == city.Agent.Id);
        Assert.Equal(HttpStatusCode.OK, (await visitor.Client.GetAsync($"/api/v1/projects/{id}")).StatusCode);

        // Publishing twice is refused with the domain's sentence, not an error page.
        var twice = await agent.PostAsync($"{city.AdminPath}/projets/{id}?handler=Publish", after, new Dictionary<string, string> { ["projectVersion"] = project.Version.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, twice.Status);
        Assert.Contains("Ce projet est déjà publié.", twice.ErrorSummary(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HidingAndRestoring_NeedAReason_AndAreRecorded()
    {
        var city = await app.Given.City();
        var id = (await app.Given.Project(city, await app.Given.Citizen(), new ProjectSpec { Title = "Un potager sur le toit du gymnase" })).Id;
        using var agent = await app.SignedInAsync(city.Agent.Email);
        var page = await agent.GetAsync($"{city.AdminPath}/projets/{id}");
        var before = await app.ProjectAsync(id);

        var noReason = await agent.SubmitAsync(page, "form#masquer", new Dictionary<string, string> { ["reason"] = "   " });

        Assert.Equal(HttpStatusCode.OK, noReason.Status);
        noReason.AssertAccessibleStructure();
        Assert.Contains("Indiquez le motif", noReason.ErrorSummary(), StringComparison.Ordinal);
        Assert.Contains("Indiquez le motif", noReason.FieldError("motif-erreur"), StringComparison.Ordinal);
        Assert.Equal(before.Version, (await app.ProjectAsync(id)).Version);

        var hidden = await agent.SubmitAsync(noReason, "form#masquer", new Dictionary<string, string> { ["reason"] = "Photo d'une personne sans son accord" });
        Assert.Equal(HttpStatusCode.Redirect, hidden.Status);
        var project = await app.ProjectAsync(id);
        Assert.NotNull(project.HiddenAtUtc);
        Assert.Equal("Photo d'une personne sans son accord", project.HiddenReason);
        using var visitor = app.NewBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Client.GetAsync($"/api/v1/projects/{id}")).StatusCode);

        var hiddenPage = await agent.FollowAsync(hidden);
        Assert.Contains("est masqué", hiddenPage.MainText, StringComparison.Ordinal);
        var unhideWithoutReason = await agent.SubmitAsync(hiddenPage, "form#retablir", new Dictionary<string, string> { ["reason"] = string.Empty });
        Assert.Equal(HttpStatusCode.OK, unhideWithoutReason.Status);
        Assert.Contains("Indiquez le motif", unhideWithoutReason.ErrorSummary(), StringComparison.Ordinal);
        Assert.NotNull((await app.ProjectAsync(id)).HiddenAtUtc);

        var restored = await agent.SubmitAsync(unhideWithoutReason, "form#retablir", new Dictionary<string, string> { ["reason"] = "Photo retirée par le porteur" });
        Assert.Equal(HttpStatusCode.Redirect, restored.Status);
        project = await app.ProjectAsync(id);
        Assert.True(project.IsPublic);
        Assert.Contains(project.History, e => e.Action == ProjectAction.Unhidden && e.Reason == "Photo retirée par le porteur" && !e.IsPublic);
        Assert.Equal(HttpStatusCode.OK, (await visitor.Client.GetAsync($"/api/v1/projects/{id}")).StatusCode);
    }

    [Fact]
    public async Task AStaleForm_IsRefusedWithAMessage_NotSavedOverAnotherDecision()
    {
        var city = await app.Given.City();
        var id = (await app.Given.Project(city, await app.Given.Citizen(), new ProjectSpec { Title = "Un terrain de pétanque" })).Id;
        using var first = await app.SignedInAsync(city.Agent.Email);
        using var second = await app.SignedInAsync(city.Admin.Email);
        var firstPage = await first.GetAsync($"{city.AdminPath}/projets/{id}");
        var secondPage = await second.GetAsync($"{city.AdminPath}/projets/{id}");

        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(firstPage, "form#masquer", new Dictionary<string, string> { ["reason"] = "Premier motif" })).Status);
        var late = await second.PostAsync($"{city.AdminPath}/projets/{id}?handler=Unhide", secondPage, new Dictionary<string, string>
        {
            ["projectVersion"] = secondPage.Document.QuerySelector("form#masquer input[name=projectVersion]")!.GetAttribute("value")!,
            ["reason"] = "Second motif",
        });

        Assert.Equal(HttpStatusCode.OK, late.Status);
        Assert.Contains("en même temps que vous", late.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal("Premier motif", (await app.ProjectAsync(id)).HiddenReason);
    }

    [Fact]
    public async Task AHandlerThePageDoesNotHave_IsNotFound_NeverAnError()
    {
        var city = await app.Given.City();
        var id = (await app.Given.Project(city, await app.Given.Citizen(), new ProjectSpec { Title = "Un projet aux adresses inventées" })).Id;
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var tokenSource = await admin.GetAsync($"{city.AdminPath}/projets");

        foreach (var url in new[] { $"{city.AdminPath}/projets", $"{city.AdminPath}/projets/{id}", $"{city.AdminPath}/moderation" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync(url, tokenSource, new Dictionary<string, string>())).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync(url + "?handler=Inconnu", tokenSource, new Dictionary<string, string>())).Status);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url + "?handler=Inconnu")).Status);
        }

        // A form with its fields missing or wrong is a 4xx, never an error page.
        foreach (var handler in new[] { "Publish", "Hide", "Unhide" })
        {
            var post = await admin.PostAsync($"{city.AdminPath}/projets/{id}?handler={handler}", tokenSource, new Dictionary<string, string> { ["projectVersion"] = "pas un nombre" });
            Assert.InRange((int)post.Status, 200, 499);
        }

        foreach (var handler in new[] { "Hide", "Restore", "Approve" })
        {
            var post = await admin.PostAsync($"{city.AdminPath}/moderation?handler={handler}", tokenSource, new Dictionary<string, string> { ["commentId"] = "x" });
            Assert.Equal(HttpStatusCode.BadRequest, post.Status);
        }
    }

    [Fact]
    public async Task TheList_SendsAFixedNumberOfSqlCommands_WhateverTheNumberOfProjects()
    {
        var city = await app.Given.City();
        var (holder, supporter) = (await app.Given.Citizen(), await app.Given.Person());
        await app.Given.Project(city, holder, new ProjectSpec { Title = "Projet de départ", Supporters = [supporter], ImageAlts = ["Une image"] });
        using var agent = await app.SignedInAsync(city.Agent.Email);
        var before = await CountAsync(agent, $"{city.AdminPath}/projets");
        for (var i = 0; i < 15; i++)
        {
            await app.Given.Project(city, holder, new ProjectSpec { Title = $"Projet en nombre {i}", Supporters = [supporter], ImageAlts = ["Une image"] });
        }

        var after = await CountAsync(agent, $"{city.AdminPath}/projets");

        Assert.Equal(before, after);

        // Ten, and the session's check against the account (ADR 19).
        Assert.InRange(after, 1, 11);
    }

    private async Task<int> CountAsync(TestBrowser browser, string url)
    {
        await browser.GetAsync(url);
        app.SqlCommands.Reset();
        var page = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return app.SqlCommands.Count;
    }
}
