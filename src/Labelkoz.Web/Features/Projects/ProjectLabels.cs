using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Projects;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Projects;

/// <summary>
/// The French names of a project's categories, holder types, the kinds of support asked of the
/// city (and promised by it) and the steps of its history. They are translation keys: views show them through the localizer (<c>L[…]</c>).
/// </summary>
public static class ProjectLabels
{
    public static string Category(ProjectCategory category) => category switch
    {
        ProjectCategory.Sport => "Sport",
        ProjectCategory.Culture => "Culture",
        ProjectCategory.Environment => "Environnement",
        ProjectCategory.Solidarity => "Solidarité",
        ProjectCategory.Mobility => "Mobilités",
        ProjectCategory.Education => "Éducation",
        ProjectCategory.Urbanism => "Urbanisme et cadre de vie",
        ProjectCategory.Economy => "Économie locale",
        ProjectCategory.Health => "Santé",
        ProjectCategory.Other => "Autre",
    };

    public static string Holder(HolderType holder) => holder switch
    {
        HolderType.Individual => "Particulier",
        HolderType.Association => "Association",
        HolderType.Company => "Entreprise",
        HolderType.Municipality => "La ville",
    };

    public static string Commitment(CommitmentKind kind) => kind switch
    {
        CommitmentKind.Land => "Terrain",
        CommitmentKind.Premises => "Locaux",
        CommitmentKind.Equipment => "Matériel",
        CommitmentKind.Communication => "Communication",
        CommitmentKind.Expertise => "Accompagnement par un agent",
        CommitmentKind.CoFinancing => "Cofinancement",
        CommitmentKind.Other => "Autre",
    };

    /// <summary>
    /// A step of the project's history as the public timeline names it. The review's internal
    /// moves have names too (for completeness) but are never public: the timeline leaves them out.
    /// </summary>
    public static string Action(ProjectAction action) => action switch
    {
        ProjectAction.Created => "Brouillon créé",
        ProjectAction.Submitted => "Déposé",
        ProjectAction.Resubmitted => "Déposé à nouveau après modifications",
        ProjectAction.Published => "Publié",
        ProjectAction.TakenIntoReview => "Mis à l'étude par la ville",
        ProjectAction.ChangesRequested => "Modifications demandées par la ville",
        ProjectAction.Labelled => "Labellisé par la ville",
        ProjectAction.Declined => "Non retenu par la ville",
        ProjectAction.FundingLaunched => "Financement lancé",
        ProjectAction.Funded => "Financé",
        ProjectAction.NotFunded => "Non financé",
        ProjectAction.Started => "Réalisation commencée",
        ProjectAction.Completed => "Réalisé",
        ProjectAction.Withdrawn => "Retiré par son porteur",
        ProjectAction.Hidden => "Masqué par la modération",
        ProjectAction.Unhidden => "Rendu à nouveau visible",
        ProjectAction.Assigned => "Suivi attribué",
        ProjectAction.DecisionProposed => "Décision proposée",
        ProjectAction.ProposalRejected => "Proposition écartée",
        ProjectAction.LabelRevoked => "Label retiré par la ville",
        ProjectAction.SelectedInCall => "Lauréat d'un appel à projets de la ville",
    };

    public static string CoFinancing(CoFinancingMode mode) => mode switch
    {
        CoFinancingMode.Grant => "Subvention fixe",
        CoFinancingMode.Matchfunding => "Abondement des dons",
    };

    /// <summary>The French name of a move in a project's history.</summary>
    public static string ActionName(IStringLocalizer l, ProjectAction action)
    {
        ArgumentNullException.ThrowIfNull(l);
        return action switch
        {
            ProjectAction.Created => l["Création du brouillon"],
            ProjectAction.Submitted => l["Dépôt du projet"],
            ProjectAction.Resubmitted => l["Nouveau dépôt après modifications"],
            ProjectAction.Published => l["Publication par la ville"],
            ProjectAction.TakenIntoReview => l["Mise à l'étude"],
            ProjectAction.ChangesRequested => l["Modifications demandées"],
            ProjectAction.Labelled => l["Labellisation par la ville"],
            ProjectAction.Declined => l["Refus par la ville"],
            ProjectAction.FundingLaunched => l["Lancement du financement"],
            ProjectAction.Funded => l["Financement réussi"],
            ProjectAction.NotFunded => l["Financement non atteint"],
            ProjectAction.Started => l["Début de la réalisation"],
            ProjectAction.Completed => l["Réalisation terminée"],
            ProjectAction.Withdrawn => l["Retrait par le porteur"],
            ProjectAction.Hidden => l["Masquage par la ville"],
            ProjectAction.Unhidden => l["Rétablissement par la ville"],
            ProjectAction.Assigned => l["Attribution du suivi"],
            ProjectAction.DecisionProposed => l["Proposition de décision"],
            ProjectAction.ProposalRejected => l["Proposition écartée"],
            ProjectAction.LabelRevoked => l["Retrait du label par la ville"],
            ProjectAction.SelectedInCall => l["Lauréat d'un appel à projets de la ville"],
        };
    }
}
