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

    internal void Rewrite(TierTerms terms)
    {
        Title = Text.Required(terms.Title, TitleMaxLength, "Titre de la contrepartie");
        Description = Text.Optional(terms.Description, DescriptionMaxLength, "Description de la contrepartie", multiline: true);
        if (terms.MinimumCents < Campaign.MinContributionCents || terms.MinimumCents > Campaign.MaxContributionCents)
        {
            throw new DomainException("Le montant minimal d'une contrepartie doit être compris entre {0} et {1}.", Money.Euros(Campaign.MinContributionCents), Money.Euros(Campaign.MaxContributionCents));
        }

        if (terms.ValueCents < 0 || terms.ValueCents > terms.MinimumCents)
        {
            throw new DomainException("La valeur d'une contrepartie est comprise entre zéro et son montant minimal.");
        }

        MinimumCents = terms.MinimumCents;
        ValueCents = terms.ValueCents;
        DeliveryMonth = terms.DeliveryMonth is { } month ? new DateOnly(month.Year, month.Month, 1) : null;
        SetQuantity(terms.Quantity);
    }

    internal void SetQuantity(int? quantity)
    {
        if (quantity is not null and (< 1 or > MaxQuantity))
        {
            throw new DomainException("La quantité d'une contrepartie est comprise entre 1 et {0}, ou laissée vide si elle est illimitée.", MaxQuantity);
        }

        if (quantity < Taken)
        {
            throw new DomainException("{0} exemplaires de « {1} » sont déjà pris : la quantité ne peut pas descendre en dessous.", Taken, Title);
        }

        Quantity = quantity;
    }

    /// <summary>Holds one unit for a contribution; refused when none is left.</summary>
    internal void Take()
    {
        if (IsSoldOut)
        {
            throw new DomainException("La contrepartie « {0} » est épuisée.", Title);
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
