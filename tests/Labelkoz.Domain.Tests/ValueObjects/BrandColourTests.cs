using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;

namespace Labelkoz.Domain.Tests.ValueObjects;

public sealed class BrandColourTests
{
    [Theory]
    [InlineData("#000000", "#FFFFFF", 21.0)]
    [InlineData("#FFFFFF", "#000000", 21.0)]
    [InlineData("#FFFFFF", "#FFFFFF", 1.0)]
    [InlineData("#767676", "#FFFFFF", 4.54)]
    [InlineData("#0B5F3C", "#FFFFFF", 7.73)]
    public void ContrastRatio_FollowsWcag(string a, string b, double expected)
    {
        Assert.Equal(expected, BrandColour.ContrastRatio(a, b), 2);
    }

    [Theory]
    [InlineData("#0B5F3C", "#FFFFFF")]
    [InlineData("#FFD500", "#000000")]
    [InlineData("#FFFFFF", "#000000")]
    [InlineData("#000000", "#FFFFFF")]
    [InlineData("#1F6FB2", "#FFFFFF")]
    public void TextColour_IsTheReadableOneOfBlackAndWhite(string brand, string expected)
    {
        Assert.Equal(expected, BrandColour.Parse(brand).TextColour);
    }

    [Fact]
    public void TextColour_ReachesAaContrast_OnEveryGreyAndPrimary()
    {
        // Black or white always reaches 4.5:1 against any colour; sample the cube to prove it holds here.
        for (var r = 0; r <= 255; r += 17)
        {
            for (var g = 0; g <= 255; g += 17)
            {
                for (var b = 0; b <= 255; b += 17)
                {
                    var colour = BrandColour.Parse($"#{r:X2}{g:X2}{b:X2}");
                    Assert.True(BrandColour.ContrastRatio(colour.Hex, colour.TextColour) >= BrandColour.MinimumContrast, colour.Hex);
                }
            }
        }
    }

    [Theory]
    [InlineData("#FFD500")]
    [InlineData("#FFFFFF")]
    [InlineData("#7FDBFF")]
    [InlineData("#0B5F3C")]
    public void OnWhite_IsReadableOnAWhitePage(string brand)
    {
        var colour = BrandColour.Parse(brand);

        Assert.True(BrandColour.ContrastRatio(colour.OnWhite, "#FFFFFF") >= BrandColour.MinimumContrast);
    }

    [Fact]
    public void OnWhite_KeepsAnAlreadyDarkColourAsItIs()
    {
        Assert.Equal("#0B5F3C", BrandColour.Parse("#0b5f3c").OnWhite);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("red")]
    [InlineData("#FFF")]
    [InlineData("#GGGGGG")]
    [InlineData("0B5F3C")]
    [InlineData("#0B5F3C;background:url(x)")]
    public void Parse_RefusesAnythingButHashRrggbb(string? raw)
    {
        Assert.Throws<DomainException>(() => BrandColour.Parse(raw));
    }
}
