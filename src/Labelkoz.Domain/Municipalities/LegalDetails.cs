namespace Labelkoz.Domain.Municipalities;

/// <summary>
/// What a city publishes about itself on its legal pages: who publishes its site, whom to ask about
/// personal data, and its own accessibility audit. Every field is optional: an empty one shows the
/// platform's default, so a city that sets nothing still has complete pages.
/// </summary>
public sealed class LegalDetails
{
    public const int NameMaxLength = 120;
    public const int AddressMaxLength = 300;
    public const int EmailMaxLength = 254;
    public const int AuditorMaxLength = 200;
    public const int LongTextMaxLength = 4000;
    public const int UrlMaxLength = 300;

    public string? PublicationDirector { get; private set; }

    public string? PublisherAddress { get; private set; }

    public string? DpoName { get; private set; }

    public string? DpoEmail { get; private set; }

    public string? LegalContactEmail { get; private set; }

    /// <summary>The city's own audit: its rate (0–100), date and author; all three or none.</summary>
    public int? AuditRate { get; private set; }

    public DateOnly? AuditDate { get; private set; }

    public string? Auditor { get; private set; }

    /// <summary>One non-conformity per line.</summary>
    public string? NonConformities { get; private set; }

    public string? Derogations { get; private set; }

    public string? ExemptContent { get; private set; }

    public string? PlanUrl { get; private set; }

    public string? PlanText { get; private set; }

    public string? AccessibilityContactEmail { get; private set; }

    public bool HasOwnAudit => AuditRate is not null;

    internal static LegalDetails From(LegalDetailsDraft draft) => new()
    {
        PublicationDirector = draft.PublicationDirector,
        PublisherAddress = draft.PublisherAddress,
        DpoName = draft.DpoName,
        DpoEmail = draft.DpoEmail,
        LegalContactEmail = draft.LegalContactEmail,
        AuditRate = draft.AuditRate,
        AuditDate = draft.AuditDate,
        Auditor = draft.Auditor,
        NonConformities = draft.NonConformities,
        Derogations = draft.Derogations,
        ExemptContent = draft.ExemptContent,
        PlanUrl = draft.PlanUrl,
        PlanText = draft.PlanText,
        AccessibilityContactEmail = draft.AccessibilityContactEmail,
    };
}

/// <summary>The legal details a city admin submits, as typed; <see cref="Municipality.ReviseLegalDetails"/> checks every part.</summary>
public sealed record LegalDetailsDraft
{
    public string? Siren { get; init; }

    public string? PublicationDirector { get; init; }

    public string? PublisherAddress { get; init; }

    public string? DpoName { get; init; }

    public string? DpoEmail { get; init; }

    public string? LegalContactEmail { get; init; }

    public string? AccessibilityCompliance { get; init; }

    public int? AuditRate { get; init; }

    public DateOnly? AuditDate { get; init; }

    public string? Auditor { get; init; }

    public string? NonConformities { get; init; }

    public string? Derogations { get; init; }

    public string? ExemptContent { get; init; }

    public string? PlanUrl { get; init; }

    public string? PlanText { get; init; }

    public string? AccessibilityContactEmail { get; init; }
}
