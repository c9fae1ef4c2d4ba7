using System.Globalization;
using Labelkoz.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Labelkoz.Web.Features.Accounts;

/// <summary>The link of the confirmation e-mail: activates the account.</summary>
public sealed class ConfirmEmailModel(UserManager<AppUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    /// <summary>The log-in link, carrying on to where the person was going (e.g. an invitation).</summary>
    public string LogInUrl { get; private set; } = "/compte/connexion";

    public async Task OnGetAsync(long? userId, string? code, string? returnUrl)
    {
        if (Url.IsLocalUrl(returnUrl))
        {
            LogInUrl = "/compte/connexion?returnUrl=" + Uri.EscapeDataString(returnUrl);
        }

        var token = AccountTokens.Decode(code);
        if (userId is not { } id || token is null || await users.FindByIdAsync(id.ToString(CultureInfo.InvariantCulture)) is not { } user)
        {
            return;
        }

        Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
