using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Labelkoz.Web.Features.Accounts;

internal static class AccountTokens
{
    /// <summary>The token carried by an e-mailed link, or null when the link was cut or tampered with.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 4096)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
