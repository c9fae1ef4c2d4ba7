using Labelkoz.Domain.Common;
using Labelkoz.Domain.Labels;

namespace Labelkoz.Domain.Projects;

public enum DecisionKind
{
    Label = 1,
    Decline = 2,
}

public enum DecisionState
{
    /// <summary>Prepared by an agent, waiting for an admin.</summary>
    Proposed = 1,

    /// <summary>Confirmed by an admin: the decision applies.</summary>
    Confirmed = 2,

    /// <summary>An admin sent the proposal back, with a note to the agent.</summary>
    Rejected = 3,

    /// <summary>Replaced by a later proposal or decision before an admin acted on it.</summary>
    Superseded = 4,
}

/// <summary>
/// A review decision on a project: an agent's proposal, or an admin's decision. The confirmed
/// <see cref="DecisionKind.Label"/> decision is the project's label, with its commitments; revoking
/// it keeps the row (the decision history stays whole).
/// </summary>
public sealed class ProjectDecision : ITenantOwned
{
    public const int ConditionsMaxLength = 4_000;
    public const int RequestTokenMaxLength = 64;

    private readonly List<Commitment> _commitments = [];

    private ProjectDecision()
    {
    }

    internal ProjectDecision(Project project, DecisionKind kind, long proposedByUserId, string? requestToken, DateTime nowUtc)
    {
        MunicipalityId = project.MunicipalityId;
        Kind = kind;
        State = DecisionState.Proposed;
        ProposedByUserId = proposedByUserId;
        ProposedAtUtc = nowUtc;
        RequestToken = requestToken is { Length: > 0 and <= RequestTokenMaxLength } ? requestToken : null;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long ProjectId { get; private set; }

    public DecisionKind Kind { get; private set; }

    public DecisionState State { get; private set; }

    public long ProposedByUserId { get; private set; }

    public DateTime ProposedAtUtc { get; private set; }

    /// <summary>The admin who confirmed or rejected it.</summary>
    public long? DecidedByUserId { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    /// <summary>For a decline: the public reason.</summary>
    public string? PublicReason { get; private set; }

    /// <summary>For a rejected proposal: the admin's note to the agent (internal).</summary>
    public string? RejectionNote { get; private set; }

    public DateOnly? ValidUntil { get; private set; }

    public string? Conditions { get; private set; }

    public DateTime? RevokedAtUtc { get; private set; }

    public long? RevokedByUserId { get; private set; }

    public string? RevokedReason { get; private set; }

    /// <summary>
    /// The form's one-time token: the same form posted twice (a double click) is recognised and
    /// makes one decision.
    /// </summary>
    public string? RequestToken { get; private set; }

    public IReadOnlyList<Commitment> Commitments => _commitments;

    public bool IsPending => State == DecisionState.Proposed;

    public bool IsActiveLabel => Kind == DecisionKind.Label && State == DecisionState.Confirmed && RevokedAtUtc is null;

    internal void SetLabelTerms(List<Commitment> commitments, DateOnly? validUntil, string? conditions)
    {
        _commitments.Clear();
        _commitments.AddRange(commitments);
        ValidUntil = validUntil;
        Conditions = conditions;
    }

    internal void SetPublicReason(string reason) => PublicReason = reason;

    internal void Confirm(long adminUserId, DateTime nowUtc)
    {
        State = DecisionState.Confirmed;
        DecidedByUserId = adminUserId;
        DecidedAtUtc = nowUtc;
    }

    internal void Reject(long adminUserId, string note, DateTime nowUtc)
    {
        State = DecisionState.Rejected;
        DecidedByUserId = adminUserId;
        DecidedAtUtc = nowUtc;
        RejectionNote = note;
    }

    internal void Supersede() => State = DecisionState.Superseded;

    internal void Revoke(long adminUserId, string reason, DateTime nowUtc)
    {
        RevokedAtUtc = nowUtc;
        RevokedByUserId = adminUserId;
        RevokedReason = reason;
    }
}

/// <summary>Who wrote a message of a project's review thread.</summary>
public enum MessageAuthorSide
{
    City = 1,
    Holder = 2,
}

/// <summary>
/// The exchange between the city and the holder while the project is reviewed (changes asked,
/// answers on resubmission). Seen by the holder and the city's staff, never by the public.
/// </summary>
public sealed class ReviewMessage : ITenantOwned
{
    public const int BodyMaxLength = 4_000;

    private ReviewMessage()
    {
        Body = string.Empty;
    }

    internal ReviewMessage(Project project, MessageAuthorSide side, long authorUserId, string body, DateTime nowUtc)
    {
        MunicipalityId = project.MunicipalityId;
        Side = side;
        AuthorUserId = authorUserId;
        Body = body;
        AtUtc = nowUtc;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long ProjectId { get; private set; }

    public MessageAuthorSide Side { get; private set; }

    public long? AuthorUserId { get; private set; }

    public string Body { get; private set; }

    public DateTime AtUtc { get; private set; }
}

/// <summary>A note staff keep on a project while reviewing it: internal, never shown to the holder or the public.</summary>
public sealed class ReviewNote : ITenantOwned
{
    public const int BodyMaxLength = 4_000;

    private ReviewNote()
    {
        Body = string.Empty;
    }

    internal ReviewNote(Project project, long authorUserId, string body, DateTime nowUtc)
    {
        MunicipalityId = project.MunicipalityId;
        AuthorUserId = authorUserId;
        Body = body;
        AtUtc = nowUtc;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long ProjectId { get; private set; }

    public long? AuthorUserId { get; private set; }

    public string Body { get; private set; }

    public DateTime AtUtc { get; private set; }
}
