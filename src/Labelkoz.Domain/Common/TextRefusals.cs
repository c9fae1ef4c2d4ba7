namespace Labelkoz.Domain.Common;

/// <summary>
/// The rules every typed text follows (<see cref="Text"/>). They are shared by many inputs: the
/// caller names the field it checked, and the sentence names it by its French label.
/// </summary>
public static class TextRefusals
{
    public static readonly DomainRefusal Required = new("text.required", null, "Le champ « {0} » est obligatoire.");

    public static readonly DomainRefusal TooLong = new("text.too-long", null, "Le champ « {0} » ne peut pas dépasser {1} caractères.");

    public static readonly DomainRefusal ForbiddenCharacters = new("text.forbidden-characters", null, "Le champ « {0} » contient des caractères non autorisés.");
}
