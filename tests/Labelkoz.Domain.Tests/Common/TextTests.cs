using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Tests.Common;

public sealed class TextTests
{
    [Fact]
    public void Required_TrimsSurroundingSpaces()
    {
        Assert.Equal("Montreuil", Text.Required("  Montreuil \t", 50, "Nom"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Required_WhenEmpty_IsRefusedNamingTheField(string? value)
    {
        var refusal = Assert.Throws<DomainException>(() => Text.Required(value, 50, "Nom"));

        Assert.Equal("Le champ « Nom » est obligatoire.", refusal.Message);
    }

    [Fact]
    public void Required_WhenTooLong_IsRefused()
    {
        var refusal = Assert.Throws<DomainException>(() => Text.Required(new string('a', 51), 50, "Nom"));

        Assert.Contains("50 caractères", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mont\u0001reuil")]
    [InlineData("Mont\u0000reuil")]
    [InlineData("Ligne\nsuivante")]
    public void Required_SingleLine_RefusesControlCharacters(string value)
    {
        Assert.Throws<DomainException>(() => Text.Required(value, 50, "Nom"));
    }

    [Fact]
    public void Optional_Multiline_KeepsLineBreaksAndNormalisesThem()
    {
        Assert.Equal("Un\nDeux", Text.Optional("Un\r\nDeux", 50, "Présentation", multiline: true));
        Assert.Throws<DomainException>(() => Text.Optional("Un\u0007Deux", 50, "Présentation", multiline: true));
    }
}
