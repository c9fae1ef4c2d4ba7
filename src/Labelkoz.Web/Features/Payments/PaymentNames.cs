using Labelkoz.Domain.Funding;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Payments;

/// <summary>The operator's names for what a card processor told the platform.</summary>
public static class PaymentNames
{
    /// <summary>What a processor's event said about a payment.</summary>
    public static string EventType(IStringLocalizer l, PaymentEventType type)
    {
        ArgumentNullException.ThrowIfNull(l);
        return type switch
        {
            PaymentEventType.PaymentSucceeded => l["Paiement réussi"],
            PaymentEventType.PaymentFailed => l["Paiement refusé ou expiré"],
            PaymentEventType.Refunded => l["Remboursement"],
            PaymentEventType.DisputeOpened => l["Contestation ouverte"],
            PaymentEventType.DisputeWon => l["Contestation gagnée"],
            PaymentEventType.DisputeLost => l["Contestation perdue"],
        };
    }

    /// <summary>Who sent the event.</summary>
    public static string Provider(IStringLocalizer l, PaymentProvider provider)
    {
        ArgumentNullException.ThrowIfNull(l);
        return provider switch
        {
            PaymentProvider.Stripe => l["Stripe"],
            PaymentProvider.Sandbox => l["Processeur de test"],
            PaymentProvider.Offline => l["Hors ligne"],
        };
    }
}
