using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Subscriptions;

/// <summary>
/// The rules of the platform's plans, of a city's subscription and of its invoices
/// (<see cref="Plan"/>, <see cref="Subscription"/>, <see cref="Invoice"/>). A plan's fields are
/// named as the operator's plan form names them.
/// </summary>
public static class SubscriptionRefusals
{
    public static readonly DomainRefusal MinPopulationNegative = new("plan.min-population-negative", "MinPopulation", "Une population ne peut pas être négative.");

    public static readonly DomainRefusal MaxPopulationNegative = new("plan.max-population-negative", "MaxPopulation", "Une population ne peut pas être négative.");

    public static readonly DomainRefusal MaxPopulationBelowMin = new("plan.max-population-below-min", "MaxPopulation", "La population maximale doit être supérieure ou égale à la population minimale.");

    public static readonly DomainRefusal MonthlyPriceOutOfRange = new("plan.monthly-price-out-of-range", "MonthlyPrice", "Un prix doit être compris entre {0} et {1}.");

    public static readonly DomainRefusal YearlyPriceOutOfRange = new("plan.yearly-price-out-of-range", "YearlyPrice", "Un prix doit être compris entre {0} et {1}.");

    public static readonly DomainRefusal FeeOutOfRange = new("plan.fee-out-of-range", "Fee", "La commission doit être comprise entre 0 et {0} %.");

    public static readonly DomainRefusal MaxOpenCallsNegative = new("plan.max-open-calls-negative", "MaxOpenCalls", "Le nombre d'appels ouverts ne peut pas être négatif.");

    public static readonly DomainRefusal UnknownBillingPeriod = new("subscription.unknown-billing-period", "Period", "Choisissez une facturation mensuelle ou annuelle.");

    public static readonly DomainRefusal TrialAlreadyOver = new("subscription.trial-already-over", null, "La période d'essai est déjà terminée : l'abonnement est en cours.");

    public static readonly DomainRefusal PlanNoLongerOffered = new("subscription.plan-no-longer-offered", "PlanId", "Cette offre n'est plus proposée.");

    public static readonly DomainRefusal CancellationAlreadyRecorded = new("subscription.cancellation-already-recorded", null, "La résiliation de l'abonnement est déjà enregistrée.");

    public static readonly DomainRefusal NotCancelled = new("subscription.not-cancelled", null, "L'abonnement n'est pas résilié.");

    public static readonly DomainRefusal EndedCannotResume = new("subscription.ended-cannot-resume", null, "L'abonnement a pris fin : la résiliation ne peut plus être annulée.");

    public static readonly DomainRefusal Cancelled = new("subscription.cancelled", null, "L'abonnement est résilié.");

    public static readonly DomainRefusal InvoiceAlreadyPaid = new("invoice.already-paid", null, "Le paiement de cette facture est déjà enregistré.");

    public static readonly DomainRefusal InvoicePaymentDateOutOfRange = new("invoice.payment-date-out-of-range", "PaidOn", "La date du paiement doit être comprise entre la date de la facture et aujourd'hui.");
}
