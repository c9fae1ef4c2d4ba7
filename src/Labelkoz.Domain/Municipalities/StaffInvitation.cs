using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Municipalities;

/// <summary>
/// An e-mailed invitation to join a municipality's staff. Only the hash of its token is stored, so
/// a database leak does not hand out working links.
/// </summary>
public sealed class StaffInvitation : ITenantOwned
{
    private StaffInvitation()
    {
        Email = string.Empty;
        TokenHash = string.Empty;
    }

    internal StaffInvitation(Municipality municipality, string email, StaffRole role, string tokenHash, long? invitedByUserId, DateTime nowUtc, DateTime expiresAtUtc)
    {
        Municipality = municipality;
        MunicipalityId = municipality.Id;
        Email = email;
        Role = role;
        TokenHash = tokenHash;
        InvitedByUserId = invitedByUserId;
        CreatedAtUtc = nowUtc;
        ExpiresAtUtc = expiresAtUtc;
    }

    public long Id { get; private set; }

    public long MunicipalityId { get; private set; }

    public Municipality? Municipality { get; private set; }

    public string Email { get; private set; }

    public StaffRole Role { get; private set; }

    public string TokenHash { get; private set; }

    public long? InvitedByUserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }

    public DateTime? AcceptedAtUtc { get; private set; }

    public long? AcceptedByUserId { get; private set; }

    public DateTime? RevokedAtUtc { get; private set; }

    public bool IsPending(DateTime nowUtc) => AcceptedAtUtc is null && RevokedAtUtc is null && nowUtc < ExpiresAtUtc;

    internal void Accept(long userId, string userEmail, DateTime nowUtc)
    {
        if (AcceptedAtUtc is not null)
        {
            throw new DomainException(InvitationRefusals.AlreadyAccepted);
        }

        if (RevokedAtUtc is not null)
        {
            throw new DomainException(InvitationRefusals.Revoked);
        }

        if (nowUtc >= ExpiresAtUtc)
        {
            throw new DomainException(InvitationRefusals.Expired);
        }

        if (!string.Equals(userEmail?.Trim(), Email, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException(InvitationRefusals.OtherAddress.With(Email));
        }

        AcceptedAtUtc = nowUtc;
        AcceptedByUserId = userId;
    }

    internal void Revoke(DateTime nowUtc)
    {
        if (!IsPending(nowUtc))
        {
            throw new DomainException(InvitationRefusals.NotPending);
        }

        RevokedAtUtc = nowUtc;
    }
}
