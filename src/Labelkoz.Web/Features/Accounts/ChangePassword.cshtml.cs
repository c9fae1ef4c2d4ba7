using System.ComponentModel.DataAnnotations;
using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Accounts;

/// <summary>Changes the password of the signed-in person (current password required).</summary>
[Authorize]
public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await users.IsLockedOutAsync(user))
        {
            return await LockedOutAsync(user);
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            // A wrong current password counts as a failed log-in (issue #16): whoever holds a session
            // cannot guess the password without limit; at the lockout every session of the account ends.
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                await users.AccessFailedAsync(user);
                if (await users.IsLockedOutAsync(user))
                {
                    return await LockedOutAsync(user);
                }
            }

            IdentityResults.AddTo(ModelState, result, passwordKey: "Input.NewPassword", currentPasswordKey: "Input.CurrentPassword");
            return Page();
        }

        await users.ResetAccessFailedCountAsync(user);

        // The security stamp changed: other sessions end, this one is renewed.
        await signIn.RefreshSignInAsync(user);
        StatusMessage = l["Votre mot de passe a été modifié."];
        return RedirectToPage();
    }

    private async Task<IActionResult> LockedOutAsync(AppUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        TempData["StatusMessage"] = l["Trop d'essais de mot de passe : par sécurité, votre compte est verrouillé pendant 15 minutes et vos sessions sont fermées."].Value;
        return Redirect("/compte/connexion");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [StringLength(CommonPasswordValidator.MaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mot de passe actuel")]
        public string CurrentPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [StringLength(CommonPasswordValidator.MaxLength, MinimumLength = CommonPasswordValidator.MinLength, ErrorMessage = "Le mot de passe doit comporter entre {2} et {1} caractères.")]
        [DataType(DataType.Password)]
        [Display(Name = "Nouveau mot de passe")]
        public string NewPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [Compare(nameof(NewPassword), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
        [DataType(DataType.Password)]
        [Display(Name = "Confirmation du nouveau mot de passe")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
