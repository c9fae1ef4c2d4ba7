namespace Labelkoz.Domain.Common;

/// <summary>Checks for the official identifiers of French organisations.</summary>
public static class FrenchIdentifiers
{
    /// <summary>A SIREN: 9 digits whose Luhn checksum is valid (e.g. 219300480 for Montreuil). A refusal is about <paramref name="field"/>.</summary>
    public static string Siren(string? raw, string field = "Siren")
    {
        var value = new string((raw ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (value.Length != 9 || !value.All(char.IsAsciiDigit))
        {
            throw new DomainException(IdentifierRefusals.SirenNotNineDigits.About(field));
        }

        if (!LuhnValid(value))
        {
            throw new DomainException(IdentifierRefusals.SirenBadChecksum.About(field, value));
        }

        return value;
    }

    /// <summary>An RNA number of an association: "W" followed by 9 characters (digits, or a department code such as 2A). A refusal is about <paramref name="field"/>.</summary>
    public static string Rna(string? raw, string field = "Rna")
    {
        var value = (raw ?? string.Empty).Trim().ToUpperInvariant();
        // W, then the code of the prefecture that registered it (3 digits, or 2A/2B then a digit for Corsica), then 6 digits.
        var valid = value.Length == 10 && value[0] == 'W'
            && (value[1..4].All(char.IsAsciiDigit) || ((value[1..3] is "2A" or "2B") && char.IsAsciiDigit(value[3])))
            && value[4..].All(char.IsAsciiDigit);
        return valid ? value : throw new DomainException(IdentifierRefusals.RnaMalformed.About(field));
    }

    public static bool LuhnValid(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }
}
