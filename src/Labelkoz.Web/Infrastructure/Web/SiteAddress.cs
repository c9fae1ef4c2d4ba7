using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Labelkoz.Web.Infrastructure.Web;

/// <summary>
/// The absolute address of the site for links in e-mails and for the payment processor:
/// <c>Platform:PublicBaseUrl</c> (required outside Development, <see cref="PublicAddress"/>), else the
/// address the server listens on. Never the request's <c>Host</c> header: anyone can send any host,
/// and a reset link built from it would carry the victim's token to the attacker (issue #16).
/// </summary>
public sealed class SiteAddress(IConfiguration configuration, IServer? server = null)
{
    public string BaseUrl()
    {
        var configured = configuration["Platform:PublicBaseUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim().TrimEnd('/');
        }

        // Development only (the app does not start elsewhere without the setting): where the server
        // listens, which is right on the developer's machine.
        var listening = server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        var urls = listening ?? configuration["urls"] ?? configuration["ASPNETCORE_URLS"];
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return (first ?? "http://localhost:5000")
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .TrimEnd('/');
    }

    /// <summary>An absolute link to a local path of the site.</summary>
    public string Link(string localPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        return BaseUrl() + localPath;
    }
}

/// <summary>
/// <c>Platform:PublicBaseUrl</c> checked at start-up: when set, an absolute http(s) address without
/// query; outside Development and Testing it must be set, and when <c>AllowedHosts</c> is left at
/// <c>*</c> the app answers only to that address's host (and <c>localhost</c>, for probes on the node).
/// </summary>
public static class PublicAddress
{
    public static WebApplicationBuilder RequirePublicAddress(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var relaxed = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        var configured = builder.Configuration["Platform:PublicBaseUrl"]?.Trim();
        if (string.IsNullOrEmpty(configured))
        {
            if (!relaxed)
            {
                throw new InvalidOperationException(
                    "Platform:PublicBaseUrl is required outside Development (e.g. Platform__PublicBaseUrl=https://labelkoz.fr): " +
                    "links in e-mails are built from it, never from the request's Host header.");
            }

            return builder;
        }

        if (!Uri.TryCreate(configured, UriKind.Absolute, out var address) || address.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment) || !string.IsNullOrEmpty(address.UserInfo))
        {
            throw new InvalidOperationException($"Platform:PublicBaseUrl must be an absolute http(s) address without query, e.g. https://labelkoz.fr (it is \"{configured}\").");
        }

        var allowed = builder.Configuration["AllowedHosts"];
        if (!relaxed && (string.IsNullOrWhiteSpace(allowed) || allowed.Trim() == "*"))
        {
            builder.Services.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(options =>
                options.AllowedHosts = [address.IdnHost, "localhost"]);
        }

        return builder;
    }
}
