using System.ComponentModel.DataAnnotations;
using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Accounts;

/// <summary>
/// Sends a password-reset link. The answer never tells whether the address has an account; an
/// account still waiting for confirmation gets its confirmation link instead (it cannot log in yet).
/// </summary>
[EnableRateLimiting(SecurityModule.AuthFormsPolicy)]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, AccountMails mails, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(EmailRules.Normalize(Input.Email)!);
        if (user is { EmailConfirmed: true })
        {
            await mails.SendPasswordResetAsync(user, cancellationToken);
        }
        else if (user is not null)
        {
            await mails.SendEmailConfirmationAsync(user, returnUrl: null, cancellationToken);
        }

        StatusMessage = l["Si un compte existe pour cette adresse, nous venons de lui envoyer un lien pour choisir un nouveau mot de passe. Pensez à regarder dans vos courriers indésirables."];
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [AccountEmail]
        [Display(Name = "Adresse électronique")]
        public string Email { get; set; } = string.Empty;
    }
}
