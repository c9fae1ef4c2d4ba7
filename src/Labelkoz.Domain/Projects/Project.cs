using System.Linq.Expressions;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;

namespace Labelkoz.Domain.Projects;

/// <summary>
/// A project proposed to a municipality by a citizen, an association, a company or the city
/// itself. Every move of its lifecycle is a method here with its guard and a history row.
/// </summary>
public sealed class Project : ITenantOwned
{
    public const int TitleMaxLength = 120;
    public const int SummaryMaxLength = 300;
    public const int DescriptionMaxLength = 20_000;
    public const int AddressMaxLength = 200;
    public const int OrganisationNameMaxLength = 150;
    public const int ReasonMaxLength = 2_000;
    public const int MaxImages = 8;
    public const int MaxBudgetLines = 30;
    public const int BudgetLabelMaxLength = 150;

    /// <summary>10 million euros: above that a line is a typing error, not a neighbourhood project.</summary>
    public const long MaxBudgetLineCents = 1_000_000_000;

    private readonly List<ProjectImage> _images = [];
    private readonly List<BudgetLine> _budgetLines = [];
    private readonly List<RequestedSupport> _requestedSupports = [];
    private readonly List<ProjectEvent> _history = [];
    private readonly List<ProjectDecision> _decisions = [];
    private readonly List<ReviewMessage> _messages = [];
    private readonly List<ReviewNote> _notes = [];

    private Project()
    {
        Title = string.Empty;
        SearchText = string.Empty;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long HolderUserId { get; private set; }

    public HolderType HolderType { get; private set; }

    public string? OrganisationName { get; private set; }

    public string? Rna { get; private set; }

    public string? Siren { get; private set; }

    public string Title { get; private set; }

    public string? Summary { get; private set; }

    public string? Description { get; private set; }

    public ProjectCategory? Category { get; private set; }

    public long? NeighbourhoodId { get; private set; }

    public string? Address { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public ProjectStatus Status { get; private set; }

    /// <summary>The call for projects this project won, when it was born of one.</summary>
    public long? CallId { get; private set; }

    /// <summary>The winning application it was built from.</summary>
    public long? CallApplicationId { get; private set; }

    /// <summary>When the project became visible to the public (null while a draft or awaiting pre-moderation).</summary>
    public DateTime? PublishedAtUtc { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public DateTime? HiddenAtUtc { get; private set; }

    public string? HiddenReason { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>The member of staff who follows the review (null until someone takes it).</summary>
    public long? AssignedStaffUserId { get; private set; }

    /// <summary>When the label was confirmed (kept from the label decision, so lists need no join).</summary>
    public DateTime? LabelledAtUtc { get; private set; }

    /// <summary>The last day the label is valid, if the city set one.</summary>
    public DateOnly? LabelValidUntil { get; private set; }

    public DateTime? LabelRevokedAtUtc { get; private set; }

    /// <summary>
    /// Who issues tax receipts for the gifts to this project, set by a city admin when the holder is
    /// an association of general interest or the city itself; null: no receipts.
    /// </summary>
    public ReceiptIssuer? ReceiptIssuer { get; private set; }

    /// <summary>Title, summary and description folded for search (see <see cref="Common.SearchText"/>).</summary>
    public string SearchText { get; private set; }

    public long Version { get; private set; }

    public IReadOnlyList<ProjectImage> Images => _images;

    public IReadOnlyList<BudgetLine> BudgetLines => _budgetLines;

    public IReadOnlyList<RequestedSupport> RequestedSupports => _requestedSupports;

    public IReadOnlyList<ProjectEvent> History => _history;

    /// <summary>Proposals and decisions of the review (load them before deciding).</summary>
    public IReadOnlyList<ProjectDecision> Decisions => _decisions;

    /// <summary>Messages added in this unit of work (the thread itself is read by queries).</summary>
    public IReadOnlyList<ReviewMessage> Messages => _messages;

    /// <summary>Notes added in this unit of work (the notes themselves are read by queries).</summary>
    public IReadOnlyList<ReviewNote> Notes => _notes;

    /// <summary>The confirmed label, revoked or not (null when the project was never labelled or decisions were not loaded).</summary>
    public ProjectDecision? Label => _decisions.SingleOrDefault(d => d.Kind == DecisionKind.Label && d.State == DecisionState.Confirmed);

    public ProjectDecision? PendingProposal => _decisions.SingleOrDefault(d => d.IsPending);

    public long BudgetTotalCents => _budgetLines.Sum(l => l.AmountCents);

    /// <summary>
    /// What the public may see: published, not hidden by moderation, not a draft. Written once, on
    /// the three facts it reads, so that queries (<see cref="PublicRule"/>, translated to SQL),
    /// pages that project the facts (<see cref="IsPublicFrom"/>) and <see cref="IsPublic"/> apply
    /// exactly the same rule.
    /// </summary>
    private static readonly Expression<Func<DateTime?, DateTime?, ProjectStatus, bool>> PublicOn =
        (publishedAtUtc, hiddenAtUtc, status) => publishedAtUtc != null && hiddenAtUtc == null && status != ProjectStatus.Draft;

    private static readonly Func<DateTime?, DateTime?, ProjectStatus, bool> PublicOnCompiled = PublicOn.Compile();

    /// <summary>The public rule on a project, for LINQ queries.</summary>
    public static readonly Expression<Func<Project, bool>> PublicRule = OnProject(PublicOn);

    /// <summary>
    /// Carries the city's badge on a given (Paris) date: labelled, not revoked, not past its
    /// validity. Written once, compiled once for <see cref="HasActiveLabel"/>, and bound to a date
    /// by <see cref="LabelActiveRule"/> for queries.
    /// </summary>
    private static readonly Expression<Func<Project, DateOnly, bool>> LabelActiveOn =
        (p, today) => p.LabelledAtUtc != null && p.LabelRevokedAtUtc == null && (p.LabelValidUntil == null || p.LabelValidUntil >= today);

    private static readonly Func<Project, DateOnly, bool> LabelActiveOnCompiled = LabelActiveOn.Compile();

    /// <summary>The badge rule for <paramref name="today"/>, for LINQ queries (the date is sent as a SQL parameter).</summary>
    public static Expression<Func<Project, bool>> LabelActiveRule(DateOnly today)
    {
        var date = Expression.Field(Expression.Constant(new DateHolder(today)), nameof(DateHolder.Value));
        return Expression.Lambda<Func<Project, bool>>(new ReplaceParameter(LabelActiveOn.Parameters[1], date).Visit(LabelActiveOn.Body), LabelActiveOn.Parameters[0]);
    }

    public bool HasActiveLabel(DateOnly today) => LabelActiveOnCompiled(this, today);

    public bool IsPublic => IsPublicFrom(PublishedAtUtc, HiddenAtUtc, Status);

    /// <summary>The public rule, from the facts a page's projection read.</summary>
    public static bool IsPublicFrom(DateTime? publishedAtUtc, DateTime? hiddenAtUtc, ProjectStatus status) => PublicOnCompiled(publishedAtUtc, hiddenAtUtc, status);

    public bool IsEditable => ProjectLifecycle.IsEditable(Status);

    public bool AcceptsParticipation => IsPublic && ProjectLifecycle.AcceptsParticipation(Status);

    public static Project StartDraft(long municipalityId, long holderUserId, string? title, DateTime nowUtc)
    {
        var project = new Project
        {
            MunicipalityId = municipalityId,
            HolderUserId = holderUserId,
            HolderType = HolderType.Individual,
            Title = Text.Required(title, TitleMaxLength, "Titre", field: "Title"),
            Status = ProjectStatus.Draft,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
        };
        project.RefreshSearchText();
        project.Record(ProjectAction.Created, ProjectStatus.Draft, ProjectStatus.Draft, holderUserId, null, nowUtc, isPublic: false);
        return project;
    }

    /// <summary>
    /// The project of a call's winner, on the city's site: held by the winner, built from the
    /// application, already labelled with the commitments the call offered, ready for funding.
    /// </summary>
    public static Project FromCallWinner(Municipality city, Calls.Call call, Calls.CallApplication application, long adminUserId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(application);
        var summary = application.Summary;
        var project = new Project
        {
            MunicipalityId = call.MunicipalityId,
            HolderUserId = application.ApplicantUserId,
            HolderType = application.HolderType,
            OrganisationName = application.OrganisationName,
            Rna = application.Rna,
            Siren = application.Siren,
            Title = application.ProjectTitle,
            Summary = summary is null ? null : summary.Length <= SummaryMaxLength ? summary : string.Concat(summary.AsSpan(0, SummaryMaxLength - 1), "…"),
            Description = summary,
            Category = call.Category,
            NeighbourhoodId = call.NeighbourhoodId,
            CallId = call.Id,
            CallApplicationId = application.Id,
            Status = ProjectStatus.Draft,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
            SubmittedAtUtc = application.SubmittedAtUtc ?? nowUtc,
            PublishedAtUtc = nowUtc,
        };
        project.RefreshSearchText();
        var decision = new ProjectDecision(project, DecisionKind.Label, adminUserId, null, nowUtc);
        decision.SetLabelTerms(Commitment.FromTerms(project.MunicipalityId, [.. call.Offer.Select(c => c.ToTerms())], id => city.RoleOf(id) is not null), null, null);
        decision.Confirm(adminUserId, nowUtc);
        project._decisions.Add(decision);
        project.Status = ProjectStatus.Labelled;
        project.LabelledAtUtc = nowUtc;
        project.Record(ProjectAction.SelectedInCall, ProjectStatus.Draft, ProjectStatus.Labelled, adminUserId, call.Title, nowUtc, isPublic: true);
        return project;
    }

    public bool IsHeldBy(long userId) => HolderUserId == userId;

    public void UpdateContent(long userId, string? title, string? summary, string? description, ProjectCategory? category, Neighbourhood? neighbourhood, DateTime nowUtc)
    {
        EnsureHolderCanEdit(userId);
        if (category is { } c && !Enum.IsDefined(c))
        {
            throw new DomainException(ProjectRefusals.UnknownCategory);
        }

        if (neighbourhood is not null && neighbourhood.MunicipalityId != MunicipalityId)
        {
            throw new DomainException(ProjectRefusals.NeighbourhoodOfAnotherCity);
        }

        Title = Text.Required(title, TitleMaxLength, "Titre", field: "Title");
        Summary = Text.Optional(summary, SummaryMaxLength, "Résumé", field: "Summary");
        Description = Text.Optional(description, DescriptionMaxLength, "Description", multiline: true, field: "Description");
        Category = category;
        NeighbourhoodId = neighbourhood?.Id;
        RefreshSearchText();
        Touch(nowUtc);
    }

    public void UpdateLocation(long userId, string? address, double? latitude, double? longitude, DateTime nowUtc)
    {
        EnsureHolderCanEdit(userId);
        if (latitude.HasValue != longitude.HasValue)
        {
            throw new DomainException(ProjectRefusals.CoordinatesIncomplete);
        }

        if (latitude is { } lat && (double.IsNaN(lat) || lat is < -90 or > 90))
        {
            throw new DomainException(ProjectRefusals.LatitudeOutOfRange);
        }

        if (longitude is { } lon && (double.IsNaN(lon) || lon is < -180 or > 180))
        {
            throw new DomainException(ProjectRefusals.LongitudeOutOfRange);
        }

        Address = Text.Optional(address, AddressMaxLength, "Adresse", field: "Address");
        Latitude = latitude;
        Longitude = longitude;
        Touch(nowUtc);
    }

    public void UpdateHolder(long userId, HolderType type, string? organisationName, string? rna, string? siren, DateTime nowUtc)
    {
        EnsureHolderCanEdit(userId);
        switch (type)
        {
            case HolderType.Individual:
                OrganisationName = null;
                Rna = null;
                Siren = null;
                break;
            case HolderType.Association:
                OrganisationName = Text.Required(organisationName, OrganisationNameMaxLength, "Nom de l'association", field: "OrganisationName");
                Rna = FrenchIdentifiers.Rna(rna);
                Siren = string.IsNullOrWhiteSpace(siren) ? null : FrenchIdentifiers.Siren(siren);
                break;
            case HolderType.Company:
                OrganisationName = Text.Required(organisationName, OrganisationNameMaxLength, "Nom de l'entreprise", field: "OrganisationName");
                Rna = null;
                Siren = FrenchIdentifiers.Siren(siren);
                break;
            case HolderType.Municipality:
                throw new DomainException(ProjectRefusals.HolderCannotBeCity);
            default:
                throw new DomainException(ProjectRefusals.UnknownHolderType);
        }

        HolderType = type;
        Touch(nowUtc);
    }

    public void ReplaceBudget(long userId, IEnumerable<(string? Label, long AmountCents)> lines, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(lines);
        EnsureHolderCanEdit(userId);
        var cleaned = lines.Select((line, index) =>
        {
            var label = Text.Required(line.Label, BudgetLabelMaxLength, "Poste de dépense", field: "Lines");
            if (line.AmountCents <= 0)
            {
                throw new DomainException(ProjectRefusals.BudgetLineNotPositive.With(label));
            }

            if (line.AmountCents > MaxBudgetLineCents)
            {
                throw new DomainException(ProjectRefusals.BudgetLineTooLarge.With(label));
            }

            return new BudgetLine(this, label, line.AmountCents, index);
        }).ToList();
        if (cleaned.Count > MaxBudgetLines)
        {
            throw new DomainException(ProjectRefusals.TooManyBudgetLines.With(MaxBudgetLines));
        }

        _budgetLines.Clear();
        _budgetLines.AddRange(cleaned);
        Touch(nowUtc);
    }

    public void ReplaceRequestedSupport(long userId, IEnumerable<(CommitmentKind Kind, string? Details)> supports, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(supports);
        EnsureHolderCanEdit(userId);
        var cleaned = new List<RequestedSupport>();
        foreach (var (kind, details) in supports)
        {
            if (!Enum.IsDefined(kind))
            {
                throw new DomainException(ProjectRefusals.UnknownSupportKind);
            }

            if (cleaned.Any(s => s.Kind == kind))
            {
                throw new DomainException(ProjectRefusals.SupportAskedTwice);
            }

            cleaned.Add(new RequestedSupport(this, kind, Text.Optional(details, RequestedSupport.DetailsMaxLength, "Précisions", field: "Supports")));
        }

        _requestedSupports.Clear();
        _requestedSupports.AddRange(cleaned);
        Touch(nowUtc);
    }

    public ProjectImage AddImage(long userId, string fileKey, string contentType, string? altText, DateTime nowUtc)
    {
        EnsureHolderCanEdit(userId);
        if (_images.Count >= MaxImages)
        {
            throw new DomainException(ProjectRefusals.TooManyImages.With(MaxImages));
        }

        var image = new ProjectImage(this, fileKey, contentType, Text.Required(altText, ProjectImage.AltTextMaxLength, "Description de l'image", field: "AltText"), _images.Count == 0 ? 0 : _images.Max(i => i.Position) + 1);
        _images.Add(image);
        Touch(nowUtc);
        return image;
    }

    public ProjectImage RemoveImage(long userId, long imageId, DateTime nowUtc)
    {
        EnsureHolderCanEdit(userId);
        var image = _images.SingleOrDefault(i => i.Id == imageId) ?? throw new DomainException(ProjectRefusals.UnknownImage);
        _images.Remove(image);
        Touch(nowUtc);
        return image;
    }

    public void DescribeImage(long userId, long imageId, string? altText, DateTime nowUtc)
    {
        EnsureHolderCanEdit(userId);
        var image = _images.SingleOrDefault(i => i.Id == imageId) ?? throw new DomainException(ProjectRefusals.UnknownImage);
        image.Describe(Text.Required(altText, ProjectImage.AltTextMaxLength, "Description de l'image", field: "AltText"));
        Touch(nowUtc);
    }

    /// <summary>What is still missing before the project can be submitted (empty when complete).</summary>
    public IReadOnlyList<string> MissingForSubmission()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Summary))
        {
            missing.Add("un résumé");
        }

        if (string.IsNullOrWhiteSpace(Description))
        {
            missing.Add("une description");
        }

        if (Category is null)
        {
            missing.Add("une catégorie");
        }

        return missing;
    }

    /// <summary>The holder sends the project to the city; under post-moderation it becomes public at once.</summary>
    public void Submit(long userId, ModerationMode moderation, DateTime nowUtc, string? messageToCity = null)
    {
        EnsureHolder(userId);
        var message = Text.Optional(messageToCity, ReviewMessage.BodyMaxLength, "Message à la ville", multiline: true, field: "MessageToCity");
        var missing = MissingForSubmission();
        if (missing.Count > 0)
        {
            throw new DomainException(ProjectRefusals.IncompleteForSubmission.With(string.Join(", ", missing)));
        }

        var resubmission = Status == ProjectStatus.ChangesRequested;
        Move(ProjectStatus.Submitted, resubmission ? ProjectAction.Resubmitted : ProjectAction.Submitted, userId, null, nowUtc, isPublic: true);
        SubmittedAtUtc ??= nowUtc;
        if (message is not null)
        {
            _messages.Add(new ReviewMessage(this, MessageAuthorSide.Holder, userId, message, nowUtc));
        }

        if (moderation == ModerationMode.PostModeration && PublishedAtUtc is null)
        {
            PublishedAtUtc = nowUtc;
        }
    }

    /// <summary>Under pre-moderation, a member of staff makes a submitted project public.</summary>
    public void Publish(long staffUserId, DateTime nowUtc)
    {
        if (Status == ProjectStatus.Draft)
        {
            throw new DomainException(ProjectRefusals.DraftCannotBePublished);
        }

        if (PublishedAtUtc is not null)
        {
            throw new DomainException(ProjectRefusals.AlreadyPublished);
        }

        PublishedAtUtc = nowUtc;
        Record(ProjectAction.Published, Status, Status, staffUserId, null, nowUtc, isPublic: false);
        Touch(nowUtc);
    }

    /// <summary>A member of staff takes the project into review, for themself or for a colleague.</summary>
    public void TakeIntoReview(Municipality city, long staffUserId, long? assigneeUserId, DateTime nowUtc)
    {
        EnsureStaff(city, staffUserId);
        var assignee = assigneeUserId ?? staffUserId;
        EnsureColleague(city, assignee);
        EnsureNotHolder(assignee, ProjectRefusals.OwnProjectAssigned);
        Move(ProjectStatus.InReview, ProjectAction.TakenIntoReview, staffUserId, null, nowUtc, isPublic: true);
        AssignedStaffUserId = assignee;
    }

    /// <summary>Gives the review to another member of staff (or to nobody).</summary>
    public void Assign(Municipality city, long staffUserId, long? assigneeUserId, DateTime nowUtc)
    {
        EnsureStaff(city, staffUserId);
        if (Status is not (ProjectStatus.Submitted or ProjectStatus.InReview or ProjectStatus.ChangesRequested))
        {
            throw new DomainException(ProjectRefusals.NotAssignableInStatus.With(ProjectLifecycle.Label(Status)));
        }

        if (assigneeUserId is { } assignee)
        {
            EnsureColleague(city, assignee);
            EnsureNotHolder(assignee, ProjectRefusals.OwnProjectAssigned);
        }

        if (assigneeUserId == AssignedStaffUserId)
        {
            throw new DomainException(ProjectRefusals.AlreadyAssignedSo);
        }

        AssignedStaffUserId = assigneeUserId;
        Record(ProjectAction.Assigned, Status, Status, staffUserId, null, nowUtc, isPublic: false);
        Touch(nowUtc);
    }

    /// <summary>The city asks the holder for changes; the message opens (or continues) the review thread.</summary>
    public ReviewMessage RequestChanges(Municipality city, long staffUserId, string? message, DateTime nowUtc)
    {
        EnsureStaff(city, staffUserId);
        var body = Text.Required(message, ReviewMessage.BodyMaxLength, "Message au porteur", multiline: true, field: "Message");
        Move(ProjectStatus.ChangesRequested, ProjectAction.ChangesRequested, staffUserId, null, nowUtc, isPublic: true);
        var posted = new ReviewMessage(this, MessageAuthorSide.City, staffUserId, body, nowUtc);
        _messages.Add(posted);
        return posted;
    }

    /// <summary>The city writes to the holder in the review thread.</summary>
    public ReviewMessage WriteToHolder(Municipality city, long staffUserId, string? message, DateTime nowUtc)
    {
        EnsureStaff(city, staffUserId);
        return AddMessage(MessageAuthorSide.City, staffUserId, message, nowUtc);
    }

    /// <summary>The holder answers the city in the review thread.</summary>
    public ReviewMessage WriteToCity(long userId, string? message, DateTime nowUtc)
    {
        EnsureHolder(userId);
        return AddMessage(MessageAuthorSide.Holder, userId, message, nowUtc);
    }

    /// <summary>An internal note of the review: staff only.</summary>
    public ReviewNote AddNote(Municipality city, long staffUserId, string? body, DateTime nowUtc)
    {
        EnsureStaff(city, staffUserId);
        if (Status == ProjectStatus.Draft)
        {
            throw new DomainException(ProjectRefusals.DraftNotYetSubmitted);
        }

        var note = new ReviewNote(this, staffUserId, Text.Required(body, ReviewNote.BodyMaxLength, "Note", multiline: true, field: "Body"), nowUtc);
        _notes.Add(note);
        return note;
    }

    /// <summary>
    /// Proposes to label the project with commitments. An admin's proposal is the decision itself;
    /// an agent's waits for an admin. A city whose subscription does not allow labels is refused.
    /// </summary>
    public ProjectDecision ProposeLabel(Municipality city, long staffUserId, LabelTerms terms, DateTime nowUtc, string? requestToken = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var role = EnsureStaff(city, staffUserId);
        EnsureNotHolder(staffUserId, ProjectRefusals.OwnProjectDecided);
        EnsureDecidable();
        city.EnsureCanLabel();
        var commitments = Commitment.FromTerms(MunicipalityId, terms.Commitments, id => city.RoleOf(id) is not null);
        if (terms.ValidUntil is { } until && until <= ParisTime.DateOf(nowUtc))
        {
            throw new DomainException(ProjectRefusals.LabelValidityInThePast);
        }

        var conditions = Text.Optional(terms.Conditions, ProjectDecision.ConditionsMaxLength, "Conditions", multiline: true, field: "Conditions");
        var decision = StartDecision(DecisionKind.Label, staffUserId, requestToken, nowUtc);
        decision.SetLabelTerms(commitments, terms.ValidUntil, conditions);
        return Conclude(city, decision, role, staffUserId, nowUtc);
    }

    /// <summary>Proposes to decline the project, with the reason the public will read.</summary>
    public ProjectDecision ProposeDecline(Municipality city, long staffUserId, string? publicReason, DateTime nowUtc, string? requestToken = null)
    {
        var role = EnsureStaff(city, staffUserId);
        EnsureNotHolder(staffUserId, ProjectRefusals.OwnProjectDecided);
        EnsureDecidable();
        var reason = Text.Required(publicReason, ReasonMaxLength, "Motif public", multiline: true, field: "Reason");
        var decision = StartDecision(DecisionKind.Decline, staffUserId, requestToken, nowUtc);
        decision.SetPublicReason(reason);
        return Conclude(city, decision, role, staffUserId, nowUtc);
    }

    /// <summary>An admin confirms an agent's proposal: it becomes the decision.</summary>
    public ProjectDecision ConfirmProposal(Municipality city, long adminUserId, long decisionId, DateTime nowUtc)
    {
        EnsureAdmin(EnsureStaff(city, adminUserId), ProjectRefusals.ConfirmProposalAdminOnly);
        EnsureNotHolder(adminUserId, ProjectRefusals.OwnProjectDecided);
        var decision = PendingDecision(decisionId);
        EnsureDecidable();
        Apply(city, decision, adminUserId, nowUtc);
        return decision;
    }

    /// <summary>An admin sends an agent's proposal back with a note; the project stays in review.</summary>
    public void RejectProposal(Municipality city, long adminUserId, long decisionId, string? note, DateTime nowUtc)
    {
        EnsureAdmin(EnsureStaff(city, adminUserId), ProjectRefusals.RejectProposalAdminOnly);
        EnsureNotHolder(adminUserId, ProjectRefusals.OwnProjectDecided);
        var decision = PendingDecision(decisionId);
        decision.Reject(adminUserId, Text.Required(note, ReasonMaxLength, "Note à l'agent", multiline: true, field: "Note"), nowUtc);
        Record(ProjectAction.ProposalRejected, Status, Status, adminUserId, decision.RejectionNote, nowUtc, isPublic: false);
        Touch(nowUtc);
    }

    /// <summary>An admin withdraws the city's label, with a public reason. The decision stays in the history.</summary>
    public void RevokeLabel(Municipality city, long adminUserId, string? publicReason, DateTime nowUtc)
    {
        EnsureAdmin(EnsureStaff(city, adminUserId), ProjectRefusals.RevokeLabelAdminOnly);
        var label = Label;
        if (label is null || label.RevokedAtUtc is not null)
        {
            throw new DomainException(ProjectRefusals.NoLabelToRevoke);
        }

        var reason = Text.Required(publicReason, ReasonMaxLength, "Motif public", multiline: true, field: "Reason");
        Move(ProjectStatus.LabelRevoked, ProjectAction.LabelRevoked, adminUserId, reason, nowUtc, isPublic: true);
        label.Revoke(adminUserId, reason, nowUtc);
        LabelRevokedAtUtc = nowUtc;
    }

    /// <summary>
    /// An admin states that gifts to this project give right to a tax receipt, and who issues them
    /// (DESIGN §6). Only an association's project, or the city's own, can issue receipts.
    /// </summary>
    public void AllowTaxReceipts(Municipality city, long adminUserId, ReceiptIssuer issuer, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        EnsureAdmin(EnsureStaff(city, adminUserId), ProjectRefusals.OpenReceiptsAdminOnly);
        if (WhyNoTaxReceipts(HolderType, issuer.Quality) is { } refusal)
        {
            throw new DomainException(refusal);
        }

        ReceiptIssuer = issuer;
        Touch(nowUtc);
    }

    /// <summary>
    /// Whether gifts to a project of this holder can give a tax receipt (article 200 of the tax
    /// code): only an association of general interest, or the city itself. The one statement of the
    /// rule, for <see cref="AllowTaxReceipts"/>, the receipts themselves and the pages.
    /// </summary>
    public static bool MayGiveTaxReceipts(HolderType holderType) => holderType switch
    {
        HolderType.Association or HolderType.Municipality => true,
        HolderType.Individual or HolderType.Company => false,
    };

    /// <summary>
    /// Why an admin may not open receipts issued as <paramref name="quality"/> for a project of this
    /// holder, or null when they may: the holder must give receipts, an association never in the
    /// commune's name, the city always.
    /// </summary>
    public static DomainRefusal? WhyNoTaxReceipts(HolderType holderType, ReceiptQuality quality)
    {
        if (!MayGiveTaxReceipts(holderType))
        {
            return ProjectRefusals.HolderGivesNoReceipts;
        }

        var inCommuneName = quality == ReceiptQuality.Municipality;
        return holderType switch
        {
            HolderType.Association when inCommuneName => ProjectRefusals.AssociationReceiptsInCommuneName,
            HolderType.Municipality when !inCommuneName => ProjectRefusals.CityReceiptsNotInCommuneName,
            _ => null,
        };
    }

    /// <summary>An admin stops new receipts for this project; receipts already issued stand.</summary>
    public void StopTaxReceipts(Municipality city, long adminUserId, DateTime nowUtc)
    {
        EnsureAdmin(EnsureStaff(city, adminUserId), ProjectRefusals.CloseReceiptsAdminOnly);
        if (ReceiptIssuer is null)
        {
            throw new DomainException(ProjectRefusals.ReceiptsNotOpen);
        }

        ReceiptIssuer = null;
        Touch(nowUtc);
    }

    public void LaunchFunding(long userId, DateTime nowUtc)
    {
        EnsureHolder(userId);
        Move(ProjectStatus.Funding, ProjectAction.FundingLaunched, userId, null, nowUtc, isPublic: true);
    }

    /// <summary>Settlement of the campaign decides: funded or not. Driven by the platform, not a person.</summary>
    public void CloseFunding(bool goalReached, DateTime nowUtc) =>
        Move(goalReached ? ProjectStatus.Funded : ProjectStatus.NotFunded, goalReached ? ProjectAction.Funded : ProjectAction.NotFunded, null, null, nowUtc, isPublic: true);

    public void StartWork(long userId, DateTime nowUtc)
    {
        EnsureHolder(userId);
        Move(ProjectStatus.InProgress, ProjectAction.Started, userId, null, nowUtc, isPublic: true);
    }

    public void Complete(long userId, DateTime nowUtc)
    {
        EnsureHolder(userId);
        Move(ProjectStatus.Completed, ProjectAction.Completed, userId, null, nowUtc, isPublic: true);
    }

    /// <summary>
    /// The holder gives up. Refused once money is involved (from funding on): contributors' money
    /// is settled by the campaign, never dropped by a withdrawal.
    /// </summary>
    public void Withdraw(long userId, string? reason, DateTime nowUtc)
    {
        EnsureHolder(userId);
        if (Status is ProjectStatus.Funding or ProjectStatus.Funded or ProjectStatus.InProgress)
        {
            throw new DomainException(ProjectRefusals.WithdrawalAfterFunding);
        }

        Move(ProjectStatus.Withdrawn, ProjectAction.Withdrawn, userId, Text.Optional(reason, ReasonMaxLength, "Motif", multiline: true, field: "Reason"), nowUtc, isPublic: true);
    }

    public void Hide(long staffUserId, string? reason, DateTime nowUtc)
    {
        if (HiddenAtUtc is not null)
        {
            throw new DomainException(ProjectRefusals.AlreadyHidden);
        }

        HiddenReason = Text.Required(reason, ReasonMaxLength, "Motif", multiline: true, field: "Reason");
        HiddenAtUtc = nowUtc;
        Record(ProjectAction.Hidden, Status, Status, staffUserId, HiddenReason, nowUtc, isPublic: false);
        Touch(nowUtc);
    }

    public void Unhide(long staffUserId, string? reason, DateTime nowUtc)
    {
        if (HiddenAtUtc is null)
        {
            throw new DomainException(ProjectRefusals.NotHidden);
        }

        HiddenAtUtc = null;
        HiddenReason = null;
        Record(ProjectAction.Unhidden, Status, Status, staffUserId, Text.Required(reason, ReasonMaxLength, "Motif", multiline: true, field: "Reason"), nowUtc, isPublic: false);
        Touch(nowUtc);
    }

    private static void EnsureAdmin(StaffRole role, DomainRefusal refusal)
    {
        if (role != StaffRole.Admin)
        {
            throw new DomainException(refusal);
        }
    }

    private StaffRole EnsureStaff(Municipality city, long userId)
    {
        ArgumentNullException.ThrowIfNull(city);
        if (city.Id != MunicipalityId)
        {
            throw new DomainException(ProjectRefusals.OfAnotherCity);
        }

        return city.RoleOf(userId) ?? throw new DomainException(ProjectRefusals.StaffOnly);
    }

    /// <summary>Nobody decides on, nor reviews, a project they hold (issue #16): a conflict of interest.</summary>
    private void EnsureNotHolder(long staffUserId, DomainRefusal refusal)
    {
        if (HolderUserId == staffUserId)
        {
            throw new DomainException(refusal);
        }
    }

    private static void EnsureColleague(Municipality city, long userId)
    {
        if (city.RoleOf(userId) is null)
        {
            throw new DomainException(ProjectRefusals.AssigneeNotStaff);
        }
    }

    private void EnsureDecidable()
    {
        if (Status != ProjectStatus.InReview)
        {
            throw new DomainException(ProjectRefusals.NotInReview.With(ProjectLifecycle.Label(Status)));
        }
    }

    private ProjectDecision StartDecision(DecisionKind kind, long staffUserId, string? requestToken, DateTime nowUtc)
    {
        foreach (var pending in _decisions.Where(d => d.IsPending))
        {
            pending.Supersede();
        }

        var decision = new ProjectDecision(this, kind, staffUserId, requestToken, nowUtc);
        _decisions.Add(decision);
        return decision;
    }

    private ProjectDecision Conclude(Municipality city, ProjectDecision decision, StaffRole role, long staffUserId, DateTime nowUtc)
    {
        if (role == StaffRole.Admin)
        {
            Apply(city, decision, staffUserId, nowUtc);
        }
        else
        {
            Record(ProjectAction.DecisionProposed, Status, Status, staffUserId, decision.PublicReason, nowUtc, isPublic: false);
            Touch(nowUtc);
        }

        return decision;
    }

    private ProjectDecision PendingDecision(long decisionId) =>
        _decisions.SingleOrDefault(d => d.Id == decisionId && d.IsPending)
            ?? throw new DomainException(ProjectRefusals.ProposalNoLongerPending);

    private void Apply(Municipality city, ProjectDecision decision, long adminUserId, DateTime nowUtc)
    {
        switch (decision.Kind)
        {
            case DecisionKind.Label:
                city.EnsureCanLabel();
                Move(ProjectStatus.Labelled, ProjectAction.Labelled, adminUserId, null, nowUtc, isPublic: true);
                LabelledAtUtc = nowUtc;
                LabelValidUntil = decision.ValidUntil;
                LabelRevokedAtUtc = null;
                break;
            case DecisionKind.Decline:
                Move(ProjectStatus.Declined, ProjectAction.Declined, adminUserId, decision.PublicReason, nowUtc, isPublic: true);
                break;
            default:
                throw new DomainException(ProjectRefusals.UnknownDecisionKind);
        }

        decision.Confirm(adminUserId, nowUtc);
    }

    private ReviewMessage AddMessage(MessageAuthorSide side, long userId, string? message, DateTime nowUtc)
    {
        if (Status == ProjectStatus.Draft || ProjectLifecycle.IsFinal(Status))
        {
            throw new DomainException(ProjectRefusals.ExchangesClosed.With(ProjectLifecycle.Label(Status)));
        }

        var posted = new ReviewMessage(this, side, userId, Text.Required(message, ReviewMessage.BodyMaxLength, "Message", multiline: true, field: "Message"), nowUtc);
        _messages.Add(posted);
        return posted;
    }

    private void EnsureHolder(long userId)
    {
        if (userId != HolderUserId)
        {
            throw new DomainException(ProjectRefusals.HolderOnly);
        }
    }

    private void EnsureHolderCanEdit(long userId)
    {
        EnsureHolder(userId);
        if (!IsEditable)
        {
            throw new DomainException(ProjectRefusals.NotEditableInStatus.With(ProjectLifecycle.Label(Status)));
        }
    }

    private void Move(ProjectStatus to, ProjectAction action, long? byUserId, string? reason, DateTime nowUtc, bool isPublic)
    {
        ProjectLifecycle.EnsureCanMove(Status, to);
        var from = Status;
        Status = to;
        Record(action, from, to, byUserId, reason, nowUtc, isPublic);
        Touch(nowUtc);
    }

    private void Record(ProjectAction action, ProjectStatus from, ProjectStatus to, long? byUserId, string? reason, DateTime nowUtc, bool isPublic) =>
        _history.Add(new ProjectEvent(this, action, from, to, byUserId, reason, nowUtc, isPublic));

    private void RefreshSearchText() => SearchText = Common.SearchText.Fold(Title, Summary, Description);

    private void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Version++;
    }

    /// <summary>Binds a rule written on a project's publication facts to the project's own columns.</summary>
    private static Expression<Func<Project, bool>> OnProject(Expression<Func<DateTime?, DateTime?, ProjectStatus, bool>> rule)
    {
        var project = Expression.Parameter(typeof(Project), "p");
        Expression body = rule.Body;
        body = new ReplaceParameter(rule.Parameters[0], Expression.Property(project, nameof(PublishedAtUtc))).Visit(body);
        body = new ReplaceParameter(rule.Parameters[1], Expression.Property(project, nameof(HiddenAtUtc))).Visit(body);
        body = new ReplaceParameter(rule.Parameters[2], Expression.Property(project, nameof(Status))).Visit(body);
        return Expression.Lambda<Func<Project, bool>>(body, project);
    }

    private sealed class DateHolder(DateOnly value)
    {
        public readonly DateOnly Value = value;
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
