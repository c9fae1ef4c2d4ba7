using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Storage;
using Labelkoz.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Cities;

public static class CityEndpoints
{
    public static IEndpointRouteBuilder MapCityEndpoints(this IEndpointRouteBuilder app)
    {
        // The logo is served by us, never from wwwroot: its type comes from the sniffed bytes.
        app.MapGet("/{slug}/logo", async (TenantContext tenant, AppDbContext db, IFileStore files, HttpContext http) =>
        {
            var logo = await db.Municipalities.AsNoTracking()
                .Where(m => m.Id == tenant.MunicipalityId)
                .Select(m => new { m.LogoFileKey, m.LogoContentType })
                .SingleOrDefaultAsync(http.RequestAborted);
            if (logo?.LogoFileKey is null || logo.LogoContentType is null || files.OpenRead(logo.LogoFileKey) is not { } stream)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=86400";
            http.Response.Headers.ContentDisposition = "inline";
            return Results.Stream(stream, logo.LogoContentType);
        });

        // Theme colours as a stylesheet, because the Content-Security-Policy forbids inline styles.
        app.MapGet("/{slug}/theme.css", (TenantContext tenant, HttpContext http) =>
        {
            var city = tenant.City!;
            http.Response.Headers.CacheControl = "public, max-age=3600";
            var css = string.Create(CultureInfo.InvariantCulture, $$"""
                :root {
                  --brand: {{city.BrandColour}};
                  --brand-text: {{city.BrandText}};
                  --brand-on-white: {{city.BrandOnWhite}};
                }
                """);
            return Results.Text(css, "text/css; charset=utf-8");
        });
        return app;
    }
}
