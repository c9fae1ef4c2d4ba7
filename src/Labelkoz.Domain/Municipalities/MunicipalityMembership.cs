using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Municipalities;

/// <summary>Grants one account a staff role in one municipality.</summary>
public sealed class MunicipalityMembership : ITenantOwned
{
    private MunicipalityMembership()
    {
    }

    internal MunicipalityMembership(Municipality municipality, long userId, StaffRole role, DateTime nowUtc)
    {
        Municipality = municipality;
        MunicipalityId = municipality.Id;
        UserId = userId;
        Role = role;
        GrantedAtUtc = nowUtc;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public Municipality? Municipality { get; private set; }

    public long UserId { get; private set; }

    public StaffRole Role { get; private set; }

    public DateTime GrantedAtUtc { get; private set; }

    internal void ChangeRole(StaffRole role) => Role = role;
}
