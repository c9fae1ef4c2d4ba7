using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Projects;

/// <summary>
/// The rules of a citizen project: its content (fields as the holder's form names them), its
/// lifecycle, its review and decisions (fields as the back office's forms name them), and its tax
/// receipts.
/// </summary>
public static class ProjectRefusals
{
    public static readonly DomainRefusal UnknownCategory = new("project.unknown-category", "Category", "Cette catégorie n'existe pas.");

    public static readonly DomainRefusal NeighbourhoodOfAnotherCity = new("project.neighbourhood-of-another-city", "NeighbourhoodId", "Ce quartier n'appartient pas à cette ville.");

    public static readonly DomainRefusal CoordinatesIncomplete = new("project.coordinates-incomplete", null, "Indiquez à la fois la latitude et la longitude, ou aucune des deux.");

    public static readonly DomainRefusal LatitudeOutOfRange = new("project.latitude-out-of-range", "Latitude", "La latitude doit être comprise entre -90 et 90.");

    public static readonly DomainRefusal LongitudeOutOfRange = new("project.longitude-out-of-range", "Longitude", "La longitude doit être comprise entre -180 et 180.");

    public static readonly DomainRefusal HolderCannotBeCity = new("project.holder-cannot-be-city", "HolderType", "Seule la ville peut porter un projet en son nom.");

    public static readonly DomainRefusal UnknownHolderType = new("project.unknown-holder-type", "HolderType", "Ce type de porteur n'existe pas.");

    public static readonly DomainRefusal BudgetLineNotPositive = new("project.budget-line-not-positive", "Lines", "Le montant du poste « {0} » doit être positif.");

    public static readonly DomainRefusal BudgetLineTooLarge = new("project.budget-line-too-large", "Lines", "Le montant du poste « {0} » dépasse 10 000 000 € : vérifiez la saisie.");

    public static readonly DomainRefusal TooManyBudgetLines = new("project.too-many-budget-lines", "Lines", "Un budget ne peut pas compter plus de {0} postes.");

    public static readonly DomainRefusal UnknownSupportKind = new("project.unknown-support-kind", "Supports", "Ce type de soutien n'existe pas.");

    public static readonly DomainRefusal SupportAskedTwice = new("project.support-asked-twice", "Supports", "Chaque type de soutien ne peut être demandé qu'une fois.");

    public static readonly DomainRefusal TooManyImages = new("project.too-many-images", null, "Un projet ne peut pas avoir plus de {0} images.");

    public static readonly DomainRefusal UnknownImage = new("project.unknown-image", null, "Cette image n'existe pas.");

    public static readonly DomainRefusal IncompleteForSubmission = new("project.incomplete-for-submission", null, "Avant de déposer le projet, ajoutez : {0}.");

    public static readonly DomainRefusal DraftCannotBePublished = new("project.draft-cannot-be-published", null, "Un brouillon ne peut pas être publié.");

    public static readonly DomainRefusal AlreadyPublished = new("project.already-published", null, "Ce projet est déjà publié.");

    public static readonly DomainRefusal NotAssignableInStatus = new("project.not-assignable-in-status", null, "Le suivi d'un projet ne peut plus être attribué dans l'état « {0} ».");

    public static readonly DomainRefusal OwnProjectDecided = new("project.own-project-decided", null, "Vous portez ce projet : un autre membre de l'équipe de la ville doit décider de son label.");

    public static readonly DomainRefusal OwnProjectAssigned = new("project.own-project-assigned", "AssigneeId", "Le porteur de ce projet ne peut pas en suivre l'examen : confiez-le à un autre membre de l'équipe.");

    public static readonly DomainRefusal AlreadyAssignedSo = new("project.already-assigned-so", "AssigneeId", "Le suivi de ce projet est déjà attribué ainsi.");

    public static readonly DomainRefusal DraftNotYetSubmitted = new("project.draft-not-yet-submitted", null, "Un brouillon n'est pas encore soumis à la ville.");

    public static readonly DomainRefusal LabelValidityInThePast = new("project.label-validity-in-the-past", "ValidUntil", "La fin de validité du label doit être une date à venir.");

    public static readonly DomainRefusal NoLabelToRevoke = new("project.no-label-to-revoke", null, "Ce projet n'a pas de label à retirer.");

    public static readonly DomainRefusal AssociationReceiptsInCommuneName = new("project.association-receipts-in-commune-name", "Quality", "Le projet d'une association ne peut pas donner de reçu au nom de la commune.");

    public static readonly DomainRefusal CityReceiptsNotInCommuneName = new("project.city-receipts-not-in-commune-name", "Quality", "Le projet de la ville donne des reçus au nom de la commune.");

    public static readonly DomainRefusal HolderGivesNoReceipts = new("project.holder-gives-no-receipts", null, "Seuls les dons à une association d'intérêt général ou à la ville ouvrent droit à un reçu fiscal.");

    public static readonly DomainRefusal ReceiptsNotOpen = new("project.receipts-not-open", null, "Ce projet ne délivre pas de reçu fiscal.");

    public static readonly DomainRefusal WithdrawalAfterFunding = new("project.withdrawal-after-funding", null, "Un projet en financement ou financé ne peut plus être retiré : contactez la ville.");

    public static readonly DomainRefusal AlreadyHidden = new("project.already-hidden", null, "Ce projet est déjà masqué.");

    public static readonly DomainRefusal NotHidden = new("project.not-hidden", null, "Ce projet n'est pas masqué.");

    public static readonly DomainRefusal OfAnotherCity = new("project.of-another-city", null, "Ce projet n'appartient pas à cette ville.");

    public static readonly DomainRefusal StaffOnly = new("project.staff-only", null, "Seule l'équipe de la ville peut faire cette action.");

    public static readonly DomainRefusal AssigneeNotStaff = new("project.assignee-not-staff", "AssigneeId", "La personne désignée doit faire partie de l'équipe de la ville.");

    public static readonly DomainRefusal NotInReview = new("project.not-in-review", null, "Une décision se prend sur un projet à l'étude ; celui-ci est dans l'état « {0} ».");

    public static readonly DomainRefusal ProposalNoLongerPending = new("project.proposal-no-longer-pending", null, "Cette proposition n'attend plus de confirmation : elle a déjà été traitée ou remplacée.");

    public static readonly DomainRefusal UnknownDecisionKind = new("project.unknown-decision-kind", null, "Ce type de décision n'existe pas.");

    public static readonly DomainRefusal ExchangesClosed = new("project.exchanges-closed", null, "Les échanges sur ce projet sont clos dans l'état « {0} ».");

    public static readonly DomainRefusal HolderOnly = new("project.holder-only", null, "Seul le porteur du projet peut faire cette action.");

    public static readonly DomainRefusal NotEditableInStatus = new("project.not-editable-in-status", null, "Le projet ne peut plus être modifié dans l'état « {0} ».");

    public static readonly DomainRefusal ConfirmProposalAdminOnly = new("project.confirm-proposal-admin-only", null, "Seul un administrateur de la ville peut confirmer une décision sur un projet.");

    public static readonly DomainRefusal RejectProposalAdminOnly = new("project.reject-proposal-admin-only", null, "Seul un administrateur de la ville peut écarter une proposition de décision.");

    public static readonly DomainRefusal RevokeLabelAdminOnly = new("project.revoke-label-admin-only", null, "Seul un administrateur de la ville peut retirer le label d'un projet.");

    public static readonly DomainRefusal OpenReceiptsAdminOnly = new("project.open-receipts-admin-only", null, "Seul un administrateur de la ville peut ouvrir les reçus fiscaux d'un projet.");

    public static readonly DomainRefusal CloseReceiptsAdminOnly = new("project.close-receipts-admin-only", null, "Seul un administrateur de la ville peut fermer les reçus fiscaux d'un projet.");

    public static readonly DomainRefusal ImpossibleMove = new("project.impossible-move", null, "Impossible de passer le projet de l'état « {0} » à l'état « {1} ».");

    public static readonly DomainRefusal NoLongerSupportable = new("project.no-longer-supportable", null, "Ce projet ne peut plus recevoir de soutien.");

    public static readonly DomainRefusal NotPublic = new("project.not-public", null, "Ce projet n'est pas public.");
}
