using System.Globalization;
using Labelkoz.Web.Features.Projects;

namespace Labelkoz.Web.Tests.Projects.Propose;

public sealed class MoneyInputTests
{
    [Theory]
    [InlineData("1250", 125_000)]
    [InlineData("1 250,50", 125_050)]
    [InlineData("1\u202F250,50\u00A0€", 125_050)]
    [InlineData("1250.5", 125_050)]
    [InlineData("1 250 €", 125_000)]
    [InlineData("€1,250.50", 125_050)]
    [InlineData("1.250,50", 125_050)]
    [InlineData("1.250.000", 125_000_000)]
    [InlineData("1,250,000", 125_000_000)]
    [InlineData("0,05", 5)]
    [InlineData(",5", -1)]
    [InlineData("12,5", 1_250)]
    [InlineData("300 EUR", 30_000)]
    [InlineData("+10", 1_000)]
    [InlineData("0", 0)]
    [InlineData("-0", 0)]
    [InlineData("10000000", 1_000_000_000)]
    public void FrenchAndEnglishAmounts_AreReadIntoExactCents(string typed, long expected)
    {
        var ok = MoneyInput.TryParseCents(typed, out var cents, out var error);

        if (expected < 0)
        {
            Assert.False(ok);
            Assert.Equal(MoneyInputError.NotAnAmount, error);
            return;
        }

        Assert.True(ok, $"{typed}: {error}");
        Assert.Equal(MoneyInputError.None, error);
        Assert.Equal(expected, cents);
    }

    [Theory]
    [InlineData(null, MoneyInputError.NotAnAmount)]
    [InlineData("", MoneyInputError.NotAnAmount)]
    [InlineData("abc", MoneyInputError.NotAnAmount)]
    [InlineData("12abc", MoneyInputError.NotAnAmount)]
    [InlineData("1e5", MoneyInputError.NotAnAmount)]
    [InlineData("1,2,3", MoneyInputError.NotAnAmount)]
    [InlineData("1.25.0", MoneyInputError.NotAnAmount)]
    [InlineData("12,50.3", MoneyInputError.NotAnAmount)]
    [InlineData("1.2345,00", MoneyInputError.NotAnAmount)]
    [InlineData("10,", MoneyInputError.NotAnAmount)]
    [InlineData("€", MoneyInputError.NotAnAmount)]
    [InlineData("NaN", MoneyInputError.NotAnAmount)]
    [InlineData("12,345", MoneyInputError.TooManyDecimals)]
    [InlineData("1.250", MoneyInputError.TooManyDecimals)]
    [InlineData("0,001", MoneyInputError.TooManyDecimals)]
    [InlineData("1.000,255", MoneyInputError.TooManyDecimals)]
    [InlineData("-50", MoneyInputError.Negative)]
    [InlineData("\u221250,00 €", MoneyInputError.Negative)]
    [InlineData("99999999999999999999999", MoneyInputError.TooLarge)]
    public void Garbage_IsRefusedWithItsReason(string? typed, MoneyInputError expected)
    {
        Assert.False(MoneyInput.TryParseCents(typed, out var cents, out var error));
        Assert.Equal(expected, error);
        Assert.Equal(0, cents);
    }

    [Theory]
    [InlineData(125_050, "fr-FR", "1 250,50 €")]
    [InlineData(30_000, "fr-FR", "300,00 €")]
    [InlineData(5, "fr-FR", "0,05 €")]
    [InlineData(125_050, "en-GB", "€1,250.50")]
    public void Cents_AreShownInTheCulture_AlwaysInEuros(long cents, string culture, string expected)
    {
        var shown = MoneyInput.Format(cents, CultureInfo.GetCultureInfo(culture));

        Assert.Equal(expected, shown.Replace('\u202F', ' ').Replace('\u00A0', ' '));
    }

    [Theory]
    [InlineData(125_050, "fr-FR", "1250,50")]
    [InlineData(30_000, "fr-FR", "300")]
    [InlineData(125_050, "en-GB", "1250.50")]
    public void Cents_GoBackIntoAnInput_AsTheyCanBeReadAgain(long cents, string culture, string expected)
    {
        var text = MoneyInput.ForInput(cents, CultureInfo.GetCultureInfo(culture));

        Assert.Equal(expected, text);
        Assert.True(MoneyInput.TryParseCents(text, out var again, out _));
        Assert.Equal(cents, again);
    }
}
