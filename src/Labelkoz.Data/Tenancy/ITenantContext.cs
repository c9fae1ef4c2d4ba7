namespace Labelkoz.Data.Tenancy;

/// <summary>
/// The municipality whose site the current request is on (from the <c>{slug}</c> route value), or
/// none on platform-wide pages. Set once per request, before any data is read.
/// </summary>
public interface ITenantContext
{
    long? MunicipalityId { get; }
}

/// <summary>The tenant context of code that runs outside a city's site: operator, seeding, jobs.</summary>
public sealed class NoTenant : ITenantContext
{
    public static NoTenant Instance { get; } = new();

    public long? MunicipalityId => null;
}
