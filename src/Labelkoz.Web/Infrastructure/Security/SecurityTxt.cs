using System.Globalization;
using System.Text;
using Labelkoz.Web.Infrastructure.Web;

namespace Labelkoz.Web.Infrastructure.Security;

/// <summary>
/// <c>/.well-known/security.txt</c> (RFC 9116): where to report a vulnerability. Per deployment:
/// <c>Security:Contact</c> (one or more addresses, <c>mailto:</c> or <c>https:</c>, separated by
/// <c>;</c>), <c>Security:Policy</c> (the disclosure policy's address, optional). <c>Expires</c> is
/// always within the year (RFC 9116 §2.5.5), and <c>Canonical</c> is the site's public address.
/// </summary>
public static class SecurityTxt
{
    public const string Path = "/.well-known/security.txt";

    public const string DefaultContact = "mailto:securite@labelkoz.fr";

    public static IEndpointRouteBuilder MapSecurityTxt(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Path, (IConfiguration configuration, SiteAddress site, TimeProvider clock) => Results.Text(Render(configuration, site, clock), "text/plain; charset=utf-8"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    public static string Render(IConfiguration configuration, SiteAddress site, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(clock);
        var text = new StringBuilder();
        var contacts = (configuration["Security:Contact"] ?? DefaultContact)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(c => c.StartsWith("mailto:", StringComparison.Ordinal) || c.StartsWith("https://", StringComparison.Ordinal) || c.StartsWith("tel:", StringComparison.Ordinal))
            .DefaultIfEmpty(DefaultContact);
        foreach (var contact in contacts)
        {
            text.Append("Contact: ").Append(contact).Append('\n');
        }

        // Renewed at every request, 180 days ahead: never stale, never more than a year.
        var expires = clock.GetUtcNow().UtcDateTime.Date.AddDays(180);
        text.Append("Expires: ").Append(expires.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append('\n');
        if (configuration["Security:Policy"] is { Length: > 0 } policy && policy.StartsWith("https://", StringComparison.Ordinal))
        {
            text.Append("Policy: ").Append(policy.Trim()).Append('\n');
        }

        text.Append("Preferred-Languages: fr, en\n");
        text.Append("Canonical: ").Append(site.Link(Path)).Append('\n');
        return text.ToString();
    }
}
