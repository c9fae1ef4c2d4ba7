using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Calls;

/// <summary>
/// The rules of a call for projects (<see cref="Call"/>): its draft (fields as the back office's
/// call form names them: <c>Title</c>, <c>Envelope</c>, <c>ClosesAt</c>, <c>Criteria</c>…), its
/// publication, its cancellation and the choice of its winners.
/// </summary>
public static class CallRefusals
{
    public static readonly DomainRefusal UnknownCategory = new("call.unknown-category", "Category", "Cette catégorie n'existe pas.");

    public static readonly DomainRefusal NeighbourhoodOfAnotherCity = new("call.neighbourhood-of-another-city", "NeighbourhoodId", "Ce quartier n'appartient pas à cette ville.");

    public static readonly DomainRefusal EnvelopeNegative = new("call.envelope-negative", "Envelope", "L'enveloppe budgétaire ne peut pas être négative.");

    public static readonly DomainRefusal EnvelopeTooLarge = new("call.envelope-too-large", "Envelope", "L'enveloppe budgétaire dépasse 100 000 000 € : vérifiez la saisie.");

    public static readonly DomainRefusal WinnersCountOutOfRange = new("call.winners-count-out-of-range", "WinnersCount", "Le nombre de lauréats doit être compris entre 1 et {0}.");

    public static readonly DomainRefusal NoApplicantType = new("call.no-applicant-type", "Eligibility", "Ouvrez l'appel à au moins un type de candidat.");

    public static readonly DomainRefusal ClosingBeforeOpening = new("call.closing-before-opening", "ClosesAt", "La clôture doit venir après l'ouverture.");

    public static readonly DomainRefusal TooManyQuestions = new("call.too-many-questions", "Questions", "Un appel ne peut pas poser plus de {0} questions.");

    public static readonly DomainRefusal UnknownQuestionKind = new("call.unknown-question-kind", "Questions", "Ce type de question n'existe pas.");

    public static readonly DomainRefusal NoCriterion = new("call.no-criterion", "Criteria", "Indiquez au moins un critère d'évaluation.");

    public static readonly DomainRefusal TooManyCriteria = new("call.too-many-criteria", "Criteria", "Un appel ne peut pas compter plus de {0} critères.");

    public static readonly DomainRefusal CriterionWeightOutOfRange = new("call.criterion-weight-out-of-range", "Criteria", "Le poids du critère « {0} » doit être compris entre 1 et 100.");

    public static readonly DomainRefusal CriteriaWithSameName = new("call.criteria-with-same-name", "Criteria", "Deux critères portent le même nom.");

    public static readonly DomainRefusal CriteriaWeightsNotHundred = new("call.criteria-weights-not-hundred", "Criteria", "Les poids des critères doivent totaliser 100 (ils totalisent {0}).");

    public static readonly DomainRefusal IncompleteForPublication = new("call.incomplete-for-publication", null, "Avant de publier l'appel, ajoutez : {0}.");

    public static readonly DomainRefusal NotCancellable = new("call.not-cancellable", null, "Un appel « {0} » ne peut plus être annulé.");

    public static readonly DomainRefusal WinnersBeforeClosing = new("call.winners-before-closing", null, "Les lauréats se choisissent une fois l'appel clos ; il est « {0} ».");

    public static readonly DomainRefusal NoWinner = new("call.no-winner", "Winners", "Choisissez au moins un lauréat.");

    public static readonly DomainRefusal TooManyWinners = new("call.too-many-winners", "Winners", "L'appel annonce {0} lauréat(s) : vous en avez choisi {1}.");

    public static readonly DomainRefusal ApplicationToAnotherCall = new("call.application-to-another-call", null, "Cette candidature ne répond pas à cet appel.");

    public static readonly DomainRefusal WinnerNotSubmitted = new("call.winner-not-submitted", "Winners", "Seule une candidature déposée, et non retirée, peut être retenue.");

    public static readonly DomainRefusal AdminOnly = new("call.admin-only", null, "Seul un administrateur de la ville peut gérer un appel à projets.");

    public static readonly DomainRefusal OfAnotherCity = new("call.of-another-city", null, "Cet appel n'appartient pas à cette ville.");

    public static readonly DomainRefusal PublishedNotEditable = new("call.published-not-editable", null, "Un appel publié ne se modifie plus : annulez-le et publiez-en un autre si nécessaire.");

    public static readonly DomainRefusal ImpossibleMove = new("call.impossible-move", null, "Impossible de passer l'appel de l'état « {0} » à l'état « {1} ».");
}
