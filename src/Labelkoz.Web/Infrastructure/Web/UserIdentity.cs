using System.Globalization;
using System.Security.Claims;

namespace Labelkoz.Web.Infrastructure.Web;

/// <summary>The signed-in account's id, read from its claim in one place.</summary>
public static class UserIdentity
{
    /// <summary>The account's id, or null when nobody is signed in.</summary>
    public static long? IdOrNull(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>The account's id on a page that authorization already keeps for signed-in people.</summary>
    public static long Id(this ClaimsPrincipal user) =>
        user.IdOrNull() ?? throw new InvalidOperationException("This page is reached only signed in: its authorization policy is missing.");
}
