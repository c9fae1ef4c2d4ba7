using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Web.Features.Accounts.SecondFactor;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Security;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Labelkoz.Web.Features.Accounts;

/// <summary>
/// Logs a person in. Wrong credentials get one generic message (no hint whether the address has an
/// account); five failures lock the account for a while, and the message says until when.
/// </summary>
[EnableRateLimiting(SecurityModule.AuthFormsPolicy)]
public sealed class LoginModel(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    AppDbContext db,
    IOptions<SecondFactorOptions> secondFactor,
    IStringLocalizer<SharedResource> l,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Set when the password was right but the address is not confirmed yet.</summary>
    public bool NeedsConfirmation { get; private set; }

    public bool LockedOut { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = EmailRules.Normalize(Input.Email);
        var user = email is null ? null : await users.FindByEmailAsync(email);
        if (user is null)
        {
            return Refused();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            // The password was right; the code from the authenticator app comes next.
            return LocalRedirect(SecondFactorPaths.LogInWithCode(LocalAddress.Of(Url, ReturnUrl), Input.RememberMe));
        }

        if (result.Succeeded)
        {
            await signIn.SignInProvenAsync(user, Input.RememberMe, secondFactor: false, clock.GetUtcNow());
            var landing = await Landing.ForAsync(db, Url, ReturnUrl, user.Id, HttpContext.RequestAborted);
            if (await SecondFactorRedirect.MustEnrolAsync(db, users, user, secondFactor.Value, HttpContext.RequestAborted))
            {
                // Staff set up their second factor before any work (issue #16).
                return LocalRedirect($"{SecondFactorRedirect.EnablePath}?ReturnUrl={Uri.EscapeDataString(landing)}");
            }

            return LocalRedirect(landing);
        }

        if (result.IsLockedOut)
        {
            return await LockedOutAsync(user);
        }

        if (result.IsNotAllowed && !user.EmailConfirmed)
        {
            // Identity refuses an unconfirmed account before it looks at the password: check it here,
            // counting failures, so the "confirm your address" hint is given only to its owner.
            if (await users.IsLockedOutAsync(user))
            {
                return await LockedOutAsync(user);
            }

            if (await users.CheckPasswordAsync(user, Input.Password))
            {
                NeedsConfirmation = true;
                ModelState.AddModelError(string.Empty, l["Votre adresse électronique n'est pas encore confirmée : ouvrez le lien que nous vous avons envoyé par courriel, ou demandez-en un nouveau."]);
                return Page();
            }

            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user))
            {
                return await LockedOutAsync(user);
            }
        }

        return Refused();
    }

    private PageResult Refused()
    {
        ModelState.AddModelError(string.Empty, l["Adresse électronique ou mot de passe incorrect."]);
        return Page();
    }

    private async Task<PageResult> LockedOutAsync(AppUser user)
    {
        LockedOut = true;
        var until = await users.GetLockoutEndDateAsync(user);
        var parisTime = Cultures.ToParis((until ?? clock.GetUtcNow()).UtcDateTime).ToString("t", CultureInfo.CurrentCulture);
        ModelState.AddModelError(string.Empty, l["Trop de tentatives infructueuses : votre compte est bloqué pour quelques minutes. Réessayez après {0} (heure de Paris), ou réinitialisez votre mot de passe.", parisTime]);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [StringLength(EmailRules.MaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Adresse électronique")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [StringLength(CommonPasswordValidator.MaxLength, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mot de passe")]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "Rester connecté sur cet appareil")]
        public bool RememberMe { get; set; }
    }
}
