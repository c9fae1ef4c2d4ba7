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

        var request = httpContextAccessor.HttpContext?.Request
            ?? throw new InvalidOperationException("Platform:PublicBaseUrl must be set to send e-mails outside a request.");
        return $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";
    }

    /// <summary>An absolute link to a local path of the site.</summary>
    public string Link(string localPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        return BaseUrl() + localPath;
    }
}
