using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Labels;

/// <summary>How the city co-finances: a fixed grant, or matchfunding on each contribution.</summary>
public enum CoFinancingMode
{
    Grant = 1,
    Matchfunding = 2,
}

/// <summary>
/// One commitment as typed on a decision form, before it is checked. Fields that do not apply to
/// the kind (a referent on land, a cap on a grant) are ignored.
/// </summary>
public sealed record CommitmentTerms(
    CommitmentKind Kind,
    string? Description,
    long? EstimatedValueCents = null,
    long? ReferentUserId = null,
    CoFinancingMode? CoFinancing = null,
    long? GrantCents = null,
    int? MatchRatioPercent = null,
    long? MatchCapCents = null);

/// <summary>What the city puts on the table when it labels: the commitments, how long, on what conditions.</summary>
public sealed record LabelTerms(IReadOnlyList<CommitmentTerms> Commitments, DateOnly? ValidUntil, string? Conditions);

/// <summary>
/// The city adds <c>ratio × each contribution</c> up to a cap (1 € for 1 € is a ratio of 100 %).
/// Amounts are integer cents; the match of one contribution is rounded down to the cent.
/// </summary>
public readonly record struct Matchfunding(int RatioPercent, long CapCents)
{
    /// <summary>Ten euros for one euro: above that the figure is a typing error.</summary>
    public const int MaxRatioPercent = 1_000;

    public static Matchfunding Create(int? ratioPercent, long? capCents)
    {
        if (ratioPercent is not > 0)
        {
            throw new DomainException(CommitmentRefusals.MatchRatioNotPositive);
        }

        if (ratioPercent > MaxRatioPercent)
        {
            throw new DomainException(CommitmentRefusals.MatchRatioTooHigh.With(MaxRatioPercent));
        }

        if (capCents is not > 0)
        {
            throw new DomainException(CommitmentRefusals.MatchCapNotPositive);
        }

        if (capCents > Commitment.MaxValueCents)
        {
            throw new DomainException(CommitmentRefusals.MatchCapTooLarge);
        }

        return new Matchfunding(ratioPercent.Value, capCents.Value);
    }

    /// <summary>What the city adds to one contribution, given what it has already matched.</summary>
    public long MatchFor(long contributionCents, long alreadyMatchedCents)
    {
        if (contributionCents <= 0)
        {
            return 0;
        }

        var room = Math.Max(0, CapCents - alreadyMatchedCents);
        var match = contributionCents * RatioPercent / 100;
        return Math.Min(match, room);
    }
}

/// <summary>One commitment of the city on a decision (a proposal or a confirmed label).</summary>
public sealed class Commitment : ITenantOwned
{
    public const int DescriptionMaxLength = 500;
    public const int MaxPerLabel = 20;

    /// <summary>10 million euros: above that a value is a typing error.</summary>
    public const long MaxValueCents = 1_000_000_000;

    private Commitment()
    {
        Description = string.Empty;
    }

    private Commitment(long municipalityId, int position, CommitmentKind kind, string description, long? estimatedValueCents)
    {
        MunicipalityId = municipalityId;
        Position = position;
        Kind = kind;
        Description = description;
        EstimatedValueCents = estimatedValueCents;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    /// <summary>The label decision it belongs to (null for a call's offer).</summary>
    public long? DecisionId { get; private set; }

    /// <summary>The call for projects whose offer it is (null for a label's commitment).</summary>
    public long? CallId { get; private set; }

    public int Position { get; private set; }

    public CommitmentKind Kind { get; private set; }

    public string Description { get; private set; }

    public long? EstimatedValueCents { get; private set; }

    /// <summary>For <see cref="CommitmentKind.Expertise"/>: the agent of the city who follows the project.</summary>
    public long? ReferentUserId { get; private set; }

    public CoFinancingMode? CoFinancing { get; private set; }

    public long? GrantCents { get; private set; }

    public int? MatchRatioPercent { get; private set; }

    public long? MatchCapCents { get; private set; }

    public Matchfunding? Matchfunding =>
        CoFinancing == CoFinancingMode.Matchfunding && MatchRatioPercent is { } ratio && MatchCapCents is { } cap
            ? new Matchfunding(ratio, cap)
            : null;

    /// <summary>The terms this commitment was made from: a call's offer becomes the winner's label.</summary>
    public CommitmentTerms ToTerms() =>
        new(Kind, Description, EstimatedValueCents, ReferentUserId, CoFinancing, GrantCents, MatchRatioPercent, MatchCapCents);

    /// <summary>
    /// Checks a list of commitments typed by staff. <paramref name="isCityStaff"/> tells whether an
    /// account belongs to the city's staff (a referent must).
    /// </summary>
    public static List<Commitment> FromTerms(long municipalityId, IReadOnlyList<CommitmentTerms> terms, Func<long, bool> isCityStaff)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(isCityStaff);
        if (terms.Count == 0)
        {
            throw new DomainException(CommitmentRefusals.NoCommitment);
        }

        if (terms.Count > MaxPerLabel)
        {
            throw new DomainException(CommitmentRefusals.TooManyCommitments.With(MaxPerLabel));
        }

        var commitments = terms.Select((t, i) => Create(municipalityId, i, t, isCityStaff)).ToList();
        if (commitments.Count(c => c.Kind == CommitmentKind.CoFinancing) > 1)
        {
            throw new DomainException(CommitmentRefusals.SecondCoFinancing);
        }

        return commitments;
    }

    private static Commitment Create(long municipalityId, int position, CommitmentTerms terms, Func<long, bool> isCityStaff)
    {
        if (!Enum.IsDefined(terms.Kind))
        {
            throw new DomainException(CommitmentRefusals.UnknownKind);
        }

        var description = Text.Required(terms.Description, DescriptionMaxLength, "Description de l'engagement", multiline: true, field: "Description");
        var value = terms.EstimatedValueCents switch
        {
            < 0 => throw new DomainException(CommitmentRefusals.EstimatedValueNegative),
            > MaxValueCents => throw new DomainException(CommitmentRefusals.EstimatedValueTooLarge),
            _ => terms.EstimatedValueCents,
        };
        var commitment = new Commitment(municipalityId, position, terms.Kind, description, value);
        switch (terms.Kind)
        {
            case CommitmentKind.Expertise:
                if (terms.ReferentUserId is not { } referent)
                {
                    throw new DomainException(CommitmentRefusals.ReferentMissing);
                }

                if (!isCityStaff(referent))
                {
                    throw new DomainException(CommitmentRefusals.ReferentNotStaff);
                }

                commitment.ReferentUserId = referent;
                break;
            case CommitmentKind.CoFinancing:
                commitment.CoFinancing = terms.CoFinancing;
                switch (terms.CoFinancing)
                {
                    case CoFinancingMode.Grant:
                        commitment.GrantCents = terms.GrantCents switch
                        {
                            null or 0 => throw new DomainException(CommitmentRefusals.GrantMissing),
                            < 0 => throw new DomainException(CommitmentRefusals.GrantNegative),
                            > MaxValueCents => throw new DomainException(CommitmentRefusals.GrantTooLarge),
                            _ => terms.GrantCents,
                        };
                        commitment.EstimatedValueCents = commitment.GrantCents;
                        break;
                    case CoFinancingMode.Matchfunding:
                        var match = Labels.Matchfunding.Create(terms.MatchRatioPercent, terms.MatchCapCents);
                        commitment.MatchRatioPercent = match.RatioPercent;
                        commitment.MatchCapCents = match.CapCents;
                        commitment.EstimatedValueCents = match.CapCents;
                        break;
                    case null:
                        throw new DomainException(CommitmentRefusals.CoFinancingModeMissing);
                    default:
                        throw new DomainException(CommitmentRefusals.UnknownCoFinancingMode);
                }

                break;
            case CommitmentKind.Land:
            case CommitmentKind.Premises:
            case CommitmentKind.Equipment:
            case CommitmentKind.Communication:
            case CommitmentKind.Other:
                break;
            default:
                throw new DomainException(CommitmentRefusals.UnknownKind);
        }

        return commitment;
    }
}
