using System.Globalization;

namespace Labelkoz.Domain.Common;

public enum Currency
{
    Eur,
}

/// <summary>An amount of money in integer cents. Never a floating-point number.</summary>
public readonly record struct Money(long Cents, Currency Currency)
{
    public static Money Zero { get; } = new(0, Currency.Eur);

    public static Money Euros(long cents) => new(cents, Currency.Eur);

    public static Money operator +(Money left, Money right) => left.Add(right);

    public static Money operator -(Money left, Money right) => left.Subtract(right);

    public Money Add(Money other)
    {
        EnsureSameCurrency(other);
        return this with { Cents = checked(Cents + other.Cents) };
    }

    public Money Subtract(Money other)
    {
        EnsureSameCurrency(other);
        return this with { Cents = checked(Cents - other.Cents) };
    }

    /// <summary>
    /// Splits the amount in proportion to <paramref name="ratios"/>; the remainder cents go to the
    /// first parts, so the parts always sum to the whole.
    /// </summary>
    public IReadOnlyList<Money> Allocate(params int[] ratios)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        if (ratios.Length == 0 || ratios.Any(r => r < 0) || ratios.Sum() == 0)
        {
            throw new DomainException(MoneyRefusals.AllocationWithoutPositivePart);
        }

        long total = ratios.Sum();
        var cents = Cents;
        var currency = Currency;
        var parts = ratios.Select(r => cents * r / total).ToArray();
        var remainder = cents - parts.Sum();
        for (var i = 0; remainder != 0; i = (i + 1) % parts.Length)
        {
            var step = Math.Sign(remainder);
            parts[i] += step;
            remainder -= step;
        }

        return parts.Select(p => new Money(p, currency)).ToArray();
    }

    public override string ToString() =>
        (Cents / 100m).ToString("C", CultureInfo.GetCultureInfo("fr-FR"));

    private void EnsureSameCurrency(Money other)
    {
        if (other.Currency != Currency)
        {
            throw new DomainException(MoneyRefusals.MixedCurrencies);
        }
    }
}
