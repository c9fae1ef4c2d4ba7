namespace Labelkoz.Domain.Common;

/// <summary>The rules of <see cref="Money"/>: they guard the code's own sums, not what people type.</summary>
public static class MoneyRefusals
{
    public static readonly DomainRefusal AllocationWithoutPositivePart = new("money.allocation-without-positive-part", null, "Une répartition demande au moins une part positive.");

    public static readonly DomainRefusal MixedCurrencies = new("money.mixed-currencies", null, "Impossible de combiner des montants en devises différentes.");
}
