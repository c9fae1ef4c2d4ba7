using Labelkoz.Data.Tenancy;

namespace Labelkoz.Web.Infrastructure.Tenancy;

/// <summary>What the layout and pages need to know about the city whose site the request is on.</summary>
public sealed record CurrentCity(long Id, string Name, string Slug, string BrandColour, string BrandText, string BrandOnWhite, bool HasLogo, long Version, string AccessibilityCompliance, bool ReadOnly = false);

/// <summary>Scoped: filled once per request by <see cref="TenantResolutionMiddleware"/>.</summary>
public sealed class TenantContext : ITenantContext
{
    public CurrentCity? City { get; private set; }

    public long? MunicipalityId => City?.Id;

    public void Enter(CurrentCity city)
    {
        if (City is not null && City.Id != city.Id)
        {
            throw new InvalidOperationException("The tenant of a request cannot change once set.");
        }

        City = city;
    }
}
