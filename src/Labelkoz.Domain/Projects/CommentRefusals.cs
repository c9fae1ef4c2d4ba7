using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Projects;

/// <summary>The rules of comments on a project, of their authors and of their moderation (<see cref="Comment"/>).</summary>
public static class CommentRefusals
{
    public static readonly DomainRefusal ProjectClosedToComments = new("comment.project-closed-to-comments", null, "Ce projet n'accepte plus de commentaires.");

    public static readonly DomainRefusal OfAnotherProject = new("comment.of-another-project", null, "Ce commentaire n'appartient pas à ce projet.");

    public static readonly DomainRefusal ReplyToAReply = new("comment.reply-to-a-reply", null, "On ne peut répondre qu'à un commentaire, pas à une réponse.");

    public static readonly DomainRefusal ParentNotVisible = new("comment.parent-not-visible", null, "On ne peut pas répondre à ce commentaire.");

    public static readonly DomainRefusal EditByAuthorOnly = new("comment.edit-by-author-only", null, "Seul l'auteur d'un commentaire peut le modifier.");

    public static readonly DomainRefusal NoLongerEditable = new("comment.no-longer-editable", null, "Ce commentaire ne peut plus être modifié.");

    public static readonly DomainRefusal EditWindowPassed = new("comment.edit-window-passed", null, "Un commentaire ne peut être modifié que dans les 15 minutes qui suivent sa publication.");

    public static readonly DomainRefusal DeleteByAuthorOnly = new("comment.delete-by-author-only", null, "Seul l'auteur d'un commentaire peut le supprimer.");

    public static readonly DomainRefusal AlreadyDeleted = new("comment.already-deleted", null, "Ce commentaire est déjà supprimé.");

    public static readonly DomainRefusal OwnCommentReported = new("comment.own-comment-reported", null, "Vous ne pouvez pas signaler votre propre commentaire.");

    public static readonly DomainRefusal NotReportable = new("comment.not-reportable", null, "Ce commentaire ne peut pas être signalé.");

    public static readonly DomainRefusal AlreadyReported = new("comment.already-reported", null, "Vous avez déjà signalé ce commentaire.");

    public static readonly DomainRefusal NotPending = new("comment.not-pending", null, "Seul un commentaire en attente peut être approuvé.");

    public static readonly DomainRefusal NotHideable = new("comment.not-hideable", null, "Ce commentaire ne peut pas être masqué.");

    public static readonly DomainRefusal DeletedCannotBeRestored = new("comment.deleted-cannot-be-restored", null, "Un commentaire supprimé par son auteur ne peut pas être rétabli.");

    public static readonly DomainRefusal AlreadyVisible = new("comment.already-visible", null, "Ce commentaire est déjà visible.");
}
