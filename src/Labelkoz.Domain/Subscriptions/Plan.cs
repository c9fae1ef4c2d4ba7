using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Subscriptions;

public enum BillingPeriod
{
    Monthly = 1,
    Yearly = 2,
}

/// <summary>
/// A subscription plan, managed by the platform's operator (DESIGN §2): a population band, a
/// monthly and a yearly price excluding VAT, the platform's fee on funded campaigns, and limits.
/// Prices are in integer cents.
/// </summary>
public sealed class Plan
{
    public const int NameMaxLength = 80;

    /// <summary>100 000 € a year: above that, a price is a typing error.</summary>
    public const long MaxPriceCents = 10_000_000;

    /// <summary>The platform takes at most 20 % of a funded campaign.</summary>
    public const int MaxFeeBasisPoints = 2_000;

    private Plan()
    {
        Name = string.Empty;
    }

    public long Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The smallest population the plan is meant for (inclusive).</summary>
    public int MinPopulation { get; private set; }

    /// <summary>The largest population the plan is meant for (inclusive), or null: no upper bound.</summary>
    public int? MaxPopulation { get; private set; }

    public long MonthlyPriceCents { get; private set; }

    public long YearlyPriceCents { get; private set; }

    /// <summary>The platform's fee on the contributions of a funded campaign, in basis points (500 = 5 %).</summary>
    public int FeeBasisPoints { get; private set; }

    /// <summary>How many calls for projects may be open at once, or null: no limit.</summary>
    public int? MaxOpenCalls { get; private set; }

    public bool MatchfundingAllowed { get; private set; }

    /// <summary>A retired plan keeps its subscribers but is no longer offered.</summary>
    public bool IsOffered { get; private set; } = true;

    public long Version { get; private set; }

    public static Plan Create(string? name, int minPopulation, int? maxPopulation, long monthlyPriceCents, long yearlyPriceCents, int feeBasisPoints, int? maxOpenCalls, bool matchfundingAllowed)
    {
        var plan = new Plan();
        plan.Update(name, minPopulation, maxPopulation, monthlyPriceCents, yearlyPriceCents, feeBasisPoints, maxOpenCalls, matchfundingAllowed);
        plan.Version = 1;
        return plan;
    }

    /// <summary>The operator changes the plan: subscribers pay the new price from their next period.</summary>
    public void Update(string? name, int minPopulation, int? maxPopulation, long monthlyPriceCents, long yearlyPriceCents, int feeBasisPoints, int? maxOpenCalls, bool matchfundingAllowed)
    {
        if (minPopulation < 0)
        {
            throw new DomainException(SubscriptionRefusals.MinPopulationNegative);
        }

        if (maxPopulation < 0)
        {
            throw new DomainException(SubscriptionRefusals.MaxPopulationNegative);
        }

        if (maxPopulation is { } max && max < minPopulation)
        {
            throw new DomainException(SubscriptionRefusals.MaxPopulationBelowMin);
        }

        if (monthlyPriceCents is < 0 or > MaxPriceCents)
        {
            throw new DomainException(SubscriptionRefusals.MonthlyPriceOutOfRange.With(Money.Zero, Money.Euros(MaxPriceCents)));
        }

        if (yearlyPriceCents is < 0 or > MaxPriceCents)
        {
            throw new DomainException(SubscriptionRefusals.YearlyPriceOutOfRange.With(Money.Zero, Money.Euros(MaxPriceCents)));
        }

        if (feeBasisPoints is < 0 or > MaxFeeBasisPoints)
        {
            throw new DomainException(SubscriptionRefusals.FeeOutOfRange.With(MaxFeeBasisPoints / 100));
        }

        if (maxOpenCalls is < 0)
        {
            throw new DomainException(SubscriptionRefusals.MaxOpenCallsNegative);
        }

        Name = Text.Required(name, NameMaxLength, "Nom de l'offre", field: "Name");
        MinPopulation = minPopulation;
        MaxPopulation = maxPopulation;
        MonthlyPriceCents = monthlyPriceCents;
        YearlyPriceCents = yearlyPriceCents;
        FeeBasisPoints = feeBasisPoints;
        MaxOpenCalls = maxOpenCalls;
        MatchfundingAllowed = matchfundingAllowed;
        Version++;
    }

    public void Retire()
    {
        IsOffered = false;
        Version++;
    }

    public bool Covers(int population) => population >= MinPopulation && (MaxPopulation is null || population <= MaxPopulation);

    /// <summary>The price of one period, excluding VAT.</summary>
    public long PriceCents(BillingPeriod period) => period switch
    {
        BillingPeriod.Monthly => MonthlyPriceCents,
        BillingPeriod.Yearly => YearlyPriceCents,
        _ => throw new ArgumentOutOfRangeException(nameof(period)),
    };

    /// <summary>The offered plan whose band holds the population (the narrowest, if bands overlap), or null.</summary>
    public static Plan? Suggest(IEnumerable<Plan> plans, int population) =>
        plans.Where(p => p.IsOffered && p.Covers(population))
            .OrderBy(p => (long)(p.MaxPopulation ?? int.MaxValue) - p.MinPopulation)
            .ThenBy(p => p.MonthlyPriceCents)
            .FirstOrDefault();

    /// <summary>The three plans seeded on a new platform: under 10 000 inhabitants, 10 000 to 50 000, over 50 000.</summary>
    public static IReadOnlyList<Plan> Defaults() =>
    [
        Create("Commune (moins de 10 000 habitants)", 0, 9_999, 90_00, 900_00, 500, 2, matchfundingAllowed: true),
        Create("Ville (10 000 à 50 000 habitants)", 10_000, 50_000, 290_00, 2_900_00, 500, 5, matchfundingAllowed: true),
        Create("Grande ville (plus de 50 000 habitants)", 50_001, null, 690_00, 6_900_00, 400, null, matchfundingAllowed: true),
    ];
}

/// <summary>French VAT on the platform's services: 20 %, rounded half up to the cent.</summary>
public static class Vat
{
    public const int RateBasisPoints = 2_000;

    public static long On(long amountExcludingVatCents) =>
        amountExcludingVatCents < 0
            ? throw new ArgumentOutOfRangeException(nameof(amountExcludingVatCents))
            : checked((amountExcludingVatCents * RateBasisPoints) + 5_000) / 10_000;

    public static long Including(long amountExcludingVatCents) => checked(amountExcludingVatCents + On(amountExcludingVatCents));
}
