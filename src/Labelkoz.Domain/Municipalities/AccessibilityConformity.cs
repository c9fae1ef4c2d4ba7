namespace Labelkoz.Domain.Municipalities;

/// <summary>The three states of conformity an RGAA statement may declare, and how a rate decides them.</summary>
public static class AccessibilityConformity
{
    public const string Full = "totalement conforme";
    public const string Partial = "partiellement conforme";
    public const string None = "non conforme";

    public static readonly IReadOnlyList<string> States = [Full, Partial, None];

    /// <summary>
    /// The state an audit's rate gives (RGAA 4.1, "état de conformité"): every criterion met is full
    /// conformity, at least half is partial, less than half, or no valid audit at all, is none.
    /// </summary>
    public static string StateFor(int? rate) => rate switch
    {
        null => None,
        >= 100 => Full,
        >= 50 => Partial,
        _ => None,
    };

    public static bool IsState(string? value) => value is Full or Partial or None;
}
