using Labelkoz.Domain.Common;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;

namespace Labelkoz.Domain.Funding;

public enum CampaignMode
{
    /// <summary>The money goes to the project only if the goal is reached; otherwise everyone is refunded.</summary>
    AllOrNothing = 1,

    /// <summary>The project keeps what it raised, goal reached or not.</summary>
    KeepItAll = 2,
}

public enum CampaignStatus
{
    Draft = 1,
    Live = 2,
    Paused = 3,

    /// <summary>Ended; the platform is settling it (fee and payout, or refunds). Resumable after a crash.</summary>
    Settling = 4,
    Funded = 5,
    NotFunded = 6,
}

/// <summary>
/// A project's crowdfunding campaign (DESIGN §6):
/// <code>
/// Draft ─launch (holder)→ Live ⇄ Paused (city admin, public reason)
/// Live | Paused ─(end date, the platform)→ Settling → Funded | NotFunded
/// </code>
/// The goal and the mode are frozen at launch; tiers can still be added and their quantity changed,
/// never below what is already taken. Money itself is not here: it is in the ledger, and every
/// total shown is computed from it.
/// </summary>
public sealed class Campaign : ITenantOwned
{
    public const int MaxDurationDays = 90;
    public const int MaxTiers = 30;
    public const int ReasonMaxLength = 2_000;

    /// <summary>A goal under 100 € is not a campaign; above 10 million euros it is a typing error.</summary>
    public const long MinGoalCents = 100_00;
    public const long MaxGoalCents = 10_000_000_00;

    /// <summary>One euro at least; 100 000 € at most for one contribution.</summary>
    public const long MinContributionCents = 1_00;
    public const long MaxContributionCents = 100_000_00;

    /// <summary>The platform fee when the plan does not say otherwise: 5 %.</summary>
    public const int DefaultFeeBasisPoints = 500;

    private readonly List<RewardTier> _tiers = [];
    private readonly List<CampaignEvent> _history = [];

    private Campaign()
    {
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long ProjectId { get; private set; }

    public long HolderUserId { get; private set; }

    public long GoalCents { get; private set; }

    public DateTime? EndsAtUtc { get; private set; }

    public CampaignMode Mode { get; private set; } = CampaignMode.AllOrNothing;

    public long MinimumContributionCents { get; private set; } = MinContributionCents;

    public CampaignStatus Status { get; private set; } = CampaignStatus.Draft;

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? LaunchedAtUtc { get; private set; }

    /// <summary>The label's matchfunding, frozen at launch (null: none).</summary>
    public int? MatchRatioPercent { get; private set; }

    public long? MatchCapCents { get; private set; }

    /// <summary>The platform fee in basis points (500 = 5 %), frozen at launch.</summary>
    public int FeeBasisPoints { get; private set; } = DefaultFeeBasisPoints;

    /// <summary>A city's own project is paid to its public accountant ("comptable public"), not to a person.</summary>
    public bool PaysPublicAccountant { get; private set; }

    public DateTime? PausedAtUtc { get; private set; }

    public string? PauseReason { get; private set; }

    /// <summary>Decided once when settlement starts, from the ledger's totals.</summary>
    public bool? Succeeded { get; private set; }

    public DateTime? SettlementStartedAtUtc { get; private set; }

    public DateTime? SettledAtUtc { get; private set; }

    /// <summary>Concurrency token, raised by every change the holder or the city makes.</summary>
    public long Version { get; private set; } = 1;

    /// <summary>
    /// Raised by the platform each time money moves on the campaign, in the same transaction: the
    /// update takes the campaign's row lock, so contributions, payment events and settlement on one
    /// campaign happen one after the other, on SQLite and PostgreSQL alike.
    /// </summary>
    public long MoneyMoves { get; private set; }

    public IReadOnlyList<RewardTier> Tiers => _tiers;

    public IReadOnlyList<CampaignEvent> History => _history;

    public Matchfunding? Matchfunding => MatchRatioPercent is { } ratio && MatchCapCents is { } cap ? new Matchfunding(ratio, cap) : null;

    /// <summary>
    /// The holder prepares a campaign for their project: labelled (with a label still valid), or,
    /// when the city lets projects be funded without a label, simply published.
    /// </summary>
    public static Campaign Prepare(Project project, Municipality city, long userId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(city);
        if (!project.IsHeldBy(userId))
        {
            throw new DomainException("Seul le porteur du projet peut préparer sa campagne de financement.");
        }

        EnsureFundable(project, city, DateOnly.FromDateTime(nowUtc));
        var campaign = new Campaign
        {
            MunicipalityId = project.MunicipalityId,
            ProjectId = project.Id,
            HolderUserId = userId,
            CreatedAtUtc = nowUtc,
            PaysPublicAccountant = project.HolderType == HolderType.Municipality,
        };
        campaign.Record(CampaignAction.Prepared, userId, null, nowUtc, isPublic: false);
        return campaign;
    }

    /// <summary>Why this project cannot be funded (yet), or null when it can.</summary>
    public static string? WhyNotFundable(Project project, Municipality city, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(city);
        return WhyNotFundable(project.Status, project.HasActiveLabel(today), city.LabelRequiredForFunding, project.IsPublic);
    }

    /// <summary>The same rule, from the facts a page's query reads (<see cref="Project.LabelActiveRule"/> for the label).</summary>
    public static string? WhyNotFundable(ProjectStatus status, bool hasActiveLabel, bool labelRequiredForFunding, bool isPublic)
    {
        if (status == ProjectStatus.Labelled)
        {
            return hasActiveLabel ? null : "Le label de ce projet n'est plus valide : il ne peut pas être financé.";
        }

        if (labelRequiredForFunding)
        {
            return "La ville finance seulement les projets labellisés : ce projet doit d'abord recevoir son label.";
        }

        return status == ProjectStatus.Submitted && isPublic ? null : "Seul un projet publié peut être financé.";
    }

    /// <summary>Goal, end date, mode and minimum: only while the campaign is a draft.</summary>
    public void Configure(long userId, long goalCents, DateTime endsAtUtc, CampaignMode mode, long minimumContributionCents, DateTime nowUtc)
    {
        EnsureHolder(userId);
        if (Status != CampaignStatus.Draft)
        {
            throw new DomainException("L'objectif, la date de fin et le mode sont figés depuis le lancement de la campagne.");
        }

        if (goalCents < MinGoalCents || goalCents > MaxGoalCents)
        {
            throw new DomainException("L'objectif doit être compris entre {0} et {1}.", Money.Euros(MinGoalCents), Money.Euros(MaxGoalCents));
        }

        if (!Enum.IsDefined(mode))
        {
            throw new DomainException("Choisissez le mode de la campagne : tout ou rien, ou tout est gardé.");
        }

        if (minimumContributionCents < MinContributionCents || minimumContributionCents > goalCents)
        {
            throw new DomainException("La contribution minimale doit être comprise entre {0} et l'objectif.", Money.Euros(MinContributionCents));
        }

        EnsureEndDate(endsAtUtc, nowUtc);
        GoalCents = goalCents;
        EndsAtUtc = endsAtUtc;
        Mode = mode;
        MinimumContributionCents = minimumContributionCents;
        Touch();
    }

    public RewardTier AddTier(long userId, TierTerms terms, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(terms);
        EnsureHolder(userId);
        EnsureNotEnded("On ne peut plus ajouter de contrepartie à une campagne terminée.");
        if (_tiers.Count >= MaxTiers)
        {
            throw new DomainException("Une campagne compte au plus {0} contreparties.", MaxTiers);
        }

        var tier = RewardTier.Create(this, terms, _tiers.Count + 1);
        _tiers.Add(tier);
        if (Status != CampaignStatus.Draft)
        {
            Record(CampaignAction.TierAdded, userId, tier.Title, nowUtc, isPublic: false);
        }

        Touch();
        return tier;
    }

    /// <summary>A draft's tier can be rewritten; a live one only has its quantity changed, never below what is taken.</summary>
    public void EditTier(long userId, long tierId, TierTerms terms, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(terms);
        EnsureHolder(userId);
        EnsureNotEnded("On ne peut plus modifier les contreparties d'une campagne terminée.");
        var tier = Tier(tierId);
        if (Status == CampaignStatus.Draft)
        {
            tier.Rewrite(terms);
        }
        else
        {
            if (terms.Title.Trim() != tier.Title || terms.MinimumCents != tier.MinimumCents || terms.ValueCents != tier.ValueCents)
            {
                throw new DomainException("Une fois la campagne lancée, seule la quantité d'une contrepartie peut changer.");
            }

            tier.SetQuantity(terms.Quantity);
            Record(CampaignAction.TierChanged, userId, tier.Title, nowUtc, isPublic: false);
        }

        Touch();
    }

    public void RemoveTier(long userId, long tierId)
    {
        EnsureHolder(userId);
        if (Status != CampaignStatus.Draft)
        {
            throw new DomainException("Une contrepartie ne peut plus être retirée après le lancement : ses contributeurs y comptent.");
        }

        _tiers.Remove(Tier(tierId));
        Touch();
    }

    /// <summary>What is still missing before the campaign can be launched (empty: ready).</summary>
    public IReadOnlyList<string> MissingForLaunch(DateTime nowUtc)
    {
        var missing = new List<string>();
        if (GoalCents == 0)
        {
            missing.Add("l'objectif");
        }

        if (EndsAtUtc is null)
        {
            missing.Add("la date de fin");
        }
        else if (EndsAtUtc <= nowUtc.AddDays(1) || EndsAtUtc > nowUtc.AddDays(MaxDurationDays))
        {
            missing.Add("une date de fin entre demain et dans 90 jours");
        }

        return missing;
    }

    /// <summary>
    /// The holder launches: the project moves to Funding, the label's matchfunding and the fee are
    /// frozen, and contributions open until the end date.
    /// </summary>
    public void Launch(Project project, Municipality city, long userId, int feeBasisPoints, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(city);
        EnsureHolder(userId);
        if (Status != CampaignStatus.Draft)
        {
            throw new DomainException("Cette campagne est déjà lancée.");
        }

        if (project.Id != ProjectId)
        {
            throw new InvalidOperationException("The campaign is launched with its own project.");
        }

        var missing = MissingForLaunch(nowUtc);
        if (missing.Count > 0)
        {
            throw new DomainException("Avant de lancer la campagne, indiquez : {0}.", string.Join(" ; ", missing));
        }

        if (feeBasisPoints is < 0 or > 5_000)
        {
            throw new DomainException("La commission de la plateforme doit être comprise entre 0 et 50 %.");
        }

        EnsureFundable(project, city, DateOnly.FromDateTime(nowUtc));
        project.LaunchFunding(userId, nowUtc);
        var match = project.Label?.Commitments.Select(c => c.Matchfunding).FirstOrDefault(m => m is not null);
        MatchRatioPercent = match?.RatioPercent;
        MatchCapCents = match?.CapCents;
        FeeBasisPoints = feeBasisPoints;
        Status = CampaignStatus.Live;
        LaunchedAtUtc = nowUtc;
        Record(CampaignAction.Launched, userId, null, nowUtc, isPublic: true);
        Touch();
    }

    /// <summary>A city admin stops contributions for cause; the reason is shown publicly.</summary>
    public void Pause(Municipality city, long adminUserId, string? publicReason, DateTime nowUtc)
    {
        EnsureAdmin(city, adminUserId, "Seul un administrateur de la ville peut suspendre une campagne.");
        if (Status != CampaignStatus.Live || IsDue(nowUtc))
        {
            throw new DomainException("Seule une campagne en cours peut être suspendue.");
        }

        PauseReason = Text.Required(publicReason, ReasonMaxLength, "Motif public", multiline: true);
        PausedAtUtc = nowUtc;
        Status = CampaignStatus.Paused;
        Record(CampaignAction.Paused, adminUserId, PauseReason, nowUtc, isPublic: true);
        Touch();
    }

    public void Resume(Municipality city, long adminUserId, DateTime nowUtc)
    {
        EnsureAdmin(city, adminUserId, "Seul un administrateur de la ville peut reprendre une campagne.");
        if (Status != CampaignStatus.Paused || IsDue(nowUtc))
        {
            throw new DomainException("Seule une campagne suspendue et pas encore terminée peut reprendre.");
        }

        Status = CampaignStatus.Live;
        PausedAtUtc = null;
        PauseReason = null;
        Record(CampaignAction.Resumed, adminUserId, null, nowUtc, isPublic: true);
        Touch();
    }

    /// <summary>Contributions are taken while live and before the end date.</summary>
    public bool IsOpen(DateTime nowUtc) => Status == CampaignStatus.Live && nowUtc < EndsAtUtc;

    /// <summary>The end date has passed and the campaign is not settled yet.</summary>
    public bool IsDue(DateTime nowUtc) => Status is CampaignStatus.Live or CampaignStatus.Paused && nowUtc >= EndsAtUtc;

    /// <summary>Refuses, with the reason, a contribution this campaign cannot take now.</summary>
    public void EnsureAccepts(long amountCents, RewardTier? tier, DateTime nowUtc)
    {
        switch (Status)
        {
            case CampaignStatus.Draft:
                throw new DomainException("Cette campagne n'est pas encore lancée.");
            case CampaignStatus.Paused:
                throw new DomainException("Cette campagne est suspendue par la ville : les contributions reprendront quand elle sera relancée.");
            case CampaignStatus.Live when nowUtc >= EndsAtUtc:
            case CampaignStatus.Settling or CampaignStatus.Funded or CampaignStatus.NotFunded:
                throw new DomainException("Cette campagne est terminée : elle ne prend plus de contributions.");
        }

        if (amountCents < MinimumContributionCents)
        {
            throw new DomainException("La contribution minimale est de {0}.", Money.Euros(MinimumContributionCents));
        }

        if (amountCents > MaxContributionCents)
        {
            throw new DomainException("Une contribution ne peut pas dépasser {0}.", Money.Euros(MaxContributionCents));
        }

        if (tier is null)
        {
            return;
        }

        if (tier.CampaignId != Id)
        {
            throw new DomainException("Cette contrepartie n'appartient pas à cette campagne.");
        }

        if (amountCents < tier.MinimumCents)
        {
            throw new DomainException("La contrepartie « {0} » demande au moins {1}.", tier.Title, Money.Euros(tier.MinimumCents));
        }
    }

    /// <summary>The platform starts settling, with the outcome computed from the ledger. Exactly once.</summary>
    public void StartSettlement(bool succeeded, DateTime nowUtc)
    {
        if (!IsDue(nowUtc))
        {
            throw new DomainException("Seule une campagne arrivée à sa date de fin peut être soldée.");
        }

        Succeeded = succeeded;
        Status = CampaignStatus.Settling;
        SettlementStartedAtUtc = nowUtc;
        Record(CampaignAction.Ended, null, null, nowUtc, isPublic: true);
        Touch();
    }

    /// <summary>Every step of the settlement is done: the campaign and its project reach their end state.</summary>
    public void FinishSettlement(Project project, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (Status != CampaignStatus.Settling || Succeeded is not { } succeeded)
        {
            throw new DomainException("Cette campagne n'est pas en cours de règlement.");
        }

        Status = succeeded ? CampaignStatus.Funded : CampaignStatus.NotFunded;
        SettledAtUtc = nowUtc;
        project.CloseFunding(succeeded, nowUtc);
        Record(succeeded ? CampaignAction.Funded : CampaignAction.NotFunded, null, null, nowUtc, isPublic: true);
        Touch();
    }

    public RewardTier Tier(long tierId) =>
        _tiers.SingleOrDefault(t => t.Id == tierId) ?? throw new DomainException("Cette contrepartie n'existe pas dans cette campagne.");

    private static void EnsureFundable(Project project, Municipality city, DateOnly today)
    {
        if (WhyNotFundable(project, city, today) is { } reason)
        {
            throw new DomainException(reason);
        }
    }

    private static void EnsureAdmin(Municipality city, long userId, string message)
    {
        ArgumentNullException.ThrowIfNull(city);
        if (city.RoleOf(userId) != StaffRole.Admin)
        {
            throw new DomainException(message);
        }
    }

    private static void EnsureEndDate(DateTime endsAtUtc, DateTime nowUtc)
    {
        if (endsAtUtc <= nowUtc.AddDays(1))
        {
            throw new DomainException("La campagne doit durer au moins jusqu'à demain.");
        }

        if (endsAtUtc > nowUtc.AddDays(MaxDurationDays))
        {
            throw new DomainException("Une campagne dure au plus {0} jours.", MaxDurationDays);
        }
    }

    private void EnsureHolder(long userId)
    {
        if (userId != HolderUserId)
        {
            throw new DomainException("Seul le porteur du projet peut modifier sa campagne.");
        }
    }

    private void EnsureNotEnded(string message)
    {
        if (Status is CampaignStatus.Settling or CampaignStatus.Funded or CampaignStatus.NotFunded)
        {
            throw new DomainException(message);
        }
    }

    private void Record(CampaignAction action, long? userId, string? details, DateTime nowUtc, bool isPublic) =>
        _history.Add(new CampaignEvent(this, action, userId, details, nowUtc, isPublic));

    private void Touch() => Version++;
}
