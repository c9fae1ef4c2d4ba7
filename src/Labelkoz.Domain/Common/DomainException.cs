using System.Globalization;

namespace Labelkoz.Domain.Common;

/// <summary>
/// A business rule refused an operation. <see cref="Template"/> is the French sentence shown to the
/// user (and the key the web layer translates); <see cref="Arguments"/> fill its placeholders.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string template, params object[] arguments)
        : base(string.Format(CultureInfo.GetCultureInfo("fr-FR"), template, arguments))
    {
        Template = template;
        Arguments = arguments;
    }

    public DomainException()
        : this("Opération refusée.")
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Template = message;
        Arguments = [];
    }

    public string Template { get; }

    public IReadOnlyList<object> Arguments { get; }
}
