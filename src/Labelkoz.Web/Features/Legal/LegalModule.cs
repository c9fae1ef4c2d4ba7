using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Labelkoz.Web.Features.Legal;

public static class LegalModule
{
    /// <summary>The legal pages, each at the platform's address and at every city's (<c>/{slug}/…</c>).</summary>
    public static readonly IReadOnlyList<(string Page, string Path)> Pages =
    [
        ("/Legal/Notice", "mentions-legales"),
        ("/Legal/Terms", "conditions-d-utilisation"),
        ("/Legal/Privacy", "confidentialite"),
        ("/Legal/Cookies", "cookies"),
        ("/Legal/Accessibility", "accessibilite"),
    ];

    public static WebApplicationBuilder AddLegal(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<PlatformLegal>(builder.Configuration.GetSection("Platform"));
        builder.Services.Configure<PlatformPublisher>(builder.Configuration.GetSection("Billing:Seller"));
        builder.Services.AddScoped<LegalSite>();
        builder.Services.Configure<RazorPagesOptions>(options =>
        {
            foreach (var (page, path) in Pages)
            {
                options.Conventions.AddPageRoute(page, $"{{slug}}/{path}");
            }
        });
        return builder;
    }
}
