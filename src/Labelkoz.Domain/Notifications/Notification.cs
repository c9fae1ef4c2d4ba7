namespace Labelkoz.Domain.Notifications;

/// <summary>What a notification tells; the text is written from it in the reader's language.</summary>
public enum NotificationKind
{
    ProjectTakenIntoReview = 1,
    ChangesRequested,
    MessageFromCity,
    ProjectLabelled,
    ProjectDeclined,
    LabelRevoked,
    MessageFromHolder,
    ProposalAwaitsConfirmation,
    ProposalRejected,
    ApplicationSelected,
    ApplicationNotSelected,
    CallCancelled,
    ContributionConfirmed,
    ContributionDeclined,
    CampaignPaused,
    CampaignFunded,
    CampaignNotFunded,
    ContributionRefunded,
    CampaignResumed,
}

/// <summary>
/// A message for one person on the site (with its e-mail twin). Belongs to the person, not to a
/// city: someone follows projects in several cities.
/// </summary>
public sealed class Notification
{
    public const int SubjectMaxLength = 200;
    public const int TextMaxLength = 2_000;
    public const int LinkMaxLength = 500;

    private Notification()
    {
        Subject = string.Empty;
        Link = string.Empty;
    }

    public long Id { get; private set; }

    public long UserId { get; private set; }

    /// <summary>The city concerned, if any (for the name shown with it).</summary>
    public long? MunicipalityId { get; private set; }

    public NotificationKind Kind { get; private set; }

    /// <summary>What it is about (a project's title).</summary>
    public string Subject { get; private set; }

    /// <summary>A reason or a message quoted in the notification.</summary>
    public string? Text { get; private set; }

    /// <summary>A local path (never an absolute URL) to the page to look at.</summary>
    public string Link { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ReadAtUtc { get; private set; }

    public bool IsRead => ReadAtUtc is not null;

    public static Notification Create(long userId, long? municipalityId, NotificationKind kind, string subject, string? text, string link, DateTime nowUtc)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), "Unknown notification kind.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(link);
        if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal) || link.Contains('\\', StringComparison.Ordinal) || link.Length > LinkMaxLength)
        {
            throw new ArgumentException("A notification links to a local path.", nameof(link));
        }

        return new Notification
        {
            UserId = userId,
            MunicipalityId = municipalityId,
            Kind = kind,
            Subject = Clip(subject, SubjectMaxLength),
            Text = string.IsNullOrWhiteSpace(text) ? null : Clip(text, TextMaxLength),
            Link = link,
            CreatedAtUtc = nowUtc,
        };
    }

    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;

    private static string Clip(string value, int max) =>
        value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");
}
