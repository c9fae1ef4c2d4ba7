using Labelkoz.Domain.Calls;

namespace Labelkoz.Web.Features.Calls;

/// <summary>
/// The French names of the calls' statuses and kinds (keys of the translations), one per value,
/// for the public pages and the back office alike. Exhaustive: a new value breaks the build here.
/// </summary>
public static class CallNames
{
    public static string Application(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "Brouillon",
        ApplicationStatus.Submitted => "Déposée",
        ApplicationStatus.Withdrawn => "Retirée",
        ApplicationStatus.Selected => "Lauréate",
        ApplicationStatus.NotSelected => "Non retenue",
    };

    public static string Question(QuestionKind kind) => kind switch
    {
        QuestionKind.ShortText => "Réponse courte",
        QuestionKind.LongText => "Réponse longue",
        QuestionKind.Number => "Nombre",
        QuestionKind.YesNo => "Oui ou non",
        QuestionKind.File => "Fichier (PDF ou image)",
    };

    public static string Action(CallAction action) => action switch
    {
        CallAction.Created => "Création du brouillon",
        CallAction.Published => "Publication",
        CallAction.Closed => "Clôture des candidatures",
        CallAction.Decided => "Choix des lauréats",
        CallAction.Cancelled => "Annulation",
    };
}
