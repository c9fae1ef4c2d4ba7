using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Infrastructure.Tenancy;

/// <summary>
/// Turns the <c>{slug}</c> of a city route into the request's tenant, before authorization and
/// before any page reads data; an unknown slug ends the request with the French 404 page.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public const string SlugRouteValue = "slug";

    public async Task InvokeAsync(HttpContext context, TenantContext tenant, AppDbContext db)
    {
        if (context.Request.RouteValues.TryGetValue(SlugRouteValue, out var raw) && raw is string slug)
        {
            var city = await db.Municipalities.AsNoTracking()
                .Where(m => m.Slug == slug)
                .Select(m => new { m.Id, m.Name, m.Slug, m.BrandColour, m.LogoFileKey, m.Version, m.AccessibilityCompliance })
                .SingleOrDefaultAsync(context.RequestAborted);
            if (city is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var brand = BrandColour.Parse(city.BrandColour);
            tenant.Enter(new CurrentCity(city.Id, city.Name, city.Slug, brand.Hex, brand.TextColour, brand.OnWhite, city.LogoFileKey is not null, city.Version, city.AccessibilityCompliance));
        }

        await next(context);
    }
}
