using System.Security.Claims;
using Labelkoz.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Labelkoz.Web.Features.Accounts;

/// <summary>
/// Every signed-in request compares the session's security stamp with the account's (ADR 19): a
/// log-out, a password change or a reset changes the stamp, and every other session of the account
/// ends at its next request, not up to 30 minutes later. One indexed read of one column; Identity's
/// own validator then refreshes the roles in the cookie every 30 minutes, as before.
/// </summary>
public static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var principal = context.Principal;
        if (principal is null || !long.TryParse(principal.FindFirstValue(claims.UserIdClaimType), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var userId))
        {
            return;
        }

        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        var current = await services.GetRequiredService<AppDbContext>().Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => u.SecurityStamp)
            .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (current is null || !string.Equals(current, stamp, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
