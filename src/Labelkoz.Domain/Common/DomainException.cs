namespace Labelkoz.Domain.Common;

/// <summary>
/// A business rule refused an operation: <see cref="Refusal"/> says which rule (<see cref="Code"/>),
/// about which input (<see cref="Field"/>, or none), and the French sentence (<see cref="Template"/>,
/// also the key the web layer translates, filled by <see cref="Arguments"/>).
/// </summary>
public sealed class DomainException : Exception
{
    /// <summary>Throws a rule of a catalogue: <c>throw new DomainException(CallRefusals.NotCancellable.With(label))</c>.</summary>
    public DomainException(DomainRefusal refusal)
        : base((refusal ?? throw new ArgumentNullException(nameof(refusal))).Message)
    {
        Refusal = refusal;
    }

    /// <summary>
    /// A sentence without code nor field, as refusals were written before the catalogues: kept as
    /// an exception's standard constructor, thrown by neither the domain nor the web (tests hold it).
    /// </summary>
    public DomainException(string template, params object[] arguments)
        : this(DomainRefusal.Unclassified(template, arguments))
    {
    }

    public DomainException()
        : this("Opération refusée.")
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Refusal = DomainRefusal.Unclassified(message, []);
    }

    public DomainRefusal Refusal { get; }

    public string Code => Refusal.Code;

    public string? Field => Refusal.Field;

    public string Template => Refusal.Template;

    public IReadOnlyList<object> Arguments => Refusal.Arguments;
}
