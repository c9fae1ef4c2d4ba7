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
/// Sends a fresh confirmation link. The answer is the same whether or not an account waits at that
/// address, so the form cannot be used to find out who has an account.
/// </summary>
[EnableRateLimiting(SecurityModule.AuthFormsPolicy)]
public sealed class ResendConfirmationModel(UserManager<AppUser> users, AccountMails mails, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet(string? email)
    {
        Input.Email = EmailRules.Normalize(email) ?? string.Empty;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(EmailRules.Normalize(Input.Email)!);
        if (user is { EmailConfirmed: false })
        {
            await mails.SendEmailConfirmationAsync(user, returnUrl: null, cancellationToken);
        }

        StatusMessage = l["Si un compte en attente de confirmation existe pour cette adresse, un nouveau lien vient de lui être envoyé. Pensez à regarder dans vos courriers indésirables."];
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
