using Labelkoz.Domain.Common;
using Labelkoz.Domain.Labels;

namespace Labelkoz.Domain.Projects;

public enum ProjectAction
{
    Created = 1,
    Submitted = 2,
    Resubmitted = 3,
    Published = 4,
    TakenIntoReview = 5,
    ChangesRequested = 6,
    Labelled = 7,
    Declined = 8,
    FundingLaunched = 9,
    Funded = 10,
    NotFunded = 11,
    Started = 12,
    Completed = 13,
    Withdrawn = 14,
    Hidden = 15,
    Unhidden = 16,
    Assigned = 17,
    DecisionProposed = 18,
    ProposalRejected = 19,
    LabelRevoked = 20,
    SelectedInCall = 21,
}

/// <summary>One line of a project's history: who, when, from which state to which, and why.</summary>
public sealed class ProjectEvent : ITenantOwned
{
    private ProjectEvent()
    {
    }

    internal ProjectEvent(Project project, ProjectAction action, ProjectStatus from, ProjectStatus to, long? byUserId, string? reason, DateTime atUtc, bool isPublic)
    {
        MunicipalityId = project.MunicipalityId;
        Action = action;
        FromStatus = from;
        ToStatus = to;
        ByUserId = byUserId;
        Reason = reason;
        AtUtc = atUtc;
        IsPublic = isPublic;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long ProjectId { get; private set; }

    public ProjectAction Action { get; private set; }

    public ProjectStatus FromStatus { get; private set; }

    public ProjectStatus ToStatus { get; private set; }

    /// <summary>Null when the platform itself acted (e.g. the settlement of a campaign).</summary>
    public long? ByUserId { get; private set; }

    public string? Reason { get; private set; }

    public DateTime AtUtc { get; private set; }

    /// <summary>Shown on the public timeline (internal moves such as moderation are staff-only).</summary>
    public bool IsPublic { get; private set; }
}

public sealed class ProjectImage : ITenantOwned
{
    public const int AltTextMaxLength = 250;

    private ProjectImage()
    {
        FileKey = string.Empty;
        ContentType = string.Empty;
        AltText = string.Empty;
    }

    internal ProjectImage(Project project, string fileKey, string contentType, string altText, int position)
    {
        MunicipalityId = project.MunicipalityId;
        FileKey = fileKey;
        ContentType = contentType;
        AltText = altText;
        Position = position;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long ProjectId { get; private set; }

    public string FileKey { get; private set; }

    public string ContentType { get; private set; }

    public string AltText { get; private set; }

    public int Position { get; private set; }

    internal void Describe(string altText) => AltText = altText;
}

public sealed class BudgetLine : ITenantOwned
{
    private BudgetLine()
    {
        Label = string.Empty;
    }

    internal BudgetLine(Project project, string label, long amountCents, int position)
    {
        MunicipalityId = project.MunicipalityId;
        Label = label;
        AmountCents = amountCents;
        Position = position;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long ProjectId { get; private set; }

    public string Label { get; private set; }

    public long AmountCents { get; private set; }

    public int Position { get; private set; }
}

/// <summary>What the holder asks of the city (a kind of commitment, with optional details).</summary>
public sealed class RequestedSupport : ITenantOwned
{
    public const int DetailsMaxLength = 500;

    private RequestedSupport()
    {
    }

    internal RequestedSupport(Project project, CommitmentKind kind, string? details)
    {
        MunicipalityId = project.MunicipalityId;
        Kind = kind;
        Details = details;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long ProjectId { get; private set; }

    public CommitmentKind Kind { get; private set; }

    public string? Details { get; private set; }
}

/// <summary>One account supports ("soutient") one project: the unique key makes it exact under concurrency.</summary>
public sealed class ProjectSupport : ITenantOwned
{
    private ProjectSupport()
    {
    }

    public ProjectSupport(Project project, long userId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (!project.AcceptsParticipation)
        {
            throw new DomainException(ProjectRefusals.NoLongerSupportable);
        }

        MunicipalityId = project.MunicipalityId;
        ProjectId = project.Id;
        UserId = userId;
        CreatedAtUtc = nowUtc;
    }

    public long MunicipalityId { get; private set; }

    public long ProjectId { get; private set; }

    public long UserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
}

/// <summary>One account follows one project (and will be told of its news).</summary>
public sealed class ProjectFollow : ITenantOwned
{
    private ProjectFollow()
    {
    }

    public ProjectFollow(Project project, long userId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (!project.IsPublic && !project.IsHeldBy(userId))
        {
            throw new DomainException(ProjectRefusals.NotPublic);
        }

        MunicipalityId = project.MunicipalityId;
        ProjectId = project.Id;
        UserId = userId;
        CreatedAtUtc = nowUtc;
    }

    public long MunicipalityId { get; private set; }

    public long ProjectId { get; private set; }

    public long UserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
}
