using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Tests.Common;

public sealed class MoneyTests
{
    [Fact]
    public void Adding_AndSubtracting_StayInCents()
    {
        var total = Money.Euros(1_050) + Money.Euros(2_025) - Money.Euros(75);

        Assert.Equal(3_000, total.Cents);
    }

    [Theory]
    [InlineData(100, new[] { 1, 1, 1 }, new long[] { 34, 33, 33 })]
    [InlineData(5, new[] { 1, 1 }, new long[] { 3, 2 })]
    [InlineData(1_000, new[] { 95, 5 }, new long[] { 950, 50 })]
    [InlineData(-100, new[] { 1, 1, 1 }, new long[] { -34, -33, -33 })]
    [InlineData(0, new[] { 3, 7 }, new long[] { 0, 0 })]
    public void Allocate_SplitsWithoutLosingACent(long cents, int[] ratios, long[] expected)
    {
        var parts = Money.Euros(cents).Allocate(ratios);

        Assert.Equal(expected, parts.Select(p => p.Cents));
        Assert.Equal(cents, parts.Sum(p => p.Cents));
    }

    [Fact]
    public void Allocate_WithoutAPositiveShare_IsRefused()
    {
        Assert.Throws<DomainException>(() => Money.Euros(100).Allocate(0, 0));
        Assert.Throws<DomainException>(() => Money.Euros(100).Allocate());
    }

    [Fact]
    public void Overflow_IsAnErrorNotAWrapAround()
    {
        Assert.Throws<OverflowException>(() => Money.Euros(long.MaxValue) + Money.Euros(1));
    }

    [Fact]
    public void ToString_IsFrenchEuros()
    {
        Assert.Equal("1 234,50 €", Money.Euros(123_450).ToString().Replace('\u202F', ' ').Replace('\u00A0', ' '));
    }
}
