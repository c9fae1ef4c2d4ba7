using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;

namespace Labelkoz.Domain.Tests.Projects;

public sealed class CommentTests
{
    private const long Holder = 1;
    private const long Author = 2;
    private const long Other = 3;
    private const long Staff = 4;
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static Project PublicProject()
    {
        var project = Project.StartDraft(10, Holder, "Un jardin partagé", Now.AddDays(-2));
        project.UpdateContent(Holder, "Un jardin partagé", "Des bacs de culture.", "Une friche devient jardin.", ProjectCategory.Environment, null, Now.AddDays(-2));
        project.Submit(Holder, ModerationMode.PostModeration, Now.AddDays(-1));
        return project;
    }

    private static Comment Write(Project project, long author = Author, Comment? parent = null, ModerationMode moderation = ModerationMode.PostModeration) =>
        Comment.Write(project, author, parent, "Bonne idée !", moderation, Now);

    [Theory]
    [InlineData(0)]
    [InlineData(60)]
    [InlineData(14 * 60 + 59)]
    [InlineData(15 * 60)]
    public void Edit_ByItsAuthorWithinFifteenMinutes_IsAllowed(int secondsLater)
    {
        var comment = Write(PublicProject());
        var at = Now.AddSeconds(secondsLater);

        Assert.True(comment.CanBeEditedBy(Author, at));
        comment.Edit(Author, "  Très bonne idée !  ", at);

        Assert.Equal("Très bonne idée !", comment.Body);
        Assert.Equal(at, comment.EditedAtUtc);
    }

    [Theory]
    [InlineData(15 * 60 + 1)]
    [InlineData(60 * 60)]
    [InlineData(30 * 24 * 60 * 60)]
    public void Edit_AfterFifteenMinutes_IsRefused(int secondsLater)
    {
        var comment = Write(PublicProject());
        var at = Now.AddSeconds(secondsLater);

        Assert.False(comment.CanBeEditedBy(Author, at));
        var refused = Assert.Throws<DomainException>(() => comment.Edit(Author, "Trop tard", at));

        Assert.Equal("Un commentaire ne peut être modifié que dans les 15 minutes qui suivent sa publication.", refused.Message);
        Assert.Equal("Bonne idée !", comment.Body);
        Assert.Null(comment.EditedAtUtc);
    }

    [Fact]
    public void Edit_BySomeoneElse_IsRefused_EvenWithinTheWindow()
    {
        var comment = Write(PublicProject());

        Assert.False(comment.CanBeEditedBy(Other, Now));
        Assert.Throws<DomainException>(() => comment.Edit(Other, "Piraté", Now));
        Assert.Equal("Bonne idée !", comment.Body);
    }

    [Fact]
    public void Edit_OfAPendingComment_IsAllowedToItsAuthor()
    {
        var comment = Write(PublicProject(), moderation: ModerationMode.PreModeration);

        Assert.Equal(CommentState.Pending, comment.State);
        Assert.True(comment.CanBeEditedBy(Author, Now.AddMinutes(5)));
    }

    [Fact]
    public void Edit_OfAHiddenOrDeletedComment_IsRefused()
    {
        var hidden = Write(PublicProject());
        hidden.Hide(Staff, "Hors sujet", Now);
        var deleted = Write(PublicProject());
        deleted.Delete(Author, Now);

        Assert.False(hidden.CanBeEditedBy(Author, Now));
        Assert.False(deleted.CanBeEditedBy(Author, Now));
        Assert.Throws<DomainException>(() => hidden.Edit(Author, "Retour", Now));
        Assert.Throws<DomainException>(() => deleted.Edit(Author, "Retour", Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Write_WithoutText_IsRefused(string? body)
    {
        var refused = Assert.Throws<DomainException>(() => Comment.Write(PublicProject(), Author, null, body, ModerationMode.PostModeration, Now));

        Assert.Equal("Le champ « Commentaire » est obligatoire.", refused.Message);
    }

    [Fact]
    public void Write_TooLong_IsRefused()
    {
        Assert.Throws<DomainException>(() => Comment.Write(PublicProject(), Author, null, new string('a', Comment.BodyMaxLength + 1), ModerationMode.PostModeration, Now));
    }

    [Fact]
    public void Write_UnderPreModeration_IsPending_AndUnderPostModerationVisible()
    {
        Assert.Equal(CommentState.Pending, Write(PublicProject(), moderation: ModerationMode.PreModeration).State);
        Assert.Equal(CommentState.Visible, Write(PublicProject()).State);
    }

    [Fact]
    public void Write_OnAWithdrawnProject_IsRefused()
    {
        var project = PublicProject();
        project.Withdraw(Holder, null, Now);

        var refused = Assert.Throws<DomainException>(() => Write(project));

        Assert.Equal("Ce projet n'accepte plus de commentaires.", refused.Message);
    }

    [Fact]
    public void Write_OnADraft_IsRefused()
    {
        var draft = Project.StartDraft(10, Holder, "Brouillon", Now);

        Assert.Throws<DomainException>(() => Write(draft, Holder));
    }

    [Fact]
    public void Reply_ToAReply_IsRefused()
    {
        var project = PublicProject();
        var comment = Write(project);
        var reply = Write(project, Other, comment);

        var refused = Assert.Throws<DomainException>(() => Write(project, Author, reply));

        Assert.Equal("On ne peut répondre qu'à un commentaire, pas à une réponse.", refused.Message);
    }

    [Fact]
    public void Reply_ToAHiddenComment_IsRefused()
    {
        var project = PublicProject();
        var comment = Write(project);
        comment.Hide(Staff, "Hors sujet", Now);

        Assert.Throws<DomainException>(() => Write(project, Other, comment));
    }

    [Fact]
    public void Delete_ByItsAuthor_EmptiesTheText_AndOnlyOnce()
    {
        var comment = Write(PublicProject());

        comment.Delete(Author, Now.AddDays(3));

        Assert.Equal(CommentState.DeletedByAuthor, comment.State);
        Assert.Equal(string.Empty, comment.Body);
        Assert.Throws<DomainException>(() => comment.Delete(Author, Now.AddDays(3)));
    }

    [Fact]
    public void Delete_BySomeoneElse_IsRefused()
    {
        var comment = Write(PublicProject());

        var refused = Assert.Throws<DomainException>(() => comment.Delete(Other, Now));

        Assert.Equal("Seul l'auteur d'un commentaire peut le supprimer.", refused.Message);
        Assert.Equal(CommentState.Visible, comment.State);
    }

    [Fact]
    public void Report_OncePerPerson_NeverOnesOwn_WithAReason()
    {
        var comment = Write(PublicProject());

        comment.Report(Other, "Propos insultants", Now);

        Assert.Equal(1, comment.OpenReportCount);
        Assert.Equal("Vous avez déjà signalé ce commentaire.", Assert.Throws<DomainException>(() => comment.Report(Other, "Encore", Now)).Message);
        Assert.Equal("Vous ne pouvez pas signaler votre propre commentaire.", Assert.Throws<DomainException>(() => comment.Report(Author, "Moi", Now)).Message);
        Assert.Throws<DomainException>(() => comment.Report(Staff, "  ", Now));
        Assert.Equal(1, comment.OpenReportCount);
    }
}
