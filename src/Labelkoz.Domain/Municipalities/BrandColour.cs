using System.Globalization;
using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Municipalities;

/// <summary>
/// A city's brand colour (#RRGGBB) and the colours derived from it that keep WCAG 2.1 AA contrast:
/// the text colour to put on it, and a variant dark enough to be read on a white page.
/// </summary>
public readonly record struct BrandColour
{
    public const double MinimumContrast = 4.5;

    private BrandColour(string hex) => Hex = hex;

    public string Hex { get; }

    public static BrandColour Parse(string? raw)
    {
        var value = raw?.Trim() ?? string.Empty;
        if (value.Length != 7 || value[0] != '#' || !value[1..].All(char.IsAsciiHexDigit))
        {
            throw new DomainException(CityRefusals.BrandColourMalformed);
        }

        return new BrandColour(value.ToUpperInvariant());
    }

    /// <summary>Black or white, whichever contrasts more with the brand colour (always ≥ 4.5:1).</summary>
    public string TextColour => ContrastRatio(Hex, "#FFFFFF") >= ContrastRatio(Hex, "#000000") ? "#FFFFFF" : "#000000";

    /// <summary>The brand colour darkened just enough to reach 4.5:1 on white, for links and accents.</summary>
    public string OnWhite
    {
        get
        {
            var (r, g, b) = Rgb(Hex);
            for (var factor = 1.0; factor >= 0; factor -= 0.02)
            {
                var candidate = ToHex(r * factor, g * factor, b * factor);
                if (ContrastRatio(candidate, "#FFFFFF") >= MinimumContrast)
                {
                    return candidate;
                }
            }

            return "#000000";
        }
    }

    public static double ContrastRatio(string hexA, string hexB)
    {
        var la = RelativeLuminance(hexA);
        var lb = RelativeLuminance(hexB);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    public static double RelativeLuminance(string hex)
    {
        var (r, g, b) = Rgb(hex);
        return (0.2126 * Channel(r)) + (0.7152 * Channel(g)) + (0.0722 * Channel(b));

        static double Channel(double value)
        {
            var c = value / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
    }

    public override string ToString() => Hex;

    private static (double R, double G, double B) Rgb(string hex) =>
        (int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
         int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
         int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    private static string ToHex(double r, double g, double b) =>
        string.Create(CultureInfo.InvariantCulture, $"#{(int)Math.Round(r):X2}{(int)Math.Round(g):X2}{(int)Math.Round(b):X2}");
}
