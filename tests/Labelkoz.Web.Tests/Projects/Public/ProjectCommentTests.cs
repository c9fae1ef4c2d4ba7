using System.Net;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Projects.Public;

public sealed class ProjectCommentTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Write_ThenReply_ButNotReplyToAReply()
    {
        var p = await PeopleAsync();
        var project = await app.CreateProjectAsync(p.City.Slug, "Un projet à discuter", new() { Holder = p.Author.Email });
        using var camille = await app.SignedInAsync(p.Author.Email);
        var page = await camille.GetAsync(project.Path);

        var written = await camille.SubmitAsync(page, "#nouveau-commentaire", Body("Quelle bonne idée !\nJ'en suis."));
        Assert.Equal(HttpStatusCode.Redirect, written.Status);
        var commentId = await LatestCommentIdAsync(project.Id);
        Assert.Equal($"{project.Path}#{DetailsModel.CommentAnchor(commentId)}", written.Location);

        using var hugo = await app.SignedInAsync(p.Reader.Email);
        var hugoPage = await hugo.GetAsync(project.Path);
        var comment = hugoPage.Document.GetElementById(DetailsModel.CommentAnchor(commentId))!;
        Assert.Contains(p.Author.DisplayName, comment.QuerySelector(".comment-head")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Quelle bonne idée !\nJ'en suis.", comment.QuerySelector(".comment-body")!.TextContent);
        Assert.Contains("1 commentaire", hugoPage.Document.QuerySelector(".comment-count")!.TextContent, StringComparison.Ordinal);

        var replied = await hugo.SubmitAsync(hugoPage, $"#{DetailsModel.CommentAnchor(commentId)} .reply-form", Body("Moi aussi !"));
        Assert.Equal(HttpStatusCode.Redirect, replied.Status);
        var replyId = await LatestCommentIdAsync(project.Id);
        var withReply = await hugo.FollowAsync(replied);
        var reply = withReply.Document.QuerySelector($"#{DetailsModel.CommentAnchor(commentId)} .comment-replies #{DetailsModel.CommentAnchor(replyId)}")!;
        Assert.Contains(p.Reader.DisplayName, reply.TextContent, StringComparison.Ordinal);
        Assert.Contains("Moi aussi !", reply.TextContent, StringComparison.Ordinal);
        Assert.Null(reply.QuerySelector(".reply-form"));
        Assert.Contains("2 commentaires", withReply.Document.QuerySelector(".comment-count")!.TextContent, StringComparison.Ordinal);

        var refused = await hugo.PostAsync(project.Path + "?handler=Reply", withReply, new Dictionary<string, string> { ["parentId"] = $"{replyId}", ["body"] = "Une réponse à une réponse" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("On ne peut répondre qu'à un commentaire, pas à une réponse.", refused.Document.QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await CommentCountAsync(project.Id));
    }

    [Fact]
    public async Task Write_EmptyOrTooLong_IsRefusedInFrench_AndNothingIsSaved()
    {
        var p = await PeopleAsync();
        var project = await app.CreateProjectAsync(p.City.Slug, "Un projet silencieux", new() { Holder = p.Author.Email });
        using var camille = await app.SignedInAsync(p.Author.Email);
        var page = await camille.GetAsync(project.Path);

        var empty = await camille.SubmitAsync(page, "#nouveau-commentaire", Body("   "));
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("Le champ « Commentaire » est obligatoire.", empty.Document.QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);

        var tooLong = await camille.SubmitAsync(page, "#nouveau-commentaire", Body(new string('a', Comment.BodyMaxLength + 1)));
        Assert.Equal(HttpStatusCode.OK, tooLong.Status);
        Assert.Contains("ne peut pas dépasser", tooLong.Document.QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Comment.BodyMaxLength + 1, tooLong.Document.QuerySelector("#commentaire-texte")!.TextContent.Length);

        var unknownParent = await camille.PostAsync(project.Path + "?handler=Reply", page, new Dictionary<string, string> { ["parentId"] = "abc", ["body"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownParent.Status);
        Assert.Equal(0, await CommentCountAsync(project.Id));
    }

    [Fact]
    public async Task Write_WhenAnonymous_RedirectsToLogIn()
    {
        var p = await PeopleAsync();
        var project = await app.CreateProjectAsync(p.City.Slug, "Un projet ouvert", new() { Holder = p.Author.Email });
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync(project.Path);
        Assert.Null(page.Document.QuerySelector("#nouveau-commentaire"));

        var result = await browser.PostAsync(project.Path + "?handler=Comment", page, Body("Anonyme"));

        Assert.StartsWith("/compte/connexion?returnUrl=", result.Location, StringComparison.Ordinal);
        Assert.Equal(0, await CommentCountAsync(project.Id));
    }

    [Fact]
    public async Task Write_OnAWithdrawnProject_IsRefusedInFrench()
    {
        var p = await PeopleAsync();
        var project = await app.CreateProjectAsync(p.City.Slug, "Un projet retiré", new() { Holder = p.Author.Email, State = TestState.Withdrawn });
        using var hugo = await app.SignedInAsync(p.Reader.Email);
        var page = await hugo.GetAsync(project.Path);
        Assert.Null(page.Document.QuerySelector("#nouveau-commentaire"));

        var result = await hugo.PostAsync(project.Path + "?handler=Comment", page, Body("Dommage !"));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Ce projet n'accepte plus de commentaires.", result.Document.QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await CommentCountAsync(project.Id));
    }

    [Fact]
    public async Task Edit_OwnCommentWithinFifteenMinutes_IsSavedAndMarked()
    {
        var p = await PeopleAsync();
        var project = await app.CreateProjectAsync(p.City.Slug, "Un projet à corriger", new() { Holder = p.Author.Email });
        using var camille = await app.SignedInAsync(p.Author.Email);
        var page = await camille.FollowAsync(await camille.SubmitAsync(await camille.GetAsync(project.Path), "#nouveau-commentaire", Body("Premier jet")));
        var id = await LatestCommentIdAsync(project.Id);
        var anchor = "#" + DetailsModel.CommentAnchor(id);
        Assert.DoesNotContain("modifié", page.Document.QuerySelector(anchor + " .comment-head")!.TextContent, StringComparison.Ordinal);

        var edited = await camille.SubmitAsync(page, anchor + " .edit-comment-form", Body("Version corrigée"));

        Assert.Equal(HttpStatusCode.Redirect, edited.Status);
        var after = await camille.FollowAsync(edited);
        Assert.Equal("Version corrigée", after.Document.QuerySelector(anchor + " .comment-body")!.TextContent);
        Assert.Contains("modifié", after.Document.QuerySelector(anchor + " .comment-head")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Version corrigée", await app.WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Body).SingleAsync()));
    }

    [Fact]
    public async Task SomeoneElsesComment_CannotBeEditedOrDeleted()
    {
        var p = await PeopleAsync();
        var project = await app.CreateProjectAsync(p.City.Slug, "Un projet convoité", new() { Holder = p.Author.Email });
        var id = (await app.AddCommentsAsync(project.Id, 1, p.Author.Email)).Single();
        var anchor = "#" + DetailsModel.CommentAnchor(id);
        using var hugo = await app.SignedInAsync(p.Reader.Email);
        var page = await hugo.GetAsync(project.Path);
        Assert.Null(page.Document.QuerySelector(anchor + " .edit-comment-form"));
        Assert.Null(page.Document.QuerySelector(anchor + " .delete-comment-form"));

        var edit = await hugo.PostAsync(project.Path + "?handler=EditComment", page, new Dictionary<string, string> { ["commentId"] = $"{id}", ["body"] = "Piraté" });
        Assert.Equal(HttpStatusCode.OK, edit.Status);
        Assert.Contains("Seul l'auteur d'un commentaire peut le modifier.", edit.Document.QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);

        var delete = await hugo.PostAsync(project.Path + "?handler=DeleteComment", page, new Dictionary<string, string> { ["commentId"] = $"{id}" });
        Assert.Equal(HttpStatusCode.OK, delete.Status);
        Assert.Contains("Seul l'auteur d'un commentaire peut le supprimer.", delete.Document.QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);

        var stored = await app.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal("Commentaire numéro 0", stored.Body);
        Assert.Equal(CommentState.Visible, stored.State);
        Assert.Null(stored.EditedAtUtc);
    }

    [Fact]
    public async Task ACommentOfAnotherProject_CannotBeReachedThroughThisProjectsAddress()
    {
        var p = await PeopleAsync();
        var project = await app.CreateProjectAsync(p.City.Slug, "Projet A", new() { Holder = p.Author.Email });
        var other = await app.CreateProjectAsync(p.City.Slug, "Projet B", new() { Holder = p.Reader.Email });
        var elsewhere = await app.CreateProjectAsync((await app.Given.City()).Slug, "Projet C", new() { Holder = p.Reader.Email });
        var otherComment = (await app.AddCommentsAsync(other.Id, 1, p.Author.Email)).Single();
        var elsewhereComment = (await app.AddCommentsAsync(elsewhere.Id, 1, p.Author.Email)).Single();
        using var camille = await app.SignedInAsync(p.Author.Email);
        var page = await camille.GetAsync(project.Path);

        foreach (var id in new[] { otherComment, elsewhereComment })
        {
            var edit = await camille.PostAsync(project.Path + "?handler=EditComment", page, new Dictionary<string, string> { ["commentId"] = $"{id}", ["body"] = "Déplacé" });
            Assert.Contains("Ce commentaire n'appartient pas à ce projet.", edit.MainText, StringComparison.Ordinal);
            var delete = await camille.PostAsync(project.Path + "?handler=DeleteComment", page, new Dictionary<string, string> { ["commentId"] = $"{id}" });
            Assert.Contains("Ce commentaire n'appartient pas à ce projet.", delete.MainText, StringComparison.Ordinal);
            var reply = await camille.PostAsync(project.Path + "?handler=Reply", page, new Dictionary<string, string> { ["parentId"] = $"{id}", ["body"] = "Réponse égarée" });
            Assert.Contains("Ce commentaire n'appartient pas à ce projet.", reply.MainText, StringComparison.Ordinal);
        }

        Assert.Equal(0, await CommentCountAsync(project.Id));
        var untouched = await app.WithDbAsync(db => db.Comments.AsNoTracking().Where(c => c.Id == otherComment || c.Id == elsewhereComment).ToListAsync());
        Assert.All(untouched, c => Assert.Equal(CommentState.Visible, c.State));
        Assert.All(untouched, c => Assert.Equal("Commentaire numéro 0", c.Body));
    }

    [Fact]
    public async Task Delete_OwnComment_DisappearsOrLeavesAMarkWhenItHasReplies()
    {
        var p = await PeopleAsync();
        var project = await app.CreateProjectAsync(p.City.Slug, "Un projet à nettoyer", new() { Holder = p.Author.Email });
        var ids = await app.AddCommentsAsync(project.Id, 2, p.Author.Email, repliesEach: 0);
        var withReply = (await app.AddCommentsAsync(project.Id, 1, p.Author.Email, repliesEach: 1, replier: p.Reader.Email)).Single();
        using var camille = await app.SignedInAsync(p.Author.Email);
        var page = await camille.GetAsync(project.Path);

        var deleted = await camille.SubmitAsync(page, $"#{DetailsModel.CommentAnchor(ids[0])} .delete-comment-form");
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        page = await camille.FollowAsync(await camille.SubmitAsync(await camille.FollowAsync(deleted), $"#{DetailsModel.CommentAnchor(withReply)} .delete-comment-form"));

        Assert.Null(page.Document.GetElementById(DetailsModel.CommentAnchor(ids[0])));
        Assert.NotNull(page.Document.GetElementById(DetailsModel.CommentAnchor(ids[1])));
        var kept = page.Document.GetElementById(DetailsModel.CommentAnchor(withReply))!;
        Assert.Equal("Commentaire supprimé", kept.QuerySelector(".comment-body")!.TextContent.Trim());
        Assert.DoesNotContain("Commentaire numéro 0", kept.QuerySelector(".comment-body")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Réponse 0", kept.QuerySelector(".comment-replies")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(CommentState.DeletedByAuthor, await app.WithDbAsync(db => db.Comments.Where(c => c.Id == ids[0]).Select(c => c.State).SingleAsync()));
    }

    [Fact]
    public async Task Report_OnceOnly_AndNeverOnesOwn()
    {
        var p = await PeopleAsync();
        var project = await app.CreateProjectAsync(p.City.Slug, "Un projet animé", new() { Holder = p.Author.Email });
        var id = (await app.AddCommentsAsync(project.Id, 1, p.Author.Email)).Single();
        var anchor = "#" + DetailsModel.CommentAnchor(id);
        using var hugo = await app.SignedInAsync(p.Reader.Email);
        var page = await hugo.GetAsync(project.Path);

        var noReason = await hugo.SubmitAsync(page, anchor + " .report-comment-form", new Dictionary<string, string> { ["reason"] = " " });
        Assert.Contains("Le champ « Motif du signalement » est obligatoire.", noReason.MainText, StringComparison.Ordinal);

        var reported = await hugo.SubmitAsync(page, anchor + " .report-comment-form", new Dictionary<string, string> { ["reason"] = "Propos insultants" });
        Assert.Equal(HttpStatusCode.Redirect, reported.Status);
        Assert.Contains("signalement a été transmis", (await hugo.FollowAsync(reported)).MainText, StringComparison.Ordinal);

        var twice = await hugo.SubmitAsync(page, anchor + " .report-comment-form", new Dictionary<string, string> { ["reason"] = "Encore" });
        Assert.Equal(HttpStatusCode.OK, twice.Status);
        Assert.Contains("Vous avez déjà signalé ce commentaire.", twice.Document.QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);

        var reports = await app.WithDbAsync(db => db.CommentReports.Where(r => r.CommentId == id).Select(r => r.Reason).ToListAsync());
        Assert.Equal(["Propos insultants"], reports);
        Assert.Equal(1, await app.WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.OpenReportCount).SingleAsync()));

        using var camille = await app.SignedInAsync(p.Author.Email);
        var own = await camille.GetAsync(project.Path);
        Assert.Null(own.Document.QuerySelector(anchor + " .report-comment-form"));
        var self = await camille.PostAsync(project.Path + "?handler=ReportComment", own, new Dictionary<string, string> { ["commentId"] = $"{id}", ["reason"] = "Moi" });
        Assert.Contains("Vous ne pouvez pas signaler votre propre commentaire.", self.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_TwiceAtOnce_KeepsOneReport_AndNever500()
    {
        var p = await PeopleAsync();
        var project = await app.CreateProjectAsync(p.City.Slug, "Un projet signalé", new() { Holder = p.Author.Email });
        var id = (await app.AddCommentsAsync(project.Id, 1, p.Author.Email)).Single();
        using var hugo = await app.SignedInAsync(p.Reader.Email);
        var page = await hugo.GetAsync(project.Path);

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            hugo.SubmitAsync(page, $"#{DetailsModel.CommentAnchor(id)} .report-comment-form", new Dictionary<string, string> { ["reason"] = "Spam" })));

        Assert.All(results, r => Assert.True(r.Status is HttpStatusCode.Redirect or HttpStatusCode.OK, r.Status.ToString()));
        Assert.Equal(1, await app.WithDbAsync(db => db.CommentReports.CountAsync(r => r.CommentId == id)));
    }

    [Fact]
    public async Task HiddenComment_ShowsOnlyAModerationMark()
    {
        var p = await PeopleAsync();
        var project = await app.CreateProjectAsync(p.City.Slug, "Un projet modéré", new() { Holder = p.Author.Email });
        var id = (await app.AddCommentsAsync(project.Id, 1, p.Author.Email)).Single();
        var staffId = p.City.Admin.Id;
        await app.WithDbAsync(async db =>
        {
            var comment = await db.Comments.SingleAsync(c => c.Id == id);
            comment.Hide(staffId, "Hors sujet", DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        using var browser = app.NewBrowser();
        var page = await browser.GetAsync(project.Path);

        var comment = page.Document.GetElementById(DetailsModel.CommentAnchor(id))!;
        Assert.Equal("Commentaire masqué par la modération", comment.QuerySelector(".comment-body")!.TextContent.Trim());
        Assert.DoesNotContain("Commentaire numéro 0", page.Html, StringComparison.Ordinal);
        Assert.Contains("0 commentaire", page.Document.QuerySelector(".comment-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnderPreModeration_APendingCommentIsShownOnlyToItsAuthor()
    {
        var p = await PeopleAsync(new CitySpec { CommentModeration = ModerationMode.PreModeration });
        var project = await app.CreateProjectAsync(p.City.Slug, "Un projet prudent", new() { Holder = p.Reader.Email });
        using var camille = await app.SignedInAsync(p.Author.Email);

        var written = await camille.SubmitAsync(await camille.GetAsync(project.Path), "#nouveau-commentaire", Body("Mon avis en attente"));
        var own = await camille.FollowAsync(written);
        Assert.Contains("sera publié après sa relecture par la ville", own.MainText, StringComparison.Ordinal);
        var id = await LatestCommentIdAsync(project.Id);
        var mine = own.Document.GetElementById(DetailsModel.CommentAnchor(id))!;
        Assert.Contains("en attente de modération", mine.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mon avis en attente", mine.TextContent, StringComparison.Ordinal);
        Assert.Null(mine.QuerySelector(".reply-form"));

        using var hugo = await app.SignedInAsync(p.Reader.Email);
        var others = await hugo.GetAsync(project.Path);
        Assert.DoesNotContain("Mon avis en attente", others.Html, StringComparison.Ordinal);
        using var anonymous = app.NewBrowser();
        Assert.DoesNotContain("Mon avis en attente", (await anonymous.GetAsync(project.Path)).Html, StringComparison.Ordinal);
        Assert.Contains("0 commentaire", others.Document.QuerySelector(".comment-count")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>A city, an author of comments (and holder of projects) and another resident who reads and answers.</summary>
    private async Task<(TestCity City, TestUser Author, TestUser Reader)> PeopleAsync(CitySpec? spec = null) =>
        (await app.Given.City(spec), await app.Given.Citizen(), await app.Given.Citizen());

    private static Dictionary<string, string> Body(string body) => new() { ["body"] = body };

    private Task<long> LatestCommentIdAsync(long projectId) =>
        app.WithDbAsync(db => db.Comments.Where(c => c.ProjectId == projectId).MaxAsync(c => c.Id));

    private Task<int> CommentCountAsync(long projectId) =>
        app.WithDbAsync(db => db.Comments.CountAsync(c => c.ProjectId == projectId));
}
