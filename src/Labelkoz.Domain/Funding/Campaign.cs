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
    /// The city's matchfunding of a gift from <paramref name="contributorUserId"/>: none for the
    /// holder's own gifts, whose match the holder would be paid (a conflict of interest, issue #16).
    /// </summary>
    public Matchfunding? MatchfundingOf(long? contributorUserId) => contributorUserId == HolderUserId ? null : Matchfunding;

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
            throw new DomainException(CampaignRefusals.PreparedByHolderOnly);
        }

        EnsureFundable(project, city, ParisTime.DateOf(nowUtc));
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
    public static DomainRefusal? WhyCannotBeFunded(Project project, Municipality city, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(city);
        return WhyCannotBeFunded(project.Status, project.HasActiveLabel(today), city.LabelRequiredForFunding, project.IsPublic);
    }

    /// <summary>The same rule, from the facts a page's query reads (<see cref="Project.LabelActiveRule"/> for the label).</summary>
    public static DomainRefusal? WhyCannotBeFunded(ProjectStatus status, bool hasActiveLabel, bool labelRequiredForFunding, bool isPublic)
    {
        if (status == ProjectStatus.Labelled)
        {
            return hasActiveLabel ? null : CampaignRefusals.LabelNoLongerValid;
        }

        if (labelRequiredForFunding)
        {
            return CampaignRefusals.LabelRequired;
        }

        return status == ProjectStatus.Submitted && isPublic ? null : CampaignRefusals.ProjectNotPublished;
    }

    /// <summary>
    /// Why a campaign ending at <paramref name="endsAtUtc"/> is refused, or null: it lasts at least
    /// until tomorrow and at most <see cref="MaxDurationDays"/> days.
    /// </summary>
    public static DomainRefusal? WhyEndDateRefused(DateTime endsAtUtc, DateTime nowUtc)
    {
        if (endsAtUtc <= nowUtc.AddDays(1))
        {
            return CampaignRefusals.EndsTooSoon;
        }

        return endsAtUtc > nowUtc.AddDays(MaxDurationDays) ? CampaignRefusals.LastsTooLong.With(MaxDurationDays) : null;
    }

    /// <summary>
    /// Whether tiers can still be added or changed in <paramref name="status"/>: until the campaign
    /// ends (a paused campaign is not over).
    /// </summary>
    public static bool TakesTierChanges(CampaignStatus status) => status switch
    {
        CampaignStatus.Draft or CampaignStatus.Live or CampaignStatus.Paused => true,
        CampaignStatus.Settling or CampaignStatus.Funded or CampaignStatus.NotFunded => false,
    };

    /// <summary>Goal, end date, mode and minimum: only while the campaign is a draft.</summary>
    public void Configure(long userId, long goalCents, DateTime endsAtUtc, CampaignMode mode, long minimumContributionCents, DateTime nowUtc)
    {
        EnsureHolder(userId);
        if (Status != CampaignStatus.Draft)
        {
            throw new DomainException(CampaignRefusals.TermsFrozen);
        }

        if (goalCents < MinGoalCents || goalCents > MaxGoalCents)
        {
            throw new DomainException(CampaignRefusals.GoalOutOfRange.With(Money.Euros(MinGoalCents), Money.Euros(MaxGoalCents)));
        }

        if (!Enum.IsDefined(mode))
        {
            throw new DomainException(CampaignRefusals.UnknownMode);
        }

        if (minimumContributionCents < MinContributionCents || minimumContributionCents > goalCents)
        {
            throw new DomainException(CampaignRefusals.MinimumOutOfRange.With(Money.Euros(MinContributionCents)));
        }

        if (WhyEndDateRefused(endsAtUtc, nowUtc) is { } endDateRefused)
        {
            throw new DomainException(endDateRefused);
        }

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
        EnsureTakesTierChanges(CampaignRefusals.EndedNoNewTier);
        if (_tiers.Count >= MaxTiers)
        {
            throw new DomainException(CampaignRefusals.TooManyTiers.With(MaxTiers));
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
        EnsureTakesTierChanges(CampaignRefusals.EndedTiersFrozen);
        var tier = Tier(tierId);
        if (Status == CampaignStatus.Draft)
        {
            tier.Rewrite(terms);
        }
        else
        {
            if (terms.Title.Trim() != tier.Title || terms.MinimumCents != tier.MinimumCents || terms.ValueCents != tier.ValueCents)
            {
                throw new DomainException(CampaignRefusals.LiveTierOnlyQuantityChanges);
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
            throw new DomainException(CampaignRefusals.LiveTierNotRemovable);
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
        else if (WhyEndDateRefused(EndsAtUtc.Value, nowUtc) is not null)
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
            throw new DomainException(CampaignRefusals.AlreadyLaunched);
        }

        if (project.Id != ProjectId)
        {
            throw new InvalidOperationException("The campaign is launched with its own project.");
        }

        var missing = MissingForLaunch(nowUtc);
        if (missing.Count > 0)
        {
            throw new DomainException(CampaignRefusals.IncompleteForLaunch.With(string.Join(" ; ", missing)));
        }

        if (feeBasisPoints is < 0 or > 5_000)
        {
            throw new DomainException(CampaignRefusals.FeeOutOfRange);
        }

        EnsureFundable(project, city, ParisTime.DateOf(nowUtc));
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
        EnsureAdmin(city, adminUserId, CampaignRefusals.PauseByAdminOnly);
        if (Status != CampaignStatus.Live || IsDue(nowUtc))
        {
            throw new DomainException(CampaignRefusals.NotLiveToPause);
        }

        PauseReason = Text.Required(publicReason, ReasonMaxLength, "Motif public", multiline: true, field: "Reason");
        PausedAtUtc = nowUtc;
        Status = CampaignStatus.Paused;
        Record(CampaignAction.Paused, adminUserId, PauseReason, nowUtc, isPublic: true);
        Touch();
    }

    public void Resume(Municipality city, long adminUserId, DateTime nowUtc)
    {
        EnsureAdmin(city, adminUserId, CampaignRefusals.ResumeByAdminOnly);
        if (Status != CampaignStatus.Paused || IsDue(nowUtc))
        {
            throw new DomainException(CampaignRefusals.NotPausedToResume);
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
                throw new DomainException(CampaignRefusals.NotYetLaunched);
            case CampaignStatus.Paused:
                throw new DomainException(CampaignRefusals.PausedByCity);
            case CampaignStatus.Live when nowUtc >= EndsAtUtc:
            case CampaignStatus.Settling or CampaignStatus.Funded or CampaignStatus.NotFunded:
                throw new DomainException(CampaignRefusals.Ended);
        }

        if (amountCents < MinimumContributionCents)
        {
            throw new DomainException(CampaignRefusals.ContributionBelowMinimum.With(Money.Euros(MinimumContributionCents)));
        }

        if (amountCents > MaxContributionCents)
        {
            throw new DomainException(CampaignRefusals.ContributionAboveMaximum.With(Money.Euros(MaxContributionCents)));
        }

        if (tier is null)
        {
            return;
        }

        if (tier.CampaignId != Id)
        {
            throw new DomainException(CampaignRefusals.TierOfAnotherCampaign);
        }

        if (amountCents < tier.MinimumCents)
        {
            throw new DomainException(CampaignRefusals.ContributionBelowTierMinimum.With(tier.Title, Money.Euros(tier.MinimumCents)));
        }
    }

    /// <summary>The platform starts settling, with the outcome computed from the ledger. Exactly once.</summary>
    public void StartSettlement(bool succeeded, DateTime nowUtc)
    {
        if (!IsDue(nowUtc))
        {
            throw new DomainException(CampaignRefusals.NotDueForSettlement);
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
            throw new DomainException(CampaignRefusals.NotSettling);
        }

        Status = succeeded ? CampaignStatus.Funded : CampaignStatus.NotFunded;
        SettledAtUtc = nowUtc;
        project.CloseFunding(succeeded, nowUtc);
        Record(succeeded ? CampaignAction.Funded : CampaignAction.NotFunded, null, null, nowUtc, isPublic: true);
        Touch();
    }

    public RewardTier Tier(long tierId) =>
        _tiers.SingleOrDefault(t => t.Id == tierId) ?? throw new DomainException(CampaignRefusals.UnknownTier);

    private static void EnsureFundable(Project project, Municipality city, DateOnly today)
    {
        if (WhyCannotBeFunded(project, city, today) is { } refusal)
        {
            throw new DomainException(refusal);
        }
    }

    private static void EnsureAdmin(Municipality city, long userId, DomainRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(city);
        if (city.RoleOf(userId) != StaffRole.Admin)
        {
            throw new DomainException(refusal);
        }
    }

    private void EnsureHolder(long userId)
    {
        if (userId != HolderUserId)
        {
            throw new DomainException(CampaignRefusals.ChangedByHolderOnly);
        }
    }

    private void EnsureTakesTierChanges(DomainRefusal refusal)
    {
        if (!TakesTierChanges(Status))
        {
            throw new DomainException(refusal);
        }
    }

    private void Record(CampaignAction action, long? userId, string? details, DateTime nowUtc, bool isPublic) =>
        _history.Add(new CampaignEvent(this, action, userId, details, nowUtc, isPublic));

    private void Touch() => Version++;
}
