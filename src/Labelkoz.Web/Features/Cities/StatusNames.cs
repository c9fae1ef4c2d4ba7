using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Cities;

/// <summary>The French names of the municipality's states and roles, shared by the back office, the operator console and the mails.</summary>
public static class StatusNames
{
    public static readonly IReadOnlyList<string> ComplianceLevels = AccessibilityConformity.States;

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
    /// Why the city cannot label projects or open calls under this status, or null when it can: the
    /// domain's sentence (<see cref="Municipality.WhyCannotLabelOrOpenCalls(SubscriptionStatus)"/>),
    /// the one the decision page shows when a label is refused.
    /// </summary>
    public static string? LabelsBlocked(IStringLocalizer l, SubscriptionStatus status)
    {
        ArgumentNullException.ThrowIfNull(l);
        return Municipality.WhyCannotLabelOrOpenCalls(status) is { } refusal ? l.Localize(refusal) : null;
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
