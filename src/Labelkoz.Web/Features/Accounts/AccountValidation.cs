using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Labelkoz.Web.Features.Accounts;

/// <summary>
/// What an account's e-mail address may be. It is also the Identity user name, so it keeps to the
/// characters Identity accepts there; a refusal is a clear message, never a surprise at save time.
/// </summary>
public static partial class EmailRules
{
    public const int MaxLength = 254;

    /// <summary>The trimmed address, or null when it is not one we can deliver to.</summary>
    public static string? Normalize(string? raw)
    {
        var value = raw?.Trim();
        return value is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(value) ? value : null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_+\-]+(?:\.[A-Za-z0-9_+\-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Pattern();
}

/// <summary>An e-mail address that <see cref="EmailRules"/> accepts (an empty value is left to <c>[Required]</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AccountEmailAttribute : ValidationAttribute
{
    public AccountEmailAttribute()
    {
        ErrorMessage = "Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.fr.";
    }

    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text) || EmailRules.Normalize(text) is not null;
}

/// <summary>Refuses control characters (a name or an address line is one line of plain text).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NoControlCharactersAttribute : ValidationAttribute
{
    public NoControlCharactersAttribute()
    {
        ErrorMessage = "Le champ « {0} » contient des caractères non autorisés.";
    }

    public override bool IsValid(object? value) => value is not string text || !text.Any(char.IsControl);
}

internal static class IdentityResults
{
    /// <summary>
    /// Puts Identity's refusals next to the field they are about: password rules on the password,
    /// address problems on the e-mail, a wrong current password on that field, the rest on the form.
    /// </summary>
    public static void AddTo(ModelStateDictionary modelState, IdentityResult result, string? passwordKey = null, string? emailKey = null, string? currentPasswordKey = null)
    {
        var seen = new HashSet<(string, string)>();
        foreach (var error in result.Errors)
        {
            var key = error.Code switch
            {
                nameof(IdentityErrorDescriber.PasswordMismatch) => currentPasswordKey,
                nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
                    or nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => emailKey,
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => passwordKey,
                _ => null,
            } ?? string.Empty;

            // The e-mail is also the user name: the same refusal would otherwise show twice.
            if (seen.Add((key, error.Description)))
            {
                modelState.AddModelError(key, error.Description);
            }
        }
    }

    public static bool Has(this IdentityResult result, string code) => result.Errors.Any(e => e.Code == code);
}
