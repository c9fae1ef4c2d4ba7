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
    /// What the public may see: published, not hidden by moderation, not a draft. One expression,
    /// so queries (translated to SQL) and <see cref="IsPublic"/> apply exactly the same rule.
    /// </summary>
    public static readonly Expression<Func<Project, bool>> PublicRule =
        p => p.PublishedAtUtc != null && p.HiddenAtUtc == null && p.Status != ProjectStatus.Draft;

    private static readonly Func<Project, bool> IsPublicCompiled = PublicRule.Compile();

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

    public bool IsPublic => IsPublicCompiled(this);

    public bool IsEditable => ProjectLifecycle.IsEditable(Status);

    public bool AcceptsParticipation => IsPublic && ProjectLifecycle.AcceptsParticipation(Status);

    public static Project StartDraft(long municipalityId, long holderUserId, string? title, DateTime nowUtc)
    {
        var project = new Project
        {
            MunicipalityId = municipalityId,
            HolderUserId = holderUserId,
            HolderType = HolderType.Individual,
            Title = Text.Required(title, TitleMaxLength, "Titre"),
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
            throw new DomainException("Cette catégorie n'existe pas.");
        }

        if (neighbourhood is not null && neighbourhood.MunicipalityId != MunicipalityId)
        {
            throw new DomainException("Ce quartier n'appartient pas à cette ville.");
        }

        Title = Text.Required(title, TitleMaxLength, "Titre");
        Summary = Text.Optional(summary, SummaryMaxLength, "Résumé");
        Description = Text.Optional(description, DescriptionMaxLength, "Description", multiline: true);
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
            throw new DomainException("Indiquez à la fois la latitude et la longitude, ou aucune des deux.");
        }

        if (latitude is { } lat && (double.IsNaN(lat) || lat is < -90 or > 90))
        {
            throw new DomainException("La latitude doit être comprise entre -90 et 90.");
        }

        if (longitude is { } lon && (double.IsNaN(lon) || lon is < -180 or > 180))
        {
            throw new DomainException("La longitude doit être comprise entre -180 et 180.");
        }

        Address = Text.Optional(address, AddressMaxLength, "Adresse");
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
                OrganisationName = Text.Required(organisationName, OrganisationNameMaxLength, "Nom de l'association");
                Rna = FrenchIdentifiers.Rna(rna);
                Siren = string.IsNullOrWhiteSpace(siren) ? null : FrenchIdentifiers.Siren(siren);
                break;
            case HolderType.Company:
                OrganisationName = Text.Required(organisationName, OrganisationNameMaxLength, "Nom de l'entreprise");
                Rna = null;
                Siren = FrenchIdentifiers.Siren(siren);
                break;
            case HolderType.Municipality:
                throw new DomainException("Seule la ville peut porter un projet en son nom.");
            default:
                throw new DomainException("Ce type de porteur n'existe pas.");
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
            var label = Text.Required(line.Label, BudgetLabelMaxLength, "Poste de dépense");
            if (line.AmountCents <= 0)
            {
                throw new DomainException("Le montant du poste « {0} » doit être positif.", label);
            }

            if (line.AmountCents > MaxBudgetLineCents)
            {
                throw new DomainException("Le montant du poste « {0} » dépasse 10 000 000 € : vérifiez la saisie.", label);
            }

            return new BudgetLine(this, label, line.AmountCents, index);
        }).ToList();
        if (cleaned.Count > MaxBudgetLines)
        {
            throw new DomainException("Un budget ne peut pas compter plus de {0} postes.", MaxBudgetLines);
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
                throw new DomainException("Ce type de soutien n'existe pas.");
            }

            if (cleaned.Any(s => s.Kind == kind))
            {
                throw new DomainException("Chaque type de soutien ne peut être demandé qu'une fois.");
            }

            cleaned.Add(new RequestedSupport(this, kind, Text.Optional(details, RequestedSupport.DetailsMaxLength, "Précisions")));
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
            throw new DomainException("Un projet ne peut pas avoir plus de {0} images.", MaxImages);
        }

        var image = new ProjectImage(this, fileKey, contentType, Text.Required(altText, ProjectImage.AltTextMaxLength, "Description de l'image"), _images.Count == 0 ? 0 : _images.Max(i => i.Position) + 1);
        _images.Add(image);
        Touch(nowUtc);
        return image;
    }

    public ProjectImage RemoveImage(long userId, long imageId, DateTime nowUtc)
    {
        EnsureHolderCanEdit(userId);
        var image = _images.SingleOrDefault(i => i.Id == imageId) ?? throw new DomainException("Cette image n'existe pas.");
        _images.Remove(image);
        Touch(nowUtc);
        return image;
    }

    public void DescribeImage(long userId, long imageId, string? altText, DateTime nowUtc)
    {
        EnsureHolderCanEdit(userId);
        var image = _images.SingleOrDefault(i => i.Id == imageId) ?? throw new DomainException("Cette image n'existe pas.");
        image.Describe(Text.Required(altText, ProjectImage.AltTextMaxLength, "Description de l'image"));
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
        var message = Text.Optional(messageToCity, ReviewMessage.BodyMaxLength, "Message à la ville", multiline: true);
        var missing = MissingForSubmission();
        if (missing.Count > 0)
        {
            throw new DomainException("Avant de déposer le projet, ajoutez : {0}.", string.Join(", ", missing));
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
            throw new DomainException("Un brouillon ne peut pas être publié.");
        }

        if (PublishedAtUtc is not null)
        {
            throw new DomainException("Ce projet est déjà publié.");
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
        Move(ProjectStatus.InReview, ProjectAction.TakenIntoReview, staffUserId, null, nowUtc, isPublic: true);
        AssignedStaffUserId = assignee;
    }

    /// <summary>Gives the review to another member of staff (or to nobody).</summary>
    public void Assign(Municipality city, long staffUserId, long? assigneeUserId, DateTime nowUtc)
    {
        EnsureStaff(city, staffUserId);
        if (Status is not (ProjectStatus.Submitted or ProjectStatus.InReview or ProjectStatus.ChangesRequested))
        {
            throw new DomainException("Le suivi d'un projet ne peut plus être attribué dans l'état « {0} ».", ProjectLifecycle.Label(Status));
        }

        if (assigneeUserId is { } assignee)
        {
            EnsureColleague(city, assignee);
        }

        if (assigneeUserId == AssignedStaffUserId)
        {
            throw new DomainException("Le suivi de ce projet est déjà attribué ainsi.");
        }

        AssignedStaffUserId = assigneeUserId;
        Record(ProjectAction.Assigned, Status, Status, staffUserId, null, nowUtc, isPublic: false);
        Touch(nowUtc);
    }

    /// <summary>The city asks the holder for changes; the message opens (or continues) the review thread.</summary>
    public ReviewMessage RequestChanges(Municipality city, long staffUserId, string? message, DateTime nowUtc)
    {
        EnsureStaff(city, staffUserId);
        var body = Text.Required(message, ReviewMessage.BodyMaxLength, "Message au porteur", multiline: true);
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
            throw new DomainException("Un brouillon n'est pas encore soumis à la ville.");
        }

        var note = new ReviewNote(this, staffUserId, Text.Required(body, ReviewNote.BodyMaxLength, "Note", multiline: true), nowUtc);
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
        EnsureDecidable();
        city.EnsureCanLabel();
        var commitments = Commitment.FromTerms(MunicipalityId, terms.Commitments, id => city.RoleOf(id) is not null);
        if (terms.ValidUntil is { } until && until <= DateOnly.FromDateTime(nowUtc))
        {
            throw new DomainException("La fin de validité du label doit être une date à venir.");
        }

        var conditions = Text.Optional(terms.Conditions, ProjectDecision.ConditionsMaxLength, "Conditions", multiline: true);
        var decision = StartDecision(DecisionKind.Label, staffUserId, requestToken, nowUtc);
        decision.SetLabelTerms(commitments, terms.ValidUntil, conditions);
        return Conclude(city, decision, role, staffUserId, nowUtc);
    }

    /// <summary>Proposes to decline the project, with the reason the public will read.</summary>
    public ProjectDecision ProposeDecline(Municipality city, long staffUserId, string? publicReason, DateTime nowUtc, string? requestToken = null)
    {
        var role = EnsureStaff(city, staffUserId);
        EnsureDecidable();
        var reason = Text.Required(publicReason, ReasonMaxLength, "Motif public", multiline: true);
        var decision = StartDecision(DecisionKind.Decline, staffUserId, requestToken, nowUtc);
        decision.SetPublicReason(reason);
        return Conclude(city, decision, role, staffUserId, nowUtc);
    }

    /// <summary>An admin confirms an agent's proposal: it becomes the decision.</summary>
    public ProjectDecision ConfirmProposal(Municipality city, long adminUserId, long decisionId, DateTime nowUtc)
    {
        EnsureAdmin(EnsureStaff(city, adminUserId), "Seul un administrateur de la ville peut confirmer une décision sur un projet.");
        var decision = PendingDecision(decisionId);
        EnsureDecidable();
        Apply(city, decision, adminUserId, nowUtc);
        return decision;
    }

    /// <summary>An admin sends an agent's proposal back with a note; the project stays in review.</summary>
    public void RejectProposal(Municipality city, long adminUserId, long decisionId, string? note, DateTime nowUtc)
    {
        EnsureAdmin(EnsureStaff(city, adminUserId), "Seul un administrateur de la ville peut écarter une proposition de décision.");
        var decision = PendingDecision(decisionId);
        decision.Reject(adminUserId, Text.Required(note, ReasonMaxLength, "Note à l'agent", multiline: true), nowUtc);
        Record(ProjectAction.ProposalRejected, Status, Status, adminUserId, decision.RejectionNote, nowUtc, isPublic: false);
        Touch(nowUtc);
    }

    /// <summary>An admin withdraws the city's label, with a public reason. The decision stays in the history.</summary>
    public void RevokeLabel(Municipality city, long adminUserId, string? publicReason, DateTime nowUtc)
    {
        EnsureAdmin(EnsureStaff(city, adminUserId), "Seul un administrateur de la ville peut retirer le label d'un projet.");
        var label = Label;
        if (label is null || label.RevokedAtUtc is not null)
        {
            throw new DomainException("Ce projet n'a pas de label à retirer.");
        }

        var reason = Text.Required(publicReason, ReasonMaxLength, "Motif public", multiline: true);
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
        EnsureAdmin(EnsureStaff(city, adminUserId), "Seul un administrateur de la ville peut ouvrir les reçus fiscaux d'un projet.");
        switch (HolderType)
        {
            case HolderType.Association when issuer.Quality == ReceiptQuality.Municipality:
                throw new DomainException("Le projet d'une association ne peut pas donner de reçu au nom de la commune.");
            case HolderType.Association:
                break;
            case HolderType.Municipality when issuer.Quality != ReceiptQuality.Municipality:
                throw new DomainException("Le projet de la ville donne des reçus au nom de la commune.");
            case HolderType.Municipality:
                break;
            default:
                throw new DomainException("Seuls les dons à une association d'intérêt général ou à la ville ouvrent droit à un reçu fiscal.");
        }

        ReceiptIssuer = issuer;
        Touch(nowUtc);
    }

    /// <summary>An admin stops new receipts for this project; receipts already issued stand.</summary>
    public void StopTaxReceipts(Municipality city, long adminUserId, DateTime nowUtc)
    {
        EnsureAdmin(EnsureStaff(city, adminUserId), "Seul un administrateur de la ville peut fermer les reçus fiscaux d'un projet.");
        if (ReceiptIssuer is null)
        {
            throw new DomainException("Ce projet ne délivre pas de reçu fiscal.");
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
            throw new DomainException("Un projet en financement ou financé ne peut plus être retiré : contactez la ville.");
        }

        Move(ProjectStatus.Withdrawn, ProjectAction.Withdrawn, userId, Text.Optional(reason, ReasonMaxLength, "Motif", multiline: true), nowUtc, isPublic: true);
    }

    public void Hide(long staffUserId, string? reason, DateTime nowUtc)
    {
        if (HiddenAtUtc is not null)
        {
            throw new DomainException("Ce projet est déjà masqué.");
        }

        HiddenReason = Text.Required(reason, ReasonMaxLength, "Motif", multiline: true);
        HiddenAtUtc = nowUtc;
        Record(ProjectAction.Hidden, Status, Status, staffUserId, HiddenReason, nowUtc, isPublic: false);
        Touch(nowUtc);
    }

    public void Unhide(long staffUserId, string? reason, DateTime nowUtc)
    {
        if (HiddenAtUtc is null)
        {
            throw new DomainException("Ce projet n'est pas masqué.");
        }

        HiddenAtUtc = null;
        HiddenReason = null;
        Record(ProjectAction.Unhidden, Status, Status, staffUserId, Text.Required(reason, ReasonMaxLength, "Motif", multiline: true), nowUtc, isPublic: false);
        Touch(nowUtc);
    }

    private static void EnsureAdmin(StaffRole role, string refusal)
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
            throw new DomainException("Ce projet n'appartient pas à cette ville.");
        }

        return city.RoleOf(userId) ?? throw new DomainException("Seule l'équipe de la ville peut faire cette action.");
    }

    private static void EnsureColleague(Municipality city, long userId)
    {
        if (city.RoleOf(userId) is null)
        {
            throw new DomainException("La personne désignée doit faire partie de l'équipe de la ville.");
        }
    }

    private void EnsureDecidable()
    {
        if (Status != ProjectStatus.InReview)
        {
            throw new DomainException("Une décision se prend sur un projet à l'étude ; celui-ci est dans l'état « {0} ».", ProjectLifecycle.Label(Status));
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
            ?? throw new DomainException("Cette proposition n'attend plus de confirmation : elle a déjà été traitée ou remplacée.");

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
                throw new DomainException("Ce type de décision n'existe pas.");
        }

        decision.Confirm(adminUserId, nowUtc);
    }

    private ReviewMessage AddMessage(MessageAuthorSide side, long userId, string? message, DateTime nowUtc)
    {
        if (Status == ProjectStatus.Draft || ProjectLifecycle.IsFinal(Status))
        {
            throw new DomainException("Les échanges sur ce projet sont clos dans l'état « {0} ».", ProjectLifecycle.Label(Status));
        }

        var posted = new ReviewMessage(this, side, userId, Text.Required(message, ReviewMessage.BodyMaxLength, "Message", multiline: true), nowUtc);
        _messages.Add(posted);
        return posted;
    }

    private void EnsureHolder(long userId)
    {
        if (userId != HolderUserId)
        {
            throw new DomainException("Seul le porteur du projet peut faire cette action.");
        }
    }

    private void EnsureHolderCanEdit(long userId)
    {
        EnsureHolder(userId);
        if (!IsEditable)
        {
            throw new DomainException("Le projet ne peut plus être modifié dans l'état « {0} ».", ProjectLifecycle.Label(Status));
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

    private sealed class DateHolder(DateOnly value)
    {
        public readonly DateOnly Value = value;
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
