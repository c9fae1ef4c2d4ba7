using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Municipalities;

/// <summary>The rules of an invitation to join a city's staff (<see cref="StaffInvitation"/>).</summary>
public static class InvitationRefusals
{
    public static readonly DomainRefusal AlreadyPending = new("invitation.already-pending", "Email", "Une invitation est déjà en attente pour {0}.");

    public static readonly DomainRefusal Unknown = new("invitation.unknown", null, "Cette invitation n'existe pas.");

    public static readonly DomainRefusal AlreadyAccepted = new("invitation.already-accepted", null, "Cette invitation a déjà été acceptée.");

    public static readonly DomainRefusal RevokedCannotBeRenewed = new("invitation.revoked-cannot-be-renewed", null, "Une invitation annulée ne peut pas être renvoyée : invitez de nouveau la personne.");

    public static readonly DomainRefusal Revoked = new("invitation.revoked", null, "Cette invitation a été annulée par la ville.");

    public static readonly DomainRefusal Expired = new("invitation.expired", null, "Cette invitation a expiré : demandez à la ville de vous en envoyer une nouvelle.");

    public static readonly DomainRefusal OtherAddress = new("invitation.other-address", null, "Cette invitation a été envoyée à {0} : connectez-vous avec ce compte pour l'accepter.");

    public static readonly DomainRefusal NotPending = new("invitation.not-pending", null, "Seule une invitation en attente peut être annulée.");
}
