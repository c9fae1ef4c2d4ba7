using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Accounts;

/// <summary>
/// Identity's refusals written in French, looked up through the localizer so that English users
/// read them in English. Also carries the messages of <see cref="CommonPasswordValidator"/>.
/// </summary>
public sealed class FrenchIdentityErrorDescriber(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), l["Une erreur inattendue est survenue. Réessayez dans quelques instants."]);

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), l["Quelqu'un a modifié ces informations en même temps que vous. Vérifiez-les et recommencez."]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), l["Le mot de passe est incorrect."]);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), l["Ce lien n'est pas valide ou a expiré."]);

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), l["Ce code de récupération n'est pas valide."]);

    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), l["Un compte est déjà associé à cette connexion."]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), l["L'adresse électronique « {0} » n'est pas valide.", userName ?? string.Empty]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), l["L'adresse électronique « {0} » n'est pas valide.", email ?? string.Empty]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), l["Un compte existe déjà avec l'adresse « {0} ».", userName]);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), l["Un compte existe déjà avec l'adresse « {0} ».", email]);

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), l["Le nom de rôle « {0} » n'est pas valide.", role ?? string.Empty]);

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), l["Le rôle « {0} » existe déjà.", role]);

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), l["Ce compte a déjà un mot de passe."]);

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), l["Le blocage après plusieurs échecs n'est pas activé pour ce compte."]);

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), l["Ce compte a déjà le rôle « {0} ».", role]);

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), l["Ce compte n'a pas le rôle « {0} ».", role]);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), l["Le mot de passe doit comporter au moins {0} caractères.", length]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), l["Le mot de passe doit comporter au moins {0} caractères différents.", uniqueChars]);

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), l["Le mot de passe doit comporter au moins un caractère spécial."]);

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), l["Le mot de passe doit comporter au moins un chiffre."]);

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), l["Le mot de passe doit comporter au moins une lettre minuscule."]);

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), l["Le mot de passe doit comporter au moins une lettre majuscule."]);

    public IdentityError PasswordTooLong(int length) => Error(nameof(PasswordTooLong), l["Le mot de passe ne peut pas dépasser {0} caractères.", length]);

    public IdentityError PasswordTooCommon() => Error(nameof(PasswordTooCommon), l["Ce mot de passe est trop courant ou trop facile à deviner. Choisissez par exemple une phrase de plusieurs mots sans rapport entre eux."]);

    public IdentityError PasswordContainsPersonalData() => Error(nameof(PasswordContainsPersonalData), l["Le mot de passe ne doit contenir ni votre adresse électronique ni votre nom."]);

    private static IdentityError Error(string code, LocalizedString description) => new() { Code = code, Description = description.Value };
}
