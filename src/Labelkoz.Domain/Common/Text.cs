namespace Labelkoz.Domain.Common;

/// <summary>Normalises free text typed by people before it reaches an entity.</summary>
public static class Text
{
    /// <summary>
    /// Trims, refuses empty values, values longer than <paramref name="maxLength"/> and control
    /// characters (other than line breaks and tabs when <paramref name="multiline"/>).
    /// <paramref name="fieldLabel"/> names the field in the sentence; <paramref name="field"/> is the
    /// input a refusal is about (<see cref="DomainRefusal.Field"/>).
    /// </summary>
    public static string Required(string? value, int maxLength, string fieldLabel, bool multiline = false, string? field = null)
    {
        var cleaned = Optional(value, maxLength, fieldLabel, multiline, field);
        if (cleaned is null)
        {
            throw new DomainException(TextRefusals.Required.About(field, fieldLabel));
        }

        return cleaned;
    }

    public static string? Optional(string? value, int maxLength, string fieldLabel, bool multiline = false, string? field = null)
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
            throw new DomainException(TextRefusals.TooLong.About(field, fieldLabel, maxLength));
        }

        foreach (var c in trimmed)
        {
            var allowed = multiline && (c == '\n' || c == '\r' || c == '\t');
            if (char.IsControl(c) && !allowed)
            {
                throw new DomainException(TextRefusals.ForbiddenCharacters.About(field, fieldLabel));
            }
        }

        return multiline ? trimmed.Replace("\r\n", "\n", StringComparison.Ordinal) : trimmed;
    }
}
