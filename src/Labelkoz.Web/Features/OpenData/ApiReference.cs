using System.Globalization;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using Scalar.AspNetCore;

namespace Labelkoz.Web.Features.OpenData;

/// <summary>
/// The browsable reference of the open-data API at <c>/api/reference</c>, drawn by Scalar from
/// <c>/openapi/v1.json</c>. Scalar's own page starts it with an inline script, which our CSP
/// forbids; so the page is ours, and loads Scalar's bundle (embedded in its package) and a
/// start-up script from this server. Scalar injects its styles at run time: only this page's CSP
/// allows inline styles; scripts stay 'self' only and nothing is fetched from another origin.
/// </summary>
public static class ApiReference
{
    public const string Path = "/api/reference";

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private const string BundleResource = "ScalarStaticAssets.scalar.js";

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly string BundleVersion =
        typeof(ScalarOptions).Assembly.GetName().Version?.ToString() ?? "0";

    // Fonts, telemetry, the AI agent and the vendor's developer tools would reach other origins.
    private const string StartScript = """
        "use strict";
        window.Scalar.createApiReference("#app", {
          url: "/openapi/v1.json",
          withDefaultFonts: false,
          hideClientButton: true,
          showDeveloperTools: "never",
          telemetry: false,
          agent: { disabled: true },
          mcp: { disabled: true },
          documentDownloadType: "json"
        });
        """;

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext http, IStringLocalizer<SharedResource> l) =>
        {
            http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            var title = Html.Encode(l["Référence de l'API de données ouvertes — Labelkoz"]);
            var noScript = Html.Encode(l["Cette page a besoin de JavaScript. La description de l'API est aussi disponible au format OpenAPI :"]);
            var html = $"""
                <!DOCTYPE html>
                <html lang="{language}">
                <head>
                    <meta charset="utf-8" />
                    <meta name="viewport" content="width=device-width, initial-scale=1" />
                    <title>{title}</title>
                    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                </head>
                <body>
                    <noscript><p>{noScript} <a href="/openapi/{OpenDataModule.DocumentName}.json">/openapi/{OpenDataModule.DocumentName}.json</a></p></noscript>
                    <div id="app"></div>
                    <script src="{Path}/scalar.js?v={BundleVersion}"></script>
                    <script src="{Path}/start.js?v={BundleVersion}"></script>
                </body>
                </html>
                """;
            return Results.Content(html, "text/html; charset=utf-8");
        }).ExcludeFromDescription();

        app.MapGet(Path + "/start.js", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Text(StartScript, "text/javascript; charset=utf-8");
        }).ExcludeFromDescription();

        app.MapGet(Path + "/scalar.js", (HttpContext http) =>
        {
            // The package stores its bundle gzipped: sent as is to browsers that accept gzip.
            if (typeof(ScalarOptions).Assembly.GetManifestResourceStream(BundleResource) is not { } compressed)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=86400";
            http.Response.Headers.Vary = "Accept-Encoding";
            var acceptsGzip = http.Request.Headers.AcceptEncoding.Any(v => v?.Contains("gzip", StringComparison.OrdinalIgnoreCase) == true);
            if (acceptsGzip)
            {
                http.Response.Headers.ContentEncoding = "gzip";
                return Results.Stream(compressed, "text/javascript; charset=utf-8");
            }

            return Results.Stream(new GZipStream(compressed, CompressionMode.Decompress), "text/javascript; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }
}
