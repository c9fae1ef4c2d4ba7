namespace Labelkoz.Web.Infrastructure.Web;

/// <summary>
/// The absolute address of the site for links in e-mails: <c>Platform:PublicBaseUrl</c> when set
/// (always in production), else the current request's scheme and host.
/// </summary>
public sealed class SiteAddress(IConfiguration configuration, IHttpContextAccessor httpContextAccessor)
{
    public string BaseUrl()
    {
        var configured = configuration["Platform:PublicBaseUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim().TrimEnd('/');
        }

        var request = httpContextAccessor.HttpContext?.Request;
        if (request is null)
        {
            // A background job (payments, settlement) outside any request: the address the server
            // listens on, which is right on a single machine; production sets Platform:PublicBaseUrl.
            var urls = configuration["urls"] ?? configuration["ASPNETCORE_URLS"];
            var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            return (first ?? "http://localhost:5000").Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/');
        }

        return $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";
    }

    /// <summary>An absolute link to a local path of the site.</summary>
    public string Link(string localPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        return BaseUrl() + localPath;
    }
}
