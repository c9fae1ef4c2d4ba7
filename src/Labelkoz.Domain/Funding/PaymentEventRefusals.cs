using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Funding;

/// <summary>The rules of the operator's hand on a processor's event (<see cref="PaymentEvent"/>).</summary>
public static class PaymentEventRefusals
{
    public static readonly DomainRefusal NotSetAside = new("payment-event.not-set-aside", null, "Cet événement n'est pas mis de côté : il est déjà traité ou encore en cours d'essai.");
}
