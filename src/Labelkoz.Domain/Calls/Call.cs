using Labelkoz.Domain.Common;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;

namespace Labelkoz.Domain.Calls;

/// <summary>
/// A call for projects launched by a municipality (DESIGN §5):
/// <code>
/// Draft ─publish→ Open ─(closing time)→ Review ─select→ Decided
/// any state before Decided ─cancel→ Cancelled
/// </code>
/// A published call accepts applications from its opening time to its closing time; the closing
/// is done by the platform (a background job driven by the clock), exactly once.
/// </summary>
public sealed class Call : ITenantOwned
{
    public const int TitleMaxLength = 150;
    public const int DescriptionMaxLength = 20_000;
    public const int ReasonMaxLength = 2_000;
    public const int MaxWinners = 20;

    /// <summary>100 million euros: above that an envelope is a typing error.</summary>
    public const long MaxEnvelopeCents = 10_000_000_000;

    private readonly List<Commitment> _offer = [];
    private readonly List<CallQuestion> _questions = [];
    private readonly List<CallCriterion> _criteria = [];
    private readonly List<CallEvent> _history = [];

    private Call()
    {
        Title = string.Empty;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    public ProjectCategory? Category { get; private set; }

    public long? NeighbourhoodId { get; private set; }

    public long BudgetEnvelopeCents { get; private set; }

    public bool AcceptsIndividuals { get; private set; }

    public bool AcceptsAssociations { get; private set; }

    public bool AcceptsCompanies { get; private set; }

    public DateTime OpensAtUtc { get; private set; }

    public DateTime ClosesAtUtc { get; private set; }

    public int WinnersCount { get; private set; }

    public CallStatus Status { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? PublishedAtUtc { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public DateTime? CancelledAtUtc { get; private set; }

    public string? CancelReason { get; private set; }

    public long Version { get; private set; }

    /// <summary>What the city offers the winners: commitments of the same kinds as a label's.</summary>
    public IReadOnlyList<Commitment> Offer => _offer;

    public IReadOnlyList<CallQuestion> Questions => _questions;

    public IReadOnlyList<CallCriterion> Criteria => _criteria;

    public IReadOnlyList<CallEvent> History => _history;

    public bool IsEditable => Status == CallStatus.Draft;

    public static Call StartDraft(Municipality city, long adminUserId, string? title, DateTime nowUtc)
    {
        EnsureAdmin(city, adminUserId);
        var call = new Call
        {
            MunicipalityId = city.Id,
            Title = Text.Required(title, TitleMaxLength, "Titre de l'appel", field: "Title"),
            Status = CallStatus.Draft,
            AcceptsIndividuals = true,
            AcceptsAssociations = true,
            AcceptsCompanies = true,
            WinnersCount = 1,
            OpensAtUtc = nowUtc,
            ClosesAtUtc = nowUtc.AddDays(30),
            CreatedAtUtc = nowUtc,
        };
        call._history.Add(new CallEvent(call, CallAction.Created, CallStatus.Draft, CallStatus.Draft, adminUserId, null, nowUtc));
        return call;
    }

    /// <summary>Accepts an applicant of this type (an individual, an association, a company)?</summary>
    public bool Accepts(HolderType type) => type switch
    {
        HolderType.Individual => AcceptsIndividuals,
        HolderType.Association => AcceptsAssociations,
        HolderType.Company => AcceptsCompanies,
        _ => false,
    };

    /// <summary>Applications can be started, changed and withdrawn: published, opened, not yet closed.</summary>
    public bool IsAcceptingApplications(DateTime nowUtc) =>
        Status == CallStatus.Open && nowUtc >= OpensAtUtc && nowUtc < ClosesAtUtc;

    public void Describe(
        Municipality city,
        long adminUserId,
        string? title,
        string? description,
        ProjectCategory? category,
        Neighbourhood? neighbourhood,
        long budgetEnvelopeCents,
        int winnersCount,
        DateTime nowUtc)
    {
        EnsureEditable(city, adminUserId);
        Refuse(WhyNotCategory(category) ?? WhyNotNeighbourhood(neighbourhood) ?? WhyNotEnvelope(budgetEnvelopeCents) ?? WhyNotWinnersCount(winnersCount));
        Title = CheckTitle(title);
        Description = CheckDescription(description);
        Category = category;
        NeighbourhoodId = neighbourhood?.Id;
        BudgetEnvelopeCents = budgetEnvelopeCents;
        WinnersCount = winnersCount;
        Touch();
    }

    public void SetEligibility(Municipality city, long adminUserId, bool individuals, bool associations, bool companies)
    {
        EnsureEditable(city, adminUserId);
        Refuse(WhyNoApplicant(individuals, associations, companies));
        AcceptsIndividuals = individuals;
        AcceptsAssociations = associations;
        AcceptsCompanies = companies;
        Touch();
    }

    /// <summary>The application period; the closing time must come after the opening time.</summary>
    public void Schedule(Municipality city, long adminUserId, DateTime opensAtUtc, DateTime closesAtUtc)
    {
        EnsureEditable(city, adminUserId);
        Refuse(WhyNotSchedule(opensAtUtc, closesAtUtc));
        OpensAtUtc = opensAtUtc;
        ClosesAtUtc = closesAtUtc;
        Touch();
    }

    public void ReplaceOffer(Municipality city, long adminUserId, IReadOnlyList<CommitmentTerms> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        EnsureEditable(city, adminUserId);
        var offer = CheckOffer(city, terms);
        _offer.Clear();
        _offer.AddRange(offer);
        Touch();
    }

    public void ReplaceQuestions(Municipality city, long adminUserId, IReadOnlyList<QuestionTerms> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        EnsureEditable(city, adminUserId);
        var checkedQuestions = CheckQuestions(questions);
        _questions.Clear();
        _questions.AddRange(checkedQuestions);
        Touch();
    }

    /// <summary>The evaluation criteria; their weights must sum to 100.</summary>
    public void ReplaceCriteria(Municipality city, long adminUserId, IReadOnlyList<CriterionTerms> criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        EnsureEditable(city, adminUserId);
        var checkedCriteria = CheckCriteria(criteria);
        _criteria.Clear();
        _criteria.AddRange(checkedCriteria);
        Touch();
    }

    /// <summary>
    /// The back office's draft form, every part at once: each part is checked, and either all of
    /// them are refused together (one refusal per part at fault, each naming its field; nothing
    /// changes) or the whole draft is replaced. A draft may be saved without criteria only while it
    /// has none: publication asks for them (<see cref="MissingForPublication"/>).
    /// </summary>
    public IReadOnlyList<DomainRefusal> Revise(Municipality city, long adminUserId, CallDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        EnsureEditable(city, adminUserId);
        var refusals = new List<DomainRefusal>();
        var title = Attempt(refusals, () => CheckTitle(draft.Title));
        var description = Attempt(refusals, () => CheckDescription(draft.Description));
        refusals.AddRange(new[]
        {
            WhyNotCategory(draft.Category),
            WhyNotNeighbourhood(draft.Neighbourhood),
            WhyNotEnvelope(draft.EnvelopeCents),
            WhyNotWinnersCount(draft.WinnersCount),
            WhyNoApplicant(draft.Individuals, draft.Associations, draft.Companies),
            WhyNotSchedule(draft.OpensAtUtc, draft.ClosesAtUtc),
        }.OfType<DomainRefusal>());

        // A commitment's own refusals name the row's inputs (Kind, Grant…): the draft shows them on its offer.
        var offer = Attempt(refusals, () => CheckOffer(city, draft.Offer), r => r.About(nameof(CallDraft.Offer), [.. r.Arguments]));
        var questions = Attempt(refusals, () => CheckQuestions(draft.Questions));
        var criteria = draft.Criteria.Count == 0 && _criteria.Count == 0 ? [] : Attempt(refusals, () => CheckCriteria(draft.Criteria));
        if (refusals.Count > 0)
        {
            return refusals;
        }

        Title = title!;
        Description = description;
        Category = draft.Category;
        NeighbourhoodId = draft.Neighbourhood?.Id;
        BudgetEnvelopeCents = draft.EnvelopeCents;
        WinnersCount = draft.WinnersCount;
        AcceptsIndividuals = draft.Individuals;
        AcceptsAssociations = draft.Associations;
        AcceptsCompanies = draft.Companies;
        OpensAtUtc = draft.OpensAtUtc;
        ClosesAtUtc = draft.ClosesAtUtc;
        _offer.Clear();
        _offer.AddRange(offer!);
        _questions.Clear();
        _questions.AddRange(questions!);
        _criteria.Clear();
        _criteria.AddRange(criteria!);
        Touch();
        return [];
    }

    /// <summary>What is still missing before the call can be published (empty when complete).</summary>
    public IReadOnlyList<string> MissingForPublication(DateTime nowUtc)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Description))
        {
            missing.Add("une description");
        }

        if (_offer.Count == 0)
        {
            missing.Add("ce que la ville offre aux lauréats");
        }

        if (_criteria.Count == 0)
        {
            missing.Add("des critères d'évaluation");
        }

        if (ClosesAtUtc <= nowUtc)
        {
            missing.Add("une date de clôture à venir");
        }

        return missing;
    }

    /// <summary>An admin publishes the call: it accepts applications from its opening time.</summary>
    public void Publish(Municipality city, long adminUserId, DateTime nowUtc)
    {
        EnsureAdmin(city, adminUserId);
        city.EnsureCanLabel();
        var missing = MissingForPublication(nowUtc);
        if (missing.Count > 0)
        {
            throw new DomainException(CallRefusals.IncompleteForPublication.With(string.Join(", ", missing)));
        }

        Move(CallStatus.Open, CallAction.Published, adminUserId, null, nowUtc);
        PublishedAtUtc = nowUtc;
    }

    /// <summary>
    /// The platform closes the call at its closing time (never before). Returns false when there is
    /// nothing to do (already closed, cancelled, or not yet time), so running it twice is harmless.
    /// </summary>
    public bool CloseIfDue(DateTime nowUtc)
    {
        if (Status != CallStatus.Open || nowUtc < ClosesAtUtc)
        {
            return false;
        }

        Move(CallStatus.Review, CallAction.Closed, null, null, ClosesAtUtc);
        ClosedAtUtc = ClosesAtUtc;
        return true;
    }

    public void Cancel(Municipality city, long adminUserId, string? reason, DateTime nowUtc)
    {
        EnsureAdmin(city, adminUserId);
        if (WhyNotCancellable() is { } refusal)
        {
            throw new DomainException(refusal);
        }

        var why = Text.Required(reason, ReasonMaxLength, "Motif de l'annulation", multiline: true, field: "CancelReason");
        Move(CallStatus.Cancelled, CallAction.Cancelled, adminUserId, why, nowUtc);
        CancelledAtUtc = nowUtc;
        CancelReason = why;
    }

    /// <summary>
    /// Why a call in <paramref name="status"/> can no longer be cancelled, or null when it can: any
    /// call before its decision can be (the state machine's own rule, <see cref="CanMove"/>).
    /// </summary>
    public static DomainRefusal? WhyNotCancellable(CallStatus status) =>
        CanMove(status, CallStatus.Cancelled) ? null : CallRefusals.NotCancellable.With(Label(status));

    public DomainRefusal? WhyNotCancellable() => WhyNotCancellable(Status);

    /// <summary>Whether a call in <paramref name="status"/> can still be cancelled (pages show the form only then).</summary>
    public static bool CanBeCancelled(CallStatus status) => WhyNotCancellable(status) is null;

    /// <summary>
    /// An admin selects the winners among the submitted applications (at most the number of
    /// winners announced): the call is decided, every other submitted application is not selected,
    /// and each winner receives a project on the city's site, labelled with the call's offer.
    /// </summary>
    public IReadOnlyList<Project> SelectWinners(Municipality city, long adminUserId, IReadOnlyList<CallApplication> applications, IReadOnlyCollection<long> winnerIds, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(winnerIds);
        EnsureAdmin(city, adminUserId);
        if (Status != CallStatus.Review)
        {
            throw new DomainException(CallRefusals.WinnersBeforeClosing.With(Label(Status)));
        }

        var distinct = winnerIds.Distinct().ToList();
        if (distinct.Count == 0)
        {
            throw new DomainException(CallRefusals.NoWinner);
        }

        if (distinct.Count > WinnersCount)
        {
            throw new DomainException(CallRefusals.TooManyWinners.With(WinnersCount, distinct.Count));
        }

        if (applications.Any(a => a.CallId != Id))
        {
            throw new DomainException(CallRefusals.ApplicationToAnotherCall);
        }

        var submitted = applications.Where(a => a.Status == ApplicationStatus.Submitted).ToList();
        var winners = distinct.Select(id => submitted.SingleOrDefault(a => a.Id == id)
            ?? throw new DomainException(CallRefusals.WinnerNotSubmitted)).ToList();
        city.EnsureCanLabel();

        var projects = new List<Project>();
        foreach (var application in submitted)
        {
            var won = winners.Contains(application);
            application.Conclude(won, nowUtc);
            if (won)
            {
                projects.Add(Project.FromCallWinner(city, this, application, adminUserId, nowUtc));
            }

        }

        Move(CallStatus.Decided, CallAction.Decided, adminUserId, null, nowUtc);
        DecidedAtUtc = nowUtc;
        return projects;
    }

    /// <summary>The French name of a status, as shown to people.</summary>
    public static string Label(CallStatus status) => status switch
    {
        CallStatus.Draft => "Brouillon",
        CallStatus.Open => "Ouvert",
        CallStatus.Review => "En cours d'examen",
        CallStatus.Decided => "Attribué",
        CallStatus.Cancelled => "Annulé",
    };

    private static bool CanMove(CallStatus from, CallStatus to) => (from, to) switch
    {
        (CallStatus.Draft, CallStatus.Open) => true,
        (CallStatus.Open, CallStatus.Review) => true,
        (CallStatus.Review, CallStatus.Decided) => true,
        (CallStatus.Draft or CallStatus.Open or CallStatus.Review, CallStatus.Cancelled) => true,
        _ => false,
    };

    private static void EnsureAdmin(Municipality city, long userId)
    {
        ArgumentNullException.ThrowIfNull(city);
        if (city.RoleOf(userId) != StaffRole.Admin)
        {
            throw new DomainException(CallRefusals.AdminOnly);
        }
    }

    private void EnsureEditable(Municipality city, long adminUserId)
    {
        EnsureAdmin(city, adminUserId);
        if (city.Id != MunicipalityId)
        {
            throw new DomainException(CallRefusals.OfAnotherCity);
        }

        if (!IsEditable)
        {
            throw new DomainException(CallRefusals.PublishedNotEditable);
        }
    }

    private void Move(CallStatus to, CallAction action, long? byUserId, string? reason, DateTime nowUtc)
    {
        if (!CanMove(Status, to))
        {
            throw new DomainException(CallRefusals.ImpossibleMove.With(Label(Status), Label(to)));
        }

        var from = Status;
        Status = to;
        _history.Add(new CallEvent(this, action, from, to, byUserId, reason, nowUtc));
        Touch();
    }

    private static string CheckTitle(string? title) => Text.Required(title, TitleMaxLength, "Titre de l'appel", field: nameof(CallDraft.Title));

    private static string? CheckDescription(string? description) =>
        Text.Optional(description, DescriptionMaxLength, "Description", multiline: true, field: nameof(CallDraft.Description));

    private static DomainRefusal? WhyNotCategory(ProjectCategory? category) =>
        category is { } c && !Enum.IsDefined(c) ? CallRefusals.UnknownCategory : null;

    private DomainRefusal? WhyNotNeighbourhood(Neighbourhood? neighbourhood) =>
        neighbourhood is not null && neighbourhood.MunicipalityId != MunicipalityId ? CallRefusals.NeighbourhoodOfAnotherCity : null;

    private static DomainRefusal? WhyNotEnvelope(long cents) => cents switch
    {
        < 0 => CallRefusals.EnvelopeNegative,
        > MaxEnvelopeCents => CallRefusals.EnvelopeTooLarge,
        _ => null,
    };

    private static DomainRefusal? WhyNotWinnersCount(int winners) =>
        winners is < 1 or > MaxWinners ? CallRefusals.WinnersCountOutOfRange.With(MaxWinners) : null;

    private static DomainRefusal? WhyNoApplicant(bool individuals, bool associations, bool companies) =>
        !individuals && !associations && !companies ? CallRefusals.NoApplicantType : null;

    private static DomainRefusal? WhyNotSchedule(DateTime opensAtUtc, DateTime closesAtUtc)
    {
        if (opensAtUtc.Kind != DateTimeKind.Utc || closesAtUtc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("Call times are UTC.");
        }

        return closesAtUtc <= opensAtUtc ? CallRefusals.ClosingBeforeOpening : null;
    }

    private List<Commitment> CheckOffer(Municipality city, IReadOnlyList<CommitmentTerms> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return terms.Count == 0 ? [] : Commitment.FromTerms(MunicipalityId, terms, id => city.RoleOf(id) is not null);
    }

    private List<CallQuestion> CheckQuestions(IReadOnlyList<QuestionTerms> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        if (questions.Count > CallQuestion.MaxPerCall)
        {
            throw new DomainException(CallRefusals.TooManyQuestions.With(CallQuestion.MaxPerCall));
        }

        return questions.Select((q, i) =>
        {
            if (!Enum.IsDefined(q.Kind))
            {
                throw new DomainException(CallRefusals.UnknownQuestionKind);
            }

            return new CallQuestion(
                MunicipalityId,
                i,
                Text.Required(q.Label, CallQuestion.LabelMaxLength, "Intitulé de la question", field: nameof(CallDraft.Questions)),
                Text.Optional(q.Help, CallQuestion.HelpMaxLength, "Aide à la réponse", multiline: true, field: nameof(CallDraft.Questions)),
                q.Kind,
                q.Required);
        }).ToList();
    }

    private List<CallCriterion> CheckCriteria(IReadOnlyList<CriterionTerms> criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.Count == 0)
        {
            throw new DomainException(CallRefusals.NoCriterion);
        }

        if (criteria.Count > CallCriterion.MaxPerCall)
        {
            throw new DomainException(CallRefusals.TooManyCriteria.With(CallCriterion.MaxPerCall));
        }

        var checkedCriteria = criteria.Select((c, i) =>
        {
            var name = Text.Required(c.Name, CallCriterion.NameMaxLength, "Nom du critère", field: nameof(CallDraft.Criteria));
            if (c.WeightPercent is < 1 or > 100)
            {
                throw new DomainException(CallRefusals.CriterionWeightOutOfRange.With(name));
            }

            return new CallCriterion(MunicipalityId, i, name, Text.Optional(c.Description, CallCriterion.DescriptionMaxLength, "Description du critère", multiline: true, field: nameof(CallDraft.Criteria)), c.WeightPercent);
        }).ToList();
        if (checkedCriteria.Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != checkedCriteria.Count)
        {
            throw new DomainException(CallRefusals.CriteriaWithSameName);
        }

        var total = checkedCriteria.Sum(c => c.WeightPercent);
        return total == 100 ? checkedCriteria : throw new DomainException(CallRefusals.CriteriaWeightsNotHundred.With(total));
    }

    private static void Refuse(DomainRefusal? refusal)
    {
        if (refusal is not null)
        {
            throw new DomainException(refusal);
        }
    }

    /// <summary>The part <paramref name="check"/> makes, or its refusal added to <paramref name="refusals"/> (as <paramref name="shown"/> shows it).</summary>
    private static T? Attempt<T>(List<DomainRefusal> refusals, Func<T> check, Func<DomainRefusal, DomainRefusal>? shown = null)
        where T : class?
    {
        try
        {
            return check();
        }
        catch (DomainException refusal)
        {
            refusals.Add(shown is null ? refusal.Refusal : shown(refusal.Refusal));
            return null;
        }
    }

    private void Touch() => Version++;
}
