using Labelkoz.Domain.Municipalities;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Cities;

/// <summary>The French names of the municipality's states and roles, shared by the back office, the operator console and the mails.</summary>
public static class StatusNames
{
    public static readonly IReadOnlyList<string> ComplianceLevels = ["totalement conforme", "partiellement conforme", "non conforme"];

    public static string Subscription(IStringLocalizer l, SubscriptionStatus status)
    {
        ArgumentNullException.ThrowIfNull(l);
        return status switch
        {
            SubscriptionStatus.Trial => l["Période d'essai"],
            SubscriptionStatus.Active => l["Abonnement actif"],
            SubscriptionStatus.PastDue => l["Paiement en retard"],
            SubscriptionStatus.Suspended => l["Suspendue"],
            SubscriptionStatus.Cancelled => l["Résiliée"],
        };
    }

    /// <summary>
    /// Why the city cannot label projects or open calls under this status, or null when it can
    /// (the rule is the domain's <see cref="Municipality.CanLabelOrOpenCalls"/>).
    /// </summary>
    public static string? LabelsBlocked(IStringLocalizer l, SubscriptionStatus status)
    {
        ArgumentNullException.ThrowIfNull(l);
        return status switch
        {
            SubscriptionStatus.Trial or SubscriptionStatus.Active or SubscriptionStatus.PastDue => null,
            SubscriptionStatus.Suspended => l["L'abonnement est suspendu : la ville ne peut ni décerner de nouveau label ni ouvrir d'appel à projets tant qu'il n'est pas rétabli."].Value,
            SubscriptionStatus.Cancelled => l["L'abonnement est résilié : la ville ne peut plus décerner de label ni ouvrir d'appel à projets."].Value,
        };
    }

    /// <summary>A warning that changes nothing yet (a late payment), or null.</summary>
    public static string? Warning(IStringLocalizer l, SubscriptionStatus status)
    {
        ArgumentNullException.ThrowIfNull(l);
        return status == SubscriptionStatus.PastDue
            ? l["Une facture de l'abonnement est impayée plus de 30 jours après son échéance. Réglez-la pour éviter la suspension : une ville suspendue ne peut plus décerner de label ni ouvrir d'appel à projets."].Value
            : null;
    }

    public static string Role(IStringLocalizer l, StaffRole role)
    {
        ArgumentNullException.ThrowIfNull(l);
        return role switch
        {
            StaffRole.Agent => l["Agent"],
            StaffRole.Admin => l["Administrateur"],
        };
    }

    public static string Moderation(IStringLocalizer l, ModerationMode mode)
    {
        ArgumentNullException.ThrowIfNull(l);
        return mode switch
        {
            ModerationMode.PreModeration => l["Avant publication (pré-modération)"],
            ModerationMode.PostModeration => l["Après publication (post-modération)"],
        };
    }
}
