using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Municipalities;

public enum SubscriptionStatus
{
    Trial,
    Active,
    PastDue,
    Suspended,
    Cancelled,
}

public enum ModerationMode
{
    /// <summary>Published at once; staff hide afterwards if needed.</summary>
    PostModeration,

    /// <summary>Hidden until a member of staff publishes it.</summary>
    PreModeration,
}

/// <summary>The tenant: a commune (or grouping) that subscribes and has its own site under its slug.</summary>
public sealed class Municipality
{
    public const int NameMaxLength = 120;
    public const int PresentationMaxLength = 4000;
    public const int NeighbourhoodMaxLength = 80;
    public const int MaxNeighbourhoods = 100;
    public const int BillingAddressMaxLength = 300;

    private readonly List<Neighbourhood> _neighbourhoods = [];
    private readonly List<MunicipalityMembership> _memberships = [];
    private readonly List<StaffInvitation> _invitations = [];

    private Municipality()
    {
        Name = string.Empty;
        Slug = string.Empty;
        InseeCode = string.Empty;
        BrandColour = "#1F4E8C";
    }

    public long Id { get; private set; }

    public string Name { get; private set; }

    public string Slug { get; private set; }

    public string InseeCode { get; private set; }

    public string? Siren { get; private set; }

    public int Population { get; private set; }

    public string? Presentation { get; private set; }

    public string BrandColour { get; private set; }

    public string? LogoFileKey { get; private set; }

    public string? LogoContentType { get; private set; }

    public string? ContactEmail { get; private set; }

    public string? ContactPhone { get; private set; }

    public string? Website { get; private set; }

    /// <summary>Where the platform's invoices are addressed (street, then postal code and town), printed on them.</summary>
    public string? BillingAddress { get; private set; }

    public ModerationMode ProjectModeration { get; private set; }

    public ModerationMode CommentModeration { get; private set; }

    public bool LabelRequiredForFunding { get; private set; } = true;

    public string AccessibilityCompliance { get; private set; } = AccessibilityConformity.Partial;

    /// <summary>The city's publisher, data-protection and accessibility details for its legal pages.</summary>
    public LegalDetails Legal { get; private set; } = new();

    /// <summary>
    /// Above this amount, a cheque or a transfer an admin records waits for a second admin's
    /// confirmation (when the city has one); null: an admin's entry always counts at once. An
    /// agent's entry always waits for an admin (issue #16).
    /// </summary>
    public long? OfflineSecondAdminAboveCents { get; private set; } = DefaultOfflineSecondAdminAboveCents;

    public SubscriptionStatus SubscriptionStatus { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>App-managed concurrency token: bumped by every change, checked on save.</summary>
    public long Version { get; private set; }

    public IReadOnlyList<Neighbourhood> Neighbourhoods => _neighbourhoods;

    public IReadOnlyList<MunicipalityMembership> Memberships => _memberships;

    public IReadOnlyList<StaffInvitation> Invitations => _invitations;

    public BrandColour Brand => Municipalities.BrandColour.Parse(BrandColour);

    /// <summary>
    /// Why a city whose subscription is in <paramref name="status"/> may not label projects nor open
    /// calls, or null when it may. The one statement of the rule: <see cref="EnsureCanLabel"/> throws
    /// it, pages show it.
    /// </summary>
    public static DomainRefusal? WhyCannotLabelOrOpenCalls(SubscriptionStatus status) => status switch
    {
        // A late payment only warns (issue #7): suspension and cancellation stop new labels and calls.
        SubscriptionStatus.Trial or SubscriptionStatus.Active or SubscriptionStatus.PastDue => null,
        SubscriptionStatus.Suspended => CityRefusals.SubscriptionSuspended,
        SubscriptionStatus.Cancelled => CityRefusals.SubscriptionCancelled,
    };

    public DomainRefusal? WhyCannotLabelOrOpenCalls() => WhyCannotLabelOrOpenCalls(SubscriptionStatus);

    public bool CanLabelOrOpenCalls => WhyCannotLabelOrOpenCalls() is null;

    /// <summary>Refuses a new label (or call) with the reason, when the subscription does not allow it.</summary>
    public void EnsureCanLabel()
    {
        if (WhyCannotLabelOrOpenCalls() is { } refusal)
        {
            throw new DomainException(refusal);
        }
    }

    /// <summary>
    /// The operator sets the subscription status by hand (until invoices drive it). Returns false
    /// when nothing changes.
    /// </summary>
    public bool SetSubscriptionStatus(SubscriptionStatus status, DateTime nowUtc)
    {
        if (!Enum.IsDefined(status))
        {
            throw new DomainException(CityRefusals.UnknownSubscriptionStatus);
        }

        if (status == SubscriptionStatus)
        {
            return false;
        }

        SubscriptionStatus = status;
        Touch(nowUtc);
        return true;
    }

    public static Municipality Create(string? name, string? slug, string? inseeCode, int population, DateTime nowUtc)
    {
        if (population is < 0 or > 100_000_000)
        {
            throw new DomainException(CityRefusals.PopulationOutOfRange);
        }

        return new Municipality
        {
            Name = Text.Required(name, NameMaxLength, "Nom", field: "Name"),
            Slug = Municipalities.Slug.Validate(slug),
            InseeCode = Municipalities.InseeCode.Parse(inseeCode).Value,
            Population = population,
            SubscriptionStatus = SubscriptionStatus.Trial,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
        };
    }

    public void SetOfficialIdentity(string? siren)
    {
        var value = siren?.Trim();
        if (value is not null && (value.Length != 9 || !value.All(char.IsAsciiDigit)))
        {
            throw new DomainException(CityRefusals.SirenNotNineDigits);
        }

        Siren = value;
    }

    public void SetBillingAddress(string? address, DateTime nowUtc)
    {
        BillingAddress = Text.Optional(address, BillingAddressMaxLength, "Adresse de facturation", multiline: true, field: "BillingAddress");
        Touch(nowUtc);
    }

    public void UpdatePresentation(string? name, string? presentation, string? contactEmail, string? contactPhone, string? website, DateTime nowUtc)
    {
        Name = Text.Required(name, NameMaxLength, "Nom", field: "Name");
        Presentation = Text.Optional(presentation, PresentationMaxLength, "Présentation", multiline: true, field: "Presentation");
        ContactEmail = ValidateEmail(Text.Optional(contactEmail, 254, "Courriel de contact", field: "ContactEmail"), "ContactEmail");
        ContactPhone = Text.Optional(contactPhone, 30, "Téléphone", field: "ContactPhone");
        Website = ValidateWebsite(Text.Optional(website, 300, "Site internet", field: "Website"));
        Touch(nowUtc);
    }

    public void ChangeBrandColour(BrandColour colour, DateTime nowUtc)
    {
        BrandColour = colour.Hex;
        Touch(nowUtc);
    }

    public void ReplaceLogo(string fileKey, string contentType, DateTime nowUtc)
    {
        LogoFileKey = Text.Required(fileKey, 200, "Logo", field: "Logo");
        LogoContentType = Text.Required(contentType, 100, "Logo", field: "Logo");
        Touch(nowUtc);
    }

    /// <summary>The four-eyes threshold of a new city: 1 500 €.</summary>
    public const long DefaultOfflineSecondAdminAboveCents = 1_500_00;

    /// <summary>A city admin sets the amount above which an admin's offline entry needs a second admin (null: never).</summary>
    public void SetOfflineSecondAdminThreshold(long? cents, DateTime nowUtc)
    {
        if (cents is < 0 or > Funding.Campaign.MaxContributionCents)
        {
            throw new DomainException(CityRefusals.OfflineThresholdOutOfRange.With(Money.Euros(Funding.Campaign.MaxContributionCents)));
        }

        OfflineSecondAdminAboveCents = cents;
        Touch(nowUtc);
    }

    public void UpdateSettings(ModerationMode projectModeration, ModerationMode commentModeration, bool labelRequiredForFunding, string? accessibilityCompliance, DateTime nowUtc)
    {
        if (!Enum.IsDefined(projectModeration) || !Enum.IsDefined(commentModeration))
        {
            throw new DomainException(CityRefusals.UnknownModerationMode);
        }

        var compliance = ComplianceWith(accessibilityCompliance, Legal.AuditRate);
        ProjectModeration = projectModeration;
        CommentModeration = commentModeration;
        LabelRequiredForFunding = labelRequiredForFunding;
        AccessibilityCompliance = compliance;
        Touch(nowUtc);
    }

    /// <summary>
    /// Replaces the city's legal details (and its SIREN and declared conformity) as a whole once every
    /// part is valid: a refused draft changes nothing. Returns false when nothing changes.
    /// </summary>
    public bool ReviseLegalDetails(LegalDetailsDraft draft, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var siren = draft.Siren?.Trim() is { Length: > 0 } typed ? typed : null;
        if (siren is not null && (siren.Length != 9 || !siren.All(char.IsAsciiDigit)))
        {
            throw new DomainException(CityRefusals.SirenNotNineDigits);
        }

        if (draft.AuditRate is < 0 or > 100)
        {
            throw new DomainException(LegalRefusals.RateOutOfRange);
        }

        var auditor = Text.Optional(draft.Auditor, LegalDetails.AuditorMaxLength, "Auteur de l'audit", field: "Auditor");
        if (draft.AuditRate is not null && (draft.AuditDate is null || auditor is null))
        {
            throw new DomainException(LegalRefusals.AuditIncomplete);
        }

        if (draft.AuditDate is { } auditDate && auditDate > ParisTime.DateOf(nowUtc))
        {
            throw new DomainException(LegalRefusals.AuditInTheFuture);
        }

        var cleaned = new LegalDetailsDraft
        {
            PublicationDirector = Text.Optional(draft.PublicationDirector, LegalDetails.NameMaxLength, "Directeur ou directrice de la publication", field: "PublicationDirector"),
            PublisherAddress = Text.Optional(draft.PublisherAddress, LegalDetails.AddressMaxLength, "Adresse de l'éditeur", multiline: true, field: "PublisherAddress"),
            DpoName = Text.Optional(draft.DpoName, LegalDetails.NameMaxLength, "Délégué à la protection des données", field: "DpoName"),
            DpoEmail = ValidateEmail(Text.Optional(draft.DpoEmail, LegalDetails.EmailMaxLength, "Courriel du délégué à la protection des données", field: "DpoEmail"), "DpoEmail"),
            LegalContactEmail = ValidateEmail(Text.Optional(draft.LegalContactEmail, LegalDetails.EmailMaxLength, "Courriel de contact juridique", field: "LegalContactEmail"), "LegalContactEmail"),
            AuditRate = draft.AuditRate,
            AuditDate = draft.AuditDate,
            Auditor = auditor,
            NonConformities = Text.Optional(draft.NonConformities, LegalDetails.LongTextMaxLength, "Non-conformités", multiline: true, field: "NonConformities"),
            Derogations = Text.Optional(draft.Derogations, LegalDetails.LongTextMaxLength, "Dérogations", multiline: true, field: "Derogations"),
            ExemptContent = Text.Optional(draft.ExemptContent, LegalDetails.LongTextMaxLength, "Contenus non soumis à l'obligation", multiline: true, field: "ExemptContent"),
            PlanUrl = ValidatePlanUrl(Text.Optional(draft.PlanUrl, LegalDetails.UrlMaxLength, "Adresse du schéma pluriannuel", field: "PlanUrl")),
            PlanText = Text.Optional(draft.PlanText, LegalDetails.LongTextMaxLength, "Schéma pluriannuel", multiline: true, field: "PlanText"),
            AccessibilityContactEmail = ValidateEmail(Text.Optional(draft.AccessibilityContactEmail, LegalDetails.EmailMaxLength, "Courriel de contact pour l'accessibilité", field: "AccessibilityContactEmail"), "AccessibilityContactEmail"),
        };
        var compliance = ComplianceWith(draft.AccessibilityCompliance, draft.AuditRate);
        var legal = LegalDetails.From(cleaned);
        if (siren == Siren && compliance == AccessibilityCompliance && SameLegal(legal, Legal))
        {
            return false;
        }

        Siren = siren;
        AccessibilityCompliance = compliance;
        Legal = legal;
        Touch(nowUtc);
        return true;
    }

    /// <summary>A declared state of conformity, refused when unknown or when the city's own audit rate gives another.</summary>
    private static string ComplianceWith(string? declared, int? auditRate)
    {
        var state = declared?.Trim();
        if (!AccessibilityConformity.IsState(state))
        {
            throw new DomainException(CityRefusals.UnknownComplianceLevel);
        }

        if (auditRate is { } rate && AccessibilityConformity.StateFor(rate) != state)
        {
            throw new DomainException(LegalRefusals.StateDisagreesWithRate.With(rate, AccessibilityConformity.StateFor(rate)));
        }

        return state!;
    }

    private static bool SameLegal(LegalDetails a, LegalDetails b) =>
        a.PublicationDirector == b.PublicationDirector && a.PublisherAddress == b.PublisherAddress && a.DpoName == b.DpoName
        && a.DpoEmail == b.DpoEmail && a.LegalContactEmail == b.LegalContactEmail && a.AuditRate == b.AuditRate
        && a.AuditDate == b.AuditDate && a.Auditor == b.Auditor && a.NonConformities == b.NonConformities
        && a.Derogations == b.Derogations && a.ExemptContent == b.ExemptContent && a.PlanUrl == b.PlanUrl
        && a.PlanText == b.PlanText && a.AccessibilityContactEmail == b.AccessibilityContactEmail;

    private static string? ValidatePlanUrl(string? url) =>
        url is null || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            ? url
            : throw new DomainException(LegalRefusals.PlanNotAbsolute);

    public Neighbourhood AddNeighbourhood(string? name, DateTime nowUtc)
    {
        var cleaned = Text.Required(name, NeighbourhoodMaxLength, "Quartier", field: "Name");
        if (_neighbourhoods.Any(n => string.Equals(n.Name, cleaned, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException(CityRefusals.NeighbourhoodExists.With(cleaned));
        }

        if (_neighbourhoods.Count >= MaxNeighbourhoods)
        {
            throw new DomainException(CityRefusals.TooManyNeighbourhoods.With(MaxNeighbourhoods));
        }

        var neighbourhood = new Neighbourhood(this, cleaned);
        _neighbourhoods.Add(neighbourhood);
        Touch(nowUtc);
        return neighbourhood;
    }

    /// <summary>Removes a neighbourhood that no project is placed in (one with projects stays).</summary>
    public void RemoveNeighbourhood(long neighbourhoodId, int projectsInIt, DateTime nowUtc)
    {
        var neighbourhood = _neighbourhoods.SingleOrDefault(n => n.Id == neighbourhoodId)
            ?? throw new DomainException(CityRefusals.UnknownNeighbourhood);
        if (projectsInIt > 0)
        {
            throw new DomainException(CityRefusals.NeighbourhoodHasProjects.With(neighbourhood.Name, projectsInIt));
        }

        _neighbourhoods.Remove(neighbourhood);
        Touch(nowUtc);
    }

    public StaffRole? RoleOf(long userId) => _memberships.SingleOrDefault(m => m.UserId == userId)?.Role;

    /// <summary>Grants a staff role directly: used when the platform creates a city for a known person, and by seeding.</summary>
    public MunicipalityMembership GrantRole(long userId, StaffRole role, DateTime nowUtc)
    {
        EnsureKnownRole(role);
        var existing = _memberships.SingleOrDefault(m => m.UserId == userId);
        if (existing is not null)
        {
            if (existing.Role == StaffRole.Admin && role != StaffRole.Admin)
            {
                EnsureAnotherAdmin(userId);
            }

            existing.ChangeRole(role);
            Touch(nowUtc);
            return existing;
        }

        var membership = new MunicipalityMembership(this, userId, role, nowUtc);
        _memberships.Add(membership);
        Touch(nowUtc);
        return membership;
    }

    public void RemoveStaff(long userId, DateTime nowUtc)
    {
        var membership = _memberships.SingleOrDefault(m => m.UserId == userId)
            ?? throw new DomainException(CityRefusals.NotStaff);
        if (membership.Role == StaffRole.Admin)
        {
            EnsureAnotherAdmin(userId);
        }

        _memberships.Remove(membership);
        Touch(nowUtc);
    }

    public StaffInvitation Invite(string? email, StaffRole role, string tokenHash, long? invitedByUserId, DateTime nowUtc, TimeSpan validity)
    {
        EnsureKnownRole(role);
        var address = ValidateEmail(Text.Required(email, 254, "Courriel", field: "Email"), "Email")!;
        if (_invitations.Any(i => i.IsPending(nowUtc) && string.Equals(i.Email, address, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException(InvitationRefusals.AlreadyPending.With(address));
        }

        var invitation = new StaffInvitation(this, address, role, tokenHash, invitedByUserId, nowUtc, nowUtc + validity);
        _invitations.Add(invitation);
        Touch(nowUtc);
        return invitation;
    }

    /// <summary>The invited person, signed in with the invited address, joins the staff.</summary>
    public MunicipalityMembership AcceptInvitation(long invitationId, long userId, string userEmail, DateTime nowUtc)
    {
        var invitation = _invitations.SingleOrDefault(i => i.Id == invitationId)
            ?? throw new DomainException(InvitationRefusals.Unknown);
        invitation.Accept(userId, userEmail, nowUtc);

        // An invitation adds a role, it never takes one away: an admin who accepts an agent's
        // invitation stays admin.
        var current = RoleOf(userId);
        return current is { } role && role >= invitation.Role
            ? _memberships.Single(m => m.UserId == userId)
            : GrantRole(userId, invitation.Role, nowUtc);
    }

    public void RevokeInvitation(long invitationId, DateTime nowUtc)
    {
        var invitation = _invitations.SingleOrDefault(i => i.Id == invitationId)
            ?? throw new DomainException(InvitationRefusals.Unknown);
        invitation.Revoke(nowUtc);
        Touch(nowUtc);
    }

    /// <summary>
    /// Sends the same person a fresh link: only the token's hash is stored, so the old link cannot be
    /// sent again; it stops working and a new invitation with the same address and role replaces it.
    /// </summary>
    public StaffInvitation RenewInvitation(long invitationId, string tokenHash, long? invitedByUserId, DateTime nowUtc, TimeSpan validity)
    {
        var invitation = _invitations.SingleOrDefault(i => i.Id == invitationId)
            ?? throw new DomainException(InvitationRefusals.Unknown);
        if (invitation.AcceptedAtUtc is not null)
        {
            throw new DomainException(InvitationRefusals.AlreadyAccepted);
        }

        if (invitation.RevokedAtUtc is not null)
        {
            throw new DomainException(InvitationRefusals.RevokedCannotBeRenewed);
        }

        if (invitation.IsPending(nowUtc))
        {
            invitation.Revoke(nowUtc);
        }

        return Invite(invitation.Email, invitation.Role, tokenHash, invitedByUserId, nowUtc, validity);
    }

    /// <summary>A plausible e-mail address (null stays null); a refusal is about <paramref name="field"/>.</summary>
    internal static string? ValidateEmail(string? email, string field)
    {
        if (email is null)
        {
            return null;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        var valid = at > 0 && at == email.LastIndexOf('@') && at < email.Length - 3
            && email[(at + 1)..].Contains('.', StringComparison.Ordinal) && !email.Any(char.IsWhiteSpace);
        return valid ? email : throw new DomainException(CityRefusals.EmailInvalid.About(field, email));
    }

    private static string? ValidateWebsite(string? website)
    {
        if (website is null)
        {
            return null;
        }

        return Uri.TryCreate(website, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.ToString()
            : throw new DomainException(CityRefusals.WebsiteNotAbsolute);
    }

    private static void EnsureKnownRole(StaffRole role)
    {
        if (!Enum.IsDefined(role))
        {
            throw new DomainException(CityRefusals.UnknownRole);
        }
    }

    private void EnsureAnotherAdmin(long userId)
    {
        if (!_memberships.Any(m => m.Role == StaffRole.Admin && m.UserId != userId))
        {
            throw new DomainException(CityRefusals.LastAdmin);
        }
    }

    private void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Version++;
    }
}
