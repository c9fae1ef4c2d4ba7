using System.ComponentModel.DataAnnotations;
using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Accounts.SecondFactor;

/// <summary>The second step of a log-in with one of the recovery codes, each good once, when the phone is lost.</summary>
[EnableRateLimiting(SecurityModule.AuthFormsPolicy)]
public sealed class LoginWithRecoveryCodeModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
    [StringLength(32, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
    [Display(Name = "Code de secours")]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/compte/connexion") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return Redirect("/compte/connexion");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode!.Replace(" ", string.Empty, StringComparison.Ordinal));
        if (result.Succeeded)
        {
            await signIn.SignInProvenAsync(user, persistent: false, secondFactor: true, clock.GetUtcNow());
            var left = await users.CountRecoveryCodesAsync(user);
            TempData["StatusMessage"] = l["Vous êtes connecté avec un code de secours : il ne servira plus. Il vous en reste {0} ; pensez à réinstaller votre application d'authentification.", left].Value;
            return LocalRedirect(await Landing.ForAsync(db, Url, ReturnUrl, user.Id, HttpContext.RequestAborted));
        }

        if (!result.IsLockedOut)
        {
            // Identity does not count a wrong recovery code: this does, as a failed log-in.
            await users.AccessFailedAsync(user);
        }

        ModelState.AddModelError(nameof(RecoveryCode), await users.IsLockedOutAsync(user)
            ? l["Trop de tentatives infructueuses : votre compte est bloqué pour quelques minutes."]
            : l["Ce code de secours n'est pas valable, ou il a déjà servi."]);
        return Page();
    }
}
