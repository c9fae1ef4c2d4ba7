using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Subscriptions;

/// <summary>
/// The rules of a commune's sign-up request (<see cref="SignupRequest"/>): the public form (fields as
/// it names them), the contact's confirmation and the operator's decision.
/// </summary>
public static class SignupRefusals
{
    public static readonly DomainRefusal UnknownBillingPeriod = new("signup.unknown-billing-period", "Period", "Choisissez une facturation mensuelle ou annuelle.");

    public static readonly DomainRefusal ContactOutsideDomain = new("signup.contact-outside-domain", "ContactEmail", SignupRequest.OutsideDomainMessage);

    public static readonly DomainRefusal PlanNoLongerOffered = new("signup.plan-no-longer-offered", "PlanId", "L'offre « {0} » n'est plus proposée.");

    public static readonly DomainRefusal PlanForAnotherPopulation = new("signup.plan-for-another-population", "PlanId", "L'offre « {0} » ne correspond pas à une commune de {1} habitants : choisissez l'offre proposée pour sa population.");

    public static readonly DomainRefusal WebmailDomain = new("signup.webmail-domain", "OfficialDomain", "« {0} » est une messagerie ouverte à tous, pas le domaine de la mairie : indiquez celui de ses adresses officielles, par exemple montreuil.fr.");

    public static readonly DomainRefusal NotADomain = new("signup.not-a-domain", "OfficialDomain", "« {0} » n'est pas un nom de domaine : indiquez celui des adresses de la mairie, par exemple montreuil.fr.");

    public static readonly DomainRefusal InvalidConfirmationLink = new("signup.invalid-confirmation-link", null, "Ce lien de confirmation n'est pas valide.");

    public static readonly DomainRefusal RefusedCannotBeConfirmed = new("signup.refused-cannot-be-confirmed", null, "Cette demande a été refusée : elle ne peut plus être confirmée.");

    public static readonly DomainRefusal ConfirmationLinkExpired = new("signup.confirmation-link-expired", null, "Ce lien de confirmation a expiré : déposez une nouvelle demande.");

    public static readonly DomainRefusal ContactNotYetConfirmed = new("signup.contact-not-yet-confirmed", null, "Le contact n'a pas encore confirmé son adresse électronique : la demande ne peut pas encore être validée.");

    public static readonly DomainRefusal PostalCodeMalformed = new("signup.postal-code-malformed", "BillingPostalCode", "Le code postal doit comporter 5 chiffres.");

    public static readonly DomainRefusal AlreadyDecided = new("signup.already-decided", null, "Cette demande a déjà été traitée.");
}
