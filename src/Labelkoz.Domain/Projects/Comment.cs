using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;

namespace Labelkoz.Domain.Projects;

public enum CommentState
{
    /// <summary>Waiting for the city's approval (the city pre-moderates comments).</summary>
    Pending = 1,
    Visible = 2,
    HiddenByStaff = 3,
    DeletedByAuthor = 4,
}

/// <summary>A comment on a project, with one level of replies.</summary>
public sealed class Comment : ITenantOwned
{
    public const int BodyMaxLength = 4_000;
    public const int ReasonMaxLength = 500;
    public static readonly TimeSpan EditWindow = TimeSpan.FromMinutes(15);

    private readonly List<CommentReport> _reports = [];

    private Comment()
    {
        Body = string.Empty;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long ProjectId { get; private set; }

    public long AuthorUserId { get; private set; }

    public long? ParentCommentId { get; private set; }

    public string Body { get; private set; }

    public CommentState State { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? EditedAtUtc { get; private set; }

    public DateTime? ModeratedAtUtc { get; private set; }

    public long? ModeratedByUserId { get; private set; }

    public string? ModerationReason { get; private set; }

    /// <summary>Reports not yet handled by staff (hiding or restoring the comment handles them).</summary>
    public int OpenReportCount { get; private set; }

    public IReadOnlyList<CommentReport> Reports => _reports;

    /// <summary>Concurrency token: two moderators or reporters at once never overwrite each other.</summary>
    public long Version { get; private set; }

    public bool IsVisible => State == CommentState.Visible;

    public static Comment Write(Project project, long authorUserId, Comment? parent, string? body, ModerationMode moderation, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (!project.AcceptsParticipation)
        {
            throw new DomainException(CommentRefusals.ProjectClosedToComments);
        }

        if (parent is not null)
        {
            if (parent.ProjectId != project.Id)
            {
                throw new DomainException(CommentRefusals.OfAnotherProject);
            }

            if (parent.ParentCommentId is not null)
            {
                throw new DomainException(CommentRefusals.ReplyToAReply);
            }

            if (!parent.IsVisible)
            {
                throw new DomainException(CommentRefusals.ParentNotVisible);
            }
        }

        return new Comment
        {
            MunicipalityId = project.MunicipalityId,
            ProjectId = project.Id,
            AuthorUserId = authorUserId,
            ParentCommentId = parent?.Id,
            Body = Text.Required(body, BodyMaxLength, "Commentaire", multiline: true, field: "Body"),
            State = moderation == ModerationMode.PreModeration ? CommentState.Pending : CommentState.Visible,
            CreatedAtUtc = nowUtc,
        };
    }

    public bool CanBeEditedBy(long userId, DateTime nowUtc) =>
        userId == AuthorUserId && State is CommentState.Visible or CommentState.Pending && nowUtc - CreatedAtUtc <= EditWindow;

    public void Edit(long userId, string? body, DateTime nowUtc)
    {
        if (userId != AuthorUserId)
        {
            throw new DomainException(CommentRefusals.EditByAuthorOnly);
        }

        if (State is CommentState.HiddenByStaff or CommentState.DeletedByAuthor)
        {
            throw new DomainException(CommentRefusals.NoLongerEditable);
        }

        if (nowUtc - CreatedAtUtc > EditWindow)
        {
            throw new DomainException(CommentRefusals.EditWindowPassed);
        }

        Body = Text.Required(body, BodyMaxLength, "Commentaire", multiline: true, field: "Body");
        EditedAtUtc = nowUtc;
        Version++;
    }

    public void Delete(long userId, DateTime nowUtc)
    {
        if (userId != AuthorUserId)
        {
            throw new DomainException(CommentRefusals.DeleteByAuthorOnly);
        }

        if (State == CommentState.DeletedByAuthor)
        {
            throw new DomainException(CommentRefusals.AlreadyDeleted);
        }

        State = CommentState.DeletedByAuthor;
        Body = string.Empty;
        EditedAtUtc = nowUtc;
        OpenReportCount = 0;
        Version++;
    }

    public CommentReport Report(long reporterUserId, string? reason, DateTime nowUtc)
    {
        if (reporterUserId == AuthorUserId)
        {
            throw new DomainException(CommentRefusals.OwnCommentReported);
        }

        if (State != CommentState.Visible)
        {
            throw new DomainException(CommentRefusals.NotReportable);
        }

        if (_reports.Any(r => r.ReporterUserId == reporterUserId))
        {
            throw new DomainException(CommentRefusals.AlreadyReported);
        }

        var report = new CommentReport(this, reporterUserId, Text.Required(reason, ReasonMaxLength, "Motif du signalement", multiline: true, field: "Reason"), nowUtc);
        _reports.Add(report);
        OpenReportCount++;
        Version++;
        return report;
    }

    /// <summary>Under pre-moderation, staff let a pending comment through.</summary>
    public void Approve(long staffUserId, DateTime nowUtc)
    {
        if (State != CommentState.Pending)
        {
            throw new DomainException(CommentRefusals.NotPending);
        }

        State = CommentState.Visible;
        Moderate(staffUserId, null, nowUtc);
    }

    public void Hide(long staffUserId, string? reason, DateTime nowUtc)
    {
        if (State is not (CommentState.Visible or CommentState.Pending))
        {
            throw new DomainException(CommentRefusals.NotHideable);
        }

        State = CommentState.HiddenByStaff;
        Moderate(staffUserId, Text.Required(reason, ReasonMaxLength, "Motif", multiline: true, field: "Reason"), nowUtc);
    }

    public void Restore(long staffUserId, string? reason, DateTime nowUtc)
    {
        if (State == CommentState.DeletedByAuthor)
        {
            throw new DomainException(CommentRefusals.DeletedCannotBeRestored);
        }

        if (State == CommentState.Visible && OpenReportCount == 0)
        {
            throw new DomainException(CommentRefusals.AlreadyVisible);
        }

        State = CommentState.Visible;
        Moderate(staffUserId, Text.Required(reason, ReasonMaxLength, "Motif", multiline: true, field: "Reason"), nowUtc);
    }

    private void Moderate(long staffUserId, string? reason, DateTime nowUtc)
    {
        ModeratedAtUtc = nowUtc;
        ModeratedByUserId = staffUserId;
        ModerationReason = reason;
        OpenReportCount = 0;
        Version++;
    }
}

public sealed class CommentReport : ITenantOwned
{
    private CommentReport()
    {
        Reason = string.Empty;
    }

    internal CommentReport(Comment comment, long reporterUserId, string reason, DateTime nowUtc)
    {
        MunicipalityId = comment.MunicipalityId;
        ReporterUserId = reporterUserId;
        Reason = reason;
        CreatedAtUtc = nowUtc;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long CommentId { get; private set; }

    public long ReporterUserId { get; private set; }

    public string Reason { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
}
