using System.Net;
using System.Text.Json;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;

namespace Labelkoz.Web.Tests.ProjectsAdmin;

/// <summary>The moderation queue: reported and pending comments, hidden, restored or approved with a reason.</summary>
public sealed class ModerationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Url(TestCity city) => $"{city.AdminPath}/moderation";

    [Fact]
    public async Task AReportedComment_IsInTheQueue_WithItsReports_AndCanBeHidden()
    {
        var city = await app.Given.City();
        var (author, reporter) = (await app.Given.Citizen(), await app.Given.Citizen());
        var project = await app.Given.Project(city, await app.Given.Citizen(), new ProjectSpec { Title = "Une cabane à livres au square" });
        var comment = await app.Given.Comment(project, author, "Ce projet est une arnaque, passez votre chemin !");
        await app.Given.Report(comment, reporter, "Propos diffamatoires envers la porteuse");
        using var agent = await app.SignedInAsync(city.Agent.Email);

        var queue = await agent.GetAsync(Url(city));

        Assert.Equal(HttpStatusCode.OK, queue.Status);
        queue.AssertAccessibleStructure();
        Assert.Equal(Url(city), queue.Document.QuerySelector("nav.admin-nav a[aria-current=page]")!.GetAttribute("href"));
        var item = queue.Document.QuerySelector($"#signale-{comment}")!.TextContent;
        Assert.Contains("Ce projet est une arnaque", item, StringComparison.Ordinal);
        Assert.Contains(author.DisplayName, item, StringComparison.Ordinal);
        Assert.Contains(reporter.DisplayName, item, StringComparison.Ordinal);
        Assert.Contains("Propos diffamatoires envers la porteuse", item, StringComparison.Ordinal);
        Assert.Contains("Une cabane à livres au square", item, StringComparison.Ordinal);
        Assert.NotNull(queue.Document.QuerySelector($"#signale-{comment} a[href='{project.AdminPath}']"));
        Assert.NotNull(queue.Document.QuerySelector($"#signale-{comment} a[href^='/{city.Slug}/projets/{project.Id}-']"));
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
        Assert.Equal(city.Agent.Id, state.ModeratedByUserId);
        Assert.Equal(0, await VisibleCommentsInApiAsync(project));
        var after = await agent.FollowAsync(hidden);
        Assert.Contains("Le commentaire est masqué.", after.MainText, StringComparison.Ordinal);
        Assert.Null(after.Document.QuerySelector($"#signale-{comment}"));
        Assert.NotNull(after.Document.QuerySelector($"form#retablir-{comment}"));
    }

    [Fact]
    public async Task AHiddenComment_CanBeRestoredFromTheRecentDecisions()
    {
        var city = await app.Given.City();
        var project = await app.Given.Project(city, await app.Given.Citizen(), new ProjectSpec { Title = "Un marché de producteurs le dimanche" });
        var comment = await app.Given.Comment(project, await app.Given.Citizen(), "J'y serai avec mes voisins.");
        await app.Given.Report(comment, await app.Given.Citizen(), "Publicité");
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var queue = await admin.GetAsync(Url(city));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(queue, $"form#moderer-{comment}", new Dictionary<string, string> { ["reason"] = "Signalement accepté trop vite" })).Status);
        var recent = await admin.GetAsync(Url(city));

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
        var city = await app.Given.City();
        var project = await app.Given.Project(city, await app.Given.Citizen(), new ProjectSpec { Title = "Des nichoirs pour les martinets" });
        var comment = await app.Given.Comment(project, await app.Given.Citizen(), "Les martinets reviennent chaque année, bonne idée.");
        await app.Given.Report(comment, await app.Given.Citizen(), "Hors sujet");
        using var agent = await app.SignedInAsync(city.Agent.Email);
        var queue = await agent.GetAsync(Url(city));
        var form = queue.Document.QuerySelector($"form#moderer-{comment}")!;

        var restored = await agent.PostAsync($"{Url(city)}?handler=Restore", queue, new Dictionary<string, string>
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
        var city = await app.Given.City();
        var project = await app.Given.Project(city, await app.Given.Citizen(), new ProjectSpec { Title = "Une fête des voisins géante" });
        var comment = await app.Given.Comment(project, await app.Given.Citizen(), "Je peux prêter des tables.", ModerationMode.PreModeration);
        using var agent = await app.SignedInAsync(city.Agent.Email);
        var queue = await agent.GetAsync(Url(city));
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
        var (city, other) = await app.Given.TwoCities();
        var project = await app.Given.Project(other, await app.Given.Citizen(), new ProjectSpec { Title = "Un projet de l'autre ville" });
        var comment = await app.Given.Comment(project, await app.Given.Citizen(), "Un commentaire de l'autre ville.", ModerationMode.PreModeration);
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var tokenSource = await admin.GetAsync(Url(city));
        var before = await app.ModerationSnapshotAsync(other.Slug);

        foreach (var handler in new[] { "Hide", "Restore", "Approve" })
        {
            var post = await admin.PostAsync($"{Url(city)}?handler={handler}", tokenSource, new Dictionary<string, string>
            {
                ["commentId"] = comment.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["commentVersion"] = "0",
                ["reason"] = "Tentative",
            });
            Assert.Equal(HttpStatusCode.NotFound, post.Status);
        }

        Assert.DoesNotContain("Un commentaire de l'autre ville.", tokenSource.Html, StringComparison.Ordinal);
        Assert.Equal(before, await app.ModerationSnapshotAsync(other.Slug));
    }

    [Fact]
    public async Task AStaleDecision_IsRefused_WhenTheCommentChangedMeanwhile()
    {
        var city = await app.Given.City();
        var project = await app.Given.Project(city, await app.Given.Citizen(), new ProjectSpec { Title = "Un city-stade rénové" });
        var comment = await app.Given.Comment(project, await app.Given.Citizen(), "Enfin !");
        await app.Given.Report(comment, await app.Given.Citizen(), "Trop court");
        using var agent = await app.SignedInAsync(city.Agent.Email);
        var queue = await agent.GetAsync(Url(city));
        await app.Given.Report(comment, city.Admin, "Inutile");

        var late = await agent.SubmitAsync(queue, $"form#moderer-{comment}", new Dictionary<string, string> { ["reason"] = "Masqué sans voir le second signalement" });

        Assert.Equal(HttpStatusCode.OK, late.Status);
        Assert.Contains("en même temps que vous", late.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal(CommentState.Visible, (await app.CommentStateAsync(comment)).State);
        Assert.Contains("Inutile", late.Document.QuerySelector($"#signale-{comment}")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheQueue_SendsAFixedNumberOfSqlCommands_WhateverTheNumberOfComments()
    {
        var city = await app.Given.City();
        var project = await app.Given.Project(city, await app.Given.Citizen(), new ProjectSpec { Title = "Un kiosque à musique" });
        var (author, reporter) = (await app.Given.Citizen(), await app.Given.Citizen());
        await AddToTheQueuesAsync(city, project, author, reporter, 1);
        using var agent = await app.SignedInAsync(city.Agent.Email);
        var before = await CountAsync(agent, city);

        await AddToTheQueuesAsync(city, project, author, reporter, 12);
        var after = await CountAsync(agent, city);

        Assert.Equal(before, after);
        Assert.InRange(after, 1, 10);
    }

    private async Task AddToTheQueuesAsync(TestCity city, TestProject project, TestUser author, TestUser reporter, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var reported = await app.Given.Comment(project, author, $"Commentaire signalé {i}");
            await app.Given.Report(reported, reporter, "Hors sujet");
            await app.Given.Report(reported, city.Admin, "Inutile");
            await app.Given.Comment(project, author, $"Commentaire en attente {i}", ModerationMode.PreModeration);
        }
    }

    private async Task<int> CountAsync(TestBrowser browser, TestCity city)
    {
        await browser.GetAsync(Url(city));
        app.SqlCommands.Reset();
        var page = await browser.GetAsync(Url(city));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return app.SqlCommands.Count;
    }

    private async Task<int> VisibleCommentsInApiAsync(TestProject project)
    {
        using var visitor = app.NewBrowser();
        using var response = await visitor.Client.GetAsync($"/api/v1/projects/{project.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("commentsCount").GetInt32();
    }
}
