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

namespace Labelkoz.Web.Features.Accounts.SecondFactor;

/// <summary>
/// The second step of a log-in with a second factor: the code of the authenticator app, after the
/// right password (Identity's two-factor cookie says whose). Wrong codes count as failed log-ins.
/// </summary>
[EnableRateLimiting(SecurityModule.AuthFormsPolicy)]
public sealed class LoginWithCodeModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
    [StringLength(12, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
    [Display(Name = "Code à 6 chiffres")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

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

        var code = Code!.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);
        if (result.Succeeded)
        {
            await signIn.SignInProvenAsync(user, RememberMe, secondFactor: true, clock.GetUtcNow());
            return LocalRedirect(await Landing.ForAsync(db, Url, ReturnUrl, user.Id, HttpContext.RequestAborted));
        }

        if (result.IsLockedOut)
        {
            var until = await users.GetLockoutEndDateAsync(user);
            var parisTime = Cultures.ToParis((until ?? clock.GetUtcNow()).UtcDateTime).ToString("t", CultureInfo.CurrentCulture);
            ModelState.AddModelError(nameof(Code), l["Trop de tentatives infructueuses : votre compte est bloqué pour quelques minutes. Réessayez après {0} (heure de Paris), ou réinitialisez votre mot de passe.", parisTime]);
            return Page();
        }

        ModelState.AddModelError(nameof(Code), l["Ce code n'est pas le bon. Saisissez le code à 6 chiffres affiché maintenant par votre application d'authentification."]);
        return Page();
    }
}
