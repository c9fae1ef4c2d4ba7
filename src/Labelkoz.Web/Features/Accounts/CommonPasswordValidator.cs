using System.Globalization;
using System.Text;
using Labelkoz.Data;
using Microsoft.AspNetCore.Identity;
using Zxcvbn.Matcher;

namespace Labelkoz.Web.Features.Accounts;

/// <summary>
/// Length over composition rules (ANSSI / NIST guidance): a password is refused when it is one
/// entry of a list of common passwords, when zxcvbn judges it guessable (score under 3), or when it
/// contains the person's e-mail or name, which an attacker tries first.
/// </summary>
public sealed class CommonPasswordValidator(FrenchIdentityErrorDescriber describer) : IPasswordValidator<AppUser>
{
    public const int MinLength = 12;

    public const int MaxLength = 128;

    public const int MinimumScore = 3;

    // The shortest piece of personal data worth refusing: shorter ones (initials) would refuse too much.
    private const int PersonalDataMinLength = 4;

    // The name of zxcvbn's embedded list of common passwords.
    private const string CommonPasswords = "passwords";

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            // The built-in validator already reports a missing or short password.
            return Task.FromResult(IdentityResult.Success);
        }

        if (password.Length > MaxLength)
        {
            return Task.FromResult(IdentityResult.Failed(describer.PasswordTooLong(MaxLength)));
        }

        var personalData = PersonalData(user).ToList();
        var normalizedPassword = Normalize(password);
        var errors = new List<IdentityError>();
        if (personalData.Exists(data => normalizedPassword.Contains(data, StringComparison.Ordinal)))
        {
            errors.Add(describer.PasswordContainsPersonalData());
        }

        if (IsCommon(password, personalData))
        {
            errors.Add(describer.PasswordTooCommon());
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static bool IsCommon(string password, IEnumerable<string> personalData)
    {
        var result = Zxcvbn.Zxcvbn.MatchPassword(password, personalData);
        var wholeIsCommonEntry = result.MatchSequence.Any(m => m is DictionaryMatch { DictionaryName: CommonPasswords } d && d.i == 0 && d.j == password.Length - 1);
        return wholeIsCommonEntry || result.Score < MinimumScore;
    }

    private static IEnumerable<string> PersonalData(AppUser user)
    {
        var candidates = new List<string?> { user.Email, user.UserName, user.DisplayName };
        if (user.Email?.Split('@')[0] is { } localPart)
        {
            candidates.Add(localPart);
        }

        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            candidates.AddRange(user.DisplayName.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }

        return candidates
            .Where(c => !string.IsNullOrWhiteSpace(c))
            .Select(c => Normalize(c!))
            .Where(c => c.Length >= PersonalDataMinLength)
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>Lower case, accents and separators removed: "Camille Leroy" and "camille.leroy" compare equal.</summary>
    private static string Normalize(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
