using System.Net;
using System.Text.Json;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Tests.CityAdmin;
using Labelkoz.Web.Tests.Infrastructure;

namespace Labelkoz.Web.Tests.ProjectsAdmin;

/// <summary>The moderation queue: reported and pending comments, hidden, restored or approved with a reason.</summary>
public sealed class ModerationTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private const string Url = "/montreuil/admin/moderation";

    [Fact]
    public async Task AReportedComment_IsInTheQueue_WithItsReports_AndCanBeHidden()
    {
        var project = await app.CreateProjectAsync(new NewProject("Une cabane à livres au square"));
        var comment = await app.CommentAsync(project, "hugo@demo.labelkoz.fr", "Ce projet est une arnaque, passez votre chemin !");
        await app.ReportAsync(comment, StaffTestKit.Citizen, "Propos diffamatoires envers la porteuse");
        using var agent = await app.SignedInAsync(StaffTestKit.MontreuilAgent);

        var queue = await agent.GetAsync(Url);

        Assert.Equal(HttpStatusCode.OK, queue.Status);
        queue.AssertAccessibleStructure();
        Assert.Equal(Url, queue.Document.QuerySelector("nav.admin-nav a[aria-current=page]")!.GetAttribute("href"));
        var item = queue.Document.QuerySelector($"#signale-{comment}")!.TextContent;
        Assert.Contains("Ce projet est une arnaque", item, StringComparison.Ordinal);
        Assert.Contains("Hugo Moreau", item, StringComparison.Ordinal);
        Assert.Contains("Camille Leroy", item, StringComparison.Ordinal);
        Assert.Contains("Propos diffamatoires envers la porteuse", item, StringComparison.Ordinal);
        Assert.Contains("Une cabane à livres au square", item, StringComparison.Ordinal);
        Assert.NotNull(queue.Document.QuerySelector($"#signale-{comment} a[href='/montreuil/admin/projets/{project}']"));
        Assert.NotNull(queue.Document.QuerySelector($"#signale-{comment} a[href^='/montreuil/projets/{project}-']"));
        Assert.Equal(1, await VisibleCommentsInApiAsync(project));

        var noReason = await agent.SubmitAsync(queue, $"form#moderer-{comment}", new Dictionary<string, string> { ["reason"] = " " });
        Assert.Equal(HttpStatusCode.OK, noReason.Status);
        noReason.AssertAccessibleStructure();
        Assert.Contains("Indiquez le motif de votre décision.", noReason.FieldError($"motif-{comment}-erreur"), StringComparison.Ordinal);
        Assert.Equal(CommentState.Visible, (await app.CommentStateAsync(comment)).State);

        var hidden = await agent.SubmitAsync(noReason, $"form#moderer-{comment}", new Dictionary<string, string> { ["reason"] = "Diffamation" });

        Assert.Equal(HttpStatusCode.Redirect, hidden.Status);
        var state = await app.CommentStateAsync(comment);
        Assert.Equal(CommentState.HiddenByStaff, state.State);
        Assert.Equal(0, state.OpenReportCount);
        Assert.Equal("Diffamation", state.ModerationReason);
        Assert.Equal(await app.UserIdAsync(StaffTestKit.MontreuilAgent), state.ModeratedByUserId);
        Assert.Equal(0, await VisibleCommentsInApiAsync(project));
        var after = await agent.FollowAsync(hidden);
        Assert.Contains("Le commentaire est masqué.", after.MainText, StringComparison.Ordinal);
        Assert.Null(after.Document.QuerySelector($"#signale-{comment}"));
        Assert.NotNull(after.Document.QuerySelector($"form#retablir-{comment}"));
    }

    [Fact]
    public async Task AHiddenComment_CanBeRestoredFromTheRecentDecisions()
    {
        var project = await app.CreateProjectAsync(new NewProject("Un marché de producteurs le dimanche"));
        var comment = await app.CommentAsync(project, "hugo@demo.labelkoz.fr", "J'y serai avec mes voisins.");
        await app.ReportAsync(comment, StaffTestKit.Citizen, "Publicité");
        using var admin = await app.SignedInAsync(StaffTestKit.MontreuilAdmin);
        var queue = await admin.GetAsync(Url);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(queue, $"form#moderer-{comment}", new Dictionary<string, string> { ["reason"] = "Signalement accepté trop vite" })).Status);
        var recent = await admin.GetAsync(Url);

        var refused = await admin.SubmitAsync(recent, $"form#retablir-{comment}", new Dictionary<string, string> { ["reason"] = string.Empty });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Indiquez le motif de votre décision.", refused.FieldError($"motif-recent-{comment}-erreur"), StringComparison.Ordinal);
        Assert.Equal(CommentState.HiddenByStaff, (await app.CommentStateAsync(comment)).State);

        var restored = await admin.SubmitAsync(refused, $"form#retablir-{comment}", new Dictionary<string, string> { ["reason"] = "Le commentaire est correct" });

        Assert.Equal(HttpStatusCode.Redirect, restored.Status);
        var state = await app.CommentStateAsync(comment);
        Assert.Equal(CommentState.Visible, state.State);
        Assert.Equal("Le commentaire est correct", state.ModerationReason);
        Assert.Equal(1, await VisibleCommentsInApiAsync(project));
    }

    [Fact]
    public async Task RestoringAReportedComment_KeepsItVisible_AndClosesItsReports()
    {
        var project = await app.CreateProjectAsync(new NewProject("Des nichoirs pour les martinets"));
        var comment = await app.CommentAsync(project, "hugo@demo.labelkoz.fr", "Les martinets reviennent chaque année, bonne idée.");
        await app.ReportAsync(comment, StaffTestKit.Citizen, "Hors sujet");
        using var agent = await app.SignedInAsync(StaffTestKit.MontreuilAgent);
        var queue = await agent.GetAsync(Url);
        var form = queue.Document.QuerySelector($"form#moderer-{comment}")!;

        var restored = await agent.PostAsync($"{Url}?handler=Restore", queue, new Dictionary<string, string>
        {
            ["commentId"] = form.QuerySelector("input[name=commentId]")!.GetAttribute("value")!,
            ["commentVersion"] = form.QuerySelector("input[name=commentVersion]")!.GetAttribute("value")!,
            ["reason"] = "Le commentaire est dans le sujet",
        });

        Assert.Equal(HttpStatusCode.Redirect, restored.Status);
        var state = await app.CommentStateAsync(comment);
        Assert.Equal(CommentState.Visible, state.State);
        Assert.Equal(0, state.OpenReportCount);
        var after = await agent.FollowAsync(restored);
        Assert.Null(after.Document.QuerySelector($"#signale-{comment}"));
        Assert.Contains("ses signalements sont traités", after.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APendingComment_IsApproved()
    {
        var project = await app.CreateProjectAsync(new NewProject("Une fête des voisins géante"));
        var comment = await app.CommentAsync(project, "hugo@demo.labelkoz.fr", "Je peux prêter des tables.", ModerationMode.PreModeration);
        using var agent = await app.SignedInAsync(StaffTestKit.MontreuilAgent);
        var queue = await agent.GetAsync(Url);
        Assert.Contains("Je peux prêter des tables.", queue.Document.QuerySelector($"#attente-{comment}")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await VisibleCommentsInApiAsync(project));

        var approved = await agent.SubmitAsync(queue, $"form#approuver-{comment}");

        Assert.Equal(HttpStatusCode.Redirect, approved.Status);
        Assert.Equal(CommentState.Visible, (await app.CommentStateAsync(comment)).State);
        Assert.Equal(1, await VisibleCommentsInApiAsync(project));
        var after = await agent.FollowAsync(approved);
        Assert.Contains("Le commentaire est approuvé", after.MainText, StringComparison.Ordinal);
        Assert.Null(after.Document.QuerySelector($"#attente-{comment}"));
    }

    [Fact]
    public async Task AnotherCitysComment_IsNotFound_AndNothingChanges()
    {
        var project = await app.CreateProjectAsync(new NewProject("Un projet à Bagnolet") { City = "bagnolet", Holder = "hugo@demo.labelkoz.fr" });
        var comment = await app.CommentAsync(project, StaffTestKit.Citizen, "Un commentaire à Bagnolet.", ModerationMode.PreModeration);
        using var admin = await app.SignedInAsync(StaffTestKit.MontreuilAdmin);
        var tokenSource = await admin.GetAsync(Url);
        var before = await app.ModerationSnapshotAsync("bagnolet");

        foreach (var handler in new[] { "Hide", "Restore", "Approve" })
        {
            var post = await admin.PostAsync($"{Url}?handler={handler}", tokenSource, new Dictionary<string, string>
            {
                ["commentId"] = comment.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["commentVersion"] = "0",
                ["reason"] = "Tentative",
            });
            Assert.Equal(HttpStatusCode.NotFound, post.Status);
        }

        Assert.DoesNotContain("Un commentaire à Bagnolet.", tokenSource.Html, StringComparison.Ordinal);
        Assert.Equal(before, await app.ModerationSnapshotAsync("bagnolet"));
    }

    [Fact]
    public async Task AStaleDecision_IsRefused_WhenTheCommentChangedMeanwhile()
    {
        var project = await app.CreateProjectAsync(new NewProject("Un city-stade rénové"));
        var comment = await app.CommentAsync(project, "hugo@demo.labelkoz.fr", "Enfin !");
        await app.ReportAsync(comment, StaffTestKit.Citizen, "Trop court");
        using var agent = await app.SignedInAsync(StaffTestKit.MontreuilAgent);
        var queue = await agent.GetAsync(Url);
        await app.ReportAsync(comment, StaffTestKit.MontreuilAdmin, "Inutile");

        var late = await agent.SubmitAsync(queue, $"form#moderer-{comment}", new Dictionary<string, string> { ["reason"] = "Masqué sans voir le second signalement" });

        Assert.Equal(HttpStatusCode.OK, late.Status);
        Assert.Contains("en même temps que vous", late.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal(CommentState.Visible, (await app.CommentStateAsync(comment)).State);
        Assert.Contains("Inutile", late.Document.QuerySelector($"#signale-{comment}")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheQueue_SendsAFixedNumberOfSqlCommands_WhateverTheNumberOfComments()
    {
        var project = await app.CreateProjectAsync(new NewProject("Un kiosque à musique"));
        await AddToTheQueuesAsync(project, 1);
        using var agent = await app.SignedInAsync(StaffTestKit.MontreuilAgent);
        var before = await CountAsync(agent);

        await AddToTheQueuesAsync(project, 12);
        var after = await CountAsync(agent);

        Assert.Equal(before, after);
        Assert.InRange(after, 1, 10);
    }

    private async Task AddToTheQueuesAsync(long project, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var reported = await app.CommentAsync(project, "hugo@demo.labelkoz.fr", $"Commentaire signalé {i}");
            await app.ReportAsync(reported, StaffTestKit.Citizen, "Hors sujet");
            await app.ReportAsync(reported, StaffTestKit.MontreuilAdmin, "Inutile");
            await app.CommentAsync(project, "hugo@demo.labelkoz.fr", $"Commentaire en attente {i}", ModerationMode.PreModeration);
        }
    }

    private async Task<int> CountAsync(TestBrowser browser)
    {
        await browser.GetAsync(Url);
        app.SqlCommands.Reset();
        var page = await browser.GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return app.SqlCommands.Count;
    }

    private async Task<int> VisibleCommentsInApiAsync(long projectId)
    {
        using var visitor = app.NewBrowser();
        using var response = await visitor.Client.GetAsync($"/api/v1/projects/{projectId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("commentsCount").GetInt32();
    }
}
