using System.Net;
using Labelkoz.Domain.Notifications;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Labelkoz.Web.Tests.Projects.Public;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using ProjectSpec = Labelkoz.Web.Tests.Infrastructure.Builders.ProjectSpec;

namespace Labelkoz.Web.Tests.Projects.Propose;

/// <summary>
/// The holder's exchange with the city: the thread, the decision, writing to the city (which tells
/// the reviewer), resubmitting with a message; the holder's alone, and never the staff's notes or
/// proposals.
/// </summary>
public sealed class ExchangesTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    private const string CityQuestion = "Pouvez-vous préciser les emplacements envisagés pour les boîtes ?";

    [Fact]
    public async Task TheHolder_SeesTheThread_TheCitysRequest_AndAForm_ButNeverTheNotes()
    {
        var (city, holder) = await CityAndHolderAsync();
        var project = await ChangesRequestedAsync(city, holder);
        using var camille = await app.SignedInAsync(holder.Email);

        var page = await camille.GetAsync(ExchangesUrl(project));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        TestKit.AssertAccessibleStructure(page);
        Assert.Equal($"Échanges avec la ville : {project.Title}", page.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Modifications demandées", page.MainText, StringComparison.Ordinal);
        Assert.Contains($"La ville vous demande : {CityQuestion}", TestKit.Flat(page.Document.QuerySelector(".city-request")!.TextContent), StringComparison.Ordinal);
        var message = Assert.Single(page.Document.QuerySelectorAll(".exchange-thread li"));
        Assert.Contains("from-city", message.ClassList);
        Assert.Contains($"La ville de {city.Name} — {city.Agent.DisplayName}", TestKit.Flat(message.QuerySelector(".thread-author")!.TextContent), StringComparison.Ordinal);
        Assert.Equal(CityQuestion, message.QuerySelector(".thread-body")!.TextContent.Trim());
        Assert.NotNull(page.Document.QuerySelector("form#ecrire textarea#Input_Message"));
        Assert.NotNull(page.Document.QuerySelector($"a[href='{ProposeTestKit.EditUrl(city.Slug, project.Id)}']"));
        Assert.NotNull(page.Document.QuerySelector($"a[href='{ProposeTestKit.SubmitUrl(city.Slug, project.Id)}']"));
        Assert.DoesNotContain(LabelTestKit.Note, page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APendingProposal_AndTheNotes_AreNeverShownToTheHolder()
    {
        var (city, holder) = await CityAndHolderAsync();
        var project = await app.Given.Project(city, holder, new ProjectSpec { Title = "Un repair café mensuel", State = ProjectState.LabelProposed, Label = LabelTestKit.RepairCafeTerms, Note = LabelTestKit.Note });
        using var camille = await app.SignedInAsync(holder.Email);

        var page = await camille.GetAsync(ExchangesUrl(project));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("La ville n'a pas encore rendu sa décision.", page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("La salle polyvalente de la Croix-de-Chavaux", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(LabelTestKit.Note, page.Html, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector(".label-commitments"));
    }

    [Fact]
    public async Task TheDecision_IsShown_LabelWithCommitments_OrDeclineReason_AndAClosedExchangeRefusesMessages()
    {
        var (city, holder) = await CityAndHolderAsync();
        var park = await app.Given.Project(city, holder, new ProjectSpec { Title = "Un parc de street-workout", State = ProjectState.LabelledOnProposal, Label = LabelTestKit.SportsGroundTerms, Note = LabelTestKit.Note });
        var party = await app.Given.Project(city, holder, new ProjectSpec
        {
            Title = "Une fête de quartier",
            State = ProjectState.Declined,
            DeclineReason = "La date proposée coïncide avec la fête de la ville, qui accueillera volontiers les associations du quartier.",
        });
        using var camille = await app.SignedInAsync(holder.Email);

        var labelled = await camille.GetAsync(ExchangesUrl(park));
        var declined = await camille.GetAsync(ExchangesUrl(party));

        Assert.Contains($"Votre projet est labellisé par la Ville de {city.Name}", TestKit.Flat(labelled.Document.QuerySelector(".exchange-decision")!.TextContent), StringComparison.Ordinal);
        Assert.Equal(2, labelled.Document.QuerySelectorAll(".label-commitments li").Length);
        Assert.Contains("Un agent référent de la ville suit le projet.", labelled.MainText, StringComparison.Ordinal);
        Assert.NotNull(labelled.Document.QuerySelector("form#ecrire"));

        var decision = TestKit.Flat(declined.Document.QuerySelector(".exchange-decision")!.TextContent);
        Assert.Contains("La ville n'a pas retenu votre projet le ", decision, StringComparison.Ordinal);
        Assert.Contains("Motif : La date proposée coïncide avec la fête de la ville", decision, StringComparison.Ordinal);
        Assert.Null(declined.Document.QuerySelector("form#ecrire"));
        Assert.Contains("Les échanges sur ce projet sont clos dans l'état « Non retenu ».", declined.MainText, StringComparison.Ordinal);

        // A forged post is refused by the domain, in French, and nothing is written.
        var before = await MessageCountAsync(party.Id);
        var refused = await camille.PostAsync(ExchangesUrl(party), declined, new Dictionary<string, string> { ["Input.Message"] = "Et maintenant ?" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Les échanges sur ce projet sont clos dans l'état « Non retenu ».", TestKit.ErrorSummary(refused), StringComparison.Ordinal);
        Assert.Equal(before, await MessageCountAsync(party.Id));
    }

    [Fact]
    public async Task ARevokedLabel_IsShownWithItsReason()
    {
        var (city, holder) = await CityAndHolderAsync();
        var project = await app.Given.Project(city, holder, new ProjectSpec { Title = $"Retrait {Given.Token()}" });
        await app.LabelAsync(project.Id, LabelTestKit.Terms(LabelTestKit.Land()));
        await app.RevokeAsync(project.Id, "Le projet a changé de lieu.");
        using var camille = await app.SignedInAsync(holder.Email);

        var page = await camille.GetAsync(ExchangesUrl(project));

        Assert.Matches(@"Label retiré le \d{1,2} \p{L}+ \d{4} : Le projet a changé de lieu\.", TestKit.Flat(page.Document.QuerySelector(".exchange-decision")!.TextContent));
        Assert.Null(page.Document.QuerySelector("form#ecrire"));
    }

    [Theory]
    [InlineData("another resident")]
    [InlineData("another city's admin")]
    [InlineData("another city's agent")]
    [InlineData("the city's admin")]
    [InlineData("the operator")]
    public async Task AnyoneButTheHolder_GetsNotFound_AndCannotWrite(string who)
    {
        var (city, holderUser) = await CityAndHolderAsync();
        var project = await ChangesRequestedAsync(city, holderUser);
        var email = who switch
        {
            "another resident" => (await app.Given.Citizen()).Email,
            "another city's admin" => (await app.Given.City()).Admin.Email,
            "another city's agent" => (await app.Given.City()).Agent.Email,
            "the city's admin" => city.Admin.Email,
            _ => (await app.Given.Operator()).Email,
        };
        using var holder = await app.SignedInAsync(holderUser.Email);
        var form = await holder.GetAsync(ExchangesUrl(project));
        using var other = await app.SignedInAsync(email);
        var tokenSource = await other.GetAsync("/");
        var before = await MessageCountAsync(project.Id);

        var page = await other.GetAsync(ExchangesUrl(project));
        var post = await other.PostAsync(ExchangesUrl(project), tokenSource, new Dictionary<string, string> { ["Input.Message"] = "Intrusion" });

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
        Assert.DoesNotContain(CityQuestion, page.Html, StringComparison.Ordinal);
        Assert.Equal(before, await MessageCountAsync(project.Id));
        Assert.Equal(HttpStatusCode.OK, form.Status);
    }

    [Fact]
    public async Task Anonymous_IsSentToLogIn_AndUnknownOrOtherCitysIds_AreNotFound()
    {
        var (city, holder) = await CityAndHolderAsync();
        var otherCity = await app.Given.City();
        var project = await ChangesRequestedAsync(city, holder);
        using var anonymous = app.NewBrowser();
        using var camille = await app.SignedInAsync(holder.Email);

        var page = await anonymous.GetAsync(ExchangesUrl(project));

        Assert.True(page.IsRedirect);
        Assert.StartsWith("/compte/connexion", new Uri(new Uri("https://localhost"), page.Location!).PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await camille.GetAsync(ExchangesUrl(project with { Id = 987_654_321 }))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await camille.GetAsync($"{otherCity.Path}/projets/{project.Id}/echanges")).Status);
    }

    [Fact]
    public async Task WritingToTheCity_AddsToTheThread_AndTellsTheAssignedReviewer()
    {
        var (city, holder) = await CityAndHolderAsync();
        var project = await app.Given.Project(city, holder, new ProjectSpec { Title = $"Écrire {Given.Token()}", State = ProjectState.InReview });
        var agent = city.Agent.Id;
        await app.ChangeProjectAsync(project.Id, (p, municipality, admin) => p.Assign(municipality, admin, agent, DateTime.UtcNow));
        using var camille = await app.SignedInAsync(holder.Email);
        var form = await camille.GetAsync(ExchangesUrl(project));

        var sent = await camille.SubmitAsync(form, "form#ecrire", new Dictionary<string, string> { ["Input.Message"] = "Nous avons trouvé un deuxième lieu possible.\nQu'en pensez-vous ?" });

        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Equal(ExchangesUrl(project) + "#fil", sent.Location);
        var thread = await camille.FollowAsync(sent);
        Assert.Contains("Votre message est envoyé à la ville.", thread.MainText, StringComparison.Ordinal);
        var mine = Assert.Single(thread.Document.QuerySelectorAll(".exchange-thread li.from-holder"));
        Assert.StartsWith("Vous", TestKit.Flat(mine.QuerySelector(".thread-author")!.TextContent), StringComparison.Ordinal);
        Assert.Equal("Nous avons trouvé un deuxième lieu possible.\nQu'en pensez-vous ?", mine.QuerySelector(".thread-body")!.TextContent.Trim());

        var notifications = await NotificationsAsync(city, project.Id);
        var news = Assert.Single(notifications);
        Assert.Equal(agent, news.UserId);
        Assert.Equal(NotificationKind.MessageFromHolder, news.Kind);
        Assert.Equal(project.Title, news.Subject);
        Assert.StartsWith("Nous avons trouvé un deuxième lieu possible.", news.Text, StringComparison.Ordinal);
        Assert.Equal(project.AdminPath + "/etude", news.Link);
        var mail = app.Mail.List().First(m => string.Equals(m.To, city.Agent.Email, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(project.Title, mail.Subject, StringComparison.Ordinal);
        Assert.Contains(project.AdminPath + "/etude", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameMessagePostedTwice_IsWrittenOnce()
    {
        var (city, holder) = await CityAndHolderAsync();
        var project = await app.Given.Project(city, holder, new ProjectSpec { Title = $"Double clic {Given.Token()}", State = ProjectState.InReview });
        using var camille = await app.SignedInAsync(holder.Email);
        var form = await camille.GetAsync(ExchangesUrl(project));
        var fields = new Dictionary<string, string> { ["Input.Message"] = "Merci pour votre retour.\r\nÀ bientôt." };

        var first = await camille.SubmitAsync(form, "form#ecrire", fields);
        var second = await camille.SubmitAsync(form, "form#ecrire", fields);
        var other = await camille.SubmitAsync(form, "form#ecrire", new Dictionary<string, string> { ["Input.Message"] = "Un autre message." });

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(HttpStatusCode.Redirect, second.Status);
        Assert.Equal(HttpStatusCode.Redirect, other.Status);
        Assert.Equal(2, await MessageCountAsync(project.Id));
        Assert.Equal(2, (await NotificationsAsync(city, project.Id)).Count);
    }

    [Fact]
    public async Task WritingBeforeAnyoneTookTheReview_TellsTheCitysAdmins()
    {
        var (city, holder) = await CityAndHolderAsync();
        await app.Given.Staff(city, Domain.Municipalities.StaffRole.Admin);
        var project = await app.Given.Project(city, holder, new ProjectSpec { Title = $"Sans suivi {Given.Token()}" });
        using var camille = await app.SignedInAsync(holder.Email);
        var form = await camille.GetAsync(ExchangesUrl(project));

        var sent = await camille.SubmitAsync(form, "form#ecrire", new Dictionary<string, string> { ["Input.Message"] = "Une question sur le calendrier." });

        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        var admins = await app.WithDbAsync(db => db.Memberships.Where(m => m.MunicipalityId == city.Id && m.Role == Domain.Municipalities.StaffRole.Admin).Select(m => m.UserId).ToListAsync());
        Assert.Equal(admins.Order(), (await NotificationsAsync(city, project.Id)).Select(n => n.UserId).Order());
    }

    [Fact]
    public async Task AnEmptyMessage_IsRefusedNextToTheField_AndNothingIsWritten()
    {
        var (city, holder) = await CityAndHolderAsync();
        var project = await app.Given.Project(city, holder, new ProjectSpec { Title = $"Vide {Given.Token()}", State = ProjectState.InReview });
        using var camille = await app.SignedInAsync(holder.Email);
        var form = await camille.GetAsync(ExchangesUrl(project));

        var refused = await camille.SubmitAsync(form, "form#ecrire", new Dictionary<string, string> { ["Input.Message"] = "   " });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("est obligatoire", refused.FieldError("Input_Message-error"), StringComparison.Ordinal);
        Assert.Equal("true", refused.Document.QuerySelector("#Input_Message")!.GetAttribute("aria-invalid"));
        Assert.Equal(0, await MessageCountAsync(project.Id));
        Assert.Empty(await NotificationsAsync(city, project.Id));
    }

    [Fact]
    public async Task Resubmission_WithAMessage_LandsInTheThread_AndTellsTheReviewer()
    {
        var (city, holder) = await CityAndHolderAsync();
        using var camille = await app.SignedInAsync(holder.Email);
        var id = await camille.SubmittedProjectAsync(city.Slug, $"Reprise {Given.Token()}");
        var agent = city.Agent.Id;
        await app.ChangeProjectAsync(id, (project, municipality, admin) =>
        {
            project.TakeIntoReview(municipality, admin, agent, DateTime.UtcNow);
            project.RequestChanges(municipality, admin, "Ajoutez un budget détaillé.", DateTime.UtcNow);
        });

        var edit = await camille.GetAsync(ProposeTestKit.EditUrl(city.Slug, id));
        Assert.Contains("La ville vous demande : Ajoutez un budget détaillé.", TestKit.Flat(edit.Document.QuerySelector(".city-request")!.TextContent), StringComparison.Ordinal);
        Assert.NotNull(edit.Document.QuerySelector($".city-request a[href='{ExchangesUrl(city, id)}']"));
        var submit = await camille.GetAsync(ProposeTestKit.SubmitUrl(city.Slug, id));
        TestKit.AssertAccessibleStructure(submit);
        Assert.Contains("La ville vous demande : Ajoutez un budget détaillé.", TestKit.Flat(submit.Document.QuerySelector(".city-request")!.TextContent), StringComparison.Ordinal);
        Assert.NotNull(submit.Document.QuerySelector("form#deposer textarea#Input_MessageToCity"));

        var resubmitted = await camille.SubmitAsync(submit, "form#deposer", new Dictionary<string, string> { ["Input.MessageToCity"] = "Le budget est détaillé poste par poste." });

        Assert.Equal(HttpStatusCode.Redirect, resubmitted.Status);
        var stored = await app.ProjectAsync(id);
        Assert.Equal(ProjectStatus.Submitted, stored.Status);
        Assert.Equal(ProjectAction.Resubmitted, stored.History.OrderBy(h => h.Id).Last().Action);
        var thread = await camille.GetAsync(ExchangesUrl(city, id));
        Assert.Equal(
            ["Ajoutez un budget détaillé.", "Le budget est détaillé poste par poste."],
            thread.Document.QuerySelectorAll(".exchange-thread .thread-body").Select(b => b.TextContent.Trim()));
        Assert.Null(thread.Document.QuerySelector(".city-request"));
        var news = Assert.Single(await NotificationsAsync(city, id));
        Assert.Equal(agent, news.UserId);
        Assert.Equal("Le budget est détaillé poste par poste.", news.Text);
    }

    [Fact]
    public async Task Resubmission_WithoutAMessage_TellsTheReviewerWithTheTitle_AndAddsNoMessage()
    {
        var (city, holder) = await CityAndHolderAsync();
        using var camille = await app.SignedInAsync(holder.Email);
        var title = $"Sans mot {Given.Token()}";
        var id = await camille.SubmittedProjectAsync(city.Slug, title);
        await app.ChangeProjectAsync(id, (project, municipality, admin) =>
        {
            project.TakeIntoReview(municipality, admin, null, DateTime.UtcNow);
            project.RequestChanges(municipality, admin, "Une photo, s'il vous plaît.", DateTime.UtcNow);
        });
        var submit = await camille.GetAsync(ProposeTestKit.SubmitUrl(city.Slug, id));

        var resubmitted = await camille.SubmitAsync(submit, "form#deposer", new Dictionary<string, string> { ["Input.MessageToCity"] = " " });

        Assert.Equal(HttpStatusCode.Redirect, resubmitted.Status);
        Assert.Equal(1, await MessageCountAsync(id));
        var news = Assert.Single(await NotificationsAsync(city, id));
        Assert.Equal(city.Admin.Id, news.UserId);
        Assert.Equal(title, news.Text);
    }

    [Fact]
    public async Task AFirstSubmission_OffersNoMessage_AndTellsNoOne()
    {
        var (city, holder) = await CityAndHolderAsync();
        using var camille = await app.SignedInAsync(holder.Email);
        var id = await camille.StartDraftAsync(city.Slug, $"Premier dépôt {Given.Token()}");
        await camille.SaveAsync(city.Slug, id, ProposeTestKit.Complete());
        var submit = await camille.GetAsync(ProposeTestKit.SubmitUrl(city.Slug, id));
        Assert.Null(submit.Document.QuerySelector("#Input_MessageToCity"));
        Assert.Null(submit.Document.QuerySelector(".city-request"));

        var draftExchanges = await camille.GetAsync(ExchangesUrl(city, id));
        Assert.Null(draftExchanges.Document.QuerySelector("form#ecrire"));
        Assert.Contains("Vous pourrez écrire à la ville une fois le projet déposé.", draftExchanges.MainText, StringComparison.Ordinal);

        var submitted = await camille.SubmitAsync(submit, "form#deposer", new Dictionary<string, string> { ["Input.MessageToCity"] = "Glissé dans le formulaire" });

        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        Assert.Equal(0, await MessageCountAsync(id));
        Assert.Empty(await NotificationsAsync(city, id));
    }

    [Fact]
    public async Task MyProjects_AndTheProjectPage_LinkToTheExchanges()
    {
        var (city, holder) = await CityAndHolderAsync();
        var project = await ChangesRequestedAsync(city, holder);
        var draft = (await app.Given.Project(city, holder, new ProjectSpec { Title = "Des ruches sur le toit de la médiathèque", State = ProjectState.Draft })).Id;
        using var camille = await app.SignedInAsync(holder.Email);
        using var hugo = await app.SignedInAsync((await app.Given.Citizen()).Email);

        var mine = await camille.GetAsync("/compte/mes-projets");
        var page = await camille.GetAsync(project.Path);
        var othersView = await hugo.GetAsync(project.Path);

        Assert.NotNull(mine.Document.QuerySelector($"#projet-{project.Id} a[href='{ExchangesUrl(project)}']"));
        Assert.Contains("la ville attend vos modifications", TestKit.Flat(mine.Document.QuerySelector($"#projet-{project.Id}")!.TextContent), StringComparison.Ordinal);
        Assert.Null(mine.Document.QuerySelector($"#projet-{draft} a[href$='/echanges']"));
        Assert.NotNull(page.Document.QuerySelector($".holder-panel a[href='{ExchangesUrl(project)}']"));
        Assert.Null(othersView.Document.QuerySelector(".holder-panel"));
        Assert.Null(othersView.Document.QuerySelector("a[href$='/echanges']"));
    }

    [Fact]
    public async Task TheExchangePage_SendsAFixedNumberOfSqlCommands_WhateverTheThreadLength()
    {
        var (city, holder) = await CityAndHolderAsync();
        var project = await app.Given.Project(city, holder, new ProjectSpec { Title = $"Long fil {Given.Token()}", State = ProjectState.InReview });
        await app.ChangeProjectAsync(project.Id, (p, municipality, admin) => p.WriteToHolder(municipality, admin, "Bonjour", DateTime.UtcNow));
        using var camille = await app.SignedInAsync(holder.Email);
        var before = await CountAsync(camille, ExchangesUrl(project));

        for (var i = 0; i < 15; i++)
        {
            await app.ChangeProjectAsync(project.Id, (p, municipality, admin) => p.WriteToHolder(municipality, admin, $"Message {i}", DateTime.UtcNow));
        }

        await app.LabelAsync(project.Id, LabelTestKit.Terms(LabelTestKit.Land(), new(Domain.Labels.CommitmentKind.Communication, "Affiches")));
        var after = await CountAsync(camille, ExchangesUrl(project));

        Assert.Equal(16, (await camille.GetAsync(ExchangesUrl(project))).Document.QuerySelectorAll(".exchange-thread li").Length);
        Assert.InRange(before, 1, 10);
        Assert.InRange(after, before, before + 1);
    }

    private static string ExchangesUrl(TestProject project) => $"/{project.CitySlug}/projets/{project.Id}/echanges";

    private static string ExchangesUrl(TestCity city, long id) => $"{city.Path}/projets/{id}/echanges";

    private async Task<(TestCity City, TestUser Holder)> CityAndHolderAsync() => (await app.Given.City(), await app.Given.Citizen());

    /// <summary>A project the agent took into review (with their note) and sent back with <see cref="CityQuestion"/>.</summary>
    private Task<TestProject> ChangesRequestedAsync(TestCity city, TestUser holder) =>
        app.Given.Project(city, holder, new ProjectSpec
        {
            Title = "Des boîtes à livres dans chaque quartier",
            State = ProjectState.ChangesRequested,
            ChangesRequest = CityQuestion,
            Note = LabelTestKit.Note,
        });

    private Task<int> MessageCountAsync(long projectId) =>
        app.WithDbAsync(db => db.ReviewMessages.CountAsync(m => m.ProjectId == projectId));

    private Task<List<Notification>> NotificationsAsync(TestCity city, long projectId) =>
        app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKind.MessageFromHolder && n.Link == $"{city.AdminPath}/projets/{projectId}/etude")
            .ToListAsync());

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
