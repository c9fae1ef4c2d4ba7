using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Infrastructure.Tenancy;

/// <summary>
/// Turns the <c>{slug}</c> of a city route into the request's tenant, before authorization and
/// before any page reads data; an unknown slug ends the request with the French 404 page. The site
/// of a city whose subscription is cancelled stays public and read-only (issue #7): every write on
/// it outside the back office is refused here, in one place, with a 403 that says why.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public const string SlugRouteValue = "slug";

    /// <summary>Set on a write refused because the city's site is read-only; the error page explains it.</summary>
    public const string ReadOnlyRefusal = "Labelkoz.ReadOnlySite";

    public async Task InvokeAsync(HttpContext context, TenantContext tenant, AppDbContext db)
    {
        if (context.Request.RouteValues.TryGetValue(SlugRouteValue, out var raw) && raw is string slug)
        {
            var city = await db.Municipalities.AsNoTracking()
                .Where(m => m.Slug == slug)
                .Select(m => new { m.Id, m.Name, m.Slug, m.BrandColour, m.LogoFileKey, m.Version, m.AccessibilityCompliance, m.SubscriptionStatus })
                .SingleOrDefaultAsync(context.RequestAborted);
            if (city is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var brand = BrandColour.Parse(city.BrandColour);
            var readOnly = city.SubscriptionStatus == SubscriptionStatus.Cancelled;
            tenant.Enter(new CurrentCity(city.Id, city.Name, city.Slug, brand.Hex, brand.TextColour, brand.OnWhite, city.LogoFileKey is not null, city.Version, city.AccessibilityCompliance, readOnly));
            if (readOnly && IsPublicWrite(context.Request, city.Slug))
            {
                context.Items[ReadOnlyRefusal] = city.Name;
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
        }

        await next(context);
    }

    /// <summary>A write on the city's public site: the back office (<c>/{slug}/admin</c>) keeps working for its staff.</summary>
    private static bool IsPublicWrite(HttpRequest request, string slug) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
        && !request.Path.StartsWithSegments("/" + slug + "/admin", StringComparison.OrdinalIgnoreCase);
}
