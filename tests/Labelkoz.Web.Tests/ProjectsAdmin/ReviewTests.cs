using System.Globalization;
using System.Net;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Notifications;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;

namespace Labelkoz.Web.Tests.ProjectsAdmin;

/// <summary>
/// The city's review of a submitted project: taking it, assigning it, internal notes, the thread
/// with the holder and the changes asked of them; every move audited, the holder told.
/// </summary>
public sealed class ReviewTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TakingAProjectIntoReview_AssignsIt_TellsTheHolder_AndIsAudited()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var id = (await app.Given.Project(city, holder, new ProjectSpec { Title = "Un compost collectif rue de Paris" })).Id;
        var agentId = city.Agent.Id;
        using var agent = await app.SignedInAsync(city.Agent.Email);
        var page = await agent.GetAsync(ReviewTestKit.ReviewPage(id, city.Slug));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        Assert.Contains("Personne ne suit encore ce projet.", page.MainText, StringComparison.Ordinal);
        Assert.Equal(agentId.ToString(CultureInfo.InvariantCulture), page.Document.QuerySelector("#prendre-agent option[selected]")?.GetAttribute("value"));
        Assert.Null(page.Document.QuerySelector("form#demander-modifications"));

        var taken = await agent.SubmitAsync(page, "form#prendre");

        Assert.Equal(HttpStatusCode.Redirect, taken.Status);
        var project = await app.ProjectAsync(id);
        Assert.Equal(ProjectStatus.InReview, project.Status);
        Assert.Equal(agentId, project.AssignedStaffUserId);
        var after = await agent.FollowAsync(taken);
        Assert.Contains("Vous étudiez maintenant le projet « Un compost collectif rue de Paris ».", after.MainText, StringComparison.Ordinal);
        Assert.Contains($"Suivi par {city.Agent.DisplayName}.", after.MainText, StringComparison.Ordinal);
        Assert.NotNull(after.Document.QuerySelector("form#demander-modifications"));
        Assert.NotNull(after.Document.QuerySelector($"a[href='{ReviewTestKit.DecisionPage(id, city.Slug)}']"));

        var line = Assert.Single(await app.AuditAsync(id));
        Assert.Equal(AuditAction.ProjectTakenIntoReview, line.Action);
        Assert.Equal(agentId, line.ActorUserId);
        Assert.Contains("Statut : Déposé", line.Before, StringComparison.Ordinal);
        Assert.Contains("Suivi par : personne", line.Before, StringComparison.Ordinal);
        Assert.Contains("Statut : En cours d'étude", line.After, StringComparison.Ordinal);
        Assert.Contains($"Suivi par : {city.Agent.DisplayName}", line.After, StringComparison.Ordinal);

        var news = Assert.Single(await app.NotificationsAsync(holder.Email), n => n.Subject == "Un compost collectif rue de Paris");
        Assert.Equal(NotificationKind.ProjectTakenIntoReview, news.Kind);
        Assert.Equal(ReviewTestKit.Exchanges(id, city.Slug), news.Link);
        Assert.Contains(app.Mail.List(), m => m.To == holder.Email && m.Subject.Contains("Un compost collectif rue de Paris", StringComparison.Ordinal) && m.TextBody.Contains(ReviewTestKit.Exchanges(id, city.Slug), StringComparison.Ordinal));
    }

    [Fact]
    public async Task TakingForAColleague_AndAssigning_KeepTheAssigneeBeforeAndAfter_AndFeedTheQueueFilters()
    {
        var (city, otherCity) = await app.Given.TwoCities();
        var word = Given.Token("Suivi");
        var id = (await app.Given.Project(city, await app.Given.Citizen(), new ProjectSpec { Title = $"Des bancs {word}" })).Id;
        var agentId = city.Agent.Id;
        using var admin = await app.SignedInAsync(city.Admin.Email);
        using var agent = await app.SignedInAsync(city.Agent.Email);

        var taken = await admin.SubmitAsync(await admin.GetAsync(ReviewTestKit.ReviewPage(id, city.Slug)), "form#prendre", new Dictionary<string, string> { ["assigneeId"] = agentId.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, taken.Status);
        Assert.Contains($"Le projet « Des bancs {word} » est à l'étude, suivi par {city.Agent.DisplayName}.", (await admin.FollowAsync(taken)).MainText, StringComparison.Ordinal);
        Assert.Equal(agentId, (await app.ProjectAsync(id)).AssignedStaffUserId);

        // The agent's own queue, and the column saying who follows what.
        var mine = await agent.GetAsync($"{city.AdminPath}/projets?statut=a-traiter&suivi=moi");
        mine.AssertAccessibleStructure();
        var row = Assert.Single(mine.Document.QuerySelectorAll("table.admin-projects tbody tr"), r => r.TextContent.Contains(word, StringComparison.Ordinal));
        Assert.Contains(city.Agent.DisplayName, row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(word, (await admin.GetAsync($"{city.AdminPath}/projets?suivi=moi")).MainText, StringComparison.Ordinal);
        Assert.Contains(word, (await admin.GetAsync($"{city.AdminPath}/projets?suivi={agentId}")).MainText, StringComparison.Ordinal);

        // To nobody: the project is in the "non attribués" view.
        var page = await agent.GetAsync(ReviewTestKit.ReviewPage(id, city.Slug));
        var nobody = await agent.SubmitAsync(page, "form#attribuer", new Dictionary<string, string> { ["assigneeId"] = string.Empty });
        Assert.Equal(HttpStatusCode.Redirect, nobody.Status);
        Assert.Null((await app.ProjectAsync(id)).AssignedStaffUserId);
        Assert.Contains(word, (await agent.GetAsync($"{city.AdminPath}/projets?statut=a-traiter&suivi=personne")).MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(word, (await agent.GetAsync($"{city.AdminPath}/projets?suivi=moi")).MainText, StringComparison.Ordinal);
        var assigned = (await app.AuditAsync(id)).Last();
        Assert.Equal(AuditAction.ProjectAssigned, assigned.Action);
        Assert.Equal($"Suivi par : {city.Agent.DisplayName}", assigned.Before);
        Assert.Equal("Suivi par : personne", assigned.After);

        // Someone outside the city's staff cannot be given the review.
        var before = await app.ReviewCountsAsync(id);
        var otherAgent = otherCity.Agent.Id;
        page = await agent.GetAsync(ReviewTestKit.ReviewPage(id, city.Slug));
        foreach (var outsider in new[] { otherAgent.ToString(CultureInfo.InvariantCulture), "Banane", "-3" })
        {
            var refused = await agent.SubmitAsync(page, "form#attribuer", new Dictionary<string, string> { ["assigneeId"] = outsider });
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains("La personne désignée doit faire partie de l'équipe de la ville.", refused.ErrorSummary(), StringComparison.Ordinal);
            refused.AssertAccessibleStructure();
        }

        Assert.Equal(before, await app.ReviewCountsAsync(id));
    }

    [Fact]
    public async Task InternalNotes_AreForStaffOnly_AndAnEmptyNoteIsRefusedNextToItsField()
    {
        var city = await app.Given.City();
        var holderUser = await app.Given.Citizen();
        var id = (await app.Given.Project(city, holderUser, new ProjectSpec { Title = "Une fresque sur le mur du gymnase", State = ProjectState.InReview })).Id;
        using var agent = await app.SignedInAsync(city.Agent.Email);
        var page = await agent.GetAsync(ReviewTestKit.ReviewPage(id, city.Slug));
        var before = await app.ReviewCountsAsync(id);

        var empty = await agent.SubmitAsync(page, "form#ajouter-note", new Dictionary<string, string> { ["body"] = "  " });
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        empty.AssertAccessibleStructure();
        Assert.Contains("Écrivez la note", empty.FieldError("note-texte-erreur"), StringComparison.Ordinal);
        Assert.Equal("true", empty.Document.GetElementById("note-texte")!.GetAttribute("aria-invalid"));
        Assert.Equal(before, await app.ReviewCountsAsync(id));

        var added = await agent.SubmitAsync(empty, "form#ajouter-note", new Dictionary<string, string> { ["body"] = "Le porteur a déjà réalisé une fresque à Bagnolet : à vérifier." });
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        var shown = await agent.FollowAsync(added);
        Assert.Contains("Le porteur a déjà réalisé une fresque à Bagnolet : à vérifier.", shown.Document.QuerySelector(".review-notes")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(city.Agent.DisplayName, shown.Document.QuerySelector(".review-notes")!.TextContent, StringComparison.Ordinal);
        var line = (await app.AuditAsync(id)).Last();
        Assert.Equal(AuditAction.ProjectNoteAdded, line.Action);
        Assert.Equal("Le porteur a déjà réalisé une fresque à Bagnolet : à vérifier.", line.Details);

        // Neither the holder nor the public ever see it.
        Assert.DoesNotContain(await app.NotificationsAsync(holderUser.Email), n => n.Text?.Contains("fresque à Bagnolet", StringComparison.Ordinal) == true);
        using var visitor = app.NewBrowser();
        var api = await visitor.Client.GetStringAsync($"/api/v1/projects/{id}");
        Assert.DoesNotContain("fresque à Bagnolet", api, StringComparison.Ordinal);
        using var holder = await app.SignedInAsync(holderUser.Email);
        var publicPage = await holder.GetAsync(Web.Features.Projects.ProjectPaths.Page(city.Slug, id, "Une fresque sur le mur du gymnase"));
        Assert.Equal(HttpStatusCode.OK, publicPage.Status);
        Assert.DoesNotContain("fresque à Bagnolet", publicPage.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskingForChanges_SendsTheProjectBack_TheHolderAnswers_AndTheThreadKeepsTheExchange()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var id = (await app.Given.Project(city, holder, new ProjectSpec { Title = "Un atelier vélo au marché", State = ProjectState.InReview })).Id;
        using var agent = await app.SignedInAsync(city.Agent.Email);
        var page = await agent.GetAsync(ReviewTestKit.ReviewPage(id, city.Slug));

        var empty = await agent.SubmitAsync(page, "form#demander-modifications", new Dictionary<string, string> { ["message"] = string.Empty });
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("Dites au porteur ce qu'il doit modifier.", empty.FieldError("modifications-texte-erreur"), StringComparison.Ordinal);
        Assert.Equal(ProjectStatus.InReview, (await app.ProjectAsync(id)).Status);

        var asked = await agent.SubmitAsync(empty, "form#demander-modifications", new Dictionary<string, string> { ["message"] = "Pouvez-vous préciser les horaires de l'atelier ?" });

        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        Assert.Equal(ProjectStatus.ChangesRequested, (await app.ProjectAsync(id)).Status);
        var news = (await app.NotificationsAsync(holder.Email)).Last();
        Assert.Equal(NotificationKind.ChangesRequested, news.Kind);
        Assert.Equal("Pouvez-vous préciser les horaires de l'atelier ?", news.Text);
        Assert.Equal(ReviewTestKit.Exchanges(id, city.Slug), news.Link);
        Assert.Contains(app.Mail.List(), m => m.To == holder.Email && m.TextBody.Contains("Pouvez-vous préciser les horaires de l'atelier ?", StringComparison.Ordinal));
        var line = (await app.AuditAsync(id)).Last();
        Assert.Equal(AuditAction.ProjectChangesRequested, line.Action);
        Assert.Equal("Pouvez-vous préciser les horaires de l'atelier ?", line.Details);
        Assert.Equal("Statut : En cours d'étude", line.Before);
        Assert.Equal("Statut : Modifications demandées", line.After);

        // The holder changes the project and sends it again with an answer.
        await app.ReviewAsync(id, (project, _, _) => project.Submit(holder.Id, ModerationMode.PostModeration, DateTime.UtcNow, "Le samedi de 10 h à 13 h."));

        var thread = (await agent.GetAsync(ReviewTestKit.ReviewPage(id, city.Slug))).Document.QuerySelectorAll(".review-thread li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, thread.Count);
        Assert.Contains($"La ville ({city.Agent.DisplayName})", thread[0], StringComparison.Ordinal);
        Assert.Contains("Pouvez-vous préciser les horaires de l'atelier ?", thread[0], StringComparison.Ordinal);
        Assert.Contains($"Le porteur ({holder.DisplayName})", thread[1], StringComparison.Ordinal);
        Assert.Contains("Le samedi de 10 h à 13 h.", thread[1], StringComparison.Ordinal);

        // The city answers in the same thread; the holder is told.
        var resubmitted = await agent.GetAsync(ReviewTestKit.ReviewPage(id, city.Slug));
        Assert.NotNull(resubmitted.Document.QuerySelector("form#prendre"));
        var written = await agent.SubmitAsync(resubmitted, "form#ecrire-porteur", new Dictionary<string, string> { ["message"] = "Merci, nous reprenons l'étude." });
        Assert.Equal(HttpStatusCode.Redirect, written.Status);
        Assert.Equal(3, (await agent.FollowAsync(written)).Document.QuerySelectorAll(".review-thread li").Length);
        var message = (await app.NotificationsAsync(holder.Email)).Last();
        Assert.Equal(NotificationKind.MessageFromCity, message.Kind);
        Assert.Equal("Merci, nous reprenons l'étude.", message.Text);
        Assert.Equal(AuditAction.ProjectMessageSent, (await app.AuditAsync(id)).Last().Action);
    }

    [Fact]
    public async Task PublishingHidingAndRestoring_AreAudited_WithTheReason()
    {
        var city = await app.Given.City();
        var id = (await app.Given.Project(city, await app.Given.Citizen(), new ProjectSpec { Title = "Un kiosque à musique", State = ProjectState.AwaitingPublication })).Id;
        using var agent = await app.SignedInAsync(city.Agent.Email);

        var published = await agent.SubmitAsync(await agent.GetAsync(ReviewTestKit.ProjectPage(id, city.Slug)), "form#publier");
        Assert.Equal(HttpStatusCode.Redirect, published.Status);
        var hidden = await agent.SubmitAsync(await agent.FollowAsync(published), "form#masquer", new Dictionary<string, string> { ["reason"] = "Photo à vérifier" });
        Assert.Equal(HttpStatusCode.Redirect, hidden.Status);
        var restored = await agent.SubmitAsync(await agent.FollowAsync(hidden), "form#retablir", new Dictionary<string, string> { ["reason"] = "Photo vérifiée" });
        Assert.Equal(HttpStatusCode.Redirect, restored.Status);

        var lines = await app.AuditAsync(id);
        Assert.Equal([AuditAction.ProjectPublished, AuditAction.ProjectHidden, AuditAction.ProjectRestored], lines.Select(e => e.Action));
        Assert.All(lines, e => Assert.Equal(city.Agent.Id, e.ActorUserId));
        Assert.Equal("Visibilité : En attente de publication", lines[0].Before);
        Assert.Equal("Visibilité : Public", lines[0].After);
        Assert.Equal("Photo à vérifier", lines[1].Details);
        Assert.Equal("Visibilité : Masqué", lines[1].After);
        Assert.Equal("Photo vérifiée", lines[2].Details);
        Assert.Equal("Visibilité : Public", lines[2].After);
        Assert.Equal(3, lines.Count);
    }

    [Fact]
    public async Task TheReviewHandlers_AnswerNotFoundOrBadRequest_ForForgedRequests_NeverAnError()
    {
        var (city, otherCity) = await app.Given.TwoCities();
        var holder = await app.Given.Citizen();
        var id = (await app.Given.Project(city, holder, new ProjectSpec { Title = "Un projet pour les requêtes forgées", State = ProjectState.InReview })).Id;
        var bagnolet = (await app.Given.Project(otherCity, await app.Given.Citizen(), new ProjectSpec { Title = "Un projet de l'autre ville à l'étude", State = ProjectState.InReview })).Id;
        var draft = (await app.Given.Project(city, holder, new ProjectSpec { Title = "Un brouillon pour les requêtes forgées", State = ProjectState.Draft })).Id;
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var tokenSource = await admin.GetAsync(ReviewTestKit.ReviewPage(id, city.Slug));
        var before = await app.ReviewCountsAsync(id);
        var bagnoletBefore = await app.ReviewCountsAsync(bagnolet);
        var handlers = new[] { "Take", "Assign", "Note", "Message", "RequestChanges", "Confirm", "Reject" };
        var fields = new Dictionary<string, string> { ["projectVersion"] = "1", ["body"] = "x", ["message"] = "x", ["note"] = "x", ["reason"] = "x", ["decisionId"] = "1", ["assigneeId"] = "1" };

        foreach (var other in new[] { bagnolet, draft, 987_654_321 })
        {
            foreach (var handler in handlers)
            {
                Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"{ReviewTestKit.ReviewPage(other, city.Slug)}?handler={handler}", tokenSource, fields)).Status);
            }

            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(ReviewTestKit.DecisionPage(other, city.Slug))).Status);
            foreach (var handler in new[] { "Label", "Decline", "AddRows" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"{ReviewTestKit.DecisionPage(other, city.Slug)}?handler={handler}", tokenSource, fields)).Status);
            }
        }

        // Without the version (or the decision) the form was not ours: a bad request, not an error page.
        foreach (var handler in handlers)
        {
            var post = await admin.PostAsync($"{ReviewTestKit.ReviewPage(id, city.Slug)}?handler={handler}", tokenSource, new Dictionary<string, string> { ["projectVersion"] = "pas un nombre", ["decisionId"] = "x" });
            Assert.Equal(HttpStatusCode.BadRequest, post.Status);
        }

        // A decision that is not pending (or not this project's) is refused with the domain's sentence.
        var version = (await app.ProjectAsync(id)).Version.ToString(CultureInfo.InvariantCulture);
        var unknown = await admin.PostAsync($"{ReviewTestKit.ReviewPage(id, city.Slug)}?handler=Confirm", tokenSource, new Dictionary<string, string> { ["projectVersion"] = version, ["decisionId"] = "987654321" });
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Contains("n'attend plus de confirmation", unknown.ErrorSummary(), StringComparison.Ordinal);

        Assert.Equal(before, await app.ReviewCountsAsync(id));
        Assert.Equal(bagnoletBefore, await app.ReviewCountsAsync(bagnolet));
    }

    [Fact]
    public async Task TheProjectPage_AndTheQueue_SendAFixedNumberOfSqlCommands_WhateverTheReviewHolds()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var id = (await app.Given.Project(city, holder, new ProjectSpec { Title = "Un projet très discuté", State = ProjectState.InReview })).Id;
        using var admin = await app.SignedInAsync(city.Admin.Email);

        // One of everything first (empty collections may spare a query), then many.
        await ReviewManyAsync(id, city.Agent, 1);
        var projectBefore = await CountAsync(admin, ReviewTestKit.ReviewPage(id, city.Slug));
        var dossierBefore = await CountAsync(admin, ReviewTestKit.ProjectPage(id, city.Slug));
        var queueBefore = await CountAsync(admin, $"{city.AdminPath}/projets?statut=a-traiter");

        await ReviewManyAsync(id, city.Agent, 5);
        for (var i = 0; i < 8; i++)
        {
            var other = await app.Given.Project(city, holder, new ProjectSpec { Title = $"Un projet à traiter {i}", State = ProjectState.InReview });
            await app.ReviewAsync(other.Id, (project, municipality, _) => project.ProposeDecline(municipality, city.Agent.Id, "Hors budget", DateTime.UtcNow));
        }

        var projectAfter = await CountAsync(admin, ReviewTestKit.ReviewPage(id, city.Slug));
        var dossierAfter = await CountAsync(admin, ReviewTestKit.ProjectPage(id, city.Slug));
        var queueAfter = await CountAsync(admin, $"{city.AdminPath}/projets?statut=a-traiter");

        Assert.Equal(projectBefore, projectAfter);
        Assert.Equal(dossierBefore, dossierAfter);
        Assert.InRange(dossierAfter, 1, 12);
        Assert.Equal(queueBefore, queueAfter);
        Assert.InRange(projectAfter, 1, 20);
        Assert.InRange(queueAfter, 1, 12);
        var page = await admin.GetAsync(ReviewTestKit.ReviewPage(id, city.Slug));
        Assert.Equal(6, page.Document.QuerySelectorAll(".review-notes li").Length);
        Assert.Equal(6, page.Document.QuerySelectorAll(".review-decisions tbody tr").Length);
    }

    private Task ReviewManyAsync(long id, TestUser staff, int count) =>
        app.ReviewAsync(id, (project, city, _) =>
        {
            var agent = staff.Id;
            var now = DateTime.UtcNow;
            for (var i = 0; i < count; i++)
            {
                project.AddNote(city, agent, $"Note {i}", now);
                project.WriteToHolder(city, agent, $"Message {i}", now);
                project.ProposeLabel(city, agent, new LabelTerms([
                    new CommitmentTerms(CommitmentKind.Land, "Un terrain", 100_000),
                    new CommitmentTerms(CommitmentKind.Expertise, "Un suivi", null, agent),
                    new CommitmentTerms(CommitmentKind.CoFinancing, "Un abondement", null, null, CoFinancingMode.Matchfunding, null, 100, 200_000)], null, null), now);
            }
        });

    private async Task<int> CountAsync(TestBrowser browser, string url)
    {
        await browser.GetAsync(url);
        app.SqlCommands.Reset();
        var page = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return app.SqlCommands.Count;
    }
}
