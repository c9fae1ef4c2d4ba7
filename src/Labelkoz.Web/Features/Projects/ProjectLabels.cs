using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Projects;

namespace Labelkoz.Web.Features.Projects;

/// <summary>
/// The French names of a project's categories, holder types and the kinds of support asked of the
/// city. They are translation keys: views show them through the localizer (<c>L[…]</c>).
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
}
