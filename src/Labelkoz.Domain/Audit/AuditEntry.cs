using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Audit;

/// <summary>What a member of staff (or the operator) did. Stored as text: the log outlives enum renumbering.</summary>
public enum AuditAction
{
    ProjectPublished = 1,
    ProjectHidden,
    ProjectRestored,
    ProjectTakenIntoReview,
    ProjectAssigned,
    ProjectChangesRequested,
    ProjectMessageSent,
    ProjectNoteAdded,
    DecisionProposed,
    ProposalRejected,
    ProjectLabelled,
    ProjectDeclined,
    LabelRevoked,
    CommentHidden,
    CommentRestored,
    CommentApproved,
    StaffInvited,
    InvitationResent,
    InvitationCancelled,
    StaffRemoved,
    PresentationChanged,
    BrandColourChanged,
    LogoChanged,
    NeighbourhoodAdded,
    NeighbourhoodRemoved,
    SettingsChanged,
    CityCreated,
    SubscriptionStatusChanged,
    CallCreated,
    CallEdited,
    CallPublished,
    CallCancelled,
    ApplicationScored,
    ConflictOfInterestDeclared,
    ApplicationShortlisted,
    CallWinnersSelected,
    ApplicationSubmitted,
    ApplicationWithdrawn,
    CampaignPaused,
    CampaignResumed,
    OfflinePaymentRecorded,
    PayoutSent,
    TaxReceiptsAllowed,
    TaxReceiptsStopped,
    TaxReceiptCorrected,
    SignupApproved,
    SubscriptionPlanChanged,
    SubscriptionCancelled,
    SubscriptionResumed,
    SubscriptionStartedEarly,
    PaymentEventRetried,
    PaymentEventResolved,
    TaxReceiptCancelledForRefund,
    ContributionRefundRequested,
    PayeeRepaid,
    OfflinePaymentConfirmed,
    OfflinePaymentRejected,
    LegalDetailsChanged,
}

/// <summary>The kind of object an audit entry is about.</summary>
public enum AuditSubject
{
    Project = 1,
    Comment,
    Staff,
    Invitation,
    Municipality,
    Neighbourhood,
    Call,
    Application,
    Campaign,
    Contribution,
    Payout,
    TaxReceipt,
    PaymentEvent,
}

/// <summary>
/// One line of the append-only audit log: who did what, when, to which object, with the values
/// before and after where that applies. There is no method to change or delete an entry; the
/// database refuses it too (triggers), and the save pipeline refuses it before that. Each entry is
/// also sealed into its city's hash chain (<see cref="AuditChain"/>, ADR 21), so that a change made
/// by someone who got past the triggers is still found.
/// </summary>
public sealed class AuditEntry : ITenantOwned
{
    public const int ActorNameMaxLength = 200;
    public const int SubjectLabelMaxLength = 200;
    public const int DetailsMaxLength = 4_000;
    public const int ValuesMaxLength = 8_000;

    private AuditEntry()
    {
        ActorName = string.Empty;
        SubjectLabel = string.Empty;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public DateTime AtUtc { get; private set; }

    /// <summary>The account that acted (no foreign key: <see cref="ActorName"/> keeps who it was after the account is gone).</summary>
    public long? ActorUserId { get; private set; }

    public string ActorName { get; private set; }

    public AuditAction Action { get; private set; }

    public AuditSubject SubjectType { get; private set; }

    public long? SubjectId { get; private set; }

    /// <summary>The object's name when it happened (a project's title, an e-mail address...).</summary>
    public string SubjectLabel { get; private set; }

    /// <summary>A reason or a message, in the words of the person who acted.</summary>
    public string? Details { get; private set; }

    /// <summary>The values before the change, as "field: value" lines, when the action changed values.</summary>
    public string? Before { get; private set; }

    public string? After { get; private set; }

    /// <summary>The entry's place in its city's chain, from 1, without gaps; null until the save pipeline seals it.</summary>
    public long? Sequence { get; private set; }

    /// <summary>The <see cref="Hash"/> of the entry before it in the chain (<see cref="AuditChain.Genesis"/> for the first).</summary>
    public string? PreviousHash { get; private set; }

    /// <summary>SHA-256 (hex) of the entry's canonical text and <see cref="PreviousHash"/>: see <see cref="AuditChain.HashOf"/>.</summary>
    public string? Hash { get; private set; }

    /// <summary>
    /// Gives the entry its place in the chain. Called by the save pipeline while it holds the chain's
    /// lock, just before the insert (again if a save is retried); a stored entry is never sealed
    /// again, since the pipeline and the database refuse any change to a saved entry.
    /// </summary>
    public void Seal(long sequence, string previousHash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentNullException.ThrowIfNull(previousHash);
        if (previousHash.Length != AuditChain.HashLength)
        {
            throw new ArgumentException("A previous hash is 64 hexadecimal digits.", nameof(previousHash));
        }

        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = AuditChain.HashOf(this, sequence, previousHash);
    }

    public static AuditEntry Record(
        long municipalityId,
        long? actorUserId,
        string actorName,
        AuditAction action,
        AuditSubject subjectType,
        long? subjectId,
        string subjectLabel,
        DateTime nowUtc,
        string? details = null,
        string? before = null,
        string? after = null)
    {
        if (!Enum.IsDefined(action) || !Enum.IsDefined(subjectType))
        {
            throw new ArgumentOutOfRangeException(nameof(action), "Unknown audit action or subject.");
        }

        return new AuditEntry
        {
            MunicipalityId = municipalityId,
            ActorUserId = actorUserId,
            ActorName = Clip(actorName, ActorNameMaxLength) ?? string.Empty,
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId,
            SubjectLabel = Clip(subjectLabel, SubjectLabelMaxLength) ?? string.Empty,
            // Microseconds: what PostgreSQL keeps, so the hash computed now matches the stored row.
            AtUtc = new DateTime(nowUtc.Ticks - (nowUtc.Ticks % 10), DateTimeKind.Utc),
            Details = Clip(details, DetailsMaxLength),
            Before = Clip(before, ValuesMaxLength),
            After = Clip(after, ValuesMaxLength),
        };
    }

    private static string? Clip(string? value, int max) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");
}
