using System.Globalization;
using System.Text.RegularExpressions;

namespace Labelkoz.Domain.Common;

/// <summary>
/// Why a business rule refuses an operation, in three parts that each have one reader:
/// <list type="bullet">
/// <item><see cref="Code"/> names the rule in business language (<c>call.not-cancellable</c>) and
/// never changes: pages and tests match on it, never on the sentence;</item>
/// <item><see cref="Field"/> is the input the refusal is about, named as the web form's property
/// (the web layer puts the message under <c>Input.{Field}</c>), or null when it is about the whole
/// operation;</item>
/// <item><see cref="Template"/> is the French sentence, which the web layer also uses as the key of
/// its translation, filled by <see cref="Arguments"/>.</item>
/// </list>
/// Each rule is declared once, in its area's catalogue (<c>CallRefusals</c>, <c>CampaignRefusals</c>…),
/// as a refusal without arguments; a throw site reads
/// <c>throw new DomainException(CallRefusals.NotCancellable.With(Call.Label(status)))</c>, and a
/// <c>Why…</c> query returns the same refusal without throwing it.
/// </summary>
public sealed partial class DomainRefusal
{
    /// <summary>The code of a refusal written before the catalogues, in the web layer: it names no rule.</summary>
    public const string UnclassifiedCode = "refusal.unclassified";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Declares a rule of a catalogue: its code, the input it is about (or null) and its sentence.</summary>
    public DomainRefusal(string code, string? field, string template)
        : this(code, field, template, [])
    {
        if (!CodePattern().IsMatch(code))
        {
            throw new ArgumentException($"A refusal's code is lower-case words joined by '-', in at least two parts joined by '.': \"{code}\".", nameof(code));
        }
    }

    private DomainRefusal(string code, string? field, string template, object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(template);
        Code = code;
        Field = string.IsNullOrWhiteSpace(field) ? null : field;
        Template = template;
        Arguments = arguments;
    }

    public string Code { get; }

    public string? Field { get; }

    public string Template { get; }

    public IReadOnlyList<object> Arguments { get; }

    /// <summary>The sentence in French, as the domain's tests and logs read it.</summary>
    public string Message => string.Format(French, Template, [.. Arguments]);

    /// <summary>The refusal of this rule with the values its sentence names.</summary>
    public DomainRefusal With(params object[] arguments) => new(Code, Field, Template, arguments ?? []);

    /// <summary>
    /// The refusal of a rule shared by many inputs (a required text, an e-mail address, a SIREN):
    /// the caller names the input it checked.
    /// </summary>
    public DomainRefusal About(string? field, params object[] arguments) => new(Code, field, Template, arguments ?? []);

    /// <summary>Whether this refusal is one of <paramref name="rule"/>'s (same code, whatever the arguments).</summary>
    public bool Is(DomainRefusal rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return string.Equals(Code, rule.Code, StringComparison.Ordinal);
    }

    public override string ToString() => Field is null ? $"{Code}: {Message}" : $"{Code} ({Field}): {Message}";

    internal static DomainRefusal Unclassified(string template, object[] arguments) => new(UnclassifiedCode, null, template, arguments ?? []);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+$")]
    private static partial Regex CodePattern();
}
