namespace Labelkoz.Web.Infrastructure.Web;

/// <summary>
/// A labelled text field of a form, as the shared <c>_Field</c> partial writes it: the label, the
/// hint and the error (read from ModelState under <see cref="Key"/>) linked to the input by
/// <c>aria-describedby</c>, the input marked invalid while it has an error. A text area when
/// <see cref="Rows"/> is above zero, a one-line text input otherwise.
/// </summary>
/// <param name="Id">The input's id; the hint and the error get <c>{Id}-aide</c> and <c>{Id}-erreur</c>.</param>
/// <param name="Name">The name the form posts.</param>
/// <param name="Label">The visible label, already translated.</param>
/// <param name="Hint">A translated hint under the label, or none.</param>
/// <param name="Value">The value shown (typed before a refusal, or stored).</param>
/// <param name="MaxLength">The most characters the rule allows.</param>
/// <param name="Rows">The text area's height in lines; 0 for a one-line input.</param>
/// <param name="Key">The ModelState key of its errors, when not <paramref name="Name"/>.</param>
public sealed record FormField(string Id, string Name, string Label, string? Hint, string? Value, int MaxLength, int Rows = 0, string? Key = null)
{
    public string ErrorKey => Key ?? Name;
}
