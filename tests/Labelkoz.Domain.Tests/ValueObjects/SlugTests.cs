using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;

namespace Labelkoz.Domain.Tests.ValueObjects;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Montreuil", "montreuil")]
    [InlineData("Saint-Denis", "saint-denis")]
    [InlineData("L'Île-Saint-Denis", "l-ile-saint-denis")]
    [InlineData("  Bagnolet  ", "bagnolet")]
    [InlineData("Châlons-en-Champagne", "chalons-en-champagne")]
    [InlineData("Œuilly", "uilly")]
    public void FromName_MakesAReadableUrlSegment(string name, string expected)
    {
        Assert.Equal(expected, Slug.FromName(name));
    }

    [Theory]
    [InlineData("montreuil")]
    [InlineData("saint-denis")]
    [InlineData("a1")]
    public void Validate_AcceptsLowercaseLettersDigitsAndSingleHyphens(string slug)
    {
        Assert.Equal(slug, Slug.Validate(slug));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("Montreuil")]
    [InlineData("mont reuil")]
    [InlineData("-montreuil")]
    [InlineData("montreuil-")]
    [InlineData("saint--denis")]
    [InlineData("montréuil")]
    [InlineData("../etc")]
    public void Validate_RefusesMalformedSlugs(string slug)
    {
        Assert.Throws<DomainException>(() => Slug.Validate(slug));
    }

    [Theory]
    [InlineData("operateur")]
    [InlineData("api")]
    [InlineData("compte")]
    [InlineData("admin")]
    public void Validate_RefusesThePlatformsOwnPaths(string slug)
    {
        var refusal = Assert.Throws<DomainException>(() => Slug.Validate(slug));

        Assert.Contains("réservée", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RefusesOverlongSlugs()
    {
        Assert.Throws<DomainException>(() => Slug.Validate(new string('a', Slug.MaxLength + 1)));
    }
}
