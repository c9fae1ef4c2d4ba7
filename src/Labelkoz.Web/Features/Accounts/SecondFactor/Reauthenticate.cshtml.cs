using System.ComponentModel.DataAnnotations;
using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Security;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Accounts.SecondFactor;

/// <summary>
/// Proves one's identity again before a sensitive action: the authenticator's code (or a recovery
/// code) when the account has a second factor, else the password. Failures count as failed
/// log-ins; at the lockout every session ends.
/// </summary>
[Authorize]
[EnableRateLimiting(SecurityModule.AuthFormsPolicy)]
public sealed class ReauthenticateModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
    [StringLength(CommonPasswordValidator.MaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
    public string? Proof { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public bool WithSecondFactor { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        WithSecondFactor = user.TwoFactorEnabled;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        WithSecondFactor = user.TwoFactorEnabled;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await users.IsLockedOutAsync(user))
        {
            return await LockedOutAsync(user);
        }

        var proof = Proof!.Trim();
        var proven = WithSecondFactor
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, proof.Replace(" ", string.Empty, StringComparison.Ordinal))
                || (await users.RedeemTwoFactorRecoveryCodeAsync(user, proof.Replace(" ", string.Empty, StringComparison.Ordinal))).Succeeded
            : await users.CheckPasswordAsync(user, proof);
        if (!proven)
        {
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user))
            {
                return await LockedOutAsync(user);
            }

            ModelState.AddModelError(nameof(Proof), WithSecondFactor
                ? l["Ce code n'est pas le bon. Saisissez le code à 6 chiffres affiché maintenant par votre application d'authentification."]
                : l["Mot de passe incorrect."]);
            return Page();
        }

        await users.ResetAccessFailedCountAsync(user);
        await signIn.SignInProvenAsync(user, persistent: false, secondFactor: WithSecondFactor, clock.GetUtcNow());
        StatusMessage = l["Identité confirmée : vous pouvez poursuivre."];
        return LocalRedirect(LocalAddress.Of(Url, ReturnUrl) ?? AccountForm.DashboardPath);
    }

    private async Task<IActionResult> LockedOutAsync(AppUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        TempData["StatusMessage"] = l["Trop d'essais : par sécurité, votre compte est verrouillé pendant 15 minutes et vos sessions sont fermées."].Value;
        return Redirect("/compte/connexion");
    }
}
