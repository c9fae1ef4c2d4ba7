using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Projects;

/// <summary>Why an amount typed in a form could not be read.</summary>
public enum MoneyInputError
{
    None,
    NotAnAmount,
    TooManyDecimals,
    Negative,
    TooLarge,
}

/// <summary>
/// Amounts in euros as people type them ("1 250,50", "1250.5", "1 250 €", "1.250,50") read into
/// integer cents exactly (through <see cref="decimal"/>, never a floating-point number), and
/// cents shown back in the current culture ("1 250,50 €", "€1,250.50").
/// </summary>
public static class MoneyInput
{
    /// <summary>Above this many digits before the decimal separator the amount cannot be meant.</summary>
    private const int MaxIntegerDigits = 13;

    /// <summary>Reads an amount in euros. An empty text is <see cref="MoneyInputError.NotAnAmount"/>.</summary>
    public static bool TryParseCents(string? text, out long cents, out MoneyInputError error)
    {
        cents = 0;
        error = Normalise(text, out var negative, out var digits);
        if (error != MoneyInputError.None)
        {
            return false;
        }

        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var euros))
        {
            error = MoneyInputError.NotAnAmount;
            return false;
        }

        if (euros.Scale > 2)
        {
            error = MoneyInputError.TooManyDecimals;
            return false;
        }

        if (negative && euros != 0)
        {
            error = MoneyInputError.Negative;
            return false;
        }

        cents = decimal.ToInt64(euros * 100);
        return true;
    }

    /// <summary>Cents as an amount in euros in <paramref name="culture"/>: "1 250,50 €" in French.</summary>
    public static string Format(long cents, IFormatProvider? culture = null)
    {
        var format = (NumberFormatInfo)NumberFormatInfo.GetInstance(culture ?? CultureInfo.CurrentCulture).Clone();
        format.CurrencySymbol = "€";
        return (cents / 100m).ToString("C2", format);
    }

    /// <summary>Cents in euros without the cents when there are none: "5 000 €", "12,50 €".</summary>
    public static string FormatWhole(long cents, IFormatProvider? culture = null)
    {
        var format = (NumberFormatInfo)NumberFormatInfo.GetInstance(culture ?? CultureInfo.CurrentCulture).Clone();
        format.CurrencySymbol = "€";
        return (cents / 100m).ToString(cents % 100 == 0 ? "C0" : "C2", format);
    }

    /// <summary>Cents as the figure to put back in an input ("1250,50" in French, no currency sign).</summary>
    public static string ForInput(long cents, IFormatProvider? culture = null)
    {
        var format = NumberFormatInfo.GetInstance(culture ?? CultureInfo.CurrentCulture);
        return cents % 100 == 0
            ? (cents / 100).ToString(format)
            : (cents / 100m).ToString("0.00", format);
    }

    /// <summary>The sentence explaining <paramref name="error"/>, in the person's language.</summary>
    public static string Explain(this IStringLocalizer l, MoneyInputError error)
    {
        ArgumentNullException.ThrowIfNull(l);
        return error switch
        {
            MoneyInputError.None => string.Empty,
            MoneyInputError.NotAnAmount => l["Saisissez un montant en euros, par exemple 1 250,50."],
            MoneyInputError.TooManyDecimals => l["Un montant en euros a au plus deux chiffres après la virgule."],
            MoneyInputError.Negative => l["Le montant ne peut pas être négatif."],
            MoneyInputError.TooLarge => l["Ce montant est bien trop élevé : vérifiez la saisie."],
        };
    }

    /// <summary>
    /// Keeps the sign apart and turns the text into plain digits with at most one '.' before the
    /// cents. A comma or a point is the decimal separator when it is the last separator and is
    /// followed by fewer than three digits or is the only one; otherwise separators group thousands.
    /// </summary>
    private static MoneyInputError Normalise(string? text, out bool negative, out string digits)
    {
        negative = false;
        digits = string.Empty;
        var value = new string((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '\u202F').ToArray());
        value = Strip(Strip(value, "€"), "EUR");
        if (value.Length > 0 && (value[0] == '-' || value[0] == '\u2212'))
        {
            negative = true;
            value = value[1..];
        }
        else if (value.Length > 0 && value[0] == '+')
        {
            value = value[1..];
        }

        if (value.Length == 0 || !char.IsAsciiDigit(value[0]) || !char.IsAsciiDigit(value[^1]) || value.Any(c => !char.IsAsciiDigit(c) && c != ',' && c != '.'))
        {
            return MoneyInputError.NotAnAmount;
        }

        var lastSeparator = value.LastIndexOfAny([',', '.']);
        string integerPart;
        string fraction;
        if (lastSeparator < 0)
        {
            integerPart = value;
            fraction = string.Empty;
        }
        else
        {
            var separator = value[lastSeparator];
            var sameKind = value.Count(c => c == separator);
            var otherKind = value.Count(c => c is ',' or '.') - sameKind;
            var isDecimal = otherKind > 0 || sameKind == 1;
            if (isDecimal)
            {
                integerPart = value[..lastSeparator];
                fraction = value[(lastSeparator + 1)..];
                if (fraction.Any(c => !char.IsAsciiDigit(c)))
                {
                    return MoneyInputError.NotAnAmount;
                }
            }
            else
            {
                integerPart = value;
                fraction = string.Empty;
            }

            // Thousands groups, when present, are "1.250.000" or "1 250,50" with groups of three.
            if (integerPart.Any(c => c is ',' or '.'))
            {
                var groups = integerPart.Split(',', '.');
                var groupSeparators = integerPart.Where(c => c is ',' or '.').Distinct().Count();
                if (groupSeparators > 1 || groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
                {
                    return MoneyInputError.NotAnAmount;
                }

                integerPart = string.Concat(groups);
            }
        }

        var significant = integerPart.TrimStart('0');
        if (significant.Length > MaxIntegerDigits)
        {
            return MoneyInputError.TooLarge;
        }

        digits = fraction.Length == 0 ? integerPart : integerPart + "." + fraction;
        return MoneyInputError.None;
    }

    private static string Strip(string value, string symbol)
    {
        if (value.StartsWith(symbol, StringComparison.OrdinalIgnoreCase))
        {
            return value[symbol.Length..];
        }

        return value.EndsWith(symbol, StringComparison.OrdinalIgnoreCase) ? value[..^symbol.Length] : value;
    }
}
