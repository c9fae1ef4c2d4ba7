using Labelkoz.Domain.Common;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Infrastructure.Web;

/// <summary>
/// A page whose form is not bound as <c>Input</c>, or whose inputs are named otherwise than the
/// domain's refusals name them: <see cref="DomainExceptionPageFilter"/> reads it to put a refusal
/// thrown by one of its handlers next to the right field.
/// </summary>
public interface IRefusalFields
{
    /// <summary>The bound form's prefix (<c>Config</c>, <c>NewTier</c>…), or "" for inputs bound without one.</summary>
    string RefusalPrefix { get; }

    /// <summary>Refusal fields → ModelState keys, for the inputs that do not follow the convention (null: none).</summary>
    IReadOnlyDictionary<string, string>? RefusalFieldMap => null;
}

/// <summary>
/// Puts a domain refusal in ModelState, translated, under the key of the input it is about: by
/// convention <c>{prefix}.{Field}</c> (<c>Input.Title</c>), or the key <c>fieldMap</c> gives for
/// that field, or "" (the whole form) when the refusal names no field. The shared
/// <c>_ValidationSummary</c> lists every key's errors (<c>asp-validation-summary="All"</c>), so a
/// refusal is shown even where the view has no <c>asp-validation-for</c> for its key; with one, it
/// is also shown next to the field.
/// </summary>
public static class ModelStateRefusals
{
    public const string DefaultPrefix = "Input";

    public static void AddRefusal(this ModelStateDictionary modelState, DomainException refusal, IStringLocalizer localizer, string prefix = DefaultPrefix, IReadOnlyDictionary<string, string>? fieldMap = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(refusal);
        ArgumentNullException.ThrowIfNull(localizer);
        modelState.AddModelError(KeyOf(refusal.Refusal, prefix, fieldMap), localizer.Localize(refusal));
    }

    /// <summary>The same for a refusal a page asked for (a <c>Why…</c> query) rather than caught.</summary>
    public static void AddRefusal(this ModelStateDictionary modelState, DomainRefusal refusal, IStringLocalizer localizer, string prefix = DefaultPrefix, IReadOnlyDictionary<string, string>? fieldMap = null)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        modelState.AddRefusal(new DomainException(refusal), localizer, prefix, fieldMap);
    }

    /// <summary>The ModelState key a refusal belongs under.</summary>
    public static string KeyOf(DomainRefusal refusal, string prefix = DefaultPrefix, IReadOnlyDictionary<string, string>? fieldMap = null)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        ArgumentNullException.ThrowIfNull(prefix);
        if (refusal.Field is not { } field)
        {
            return string.Empty;
        }

        if (fieldMap is not null && fieldMap.TryGetValue(field, out var key))
        {
            return key;
        }

        return prefix.Length == 0 ? field : $"{prefix}.{field}";
    }

    /// <summary>Translates a refusal a page asked for, as <see cref="LocalizationModule.Localize"/> translates a thrown one.</summary>
    public static string Localize(this IStringLocalizer localizer, DomainRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return localizer.Localize(new DomainException(refusal));
    }
}
