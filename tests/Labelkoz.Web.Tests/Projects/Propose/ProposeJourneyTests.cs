using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Projects.Propose;

/// <summary>A citizen proposes a project: draft, guided form, come back later, images, submission, withdrawal, "Mes projets".</summary>
public sealed class ProposeJourneyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Draft_EditedInEverySection_IsKept_ThenSubmitted_IsPublicUnderPostModeration()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        using var browser = await app.SignedInAsync(holder.Email);
        var start = await browser.GetAsync($"{city.Path}/projets/proposer");
        start.AssertAccessibleStructure();
        Assert.Contains($"Proposer un projet à {city.Name}", start.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var id = await browser.StartDraftAsync(city.Slug, "Jardin partagé");
        var draft = await app.ProjectAsync(id);
        Assert.Equal(ProjectStatus.Draft, draft.Status);
        Assert.Null(draft.PublishedAtUtc);

        var form = await browser.GetAsync(ProposeTestKit.EditUrl(city.Slug, id));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        form.AssertAccessibleStructure();
        Assert.Contains("Votre brouillon « Jardin partagé » est créé.", form.MainText, StringComparison.Ordinal);
        var firstNeighbourhood = form.Document.QuerySelectorAll<IHtmlOptionElement>("#Input_NeighbourhoodId option").Single(o => o.Text == city.Neighbourhoods[0]).Value;
        var fields = ProposeTestKit.Complete("Un jardin partagé rue de Paris");
        fields["Input.NeighbourhoodId"] = firstNeighbourhood;
        fields["Input.Address"] = "Square Marcel-Cachin";
        fields["Input.Latitude"] = "48,8566";
        fields["Input.Longitude"] = "2.4431";
        fields["Input.HolderType"] = nameof(HolderType.Association);
        fields["Input.OrganisationName"] = "Les Amis du Square";
        fields["Input.Rna"] = "w931234567";
        fields["Input.Siren"] = ProposeTestKit.ValidSiren;
        fields["Input.Lines[0].Label"] = "Bacs en bois";
        fields["Input.Lines[0].Amount"] = "1 250,50 €";
        fields["Input.Lines[1].Label"] = "Terreau";
        fields["Input.Lines[1].Amount"] = "300";
        fields["Input.Supports[0].Selected"] = "true";
        fields["Input.Supports[0].Details"] = "Une parcelle de 50 m²";
        fields["Input.Supports[5].Selected"] = "true";

        var saved = await browser.SubmitAsync(form, "form#projet", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(ProposeTestKit.EditUrl(city.Slug, id), saved.Location);
        var afterSave = await browser.FollowAsync(saved);
        Assert.Contains("Votre brouillon est enregistré.", afterSave.MainText, StringComparison.Ordinal);

        // Leave, then come back: everything is there.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/compte/mes-projets")).Status);
        var back = await browser.GetAsync(ProposeTestKit.EditUrl(city.Slug, id));
        Assert.DoesNotContain("Votre brouillon est enregistré.", back.MainText, StringComparison.Ordinal);
        Assert.Equal("Un jardin partagé rue de Paris", back.ValueOf("#Input_Title"));
        Assert.Equal("Des bacs de culture ouverts à tous les voisins.", back.ValueOf("#Input_Summary"));
        Assert.Contains("Des **bacs** en bois", back.ValueOf("#Input_Description"), StringComparison.Ordinal);
        Assert.Equal(nameof(ProjectCategory.Environment), back.ValueOf("#Input_Category"));
        Assert.Equal(firstNeighbourhood, back.ValueOf("#Input_NeighbourhoodId"));
        Assert.Equal("Square Marcel-Cachin", back.ValueOf("#Input_Address"));
        Assert.Equal("48,8566", back.ValueOf("#Input_Latitude"));
        Assert.Equal("2,4431", back.ValueOf("#Input_Longitude"));
        Assert.True(back.Document.QuerySelector<IHtmlInputElement>("#porteur-Association")!.IsChecked);
        Assert.False(back.Document.QuerySelector<IHtmlInputElement>("#porteur-Individual")!.IsChecked);
        Assert.Equal("Les Amis du Square", back.ValueOf("#Input_OrganisationName"));
        Assert.Equal("W931234567", back.ValueOf("#Input_Rna"));
        Assert.Equal(ProposeTestKit.ValidSiren, back.ValueOf("#Input_Siren"));
        Assert.Equal("Bacs en bois", back.ValueOf("#Input_Lines_0__Label"));
        Assert.Equal("1250,50", back.ValueOf("#Input_Lines_0__Amount"));
        Assert.Equal("Terreau", back.ValueOf("#Input_Lines_1__Label"));
        Assert.Equal("300", back.ValueOf("#Input_Lines_1__Amount"));
        Assert.Equal(string.Empty, back.ValueOf("#Input_Lines_2__Label"));
        Assert.Equal(5, back.Document.QuerySelectorAll(".propose-budget tbody tr").Length);
        Assert.Equal("1 550,50 €", ProposeTestKit.PlainSpaces(back.TextOf("budget-total")));
        Assert.True(back.Document.QuerySelector<IHtmlInputElement>("#soutien-Land")!.IsChecked);
        Assert.Equal("Une parcelle de 50 m²", back.ValueOf("#soutien-Land-precisions"));
        Assert.True(back.Document.QuerySelector<IHtmlInputElement>("#soutien-CoFinancing")!.IsChecked);
        Assert.False(back.Document.QuerySelector<IHtmlInputElement>("#soutien-Premises")!.IsChecked);

        // Saving the same form again replaces the lines and supports by equal ones (unique per kind): no clash.
        var savedAgain = await browser.SubmitAsync(back, "form#projet");
        Assert.Equal(HttpStatusCode.Redirect, savedAgain.Status);

        var stored = await app.ProjectAsync(id);
        Assert.Equal([("Bacs en bois", 125_050L), ("Terreau", 30_000L)], stored.BudgetLines.OrderBy(l => l.Position).Select(l => (l.Label, l.AmountCents)));
        Assert.Equal(155_050, stored.BudgetTotalCents);
        Assert.Equal(48.8566, stored.Latitude);
        Assert.Equal(2.4431, stored.Longitude);
        Assert.Equal(HolderType.Association, stored.HolderType);
        Assert.Equal([(CommitmentKind.Land, "Une parcelle de 50 m²"), (CommitmentKind.CoFinancing, (string?)null)], stored.RequestedSupports.OrderBy(s => s.Kind).Select(s => (s.Kind, s.Details)));

        // An image with its alt text, served to the holder while the project is a draft.
        var uploaded = await browser.UploadImageAsync(city.Slug, id, Given.TinyPng, "bac.png", "image/png", "Un bac en bois rempli de terreau");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.Status);
        var images = await browser.FollowAsync(uploaded);
        images.AssertAccessibleStructure();
        Assert.Contains("L'image est ajoutée au projet.", images.MainText, StringComparison.Ordinal);
        var imageId = (await app.ProjectAsync(id)).Images.Single().Id;
        var thumbnail = images.Document.QuerySelector<IHtmlImageElement>(".propose-images img")!;
        Assert.Equal("Un bac en bois rempli de terreau", thumbnail.AlternativeText);
        Assert.Equal(ProjectPaths.Image(city.Slug, id, imageId), thumbnail.GetAttribute("src"));
        var served = await browser.Client.GetAsync(ProjectPaths.Image(city.Slug, id, imageId));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);

        // Submission under post-moderation (the city's setting): public at once.
        var submitPage = await browser.GetAsync(ProposeTestKit.SubmitUrl(city.Slug, id));
        submitPage.AssertAccessibleStructure();
        Assert.Contains("le projet peut être déposé", submitPage.MainText, StringComparison.Ordinal);
        Assert.Contains("public tout de suite", submitPage.MainText, StringComparison.Ordinal);
        var submitted = await browser.SubmitAsync(submitPage, "form#deposer");

        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        Assert.Equal(ProjectPaths.Page(city.Slug, id, "Un jardin partagé rue de Paris"), submitted.Location);
        var project = await app.ProjectAsync(id);
        Assert.Equal(ProjectStatus.Submitted, project.Status);
        Assert.NotNull(project.PublishedAtUtc);
        Assert.NotNull(project.SubmittedAtUtc);
        Assert.True(project.IsPublic);
        Assert.Equal([ProjectAction.Created, ProjectAction.Submitted], project.History.OrderBy(h => h.Id).Select(h => h.Action));
        Assert.All(project.History, h => Assert.Equal(project.HolderUserId, h.ByUserId));

        // A second click on the button changes nothing and leads to the same page.
        var afterSubmission = await app.SnapshotAsync(id);
        var again = await browser.SubmitAsync(submitPage, "form#deposer");
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(submitted.Location, again.Location);
        Assert.Equal(afterSubmission, await app.SnapshotAsync(id));
    }

    [Fact]
    public async Task Submission_UnderPreModeration_IsNotPublic()
    {
        var city = await app.Given.City(new CitySpec { ProjectModeration = ModerationMode.PreModeration });
        var holder = await app.Given.Citizen();
        using var browser = await app.SignedInAsync(holder.Email);
        var id = await browser.StartDraftAsync(city.Slug, "Atelier vélo aux Coutures");
        Assert.True((await browser.SaveAsync(city.Slug, id, ProposeTestKit.Complete("Atelier vélo aux Coutures"))).IsRedirect);
        var page = await browser.GetAsync(ProposeTestKit.SubmitUrl(city.Slug, id));
        Assert.Contains("la ville vérifie chaque projet déposé avant de le rendre public", page.MainText, StringComparison.Ordinal);

        var submitted = await browser.SubmitAsync(page, "form#deposer");

        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        Assert.Equal(ProjectPaths.Page(city.Slug, id, "Atelier vélo aux Coutures"), submitted.Location);
        var project = await app.ProjectAsync(id);
        Assert.Equal(ProjectStatus.Submitted, project.Status);
        Assert.Null(project.PublishedAtUtc);
        Assert.False(project.IsPublic);
        Assert.Equal([ProjectAction.Created, ProjectAction.Submitted], project.History.OrderBy(h => h.Id).Select(h => h.Action));

        var mine = await browser.GetAsync("/compte/mes-projets");
        var row = mine.Document.GetElementById($"projet-{id}")!;
        Assert.Contains("en attente de publication par la ville", row.TextContent, StringComparison.Ordinal);
        Assert.Empty(row.QuerySelectorAll($"a[href='{ProjectPaths.Page(city.Slug, id, "Atelier vélo aux Coutures")}']"));
    }

    [Fact]
    public async Task Submission_WithSomethingMissing_IsRefused_WithWhatIsMissing()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        using var browser = await app.SignedInAsync(holder.Email);
        var id = await browser.StartDraftAsync(city.Slug, "Une idée encore vague");
        var page = await browser.GetAsync(ProposeTestKit.SubmitUrl(city.Slug, id));
        Assert.Equal(["un résumé", "une description", "une catégorie"], page.Document.QuerySelectorAll("#manque li").Select(li => li.TextContent.Trim()));
        var before = await app.SnapshotAsync(id);

        var refused = await browser.SubmitAsync(page, "form#deposer");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Avant de déposer le projet, ajoutez : un résumé, une description, une catégorie.", refused.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal(before, await app.SnapshotAsync(id));
    }

    [Fact]
    public async Task Resubmission_AfterTheCityAskedForChanges_IsAllowed_AndEditingIsAllowedMeanwhile()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        using var browser = await app.SignedInAsync(holder.Email);
        var id = await browser.SubmittedProjectAsync(city.Slug, "Fresque du marché");
        await app.ChangeProjectAsync(id, (project, city, staff) =>
        {
            project.TakeIntoReview(city, staff, null, DateTime.UtcNow);
            project.RequestChanges(city, staff, "Précisez le budget, s'il vous plaît.", DateTime.UtcNow);
        });

        var edited = await browser.SaveAsync(city.Slug, id, new Dictionary<string, string> { ["Input.Lines[0].Label"] = "Peinture", ["Input.Lines[0].Amount"] = "800" });
        Assert.Equal(HttpStatusCode.Redirect, edited.Status);
        var page = await browser.GetAsync(ProposeTestKit.SubmitUrl(city.Slug, id));
        Assert.Contains("La ville vous a demandé des modifications", page.MainText, StringComparison.Ordinal);
        var resubmitted = await browser.SubmitAsync(page, "form#deposer");

        Assert.Equal(HttpStatusCode.Redirect, resubmitted.Status);
        var project = await app.ProjectAsync(id);
        Assert.Equal(ProjectStatus.Submitted, project.Status);
        Assert.Equal(80_000, project.BudgetTotalCents);
        Assert.Equal(ProjectAction.Resubmitted, project.History.OrderBy(h => h.Id).Last().Action);
    }

    [Fact]
    public async Task EditingIsRefused_OnceTheProjectIsInReview()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        using var browser = await app.SignedInAsync(holder.Email);
        var id = await browser.SubmittedProjectAsync(city.Slug, "Terrain de street workout");
        var staleForm = await browser.GetAsync(ProposeTestKit.EditUrl(city.Slug, id));
        Assert.NotNull(staleForm.Document.QuerySelector("form#projet"));
        await app.ChangeProjectAsync(id, (project, city, staff) => project.TakeIntoReview(city, staff, null, DateTime.UtcNow));
        var before = await app.SnapshotAsync(id);

        var readOnly = await browser.GetAsync(ProposeTestKit.EditUrl(city.Slug, id));
        Assert.Equal(HttpStatusCode.OK, readOnly.Status);
        Assert.Null(readOnly.Document.QuerySelector("form#projet"));
        Assert.Contains("Ce projet ne peut plus être modifié dans l'état « En cours d'étude ».", readOnly.MainText, StringComparison.Ordinal);

        var refused = await browser.SubmitAsync(staleForm, "form#projet", new Dictionary<string, string> { ["Input.Title"] = "Un autre titre", ["Input.Version"] = before.Split(" | ")[0] });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Le projet ne peut plus être modifié dans l'état « En cours d'étude ».", refused.ErrorSummary(), StringComparison.Ordinal);
        Assert.Single(refused.Document.QuerySelectorAll("#erreurs li"));

        var image = await browser.UploadImageAsync(city.Slug, id, Given.TinyPng, "a.png", "image/png", "Une image");
        Assert.Equal(HttpStatusCode.OK, image.Status);
        Assert.Contains("Le projet ne peut plus être modifié", image.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal(before, await app.SnapshotAsync(id));
    }

    [Fact]
    public async Task Withdrawal_WithAReason_EndsTheProject_WhichCannotBeEditedAnyMore()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        using var browser = await app.SignedInAsync(holder.Email);
        var id = await browser.StartDraftAsync(city.Slug, "Café réparation");
        var staleForm = await browser.GetAsync(ProposeTestKit.EditUrl(city.Slug, id));
        var page = await browser.GetAsync(ProposeTestKit.WithdrawUrl(city.Slug, id));
        page.AssertAccessibleStructure();

        var withdrawn = await browser.SubmitAsync(page, "form#retirer", new Dictionary<string, string> { ["Input.Reason"] = "Un autre collectif le porte déjà." });

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.Status);
        Assert.Equal("/compte/mes-projets", withdrawn.Location);
        var mine = await browser.FollowAsync(withdrawn);
        Assert.Contains("Le projet « Café réparation » est retiré.", mine.MainText, StringComparison.Ordinal);
        var project = await app.ProjectAsync(id);
        Assert.Equal(ProjectStatus.Withdrawn, project.Status);
        var last = project.History.OrderBy(h => h.Id).Last();
        Assert.Equal((ProjectAction.Withdrawn, "Un autre collectif le porte déjà."), (last.Action, last.Reason));

        var before = await app.SnapshotAsync(id);
        var edit = await browser.GetAsync(ProposeTestKit.EditUrl(city.Slug, id));
        Assert.Null(edit.Document.QuerySelector("form#projet"));
        Assert.Contains("« Retiré »", edit.MainText, StringComparison.Ordinal);
        var refused = await browser.SubmitAsync(staleForm, "form#projet", new Dictionary<string, string> { ["Input.Title"] = "Ressuscité" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Le projet ne peut plus être modifié dans l'état « Retiré ».", refused.ErrorSummary(), StringComparison.Ordinal);
        var again = await browser.GetAsync(ProposeTestKit.WithdrawUrl(city.Slug, id));
        Assert.Null(again.Document.QuerySelector("form#retirer"));
        Assert.Equal(before, await app.SnapshotAsync(id));
    }

    [Fact]
    public async Task MyProjects_ListsDraftsAndSubmittedProjects_OfTheHolderOnly_WithTheRightLinks()
    {
        var (city, other) = await app.Given.TwoCities();
        var holder = await app.Given.Citizen();
        using var browser = await app.SignedInAsync(holder.Email);
        var draft = await browser.StartDraftAsync(city.Slug, "Brouillon de boîte à livres");
        var submitted = await browser.SubmittedProjectAsync(other.Slug, "Composteur collectif");
        var submittedTitle = "Composteur collectif";

        var page = await browser.GetAsync("/compte/mes-projets");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        var draftRow = page.Document.GetElementById($"projet-{draft}")!;
        Assert.Contains("Brouillon de boîte à livres", draftRow.TextContent, StringComparison.Ordinal);
        Assert.Contains(city.Name, draftRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("Brouillon", draftRow.QuerySelector(".badge")!.TextContent, StringComparison.Ordinal);
        var draftLinks = draftRow.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(ProposeTestKit.EditUrl(city.Slug, draft), draftLinks);
        Assert.Contains(ProposeTestKit.ImagesUrl(city.Slug, draft), draftLinks);
        Assert.Contains(ProposeTestKit.SubmitUrl(city.Slug, draft), draftLinks);
        Assert.DoesNotContain(ProjectPaths.Page(city.Slug, draft, "Brouillon de boîte à livres"), draftLinks);

        var submittedRow = page.Document.GetElementById($"projet-{submitted}")!;
        Assert.Contains(other.Name, submittedRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("Déposé", submittedRow.QuerySelector(".badge")!.TextContent, StringComparison.Ordinal);
        var submittedLinks = submittedRow.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.DoesNotContain(ProposeTestKit.SubmitUrl(other.Slug, submitted), submittedLinks);
        Assert.Contains(ProposeTestKit.EditUrl(other.Slug, submitted), submittedLinks);
        var isPublic = (await app.ProjectAsync(submitted)).IsPublic;
        Assert.Equal(isPublic, submittedLinks.Contains(ProjectPaths.Page(other.Slug, submitted, submittedTitle)));

        using var hugo = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var hugosPage = await hugo.GetAsync("/compte/mes-projets");
        Assert.Null(hugosPage.Document.GetElementById($"projet-{draft}"));
        Assert.Null(hugosPage.Document.GetElementById($"projet-{submitted}"));

        var newcomer = (await app.Given.Citizen()).Email;
        using var newBrowser = await app.SignedInAsync(newcomer);
        var empty = await newBrowser.GetAsync("/compte/mes-projets");
        Assert.Contains("Vous n'avez pas encore proposé de projet.", empty.MainText, StringComparison.Ordinal);
        Assert.Empty(empty.Document.QuerySelectorAll("main table"));
    }

    [Fact]
    public async Task Dashboard_LinksToMyProjects()
    {
        var holder = await app.Given.Citizen();
        using var browser = await app.SignedInAsync(holder.Email);
        var dashboard = await browser.GetAsync("/compte/mon-espace");

        Assert.NotNull(dashboard.Document.QuerySelector("main a[href='/compte/mes-projets']"));
    }

    [Theory]
    [InlineData("/{ville}/projets/proposer")]
    [InlineData("/compte/mes-projets")]
    [InlineData("/{ville}/projets/1/modifier")]
    [InlineData("/{ville}/projets/1/images")]
    [InlineData("/{ville}/projets/1/deposer")]
    [InlineData("/{ville}/projets/1/retirer")]
    public async Task Anonymous_IsSentToLogIn(string url)
    {
        var city = await app.Given.City();
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync(url.Replace("{ville}", city.Slug, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/compte/connexion", new Uri(new Uri("https://localhost"), page.Location!).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_CannotStartADraft()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        using var camille = await app.SignedInAsync(holder.Email);
        var tokenPage = await camille.GetAsync($"{city.Path}/projets/proposer");
        using var anonymous = app.NewBrowser();
        var before = await app.WithDbAsync(db => db.Projects.CountAsync());

        var refused = await anonymous.PostAsync($"{city.Path}/projets/proposer", tokenPage, new Dictionary<string, string> { ["Input.Title"] = "Anonyme" });

        Assert.True((int)refused.Status is 302 or 400, $"Got {(int)refused.Status}");
        Assert.Equal(before, await app.WithDbAsync(db => db.Projects.CountAsync()));
    }
}
