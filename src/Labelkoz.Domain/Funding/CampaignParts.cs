using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Funding;

/// <summary>What the holder types for a reward tier ("contrepartie").</summary>
public sealed record TierTerms(
    string Title,
    string? Description,
    long MinimumCents,
    int? Quantity = null,
    long ValueCents = 0,
    DateOnly? DeliveryMonth = null);

/// <summary>
/// A reward tier: a minimum amount, optionally a limited quantity. <see cref="Taken"/> counts the
/// units held by contributions that are pending or succeeded; it never exceeds the quantity. Its
/// value (what the reward is worth) decides whether a tax receipt can be issued (DESIGN §6).
/// </summary>
public sealed class RewardTier : ITenantOwned
{
    public const int TitleMaxLength = 120;
    public const int DescriptionMaxLength = 2_000;
    public const int MaxQuantity = 100_000;

    private RewardTier()
    {
        Title = string.Empty;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long CampaignId { get; private set; }

    public int Position { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    public long MinimumCents { get; private set; }

    /// <summary>Null: unlimited.</summary>
    public int? Quantity { get; private set; }

    public int Taken { get; private set; }

    /// <summary>What the reward is worth to the contributor, in cents (0: symbolic).</summary>
    public long ValueCents { get; private set; }

    /// <summary>The first day of the estimated delivery month.</summary>
    public DateOnly? DeliveryMonth { get; private set; }

    public int? Left => Quantity is { } quantity ? quantity - Taken : null;

    public bool IsSoldOut => Left is <= 0;

    internal static RewardTier Create(Campaign campaign, TierTerms terms, int position)
    {
        var tier = new RewardTier { MunicipalityId = campaign.MunicipalityId, CampaignId = campaign.Id, Position = position };
        tier.Rewrite(terms);
        return tier;
    }

    /// <summary>
    /// Why a tier cannot have these amounts and this quantity, or null: a minimum within a
    /// contribution's bounds, a value between zero and the minimum, a quantity from 1 to
    /// <see cref="MaxQuantity"/> or none (unlimited). What is already taken is checked apart.
    /// </summary>
    public static DomainRefusal? WhyTermsRefused(long minimumCents, long valueCents, int? quantity)
    {
        if (minimumCents < Campaign.MinContributionCents || minimumCents > Campaign.MaxContributionCents)
        {
            return CampaignRefusals.TierMinimumOutOfRange.With(Money.Euros(Campaign.MinContributionCents), Money.Euros(Campaign.MaxContributionCents));
        }

        if (valueCents < 0 || valueCents > minimumCents)
        {
            return CampaignRefusals.TierValueOutOfRange;
        }

        return WhyQuantityRefused(quantity);
    }

    internal void Rewrite(TierTerms terms)
    {
        Title = Text.Required(terms.Title, TitleMaxLength, "Titre de la contrepartie", field: "Title");
        Description = Text.Optional(terms.Description, DescriptionMaxLength, "Description de la contrepartie", multiline: true, field: "Description");
        if (WhyTermsRefused(terms.MinimumCents, terms.ValueCents, terms.Quantity) is { } refusal)
        {
            throw new DomainException(refusal);
        }

        MinimumCents = terms.MinimumCents;
        ValueCents = terms.ValueCents;
        DeliveryMonth = terms.DeliveryMonth is { } month ? new DateOnly(month.Year, month.Month, 1) : null;
        SetQuantity(terms.Quantity);
    }

    internal void SetQuantity(int? quantity)
    {
        if (WhyQuantityRefused(quantity) is { } refusal)
        {
            throw new DomainException(refusal);
        }

        if (quantity < Taken)
        {
            throw new DomainException(CampaignRefusals.TierQuantityBelowTaken.With(Taken, Title));
        }

        Quantity = quantity;
    }

    /// <summary>Holds one unit for a contribution; refused when none is left.</summary>
    internal void Take()
    {
        if (IsSoldOut)
        {
            throw new DomainException(CampaignRefusals.TierSoldOut.With(Title));
        }

        Taken++;
    }

    /// <summary>A failed or refunded contribution gives its unit back.</summary>
    internal void Release()
    {
        if (Taken == 0)
        {
            throw new InvalidOperationException("A tier cannot give back a unit it never gave.");
        }

        Taken--;
    }

    private static DomainRefusal? WhyQuantityRefused(int? quantity) =>
        quantity is not null and (< 1 or > MaxQuantity) ? CampaignRefusals.TierQuantityOutOfRange.With(MaxQuantity) : null;
}

public enum CampaignAction
{
    Prepared = 1,
    Launched = 2,
    TierAdded = 3,
    TierChanged = 4,
    Paused = 5,
    Resumed = 6,
    Ended = 7,
    Funded = 8,
    NotFunded = 9,
}

/// <summary>One step of a campaign's history; public ones are shown on the project page.</summary>
public sealed class CampaignEvent : ITenantOwned
{
    private CampaignEvent()
    {
    }

    internal CampaignEvent(Campaign campaign, CampaignAction action, long? userId, string? details, DateTime atUtc, bool isPublic)
    {
        MunicipalityId = campaign.MunicipalityId;
        Action = action;
        UserId = userId;
        Details = details;
        AtUtc = atUtc;
        IsPublic = isPublic;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public long CampaignId { get; private set; }

    public CampaignAction Action { get; private set; }

    public long? UserId { get; private set; }

    public string? Details { get; private set; }

    public DateTime AtUtc { get; private set; }

    public bool IsPublic { get; private set; }
}
