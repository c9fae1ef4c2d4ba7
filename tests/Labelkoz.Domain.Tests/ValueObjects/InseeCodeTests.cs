using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;

namespace Labelkoz.Domain.Tests.ValueObjects;

public sealed class InseeCodeTests
{
    [Theory]
    [InlineData("93048", "93048")]
    [InlineData(" 93006 ", "93006")]
    [InlineData("2A004", "2A004")]
    [InlineData("2b033", "2B033")]
    [InlineData("01001", "01001")]
    public void Parse_AcceptsMainlandAndCorsicanCodes(string raw, string expected)
    {
        Assert.Equal(expected, InseeCode.Parse(raw).Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("9304")]
    [InlineData("930480")]
    [InlineData("ABCDE")]
    [InlineData("2C004")]
    [InlineData("93O48")]
    [InlineData("2A0B4")]
    [InlineData("٩٣٠٤٨")]
    public void Parse_RefusesAnythingElse(string? raw)
    {
        var refusal = Assert.Throws<DomainException>(() => InseeCode.Parse(raw));

        Assert.Contains("5 caractères", refusal.Message, StringComparison.Ordinal);
    }
}
