using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;

namespace Labelkoz.Domain.Tests.Municipalities;

public sealed class MunicipalityTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Create_InCorsica_AcceptsItsLetteredInseeCode()
    {
        var city = Municipality.Create("Ajaccio", "ajaccio", "2a004", 71_361, Now);

        Assert.Equal("2A004", city.InseeCode);
        Assert.Equal(SubscriptionStatus.Trial, city.SubscriptionStatus);
    }

    [Theory]
    [InlineData("ABCDE")]
    [InlineData("9304")]
    [InlineData("930488")]
    [InlineData("2C004")]
    public void Create_WithAMalformedInseeCode_IsRefused(string insee)
    {
        Assert.Throws<DomainException>(() => Municipality.Create("Ville", "ville", insee, 1000, Now));
    }

    [Theory]
    [InlineData("Mont\u0000reuil")]
    [InlineData("Mont\nreuil")]
    [InlineData("   ")]
    public void Create_WithAnUnreadableName_IsRefused(string name)
    {
        Assert.Throws<DomainException>(() => Municipality.Create(name, "ville", "93048", 1000, Now));
    }

    [Fact]
    public void Create_WithAnOverlongName_IsRefused()
    {
        Assert.Throws<DomainException>(() => Municipality.Create(new string('a', Municipality.NameMaxLength + 1), "ville", "93048", 1000, Now));
    }

    [Fact]
    public void Create_WithANegativePopulation_IsRefused()
    {
        Assert.Throws<DomainException>(() => Municipality.Create("Ville", "ville", "93048", -1, Now));
    }

    [Fact]
    public void Presentation_KeepsLineBreaksButRefusesAPlainHttpLessWebsite()
    {
        var city = Municipality.Create("Montreuil", "montreuil", "93048", 1000, Now);

        city.UpdatePresentation("Montreuil", "Première ligne\r\n\r\nSeconde", "contact@montreuil.fr", "01 48 70 60 00", "https://www.montreuil.fr", Now);
        Assert.Equal("Première ligne\n\nSeconde", city.Presentation);

        Assert.Throws<DomainException>(() => city.UpdatePresentation("Montreuil", null, null, null, "javascript:alert(1)", Now));
        Assert.Equal("https://www.montreuil.fr/", city.Website);
    }

    [Fact]
    public void Settings_AcceptOnlyTheThreeRgaaComplianceLevels()
    {
        var city = Municipality.Create("Montreuil", "montreuil", "93048", 1000, Now);

        city.UpdateSettings(ModerationMode.PreModeration, ModerationMode.PostModeration, false, "totalement conforme", Now);
        Assert.Equal(ModerationMode.PreModeration, city.ProjectModeration);
        Assert.False(city.LabelRequiredForFunding);

        Assert.Throws<DomainException>(() => city.UpdateSettings(ModerationMode.PreModeration, ModerationMode.PostModeration, false, "conforme à moitié", Now));
        Assert.Throws<DomainException>(() => city.UpdateSettings((ModerationMode)7, ModerationMode.PostModeration, false, "non conforme", Now));
        Assert.Equal("totalement conforme", city.AccessibilityCompliance);
    }

    [Fact]
    public void Neighbourhoods_RefuseDuplicatesWhateverTheCase()
    {
        var city = Municipality.Create("Montreuil", "montreuil", "93048", 1000, Now);
        city.AddNeighbourhood("Bas-Montreuil", Now);

        Assert.Throws<DomainException>(() => city.AddNeighbourhood("  bas-montreuil ", Now));
        Assert.Single(city.Neighbourhoods);
    }
}
