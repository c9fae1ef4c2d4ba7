using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Projects;

namespace Labelkoz.Web.Features.Projects;

/// <summary>A project as its public page shows it.</summary>
public sealed record PublicProjectView(
    long Id,
    string Title,
    string? Summary,
    ProjectCategory? Category,
    ProjectStatus Status,
    long HolderUserId,
    string HolderName,
    HolderType HolderType,
    string? OrganisationName,
    string? Neighbourhood,
    DateTime? PublishedAtUtc,
    DateTime? HiddenAtUtc,
    int Supports,
    bool SupportedByViewer,
    int Followers,
    bool FollowedByViewer,
    string? Description,
    DateTime? LabelledAtUtc,
    long? CallId,
    string? CallTitle)
{
    public bool IsPublic => PublishedAtUtc is not null && HiddenAtUtc is null && Status != ProjectStatus.Draft;

    public bool AcceptsParticipation => IsPublic && ProjectLifecycle.AcceptsParticipation(Status);
}

public sealed record ProjectImageView(long Id, string AltText);

public sealed record ProjectBudgetLineView(string Label, long AmountCents);

public sealed record ProjectSupportView(CommitmentKind Kind, string? Details);

public sealed record ProjectEventView(DateTime AtUtc, ProjectAction Action, ProjectStatus Status, string? Reason);

/// <summary>A comment with what the viewer may do with it, and its replies (one level).</summary>
public sealed record ProjectCommentView(
    long Id,
    string Author,
    DateTime CreatedAtUtc,
    bool Edited,
    CommentState State,
    string? Body,
    bool IsOwn,
    bool CanEdit,
    bool CanDelete,
    bool CanReport,
    bool CanReply,
    IReadOnlyList<ProjectCommentView> Replies);
