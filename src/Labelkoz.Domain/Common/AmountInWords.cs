namespace Labelkoz.Domain.Common;

/// <summary>
/// Writes an amount in French words, traditional spelling (before the 1990 reform), as on a
/// cheque or a tax receipt: "vingt et un euros et cinquante centimes".
/// </summary>
/// <remarks>
/// Scales beyond the milliard follow the French long scale (billion = 10^12, billiard = 10^15),
/// which covers every amount a <see cref="long"/> of cents can hold.
/// </remarks>
public static class AmountInWords
{
    private static readonly string[] UnitsAndTeens =
    [
        "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
        "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
    ];

    private static readonly string[] Tens = ["", "", "vingt", "trente", "quarante", "cinquante", "soixante"];

    // Nouns, from the largest: they take an s in the plural and are followed by "d'euros" when final.
    private static readonly (long Value, string Name)[] NounScales =
    [
        (1_000_000_000_000_000, "billiard"),
        (1_000_000_000_000, "billion"),
        (1_000_000_000, "milliard"),
        (1_000_000, "million"),
    ];

    /// <summary>The amount of <paramref name="cents"/> in words: 2150 → "vingt et un euros et cinquante centimes".</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="cents"/> is negative.</exception>
    public static string Euros(long cents)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cents);

        var euros = cents / 100;
        var remainder = cents % 100;

        var text = euros switch
        {
            0 => "zéro euro",
            1 => "un euro",
            _ when euros % 1_000_000 == 0 => Number(euros) + " d'euros",
            _ => Number(euros) + " euros",
        };

        if (remainder > 0)
        {
            text += " et " + Number(remainder) + (remainder == 1 ? " centime" : " centimes");
        }

        return text;
    }

    /// <summary>A non-negative whole number in words: 80 → "quatre-vingts", 80 000 → "quatre-vingt mille".</summary>
    public static string Number(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (value == 0)
        {
            return UnitsAndTeens[0];
        }

        var parts = new List<string>();
        var rest = value;
        foreach (var (scale, name) in NounScales)
        {
            var count = rest / scale;
            rest %= scale;
            if (count > 0)
            {
                // The count of a noun is final: "deux cents millions", "quatre-vingts milliards".
                parts.Add(Number(count) + " " + name + (count > 1 ? "s" : string.Empty));
            }
        }

        var thousands = (int)(rest / 1_000);
        var units = (int)(rest % 1_000);
        if (thousands == 1)
        {
            parts.Add("mille");
        }
        else if (thousands > 1)
        {
            // "mille" is an adjective: it never takes an s, and "cent"/"vingt" before it stay singular.
            parts.Add(BelowThousand(thousands, isFinal: false) + " mille");
        }

        if (units > 0)
        {
            parts.Add(BelowThousand(units, isFinal: true));
        }

        return string.Join(' ', parts);
    }

    private static string BelowThousand(int value, bool isFinal)
    {
        var hundreds = value / 100;
        var rest = value % 100;
        if (hundreds == 0)
        {
            return BelowHundred(rest, isFinal);
        }

        var head = hundreds == 1 ? "cent" : UnitsAndTeens[hundreds] + " cent";
        if (rest == 0)
        {
            return hundreds > 1 && isFinal ? head + "s" : head;
        }

        return head + " " + BelowHundred(rest, isFinal);
    }

    private static string BelowHundred(int value, bool isFinal)
    {
        if (value < 20)
        {
            return UnitsAndTeens[value];
        }

        if (value >= 80)
        {
            var afterEighty = value - 80;
            if (afterEighty == 0)
            {
                return isFinal ? "quatre-vingts" : "quatre-vingt";
            }

            return "quatre-vingt-" + UnitsAndTeens[afterEighty];
        }

        // 70–79 are counted as sixty plus ten to nineteen: "soixante et onze", "soixante-douze".
        var tens = Math.Min(value / 10, 6);
        var unit = value - (tens * 10);
        if (unit == 0)
        {
            return Tens[tens];
        }

        return unit is 1 or 11
            ? Tens[tens] + " et " + UnitsAndTeens[unit]
            : Tens[tens] + "-" + UnitsAndTeens[unit];
    }
}
