using System.ComponentModel.DataAnnotations;
using System.Text;
using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Labelkoz.Web.Features.Accounts.SecondFactor;

/// <summary>
/// Sets up the authenticator app: a key shown as a QR code and as text, confirmed by a first code;
/// then ten recovery codes, shown once. Staff come here at their first log-in (issue #16).
/// </summary>
[Authorize]
public sealed class EnableModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    AppDbContext db,
    IOptions<SecondFactorOptions> options,
    IStringLocalizer<SharedResource> l,
    TimeProvider clock) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
    [StringLength(12, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
    [Display(Name = "Code à 6 chiffres")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The key, in groups of four letters, for an app that cannot read the QR code.</summary>
    public string SharedKey { get; private set; } = string.Empty;

    /// <summary>The QR code of the <c>otpauth://</c> address, as inline SVG.</summary>
    public string QrSvg { get; private set; } = string.Empty;

    /// <summary>Whether this person must set it up before working (staff).</summary>
    public bool Mandatory { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return Redirect(SecondFactorPaths.Settings);
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return Redirect(SecondFactorPaths.Settings);
        }

        if (ModelState.IsValid)
        {
            var code = Code!.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];

                // The stamp changed: other sessions end; this one goes on, proven with the second factor.
                await signIn.SignInProvenAsync(user, persistent: false, secondFactor: true, clock.GetUtcNow());
                TempData[RecoveryCodesModel.CodesKey] = string.Join(' ', codes);
                if (TempData.Peek("StatusMessage") is string earlier)
                {
                    // A message for the page the person was going to (a welcome to the team): after the codes.
                    TempData[RecoveryCodesModel.ThenKey] = earlier;
                }

                TempData["StatusMessage"] = l["La double authentification est activée."].Value;
                return LocalRedirect(SecondFactorPaths.WithReturn(SecondFactorPaths.Codes, LocalAddress.Of(Url, ReturnUrl)));
            }

            ModelState.AddModelError(nameof(Code), l["Ce code n'est pas le bon. Vérifiez que l'application a bien enregistré la clé, puis saisissez le code affiché maintenant."]);
        }

        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;

            // A new key changes the security stamp: this session goes on with the new one.
            await signIn.RefreshSignInAsync(user);
        }

        SharedKey = Grouped(key);
        var address = $"otpauth://totp/{Uri.EscapeDataString("Labelkoz:" + user.Email)}?secret={key}&issuer=Labelkoz&digits={ClockAuthenticatorTokenProvider.Digits}&period=30";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(address, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(5);
        QrSvg = svg[Math.Max(0, svg.IndexOf("<svg", StringComparison.Ordinal))..];
        Mandatory = await SecondFactorRedirect.MustEnrolAsync(db, users, user, options.Value, HttpContext.RequestAborted);
    }

    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
