using Labelkoz.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Labelkoz.Web.Features.Accounts;

/// <summary>
/// Logs out on POST only (with its antiforgery token), so that a link or an image elsewhere cannot
/// log anyone out; a GET shows the button. The account's security stamp changes first: every session
/// of the account ends with this one, and a copy of the cookie no longer opens anything (ADR 19).
/// </summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    public IActionResult OnGet() => signIn.IsSignedIn(User) ? Page() : LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
