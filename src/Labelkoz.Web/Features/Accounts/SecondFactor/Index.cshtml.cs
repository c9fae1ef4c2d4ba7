using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Labelkoz.Web.Features.Accounts.SecondFactor;

/// <summary>
/// The second factor of the signed-in person: on or off, recovery codes left; new codes, a new
/// phone, or (citizens only: staff must keep it) turning it off. Each change asks for a fresh proof.
/// </summary>
[Authorize]
[RecentAuthentication(OnlyWhenSecondFactor = true)]
public sealed class IndexModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    AppDbContext db,
    IOptions<SecondFactorOptions> options,
    IStringLocalizer<SharedResource> l,
    TimeProvider clock) : PageModel
{
    public bool Enabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Staff keep their second factor: they cannot turn it off.</summary>
    public bool Mandatory { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    /// <summary>Ten new recovery codes; the old ones stop working.</summary>
    public async Task<IActionResult> OnPostCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return Redirect(SecondFactorRedirect.EnablePath);
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, EnableModel.RecoveryCodeCount) ?? [];
        TempData[RecoveryCodesModel.CodesKey] = string.Join(' ', codes);
        TempData["StatusMessage"] = l["Vos nouveaux codes de secours sont prêts : les anciens ne fonctionnent plus."].Value;
        return Redirect(SecondFactorPaths.Codes);
    }

    /// <summary>A new phone: the key changes, the old app's codes stop working, and the new app is set up now.</summary>
    public async Task<IActionResult> OnPostResetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.SignInProvenAsync(user, persistent: false, secondFactor: false, clock.GetUtcNow());
        return Redirect(SecondFactorRedirect.EnablePath + "?ReturnUrl=" + Uri.EscapeDataString(SecondFactorPaths.Settings));
    }

    /// <summary>A citizen turns it off; staff are refused (the back offices require it).</summary>
    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await LoadAsync(user);
        if (Mandatory)
        {
            ModelState.AddModelError(string.Empty, l["La double authentification est obligatoire pour les équipes des villes et l'opérateur : elle ne peut pas être désactivée. Pour changer de téléphone, choisissez « Changer de téléphone »."]);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.SignInProvenAsync(user, persistent: false, secondFactor: false, clock.GetUtcNow());
        StatusMessage = l["La double authentification est désactivée."];
        return RedirectToPage();
    }

    private async Task LoadAsync(AppUser user)
    {
        Enabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        Mandatory = options.Value.RequiredForStaff && await SecondFactorRedirect.IsStaffAsync(db, users, user, HttpContext.RequestAborted);
    }
}
