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
/// The city's decisions: a label with its commitments or a refusal with a public reason; an
/// agent's proposal confirmed or rejected by an admin; a label revoked. Bad input is refused on
/// the form, a double click makes one decision, a stale form is refused, a city that may not
/// label is told why.
/// </summary>
public sealed class DecisionTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AnAdmin_LabelsWithCommitments_TheLabelApplies_TheHolderIsTold_AndItIsAudited()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var id = await NewProjectAsync(city, holder, "Un parc de street workout");
        var agentId = city.Agent.Id;
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var page = await admin.GetAsync(ReviewTestKit.DecisionPage(id, city.Slug));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        Assert.Equal($"{city.AdminPath}/projets", page.Document.QuerySelector("nav.admin-nav a[aria-current=page]")!.GetAttribute("href"));
        Assert.Equal(3, page.Document.QuerySelectorAll("form#labelliser fieldset.review-commitment").Length);
        Assert.Equal("Labelliser", page.Document.QuerySelector("form#labelliser button:not([formaction])")!.TextContent.Trim());
        Assert.Equal("Refuser le projet", page.Document.QuerySelector("form#refuser button")!.TextContent.Trim());
        Assert.Contains("Locaux (Une salle le samedi)", page.MainText, StringComparison.Ordinal);

        // "Ajouter des lignes" gives more rows without saving anything, and keeps what was typed.
        var more = await AddRowsAsync(admin, page, ReviewTestKit.Row(0, "Land", "Le terrain du square"));
        Assert.Equal(HttpStatusCode.OK, more.Status);
        Assert.Equal(6, more.Document.QuerySelectorAll("form#labelliser fieldset.review-commitment").Length);
        Assert.Equal("Le terrain du square", more.Document.GetElementById("engagement-0-description")!.GetAttribute("value"));
        Assert.Empty(await app.DecisionsAsync(id));

        var fields = ReviewTestKit.Row(0, "Land", "Le terrain du square", "12 000")
            .With(ReviewTestKit.Row(1, "Expertise", "Un agent suit le chantier"))
            .With(ReviewTestKit.Row(2, "CoFinancing", "La ville double les dons"))
            .With(
                ("Input.Commitments[1].ReferentUserId", agentId.ToString(CultureInfo.InvariantCulture)),
                ("Input.Commitments[2].CoFinancing", "Matchfunding"),
                ("Input.Commitments[2].Ratio", "100"),
                ("Input.Commitments[2].Cap", "5 000"),
                ("Input.ValidUntil", ReviewTestKit.DayFromToday(365)),
                ("Input.Conditions", "Un bilan d'étape tous les six mois."));
        var labelled = await admin.SubmitAsync(more, "form#labelliser", fields);

        Assert.Equal(HttpStatusCode.Redirect, labelled.Status);
        Assert.Equal(ReviewTestKit.ReviewPage(id, city.Slug), labelled.Location);
        var project = await app.ProjectAsync(id);
        Assert.Equal(ProjectStatus.Labelled, project.Status);
        Assert.NotNull(project.LabelledAtUtc);
        Assert.Equal(DateOnly.ParseExact(ReviewTestKit.DayFromToday(365), "yyyy-MM-dd", CultureInfo.InvariantCulture), project.LabelValidUntil);
        var decision = Assert.Single(await app.DecisionsAsync(id));
        Assert.Equal((DecisionKind.Label, DecisionState.Confirmed), (decision.Kind, decision.State));
        Assert.Equal("Un bilan d'étape tous les six mois.", decision.Conditions);
        var commitments = decision.Commitments.OrderBy(c => c.Position).ToList();
        Assert.Equal([CommitmentKind.Land, CommitmentKind.Expertise, CommitmentKind.CoFinancing], commitments.Select(c => c.Kind));
        Assert.Equal(1_200_000, commitments[0].EstimatedValueCents);
        Assert.Equal(agentId, commitments[1].ReferentUserId);
        Assert.Equal(new Matchfunding(100, 500_000), commitments[2].Matchfunding);

        var shown = await admin.FollowAsync(labelled);
        Assert.Contains("Le projet « Un parc de street workout » est labellisé : son porteur est prévenu.", shown.MainText, StringComparison.Ordinal);
        var label = shown.Document.QuerySelector(".review-panel")!.TextContent.Flat();
        Assert.Contains("Label de la ville", label, StringComparison.Ordinal);
        Assert.Contains("Le terrain du square", label, StringComparison.Ordinal);
        Assert.Contains($"Agent référent : {city.Agent.DisplayName}", label, StringComparison.Ordinal);
        Assert.Contains("Abondement : 100 % de chaque don, jusqu'à 5 000,00 €", label, StringComparison.Ordinal);
        Assert.NotNull(shown.Document.QuerySelector("a#retirer-label"));
        shown.AssertAccessibleStructure();

        var news = (await app.NotificationsAsync(holder.Email)).Last();
        Assert.Equal((NotificationKind.ProjectLabelled, ReviewTestKit.Exchanges(id, city.Slug)), (news.Kind, news.Link));
        Assert.Contains(app.Mail.List(), m => m.To == holder.Email && m.Subject.Contains("Un parc de street workout", StringComparison.Ordinal) && m.Subject.Contains("labellisé", StringComparison.Ordinal));
        var line = (await app.AuditAsync(id)).Last();
        Assert.Equal(AuditAction.ProjectLabelled, line.Action);
        Assert.Equal("Statut : En cours d'étude", line.Before);
        Assert.Equal("Statut : Labellisé", line.After);
        Assert.Contains("Terrain — Le terrain du square (valeur estimée 12 000,00 €)", line.Details.Flat(), StringComparison.Ordinal);
        Assert.Contains($"référent : {city.Agent.DisplayName}", line.Details, StringComparison.Ordinal);
        Assert.Contains("Conditions : Un bilan d'étape tous les six mois.", line.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgent_Proposes_TheAdminsAreTold_AndOnlyAnAdminConfirms()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var word = Given.Token("Proposition");
        var id = await NewProjectAsync(city, holder, $"Une boîte à livres {word}");
        using var agent = await app.SignedInAsync(city.Agent.Email);
        var page = await agent.GetAsync(ReviewTestKit.DecisionPage(id, city.Slug));
        Assert.Equal("Proposer ce label", page.Document.QuerySelector("form#labelliser button:not([formaction])")!.TextContent.Trim());
        Assert.Equal("Proposer le refus", page.Document.QuerySelector("form#refuser button")!.TextContent.Trim());
        var holderNewsBefore = (await app.NotificationsAsync(holder.Email)).Count;

        var proposed = await agent.SubmitAsync(page, "form#labelliser", ReviewTestKit.Row(0, "Premises", "Une salle de la maison de quartier le samedi"));

        Assert.Equal(HttpStatusCode.Redirect, proposed.Status);
        Assert.Equal(ProjectStatus.InReview, (await app.ProjectAsync(id)).Status);
        var decision = Assert.Single(await app.DecisionsAsync(id));
        Assert.Equal(DecisionState.Proposed, decision.State);
        Assert.Equal(holderNewsBefore, (await app.NotificationsAsync(holder.Email)).Count);
        var adminNews = (await app.NotificationsAsync(city.Admin.Email)).Last();
        Assert.Equal((NotificationKind.ProposalAwaitsConfirmation, ReviewTestKit.ReviewPage(id, city.Slug)), (adminNews.Kind, adminNews.Link));
        Assert.Equal(AuditAction.DecisionProposed, (await app.AuditAsync(id)).Last().Action);

        var agentView = await agent.FollowAsync(proposed);
        Assert.Contains("attend la confirmation d'un administrateur", agentView.MainText, StringComparison.Ordinal);
        Assert.Null(agentView.Document.QuerySelector("form#confirmer"));
        Assert.Null(agentView.Document.QuerySelector("form#ecarter"));

        // The agent cannot confirm, even by posting the form by hand.
        var version = (await app.ProjectAsync(id)).Version.ToString(CultureInfo.InvariantCulture);
        var forged = await agent.PostAsync($"{ReviewTestKit.ReviewPage(id, city.Slug)}?handler=Confirm", agentView, new Dictionary<string, string>
        {
            ["projectVersion"] = version,
            ["decisionId"] = decision.Id.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        Assert.Equal(DecisionState.Proposed, Assert.Single(await app.DecisionsAsync(id)).State);

        // The queue shows what waits for an admin.
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var queue = await admin.GetAsync($"{city.AdminPath}/projets?statut=a-confirmer");
        var row = Assert.Single(queue.Document.QuerySelectorAll("table.admin-projects tbody tr"), r => r.TextContent.Contains(word, StringComparison.Ordinal));
        Assert.Contains("Décision à confirmer", row.TextContent, StringComparison.Ordinal);
        Assert.Matches("(Une proposition de décision attend|[0-9]+ propositions de décision attendent) la confirmation", queue.MainText);

        var adminView = await admin.GetAsync(ReviewTestKit.ReviewPage(id, city.Slug));
        adminView.AssertAccessibleStructure();
        Assert.Contains("Une salle de la maison de quartier le samedi", adminView.Document.QuerySelector("#proposition-en-attente")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{city.Agent.DisplayName}", adminView.Document.QuerySelector("#proposition-en-attente")!.TextContent, StringComparison.Ordinal);

        var confirmed = await admin.SubmitAsync(adminView, "form#confirmer");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.Equal(ProjectStatus.Labelled, (await app.ProjectAsync(id)).Status);
        decision = Assert.Single(await app.DecisionsAsync(id));
        Assert.Equal(DecisionState.Confirmed, decision.State);
        Assert.Equal(city.Admin.Id, decision.DecidedByUserId);
        Assert.Equal(city.Agent.Id, decision.ProposedByUserId);
        Assert.Equal(NotificationKind.ProjectLabelled, (await app.NotificationsAsync(holder.Email)).Last().Kind);
        var line = (await app.AuditAsync(id)).Last();
        Assert.Equal(AuditAction.ProjectLabelled, line.Action);
        Assert.Contains($"Proposition de {city.Agent.DisplayName}, confirmée.", line.Details, StringComparison.Ordinal);
        var history = (await admin.FollowAsync(confirmed)).Document.QuerySelectorAll(".review-decisions tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(history, r => r.Contains("Labellisation", StringComparison.Ordinal) && r.Contains($"{city.Agent.DisplayName}", StringComparison.Ordinal) && r.Contains("Confirmée", StringComparison.Ordinal) && r.Contains($"{city.Admin.DisplayName}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAdmin_RejectsAProposal_WithANote_AndTheProjectStaysInReview()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var id = await NewProjectAsync(city, holder, "Un food truck solidaire");
        await app.ReviewAsync(id, (project, municipality, _) => project.ProposeDecline(municipality, city.Agent.Id, "Le marché couvert accueille déjà ce type d'offre.", DateTime.UtcNow));
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var page = await admin.GetAsync(ReviewTestKit.ReviewPage(id, city.Slug));
        Assert.Equal("Confirmer le refus", page.Document.QuerySelector("form#confirmer button")!.TextContent.Trim());

        var noNote = await admin.SubmitAsync(page, "form#ecarter", new Dictionary<string, string> { ["note"] = string.Empty });
        Assert.Equal(HttpStatusCode.OK, noNote.Status);
        noNote.AssertAccessibleStructure();
        Assert.Contains("Expliquez à l'agent", noNote.FieldError("note-agent-erreur"), StringComparison.Ordinal);
        Assert.Equal(DecisionState.Proposed, Assert.Single(await app.DecisionsAsync(id)).State);

        var rejected = await admin.SubmitAsync(noNote, "form#ecarter", new Dictionary<string, string> { ["note"] = "Le marché couvert ne vend pas de repas : à revoir." });

        Assert.Equal(HttpStatusCode.Redirect, rejected.Status);
        Assert.Equal(ProjectStatus.InReview, (await app.ProjectAsync(id)).Status);
        var decision = Assert.Single(await app.DecisionsAsync(id));
        Assert.Equal((DecisionState.Rejected, "Le marché couvert ne vend pas de repas : à revoir."), (decision.State, decision.RejectionNote));
        var line = (await app.AuditAsync(id)).Last();
        Assert.Equal(AuditAction.ProposalRejected, line.Action);
        Assert.Contains("Le marché couvert ne vend pas de repas", line.Details, StringComparison.Ordinal);
        var after = await admin.FollowAsync(rejected);
        Assert.Null(after.Document.QuerySelector("#proposition-en-attente"));
        Assert.Contains(after.Document.QuerySelectorAll(".review-decisions tbody tr"), r => r.TextContent.Contains("Écartée", StringComparison.Ordinal) && r.TextContent.Contains("à revoir", StringComparison.Ordinal));

        // Rejecting is an admin's call.
        using var agent = await app.SignedInAsync(city.Agent.Email);
        await app.ReviewAsync(id, (project, municipality, _) => project.ProposeDecline(municipality, city.Agent.Id, "Hors budget", DateTime.UtcNow));
        var pending = (await app.DecisionsAsync(id)).Last();
        var forged = await agent.PostAsync($"{ReviewTestKit.ReviewPage(id, city.Slug)}?handler=Reject", await agent.GetAsync(ReviewTestKit.ReviewPage(id, city.Slug)), new Dictionary<string, string>
        {
            ["projectVersion"] = (await app.ProjectAsync(id)).Version.ToString(CultureInfo.InvariantCulture),
            ["decisionId"] = pending.Id.ToString(CultureInfo.InvariantCulture),
            ["note"] = "Par un agent",
        });
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        Assert.Equal(DecisionState.Proposed, (await app.DecisionsAsync(id)).Last().State);
    }

    [Fact]
    public async Task Declining_NeedsAPublicReason_AndTellsTheHolderWhy()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var id = await NewProjectAsync(city, holder, "Une fête de quartier en juin");
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var page = await admin.GetAsync(ReviewTestKit.DecisionPage(id, city.Slug));
        var before = await app.ReviewCountsAsync(id);

        var empty = await admin.SubmitAsync(page, "form#refuser", new Dictionary<string, string> { ["Refusal.Reason"] = "   " });

        Assert.Equal(HttpStatusCode.OK, empty.Status);
        empty.AssertAccessibleStructure();
        Assert.Contains("Le champ « Motif public » est obligatoire.", empty.FieldError("motif-refus-erreur"), StringComparison.Ordinal);
        Assert.Contains("motif-refus-erreur", empty.Document.GetElementById("motif-refus")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal(before, await app.ReviewCountsAsync(id));

        var declined = await admin.SubmitAsync(empty, "form#refuser", new Dictionary<string, string> { ["Refusal.Reason"] = "La date coïncide avec la fête de la ville." });

        Assert.Equal(HttpStatusCode.Redirect, declined.Status);
        Assert.Equal(ProjectStatus.Declined, (await app.ProjectAsync(id)).Status);
        var decision = Assert.Single(await app.DecisionsAsync(id));
        Assert.Equal((DecisionKind.Decline, DecisionState.Confirmed, "La date coïncide avec la fête de la ville."), (decision.Kind, decision.State, decision.PublicReason));
        var news = (await app.NotificationsAsync(holder.Email)).Last();
        Assert.Equal((NotificationKind.ProjectDeclined, "La date coïncide avec la fête de la ville."), (news.Kind, news.Text));
        var line = (await app.AuditAsync(id)).Last();
        Assert.Equal((AuditAction.ProjectDeclined, "Statut : Non retenu"), (line.Action, line.After));
        Assert.Contains("Motif public : La date coïncide avec la fête de la ville.", line.Details, StringComparison.Ordinal);

        // Once decided, the decision page says why nothing more can be decided.
        var closed = await admin.GetAsync(ReviewTestKit.DecisionPage(id, city.Slug));
        Assert.Equal(HttpStatusCode.OK, closed.Status);
        Assert.Contains("Une décision se prend sur un projet à l'étude ; celui-ci est dans l'état « Non retenu ».", closed.MainText, StringComparison.Ordinal);
        Assert.Empty(closed.Document.QuerySelectorAll("main form"));
    }

    [Fact]
    public async Task RevokingALabel_IsAnAdminsCall_ConfirmedOnItsOwnPage_NeedsAPublicReason_AndTellsTheHolder()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var id = await NewProjectAsync(city, holder, "Un jardin partagé derrière l'école", ProjectState.Labelled);
        using var agent = await app.SignedInAsync(city.Agent.Email);
        var agentView = await agent.GetAsync(ReviewTestKit.ReviewPage(id, city.Slug));
        Assert.Null(agentView.Document.QuerySelector("#retirer-label"));
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync(ReviewTestKit.RevokePage(id, city.Slug))).Status);
        var forged = await agent.PostAsync(ReviewTestKit.RevokePage(id, city.Slug), agentView, new Dictionary<string, string>
        {
            ["projectVersion"] = (await app.ProjectAsync(id)).Version.ToString(CultureInfo.InvariantCulture),
            ["reason"] = "Par un agent",
        });
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        Assert.Equal(ProjectStatus.Labelled, (await app.ProjectAsync(id)).Status);

        // The project page only leads to the confirmation page: nothing is withdrawn from it.
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var projectPage = await admin.GetAsync(ReviewTestKit.ReviewPage(id, city.Slug));
        Assert.Equal(ReviewTestKit.RevokePage(id, city.Slug), projectPage.Document.QuerySelector("a#retirer-label")!.GetAttribute("href"));
        Assert.Null(projectPage.Document.QuerySelector("form#retirer-label"));
        var page = await admin.GetAsync(ReviewTestKit.RevokePage(id, city.Slug));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Ce retrait est définitif.", page.MainText, StringComparison.Ordinal);
        page.AssertAccessibleStructure();
        var empty = await admin.SubmitAsync(page, "form#retirer-label", new Dictionary<string, string> { ["reason"] = string.Empty });
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("Motif public", empty.FieldError("motif-retrait-erreur"), StringComparison.Ordinal);
        Assert.Equal(ProjectStatus.Labelled, (await app.ProjectAsync(id)).Status);

        var revoked = await admin.SubmitAsync(empty, "form#retirer-label", new Dictionary<string, string> { ["reason"] = "Le jardin n'est plus ouvert au public." });

        Assert.Equal(HttpStatusCode.Redirect, revoked.Status);
        var project = await app.ProjectAsync(id);
        Assert.Equal(ProjectStatus.LabelRevoked, project.Status);
        Assert.NotNull(project.LabelRevokedAtUtc);
        var decision = Assert.Single(await app.DecisionsAsync(id));
        Assert.Equal((DecisionState.Confirmed, "Le jardin n'est plus ouvert au public."), (decision.State, decision.RevokedReason));
        var news = (await app.NotificationsAsync(holder.Email)).Last();
        Assert.Equal((NotificationKind.LabelRevoked, "Le jardin n'est plus ouvert au public."), (news.Kind, news.Text));
        var line = (await app.AuditAsync(id)).Last();
        Assert.Equal((AuditAction.LabelRevoked, "Le jardin n'est plus ouvert au public.", "Statut : Label retiré"), (line.Action, line.Details, line.After));
        var after = await admin.FollowAsync(revoked);
        Assert.Contains("Le label du projet « Un jardin partagé derrière l'école » est retiré", after.MainText, StringComparison.Ordinal);
        Assert.Contains("Label retiré", after.Document.QuerySelector(".review-panel")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.Document.QuerySelector("#retirer-label"));

        // Posted again (a second tab, a replay): the domain refuses, nothing changes twice.
        var again = await admin.PostAsync(ReviewTestKit.RevokePage(id, city.Slug), page, new Dictionary<string, string>
        {
            ["projectVersion"] = project.Version.ToString(CultureInfo.InvariantCulture),
            ["reason"] = "Encore",
        });
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Single(await app.AuditAsync(id), a => a.Action == AuditAction.LabelRevoked);
    }

    [Fact]
    public async Task TheSameDecisionPostedTwice_MakesOneDecision_AndSimplyShowsIt()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var id = await NewProjectAsync(city, holder, "Un double clic sur le refus");
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var page = await admin.GetAsync(ReviewTestKit.DecisionPage(id, city.Slug));
        var fields = new Dictionary<string, string> { ["Refusal.Reason"] = "Hors du périmètre de la ville." };

        var first = await admin.SubmitAsync(page, "form#refuser", fields);
        var second = await admin.SubmitAsync(page, "form#refuser", fields);

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(HttpStatusCode.Redirect, second.Status);
        Assert.Equal(ReviewTestKit.ReviewPage(id, city.Slug), second.Location);
        Assert.Contains("n'est pas retenu", (await admin.FollowAsync(second)).MainText, StringComparison.Ordinal);
        Assert.Single(await app.DecisionsAsync(id));
        Assert.Single(await app.AuditAsync(id), e => e.Action == AuditAction.ProjectDeclined);

        // An agent's proposal posted twice would otherwise replace itself.
        var proposal = await NewProjectAsync(city, holder, "Un double clic sur une proposition");
        using var agent = await app.SignedInAsync(city.Agent.Email);
        var form = await agent.GetAsync(ReviewTestKit.DecisionPage(proposal, city.Slug));
        var row = ReviewTestKit.Row(0, "Communication", "Une page dans le journal municipal", "800");
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SubmitAsync(form, "form#labelliser", row)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SubmitAsync(form, "form#labelliser", row)).Status);
        var made = Assert.Single(await app.DecisionsAsync(proposal));
        Assert.Equal(DecisionState.Proposed, made.State);
        Assert.Single(made.Commitments);

        // Both posts at the same moment: still one decision, and no error for either.
        var race = await NewProjectAsync(city, holder, "Deux clics simultanés");
        var racePage = await admin.GetAsync(ReviewTestKit.DecisionPage(race, city.Slug));
        var posts = await Task.WhenAll(
            admin.SubmitAsync(racePage, "form#refuser", fields),
            admin.SubmitAsync(racePage, "form#refuser", fields));
        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Redirect, p.Status));
        Assert.Single(await app.DecisionsAsync(race));
        Assert.Equal(ProjectStatus.Declined, (await app.ProjectAsync(race)).Status);
    }

    [Fact]
    public async Task AStaleDecisionForm_IsRefusedWithAFrenchMessage_AndWritesNothing()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var id = await NewProjectAsync(city, holder, "Un projet décidé à deux");
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var stale = await admin.GetAsync(ReviewTestKit.DecisionPage(id, city.Slug));
        using var agent = await app.SignedInAsync(city.Agent.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SubmitAsync(await agent.GetAsync(ReviewTestKit.ReviewPage(id, city.Slug)), "form#attribuer", new Dictionary<string, string> { ["assigneeId"] = (city.Agent.Id).ToString(CultureInfo.InvariantCulture) })).Status);
        var before = await app.ReviewCountsAsync(id);

        var late = await admin.SubmitAsync(stale, "form#refuser", new Dictionary<string, string> { ["Refusal.Reason"] = "Trop tard" });

        Assert.Equal(HttpStatusCode.OK, late.Status);
        Assert.Contains("Quelqu'un a modifié ces informations en même temps que vous.", late.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal("Trop tard", late.Document.GetElementById("motif-refus")!.TextContent);
        Assert.Equal(before, await app.ReviewCountsAsync(id));

        // Shown again against the current version: sending it once more is deliberate, and works.
        var again = await admin.SubmitAsync(late, "form#refuser");
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(ProjectStatus.Declined, (await app.ProjectAsync(id)).Status);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithAClearMessageOnTheForm_NeverAnError_AndWritesNothing()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var id = await NewProjectAsync(city, holder, "Un projet aux saisies douteuses");
        var otherAgent = (await app.Given.City()).Agent.Id;
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var page = await admin.GetAsync(ReviewTestKit.DecisionPage(id, city.Slug));
        var before = await app.ReviewCountsAsync(id);
        var land = ReviewTestKit.Row(0, "Land", "Un terrain");
        var tooMany = new Dictionary<string, string>();
        for (var i = 0; i <= Commitment.MaxPerLabel; i++)
        {
            tooMany = tooMany.With(ReviewTestKit.Row(i, "Other", $"Engagement {i}"));
        }

        var cases = new (string Case, Dictionary<string, string> Fields, string Message, string? FieldErrorId)[]
        {
            ("type inconnu (nombre)", ReviewTestKit.Row(0, "99", "Un terrain"), "Ce type d'engagement n'existe pas.", "engagement-0-type-erreur"),
            ("type inconnu (texte)", ReviewTestKit.Row(0, "Banane", "Un terrain"), "Ce type d'engagement n'existe pas.", "engagement-0-type-erreur"),
            ("type absent", ReviewTestKit.Row(0, string.Empty, "Un terrain"), "Choisissez le type d'engagement.", "engagement-0-type-erreur"),
            ("description absente", ReviewTestKit.Row(0, "Land", string.Empty, "100"), "Le champ « Description de l'engagement » est obligatoire.", "engagement-0-erreur"),
            ("valeur négative", ReviewTestKit.Row(0, "Land", "Un terrain", "-150"), "Le montant ne peut pas être négatif.", "engagement-0-valeur-erreur"),
            ("montant illisible", ReviewTestKit.Row(0, "Land", "Un terrain", "12,3,4"), "Saisissez un montant en euros", "engagement-0-valeur-erreur"),
            ("montant trop grand", ReviewTestKit.Row(0, "Land", "Un terrain", "20 000 000"), "La valeur estimée dépasse 10 000 000 €", "engagement-0-erreur"),
            ("référent d'une autre ville", ReviewTestKit.Row(0, "Expertise", "Un suivi").With(("Input.Commitments[0].ReferentUserId", otherAgent.ToString(CultureInfo.InvariantCulture))), "L'agent référent doit faire partie de l'équipe de la ville.", "engagement-0-erreur"),
            ("référent illisible", ReviewTestKit.Row(0, "Expertise", "Un suivi").With(("Input.Commitments[0].ReferentUserId", "Lucas")), "Choisissez l'agent référent dans la liste.", "engagement-0-referent-erreur"),
            ("référent absent", ReviewTestKit.Row(0, "Expertise", "Un suivi"), "Désignez l'agent référent qui suivra le projet.", "engagement-0-erreur"),
            ("mode de cofinancement inconnu", ReviewTestKit.Row(0, "CoFinancing", "Des sous").With(("Input.Commitments[0].CoFinancing", "Banane")), "Ce mode de cofinancement n'existe pas.", "engagement-0-mode-erreur"),
            ("mode de cofinancement absent", ReviewTestKit.Row(0, "CoFinancing", "Des sous"), "Précisez le cofinancement", "engagement-0-erreur"),
            ("subvention illisible", ReviewTestKit.Row(0, "CoFinancing", "Des sous").With(("Input.Commitments[0].CoFinancing", "Grant"), ("Input.Commitments[0].Grant", "beaucoup")), "Saisissez un montant en euros", "engagement-0-subvention-erreur"),
            ("taux illisible", ReviewTestKit.Row(0, "CoFinancing", "Des sous").With(("Input.Commitments[0].CoFinancing", "Matchfunding"), ("Input.Commitments[0].Ratio", "cent"), ("Input.Commitments[0].Cap", "1000")), "Saisissez un taux entier en pour cent", "engagement-0-taux-erreur"),
            ("taux nul", ReviewTestKit.Row(0, "CoFinancing", "Des sous").With(("Input.Commitments[0].CoFinancing", "Matchfunding"), ("Input.Commitments[0].Ratio", "0"), ("Input.Commitments[0].Cap", "1000")), "Le taux d'abondement doit être supérieur à zéro.", "engagement-0-erreur"),
            ("deux cofinancements", ReviewTestKit.Row(0, "CoFinancing", "Une subvention").With(ReviewTestKit.Row(1, "CoFinancing", "Une autre")).With(("Input.Commitments[0].CoFinancing", "Grant"), ("Input.Commitments[0].Grant", "1000"), ("Input.Commitments[1].CoFinancing", "Grant"), ("Input.Commitments[1].Grant", "500")), "Un label ne peut porter qu'un seul cofinancement.", null),
            ("date passée", land.With(("Input.ValidUntil", ReviewTestKit.DayFromToday(-1))), "La fin de validité du label doit être une date à venir.", "fin-validite-erreur"),
            ("date du jour", land.With(("Input.ValidUntil", ReviewTestKit.DayFromToday(0))), "La fin de validité du label doit être une date à venir.", "fin-validite-erreur"),
            ("date illisible", land.With(("Input.ValidUntil", "31/02/2030")), "Saisissez une date au format jj/mm/aaaa.", "fin-validite-erreur"),
            ("conditions trop longues", land.With(("Input.Conditions", new string('a', ProjectDecision.ConditionsMaxLength + 1))), "ne peut pas dépasser", "conditions-erreur"),
            ("aucun engagement", new Dictionary<string, string>(), "ajoutez au moins un engagement", "engagement-0-erreur"),
            ("trop d'engagements", tooMany, "Un label ne peut pas compter plus de 20 engagements.", null),
        };

        var failures = new List<string>();
        foreach (var (name, fields, message, fieldErrorId) in cases)
        {
            var refused = await admin.SubmitAsync(page, "form#labelliser", fields);
            if (refused.Status != HttpStatusCode.OK)
            {
                failures.Add($"{name}: {(int)refused.Status}");
                continue;
            }

            refused.AssertAccessibleStructure();
            if (!refused.ErrorSummary().Contains(message, StringComparison.Ordinal))
            {
                failures.Add($"{name}: summary « {refused.ErrorSummary()} »");
            }

            if (fieldErrorId is not null && !refused.FieldError(fieldErrorId).Contains(message, StringComparison.Ordinal))
            {
                failures.Add($"{name}: #{fieldErrorId} « {refused.FieldError(fieldErrorId)} »");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(before, await app.ReviewCountsAsync(id));

        // A form that is not ours (no version, no token) is a bad request, not an error page.
        foreach (var forged in new[]
        {
            land,
            land.With(("projectVersion", "abc"), ("requestToken", Guid.NewGuid().ToString("N"))),
            land.With(("projectVersion", "1"), ("requestToken", "pas-un-jeton")),
            land.With(("projectVersion", "1")),
        })
        {
            var post = await admin.PostAsync($"{ReviewTestKit.DecisionPage(id, city.Slug)}?handler=Label", page, forged);
            Assert.Equal(HttpStatusCode.BadRequest, post.Status);
        }

        Assert.Equal(before, await app.ReviewCountsAsync(id));
    }

    [Fact]
    public async Task ASuspendedCity_CannotLabel_AndIsToldWhyBeforeFillingTheForm()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var id = await NewProjectAsync(city, holder, "Un verger en ville");
        var proposal = await NewProjectAsync(city, holder, "Une ruche en ville", ProjectState.LabelProposed);
        await app.Given.SubscriptionStatus(city, SubscriptionStatus.Suspended);
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var page = await admin.GetAsync(ReviewTestKit.DecisionPage(id, city.Slug));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        Assert.Contains("L'abonnement de la ville est suspendu : aucun nouveau label ne peut être décerné tant qu'il n'est pas rétabli.", page.Document.GetElementById("label-impossible")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("form#labelliser"));
        Assert.NotNull(page.Document.QuerySelector("form#refuser"));
        var before = await app.ReviewCountsAsync(id);

        var forged = await admin.PostAsync($"{ReviewTestKit.DecisionPage(id, city.Slug)}?handler=Label", page, ReviewTestKit.Row(0, "Land", "Un terrain").With(
            ("projectVersion", (await app.ProjectAsync(id)).Version.ToString(CultureInfo.InvariantCulture)),
            ("requestToken", Guid.NewGuid().ToString("N"))));

        Assert.Equal(HttpStatusCode.OK, forged.Status);
        Assert.Contains("L'abonnement de la ville est suspendu", forged.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal(before, await app.ReviewCountsAsync(id));

        // An agent's label proposal cannot be confirmed either: the page says why instead of offering the button.
        var pending = await admin.GetAsync(ReviewTestKit.ReviewPage(proposal, city.Slug));
        Assert.Null(pending.Document.QuerySelector("form#confirmer"));
        Assert.Contains("L'abonnement de la ville est suspendu", pending.Document.QuerySelector("#proposition-en-attente")!.TextContent, StringComparison.Ordinal);
        var decision = Assert.Single(await app.DecisionsAsync(proposal));
        var confirm = await admin.PostAsync($"{ReviewTestKit.ReviewPage(proposal, city.Slug)}?handler=Confirm", pending, new Dictionary<string, string>
        {
            ["projectVersion"] = (await app.ProjectAsync(proposal)).Version.ToString(CultureInfo.InvariantCulture),
            ["decisionId"] = decision.Id.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Contains("L'abonnement de la ville est suspendu", confirm.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal(DecisionState.Proposed, Assert.Single(await app.DecisionsAsync(proposal)).State);
    }

    [Fact]
    public async Task TheDecisionPage_OfAProjectNotInReview_SaysWhy()
    {
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        var id = await NewProjectAsync(city, holder, "Un projet tout juste déposé", ProjectState.Submitted);
        using var agent = await app.SignedInAsync(city.Agent.Email);

        var page = await agent.GetAsync(ReviewTestKit.DecisionPage(id, city.Slug));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        Assert.Contains("Une décision se prend sur un projet à l'étude ; celui-ci est dans l'état « Déposé ».", page.MainText, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("main form"));
        var version = (await app.ProjectAsync(id)).Version.ToString(CultureInfo.InvariantCulture);
        var forged = await agent.PostAsync($"{ReviewTestKit.DecisionPage(id, city.Slug)}?handler=Decline", page, new Dictionary<string, string>
        {
            ["projectVersion"] = version,
            ["requestToken"] = Guid.NewGuid().ToString("N"),
            ["Refusal.Reason"] = "Refus prématuré",
        });
        Assert.Equal(HttpStatusCode.OK, forged.Status);
        Assert.Contains("Une décision se prend sur un projet à l'étude", forged.ErrorSummary(), StringComparison.Ordinal);
        Assert.Empty(await app.DecisionsAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await agent.PostAsync(ReviewTestKit.DecisionPage(id, city.Slug), page, new Dictionary<string, string>())).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.PostAsync($"{ReviewTestKit.DecisionPage(id, city.Slug)}?handler=Inconnu", page, new Dictionary<string, string>())).Status);
    }

    /// <summary>A project of <paramref name="holder"/> asking for premises and communication, with a budget, in review unless said otherwise.</summary>
    private async Task<long> NewProjectAsync(TestCity city, TestUser holder, string title, ProjectState state = ProjectState.InReview) =>
        (await app.Given.Project(city, holder, new ProjectSpec
        {
            Title = title,
            State = state,
            Neighbourhood = city.Neighbourhoods[0],
            Budget = [("Matériel", 120_050), ("Communication", 30_000)],
            Support = [(CommitmentKind.Premises, "Une salle le samedi"), (CommitmentKind.Communication, null)],
        })).Id;

    /// <summary>"Ajouter des lignes": the label form as a browser sends it, to the button's own address.</summary>
    private static Task<TestBrowser.Page> AddRowsAsync(TestBrowser browser, TestBrowser.Page page, Dictionary<string, string> fields)
    {
        var form = page.Document.QuerySelector("form#labelliser")!;
        var values = new Dictionary<string, string>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            var value = element switch
            {
                AngleSharp.Html.Dom.IHtmlInputElement { Type: "radio" or "checkbox" } choice => choice.IsChecked ? choice.Value : null,
                AngleSharp.Html.Dom.IHtmlInputElement input => input.Value,
                AngleSharp.Html.Dom.IHtmlSelectElement select => select.Value ?? string.Empty,
                AngleSharp.Html.Dom.IHtmlTextAreaElement area => area.Value,
                _ => null,
            };
            if (value is not null && name != "__RequestVerificationToken")
            {
                values[name] = value;
            }
        }

        var action = form.QuerySelector("button[formaction$='handler=AddRows']")!.GetAttribute("formaction")!;
        return browser.PostAsync(action, page, values.With(fields));
    }
}
