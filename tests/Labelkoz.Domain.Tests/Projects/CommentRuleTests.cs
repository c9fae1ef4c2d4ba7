using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Domain.Tests.Common;
using Labelkoz.Domain.Tests.Funding;

namespace Labelkoz.Domain.Tests.Projects;

/// <summary>Every rule of comments, their authors and their moderation, met with its code and field.</summary>
public sealed class CommentRuleTests
{
    private const long Author = 42;
    private const long Reader = 43;
    private const long Staff = FundingKit.Admin;
    private static readonly DateTime Now = FundingKit.Now;

    internal static readonly RuleCase[] Cases =
    [
        RuleCase.Thrown(CommentRefusals.ProjectClosedToComments, () => Comment.Write(Project.StartDraft(1, FundingKit.Holder, "Un brouillon", Now), Author, null, "Bravo", ModerationMode.PostModeration, Now)),
        RuleCase.Thrown(CommentRefusals.OfAnotherProject, () => Comment.Write(Public(6), Reader, Visible(), "Moi aussi", ModerationMode.PostModeration, Now)),
        RuleCase.Thrown(CommentRefusals.ReplyToAReply, () =>
        {
            var project = Public();
            var reply = Comment.Write(project, Reader, FundingKit.WithId(Visible(project), 1), "Moi aussi", ModerationMode.PostModeration, Now);
            Comment.Write(project, 44, reply, "Et moi", ModerationMode.PostModeration, Now);
        }),
        RuleCase.Thrown(CommentRefusals.ParentNotVisible, () =>
        {
            var project = Public();
            Comment.Write(project, Reader, Written(project, ModerationMode.PreModeration), "Moi aussi", ModerationMode.PostModeration, Now);
        }),
        RuleCase.Thrown(CommentRefusals.EditByAuthorOnly, () => Visible().Edit(Reader, "Corrigé", Now)),
        RuleCase.Thrown(CommentRefusals.NoLongerEditable, () => Hidden().Edit(Author, "Corrigé", Now)),
        RuleCase.Thrown(CommentRefusals.EditWindowPassed, () => Visible().Edit(Author, "Corrigé", Now + Comment.EditWindow + TimeSpan.FromSeconds(1))),
        RuleCase.Thrown(CommentRefusals.DeleteByAuthorOnly, () => Visible().Delete(Reader, Now)),
        RuleCase.Thrown(CommentRefusals.AlreadyDeleted, () => Deleted().Delete(Author, Now)),
        RuleCase.Thrown(CommentRefusals.OwnCommentReported, () => Visible().Report(Author, "Spam", Now)),
        RuleCase.Thrown(CommentRefusals.NotReportable, () => Written(Public(), ModerationMode.PreModeration).Report(Reader, "Spam", Now)),
        RuleCase.Thrown(CommentRefusals.AlreadyReported, () =>
        {
            var comment = Visible();
            comment.Report(Reader, "Spam", Now);
            comment.Report(Reader, "Spam encore", Now);
        }),
        RuleCase.Thrown(CommentRefusals.NotPending, () => Visible().Approve(Staff, Now)),
        RuleCase.Thrown(CommentRefusals.NotHideable, () => Deleted().Hide(Staff, "Injurieux", Now)),
        RuleCase.Thrown(CommentRefusals.DeletedCannotBeRestored, () => Deleted().Restore(Staff, "Erreur", Now)),
        RuleCase.Thrown(CommentRefusals.AlreadyVisible, () => Visible().Restore(Staff, "Erreur", Now)),
        RuleCase.Thrown(TextRefusals.Required, "Body", () => Comment.Write(Public(), Author, null, "  ", ModerationMode.PostModeration, Now)),
        RuleCase.Thrown(TextRefusals.Required, "Reason", () => Visible().Report(Reader, null, Now)),
    ];

    public static TheoryData<string> Names() => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void ARuleOfComments_IsRefusedWithItsCodeAndField(string name) =>
        Cases.Single(c => c.Name == name).AssertMet();

    /// <summary>A submitted project, public at once (the city post-moderates).</summary>
    private static Project Public(long id = 5)
    {
        var project = FundingKit.WithId(Project.StartDraft(1, FundingKit.Holder, "Parc de street-workout", Now), id);
        project.UpdateContent(FundingKit.Holder, "Parc de street-workout", "Des agrès", "Un parc ouvert à tous.", ProjectCategory.Sport, null, Now);
        project.Submit(FundingKit.Holder, ModerationMode.PostModeration, Now);
        return project;
    }

    private static Comment Written(Project project, ModerationMode moderation) =>
        Comment.Write(project, Author, null, "Quelle bonne idée !", moderation, Now);

    private static Comment Visible(Project? project = null) => Written(project ?? Public(), ModerationMode.PostModeration);

    private static Comment Hidden()
    {
        var comment = Visible();
        comment.Hide(Staff, "Injurieux", Now);
        return comment;
    }

    private static Comment Deleted()
    {
        var comment = Visible();
        comment.Delete(Author, Now);
        return comment;
    }
}
