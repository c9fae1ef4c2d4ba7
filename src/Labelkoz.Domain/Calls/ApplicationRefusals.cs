using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Calls;

/// <summary>
/// The rules of an application to a call (<see cref="CallApplication"/>): who applies and what they
/// answer (fields as the application form names them), when they may change it, and how the city
/// scores it (<c>Scores</c>, <c>Reason</c> for a conflict of interest).
/// </summary>
public static class ApplicationRefusals
{
    public static readonly DomainRefusal QuestionOfAnotherCall = new("application.question-of-another-call", "Answers", "Cette question ne fait pas partie de l'appel.");

    public static readonly DomainRefusal QuestionAnsweredTwice = new("application.question-answered-twice", "Answers", "La question « {0} » a reçu deux réponses.");

    public static readonly DomainRefusal NumberTooLarge = new("application.number-too-large", "Answers", "La réponse à « {0} » est un nombre trop grand : vérifiez la saisie.");

    public static readonly DomainRefusal UnknownQuestionKind = new("application.unknown-question-kind", "Answers", "Ce type de question n'existe pas.");

    public static readonly DomainRefusal AlreadySubmitted = new("application.already-submitted", null, "Cette candidature est déjà déposée.");

    public static readonly DomainRefusal AnswersMissing = new("application.answers-missing", "Answers", "Avant de déposer, répondez à : {0}.");

    public static readonly DomainRefusal ConflictedReviewerScores = new("application.conflicted-reviewer-scores", null, "Vous avez déclaré un conflit d'intérêts sur cette candidature : vous ne pouvez pas la noter.");

    public static readonly DomainRefusal CriterionOfAnotherCall = new("application.criterion-of-another-call", "Scores", "Ce critère ne fait pas partie de l'appel.");

    public static readonly DomainRefusal ScoreOutOfRange = new("application.score-out-of-range", "Scores", "La note du critère « {0} » doit être comprise entre 0 et 10.");

    public static readonly DomainRefusal CriterionScoredTwice = new("application.criterion-scored-twice", "Scores", "Le critère « {0} » a reçu deux notes.");

    public static readonly DomainRefusal CriteriaNotAllScored = new("application.criteria-not-all-scored", "Scores", "Notez chacun des {0} critères de l'appel.");

    public static readonly DomainRefusal ReviewByStaffOnly = new("application.review-by-staff-only", null, "Seule l'équipe de la ville examine les candidatures.");

    public static readonly DomainRefusal ConflictAlreadyDeclared = new("application.conflict-already-declared", null, "Vous avez déjà déclaré un conflit d'intérêts sur cette candidature.");

    public static readonly DomainRefusal ShortlistAfterClosingOnly = new("application.shortlist-after-closing-only", null, "La présélection se fait parmi les candidatures déposées, une fois l'appel clos.");

    public static readonly DomainRefusal CallNotYetOpen = new("application.call-not-yet-open", null, "L'appel ouvre le {0} (heure de Paris) : les candidatures ne sont pas encore possibles.");

    public static readonly DomainRefusal CallNotPublished = new("application.call-not-published", null, "Cet appel n'est pas publié.");

    public static readonly DomainRefusal CallCancelled = new("application.call-cancelled", null, "Cet appel a été annulé.");

    public static readonly DomainRefusal CallClosed = new("application.call-closed", null, "L'appel n'accepte plus de candidatures : il a été clos le {0} (heure de Paris).");

    public static readonly DomainRefusal UnknownApplicantType = new("application.unknown-applicant-type", "HolderType", "Ce type de candidat n'existe pas.");

    public static readonly DomainRefusal ApplicantTypeNotAccepted = new("application.applicant-type-not-accepted", "HolderType", "Cet appel n'est pas ouvert à ce type de candidat.");

    public static readonly DomainRefusal ChangeByApplicantOnly = new("application.change-by-applicant-only", null, "Seule la personne qui a candidaté peut modifier sa candidature.");

    public static readonly DomainRefusal ToAnotherCall = new("application.to-another-call", null, "Cette candidature ne répond pas à cet appel.");

    public static readonly DomainRefusal Withdrawn = new("application.withdrawn", null, "Cette candidature a été retirée.");

    public static readonly DomainRefusal OwnApplicationScored = new("application.own-application-scored", null, "Vous ne pouvez pas noter votre propre candidature.");

    public static readonly DomainRefusal ScoringBeforeClosing = new("application.scoring-before-closing", null, "Les candidatures se notent une fois l'appel clos ; il est « {0} ».");

    public static readonly DomainRefusal ScoringNotSubmitted = new("application.scoring-not-submitted", null, "Seule une candidature déposée se note.");
}
