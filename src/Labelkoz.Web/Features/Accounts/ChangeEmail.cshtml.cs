using System.ComponentModel.DataAnnotations;
using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Accounts;

/// <summary>
/// Asks for a new e-mail address: a link goes to the new address, and the current one stays until
/// that link is opened. The current password is asked so that an open session alone cannot take the
/// account away.
/// </summary>
[Authorize]
public sealed class ChangeEmailModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountMails mails, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public string CurrentEmail { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        CurrentEmail = user.Email ?? string.Empty;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        CurrentEmail = user.Email ?? string.Empty;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var newEmail = EmailRules.Normalize(Input.NewEmail)!;
        if (string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.NewEmail", l["C'est déjà l'adresse de votre compte."]);
            return Page();
        }

        var check = await signIn.CheckPasswordSignInAsync(user, Input.CurrentPassword, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            ModelState.AddModelError("Input.CurrentPassword", check.IsLockedOut
                ? l["Trop de tentatives infructueuses : réessayez dans quelques minutes."]
                : l["Le mot de passe est incorrect."]);
            return Page();
        }

        if (await users.FindByEmailAsync(newEmail) is not null)
        {
            ModelState.AddModelError("Input.NewEmail", l["Cette adresse est déjà utilisée par un autre compte."]);
            return Page();
        }

        await mails.SendEmailChangeConfirmationAsync(user, newEmail, cancellationToken);
        StatusMessage = l["Nous avons envoyé un lien de confirmation à {0}. Votre adresse actuelle reste celle du compte tant que vous n'avez pas ouvert ce lien.", newEmail];
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [AccountEmail]
        [Display(Name = "Nouvelle adresse électronique")]
        public string NewEmail { get; set; } = string.Empty;

        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [StringLength(CommonPasswordValidator.MaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mot de passe actuel")]
        public string CurrentPassword { get; set; } = string.Empty;
    }
}
