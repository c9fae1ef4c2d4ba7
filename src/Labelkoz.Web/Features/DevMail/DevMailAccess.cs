using System.Net;

namespace Labelkoz.Web.Features.DevMail;

/// <summary>
/// Who may read the development mail sink, which holds every account's confirmation and reset links:
/// in Development only, and only from the machine itself (a browser on localhost, the in-process
/// test server). A request from elsewhere, or relayed by a proxy (<c>X-Forwarded-For</c>), gets a
/// 404: a Development build left on a public address must not hand out everyone's links (issue #16).
/// </summary>
public static class DevMailAccess
{
    public static bool Allowed(HttpContext context, IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(environment);
        if (!environment.IsDevelopment() || context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Request.Headers.ContainsKey("Forwarded"))
        {
            return false;
        }

        var remote = context.Connection.RemoteIpAddress;
        return remote is null || IPAddress.IsLoopback(remote);
    }
}
