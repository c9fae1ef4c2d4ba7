namespace Labelkoz.Domain.Common;

/// <summary>
/// Marks an entity that belongs to one municipality. The persistence layer filters and guards every
/// such type centrally, so pages never have to remember to.
/// </summary>
public interface ITenantOwned
{
    long MunicipalityId { get; }
}
