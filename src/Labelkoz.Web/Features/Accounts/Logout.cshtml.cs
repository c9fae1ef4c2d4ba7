using Labelkoz.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Labelkoz.Web.Features.Accounts;

/// <summary>
/// Logs out on POST only (with its antiforgery token), so that a link or an image elsewhere cannot
/// log anyone out; a GET shows the button.
/// </summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => signIn.IsSignedIn(User) ? Page() : LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
