namespace Labelkoz.Domain.Common;

/// <summary>Normalises free text typed by people before it reaches an entity.</summary>
public static class Text
{
    /// <summary>
    /// Trims, refuses empty values, values longer than <paramref name="maxLength"/> and control
    /// characters (other than line breaks and tabs when <paramref name="multiline"/>).
    /// </summary>
    public static string Required(string? value, int maxLength, string fieldLabel, bool multiline = false)
    {
        var cleaned = Optional(value, maxLength, fieldLabel, multiline);
        if (cleaned is null)
        {
            throw new DomainException("Le champ « {0} » est obligatoire.", fieldLabel);
        }

        return cleaned;
    }

    public static string? Optional(string? value, int maxLength, string fieldLabel, bool multiline = false)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException("Le champ « {0} » ne peut pas dépasser {1} caractères.", fieldLabel, maxLength);
        }

        foreach (var c in trimmed)
        {
            var allowed = multiline && (c == '\n' || c == '\r' || c == '\t');
            if (char.IsControl(c) && !allowed)
            {
                throw new DomainException("Le champ « {0} » contient des caractères non autorisés.", fieldLabel);
            }
        }

        return multiline ? trimmed.Replace("\r\n", "\n", StringComparison.Ordinal) : trimmed;
    }
}
