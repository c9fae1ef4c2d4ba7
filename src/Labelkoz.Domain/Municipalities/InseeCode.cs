using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Municipalities;

/// <summary>
/// The official code of a French commune: five characters, digits, except Corsica whose
/// department part is 2A or 2B (e.g. 2A004 for Ajaccio).
/// </summary>
public readonly record struct InseeCode
{
    private InseeCode(string value) => Value = value;

    public string Value { get; }

    public static InseeCode Parse(string? raw)
    {
        if (!TryParse(raw, out var code))
        {
            throw new DomainException(CityRefusals.InseeCodeMalformed);
        }

        return code;
    }

    public static bool TryParse(string? raw, out InseeCode code)
    {
        code = default;
        var value = raw?.Trim().ToUpperInvariant();
        if (value is null || value.Length != 5)
        {
            return false;
        }

        var corsica = value.StartsWith("2A", StringComparison.Ordinal) || value.StartsWith("2B", StringComparison.Ordinal);
        var digitsFrom = corsica ? 2 : 0;
        for (var i = digitsFrom; i < 5; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }
        }

        code = new InseeCode(value);
        return true;
    }

    public override string ToString() => Value;
}
