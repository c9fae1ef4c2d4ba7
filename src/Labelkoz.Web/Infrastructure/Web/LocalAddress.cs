using Microsoft.AspNetCore.Mvc;

namespace Labelkoz.Web.Infrastructure.Web;

/// <summary>
/// A return address given by the visitor (<c>returnUrl</c>), kept only when it is on this site, and
/// made fit for a <c>Location</c> header: non-ASCII characters percent-encoded (a raw "é" in a header
/// used to fail the response with a 500, issue #16), control characters refused.
/// </summary>
public static class LocalAddress
{
    private static readonly Uri Base = new("http://local.invalid");

    /// <summary>The address, escaped; null when it is not a local one.</summary>
    public static string? Of(IUrlHelper url, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2_000 || returnUrl.Any(char.IsControl) || !url.IsLocalUrl(returnUrl))
        {
            return null;
        }

        var absolute = new Uri(Base, returnUrl);
        return absolute.Host == Base.Host ? absolute.PathAndQuery + absolute.Fragment : null;
    }
}
