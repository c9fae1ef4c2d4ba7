using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Tests.Common;

public sealed class FrenchIdentifiersTests
{
    [Theory]
    [InlineData("219300480")]
    [InlineData("219 300 068")]
    [InlineData("732829320")]
    public void Siren_WithAValidChecksum_IsAccepted(string siren)
    {
        Assert.Equal(siren.Replace(" ", string.Empty, StringComparison.Ordinal), FrenchIdentifiers.Siren(siren));
    }

    [Theory]
    [InlineData("219300481")]
    [InlineData("21930048")]
    [InlineData("2193004800")]
    [InlineData("21930048A")]
    [InlineData("")]
    [InlineData(null)]
    public void Siren_Malformed_OrWithAWrongChecksum_IsRefused(string? siren)
    {
        Assert.Throws<DomainException>(() => FrenchIdentifiers.Siren(siren));
    }

    [Theory]
    [InlineData("W931234567", "W931234567")]
    [InlineData("w751000001", "W751000001")]
    [InlineData("W2A1000001", "W2A1000001")]
    public void Rna_IsWFollowedByNineCharacters(string rna, string expected)
    {
        Assert.Equal(expected, FrenchIdentifiers.Rna(rna));
    }

    [Theory]
    [InlineData("931234567")]
    [InlineData("W93123456")]
    [InlineData("W9312345678")]
    [InlineData("X931234567")]
    [InlineData("W93A234567")]
    public void Rna_Malformed_IsRefused(string rna)
    {
        Assert.Throws<DomainException>(() => FrenchIdentifiers.Rna(rna));
    }
}
