using System.Globalization;
using System.Text;

namespace Labelkoz.Domain.Common;

/// <summary>
/// Text folded for search: lower case, no accents, words separated by single spaces. Stored next
/// to searchable content so that "Café" is found by "cafe" on SQLite and PostgreSQL alike.
/// </summary>
public static class SearchText
{
    public static string Fold(params string?[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var builder = new StringBuilder();
        var pendingSpace = false;
        foreach (var part in parts)
        {
            if (string.IsNullOrEmpty(part))
            {
                continue;
            }

            foreach (var c in part.Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                {
                    continue;
                }

                if (char.IsLetterOrDigit(c))
                {
                    if (pendingSpace && builder.Length > 0)
                    {
                        builder.Append(' ');
                    }

                    pendingSpace = false;
                    builder.Append(char.ToLowerInvariant(Fold(c)));
                }
                else
                {
                    pendingSpace = true;
                }
            }

            pendingSpace = true;
        }

        return builder.ToString();
    }

    /// <summary>The distinct words of a query, folded the same way (at most 8, each at most 40 characters).</summary>
    public static IReadOnlyList<string> Terms(string? query) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Length > 40 ? t[..40] : t)
            .Distinct(StringComparer.Ordinal)
            .Take(8)
            .ToList();

    private static char Fold(char c) => c switch
    {
        'œ' or 'Œ' => 'o',
        'æ' or 'Æ' => 'a',
        'ß' => 's',
        _ => c,
    };
}
