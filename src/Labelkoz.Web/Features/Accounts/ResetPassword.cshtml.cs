using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Accounts;

/// <summary>The link of the password-reset e-mail: choose a new password (same rules as at registration).</summary>
[EnableRateLimiting(SecurityModule.AuthFormsPolicy)]
public sealed class ResetPasswordModel(UserManager<AppUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The link is cut, tampered with, already used or expired: no form, a way to get another.</summary>
    public bool InvalidLink { get; private set; }

    public void OnGet(long? userId, string? code)
    {
        if (userId is null || AccountTokens.Decode(code) is null)
        {
            InvalidLink = true;
            return;
        }

        Input.UserId = userId.Value;
        Input.Code = code!;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var token = AccountTokens.Decode(Input.Code);
        var user = token is null ? null : await users.FindByIdAsync(Input.UserId.ToString(CultureInfo.InvariantCulture));
        if (user is null || token is null)
        {
            InvalidLink = true;
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            if (result.Has(nameof(IdentityErrorDescriber.InvalidToken)))
            {
                InvalidLink = true;
                return Page();
            }

            IdentityResults.AddTo(ModelState, result, passwordKey: "Input.Password");
            return Page();
        }

        // Proving access to the mailbox is enough to lift a lockout caused by forgotten passwords.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData[nameof(LoginModel.StatusMessage)] = l["Votre mot de passe a été modifié. Vous pouvez vous connecter avec le nouveau."].Value;
        return RedirectToPage("/Accounts/Login");
    }

    public sealed class InputModel
    {
        public long UserId { get; set; }

        public string Code { get; set; } = string.Empty;

        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [StringLength(CommonPasswordValidator.MaxLength, MinimumLength = CommonPasswordValidator.MinLength, ErrorMessage = "Le mot de passe doit comporter entre {2} et {1} caractères.")]
        [DataType(DataType.Password)]
        [Display(Name = "Nouveau mot de passe")]
        public string Password { get; set; } = string.Empty;

        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
        [DataType(DataType.Password)]
        [Display(Name = "Confirmation du mot de passe")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
