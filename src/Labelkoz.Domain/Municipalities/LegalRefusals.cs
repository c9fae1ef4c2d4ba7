using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Municipalities;

/// <summary>The rules of a city's legal details and accessibility statement, named as the back office's form names its fields.</summary>
public static class LegalRefusals
{
    public static readonly DomainRefusal RateOutOfRange = new("legal.rate-out-of-range", "AuditRate", "Le taux de conformité est un pourcentage entre 0 et 100.");

    public static readonly DomainRefusal AuditIncomplete = new("legal.audit-incomplete", "AuditDate", "Un taux de conformité vient d'un audit : indiquez sa date et qui l'a mené.");

    public static readonly DomainRefusal AuditInTheFuture = new("legal.audit-in-the-future", "AuditDate", "La date de l'audit ne peut pas être dans le futur.");

    public static readonly DomainRefusal StateDisagreesWithRate = new("legal.state-disagrees-with-rate", "AccessibilityCompliance", "Avec un taux de conformité de {0} %, le RGAA déclare le site « {1} ».");

    public static readonly DomainRefusal PlanNotAbsolute = new("legal.plan-not-absolute", "PlanUrl", "L'adresse du schéma pluriannuel doit être une adresse complète commençant par https://.");
}
