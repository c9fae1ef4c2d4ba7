using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Municipalities;

/// <summary>A "quartier" of a municipality: projects and calls are placed in one.</summary>
public sealed class Neighbourhood : ITenantOwned
{
    private Neighbourhood()
    {
        Name = string.Empty;
    }

    internal Neighbourhood(Municipality municipality, string name)
    {
        Municipality = municipality;
        MunicipalityId = municipality.Id;
        Name = name;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public Municipality? Municipality { get; private set; }

    public string Name { get; private set; }
}
