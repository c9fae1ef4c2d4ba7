using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Tests.Common;

public sealed class AmountInWordsTests
{
    [Theory]
    [InlineData(0L, "zéro euro")]
    [InlineData(1L, "zéro euro et un centime")]
    [InlineData(2L, "zéro euro et deux centimes")]
    [InlineData(100L, "un euro")]
    [InlineData(200L, "deux euros")]
    [InlineData(1_000L, "dix euros")]
    [InlineData(1_700L, "dix-sept euros")]
    [InlineData(2_000L, "vingt euros")]
    [InlineData(2_100L, "vingt et un euros")]
    [InlineData(2_150L, "vingt et un euros et cinquante centimes")]
    [InlineData(2_200L, "vingt-deux euros")]
    [InlineData(3_100L, "trente et un euros")]
    [InlineData(4_100L, "quarante et un euros")]
    [InlineData(5_100L, "cinquante et un euros")]
    [InlineData(6_100L, "soixante et un euros")]
    [InlineData(7_000L, "soixante-dix euros")]
    [InlineData(7_100L, "soixante et onze euros")]
    [InlineData(7_200L, "soixante-douze euros")]
    [InlineData(7_900L, "soixante-dix-neuf euros")]
    [InlineData(8_000L, "quatre-vingts euros")]
    [InlineData(8_100L, "quatre-vingt-un euros")]
    [InlineData(9_000L, "quatre-vingt-dix euros")]
    [InlineData(9_100L, "quatre-vingt-onze euros")]
    [InlineData(9_900L, "quatre-vingt-dix-neuf euros")]
    [InlineData(10_000L, "cent euros")]
    [InlineData(10_100L, "cent un euros")]
    [InlineData(20_000L, "deux cents euros")]
    [InlineData(20_100L, "deux cent un euros")]
    [InlineData(28_000L, "deux cent quatre-vingts euros")]
    [InlineData(100_000L, "mille euros")]
    [InlineData(100_100L, "mille un euros")]
    [InlineData(200_000L, "deux mille euros")]
    [InlineData(2_100_000L, "vingt et un mille euros")]
    [InlineData(8_000_000L, "quatre-vingt mille euros")]
    [InlineData(20_000_000L, "deux cent mille euros")]
    [InlineData(100_000_000L, "un million d'euros")]
    [InlineData(100_000_100L, "un million un euros")]
    [InlineData(200_000_000L, "deux millions d'euros")]
    [InlineData(250_000_000L, "deux millions cinq cent mille euros")]
    [InlineData(8_000_000_000L, "quatre-vingts millions d'euros")]
    [InlineData(20_000_000_000L, "deux cents millions d'euros")]
    [InlineData(100_000_000_000L, "un milliard d'euros")]
    [InlineData(300_000_000_000L, "trois milliards d'euros")]
    [InlineData(100_200_000_000L, "un milliard deux millions d'euros")]
    [InlineData(123_456_789L, "un million deux cent trente-quatre mille cinq cent soixante-sept euros et quatre-vingt-neuf centimes")]
    [InlineData(99_999_999L, "neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf euros et quatre-vingt-dix-neuf centimes")]
    [InlineData(8_080L, "quatre-vingts euros et quatre-vingts centimes")]
    [InlineData(7_171L, "soixante et onze euros et soixante et onze centimes")]
    [InlineData(100_000_000_000_000L, "un billion d'euros")]
    [InlineData(100_000_000_000_000_000L, "un billiard d'euros")]
    public void Euros_AreWrittenInTraditionalFrenchSpelling(long cents, string expected)
    {
        Assert.Equal(expected, AmountInWords.Euros(cents));
    }

    [Fact]
    public void Euros_UpToTheLargestAmount_AreWrittenWithTheLongScale()
    {
        // long.MaxValue cents = 92 233 720 368 547 758,07 €.
        Assert.Equal(
            "quatre-vingt-douze billiards deux cent trente-trois billions sept cent vingt milliards "
            + "trois cent soixante-huit millions cinq cent quarante-sept mille sept cent cinquante-huit euros "
            + "et sept centimes",
            AmountInWords.Euros(long.MaxValue));
    }

    [Fact]
    public void Euros_Negative_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AmountInWords.Euros(-1));
    }

    [Theory]
    [InlineData(0L, "zéro")]
    [InlineData(80L, "quatre-vingts")]
    [InlineData(80_000L, "quatre-vingt mille")]
    [InlineData(200_000L, "deux cent mille")]
    [InlineData(1_000_001L, "un million un")]
    public void Number_IsTheWholeNumberInWords(long value, string expected)
    {
        Assert.Equal(expected, AmountInWords.Number(value));
    }
}
