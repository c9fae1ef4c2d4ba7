using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Audit;

/// <summary>The families of audit actions the journal filters by.</summary>
public enum AuditGroup
{
    Projects,
    Decisions,
    Comments,
    Team,
    Settings,
    Platform,
    Calls,
    Funding,
}

/// <summary>
/// The names of the audit log's actions and objects, for the journal and its export. Exhaustive
/// switches: a new action breaks the build here until it has a name and a family.
/// </summary>
public static class AuditNames
{
    public static readonly IReadOnlyList<AuditGroup> Groups = Enum.GetValues<AuditGroup>();

    public static string Action(IStringLocalizer l, AuditAction action)
    {
        ArgumentNullException.ThrowIfNull(l);
        return action switch
        {
            AuditAction.ProjectPublished => l["Projet publié"],
            AuditAction.ProjectHidden => l["Projet masqué"],
            AuditAction.ProjectRestored => l["Projet rétabli"],
            AuditAction.ProjectTakenIntoReview => l["Projet pris en charge"],
            AuditAction.ProjectAssigned => l["Projet attribué"],
            AuditAction.ProjectChangesRequested => l["Modifications demandées au porteur"],
            AuditAction.ProjectMessageSent => l["Message envoyé au porteur"],
            AuditAction.ProjectNoteAdded => l["Note interne ajoutée"],
            AuditAction.DecisionProposed => l["Décision proposée"],
            AuditAction.ProposalRejected => l["Proposition de décision rejetée"],
            AuditAction.ProjectLabelled => l["Projet labellisé"],
            AuditAction.ProjectDeclined => l["Projet non retenu"],
            AuditAction.LabelRevoked => l["Label retiré"],
            AuditAction.CommentHidden => l["Commentaire masqué"],
            AuditAction.CommentRestored => l["Commentaire rétabli"],
            AuditAction.CommentApproved => l["Commentaire approuvé"],
            AuditAction.StaffInvited => l["Invitation envoyée"],
            AuditAction.InvitationResent => l["Invitation renvoyée"],
            AuditAction.InvitationCancelled => l["Invitation annulée"],
            AuditAction.StaffRemoved => l["Membre retiré de l'équipe"],
            AuditAction.PresentationChanged => l["Présentation modifiée"],
            AuditAction.BrandColourChanged => l["Couleur de la ville modifiée"],
            AuditAction.LogoChanged => l["Logo remplacé"],
            AuditAction.NeighbourhoodAdded => l["Quartier ajouté"],
            AuditAction.NeighbourhoodRemoved => l["Quartier retiré"],
            AuditAction.SettingsChanged => l["Paramètres modifiés"],
            AuditAction.CityCreated => l["Collectivité créée"],
            AuditAction.SubscriptionStatusChanged => l["Statut d'abonnement modifié"],
            AuditAction.CallCreated => l["Appel à projets créé"],
            AuditAction.CallEdited => l["Appel à projets modifié"],
            AuditAction.CallPublished => l["Appel à projets publié"],
            AuditAction.CallCancelled => l["Appel à projets annulé"],
            AuditAction.ApplicationScored => l["Candidature notée"],
            AuditAction.ConflictOfInterestDeclared => l["Conflit d'intérêts déclaré"],
            AuditAction.ApplicationShortlisted => l["Présélection modifiée"],
            AuditAction.CallWinnersSelected => l["Lauréats choisis"],
            AuditAction.ApplicationSubmitted => l["Candidature déposée"],
            AuditAction.ApplicationWithdrawn => l["Candidature retirée"],
            AuditAction.CampaignPaused => l["Campagne suspendue"],
            AuditAction.CampaignResumed => l["Campagne reprise"],
            AuditAction.OfflinePaymentRecorded => l["Paiement hors ligne enregistré"],
            AuditAction.PayoutSent => l["Versement effectué"],
            AuditAction.TaxReceiptsAllowed => l["Reçus fiscaux ouverts"],
            AuditAction.TaxReceiptsStopped => l["Reçus fiscaux fermés"],
            AuditAction.TaxReceiptCorrected => l["Reçu fiscal corrigé"],
            AuditAction.SignupApproved => l["Demande d'inscription validée"],
            AuditAction.SubscriptionPlanChanged => l["Changement d'offre programmé"],
            AuditAction.SubscriptionCancelled => l["Résiliation de l'abonnement demandée"],
            AuditAction.SubscriptionResumed => l["Résiliation de l'abonnement annulée"],
            AuditAction.SubscriptionStartedEarly => l["Abonnement commencé avant la fin de l'essai"],
            AuditAction.PaymentEventRetried => l["Notification de paiement relancée"],
            AuditAction.PaymentEventResolved => l["Notification de paiement réglée à la main"],
            AuditAction.TaxReceiptCancelledForRefund => l["Reçu fiscal annulé après un remboursement"],
            AuditAction.ContributionRefundRequested => l["Remboursement d'une contribution demandé par l'opérateur"],
            AuditAction.PayeeRepaid => l["Somme rendue par le bénéficiaire"],
            AuditAction.OfflinePaymentConfirmed => l["Paiement hors ligne confirmé"],
            AuditAction.OfflinePaymentRejected => l["Paiement hors ligne écarté"],
            AuditAction.LegalDetailsChanged => l["Informations légales modifiées"],
        };
    }

    public static AuditGroup Group(AuditAction action) => action switch
    {
        AuditAction.ProjectPublished or AuditAction.ProjectHidden or AuditAction.ProjectRestored or AuditAction.ProjectTakenIntoReview
            or AuditAction.ProjectAssigned or AuditAction.ProjectChangesRequested or AuditAction.ProjectMessageSent
            or AuditAction.ProjectNoteAdded => AuditGroup.Projects,
        AuditAction.DecisionProposed or AuditAction.ProposalRejected or AuditAction.ProjectLabelled or AuditAction.ProjectDeclined
            or AuditAction.LabelRevoked => AuditGroup.Decisions,
        AuditAction.CommentHidden or AuditAction.CommentRestored or AuditAction.CommentApproved => AuditGroup.Comments,
        AuditAction.StaffInvited or AuditAction.InvitationResent or AuditAction.InvitationCancelled or AuditAction.StaffRemoved => AuditGroup.Team,
        AuditAction.PresentationChanged or AuditAction.BrandColourChanged or AuditAction.LogoChanged or AuditAction.NeighbourhoodAdded
            or AuditAction.NeighbourhoodRemoved or AuditAction.SettingsChanged or AuditAction.LegalDetailsChanged => AuditGroup.Settings,
        AuditAction.CityCreated or AuditAction.SubscriptionStatusChanged or AuditAction.SignupApproved or AuditAction.SubscriptionPlanChanged
            or AuditAction.SubscriptionCancelled or AuditAction.SubscriptionResumed or AuditAction.SubscriptionStartedEarly => AuditGroup.Platform,
        AuditAction.CallCreated or AuditAction.CallEdited or AuditAction.CallPublished or AuditAction.CallCancelled or AuditAction.ApplicationScored
            or AuditAction.ConflictOfInterestDeclared or AuditAction.ApplicationShortlisted or AuditAction.CallWinnersSelected
            or AuditAction.ApplicationSubmitted or AuditAction.ApplicationWithdrawn => AuditGroup.Calls,
        AuditAction.CampaignPaused or AuditAction.CampaignResumed or AuditAction.OfflinePaymentRecorded or AuditAction.PayoutSent
            or AuditAction.TaxReceiptsAllowed or AuditAction.TaxReceiptsStopped or AuditAction.TaxReceiptCorrected
            or AuditAction.PaymentEventRetried or AuditAction.PaymentEventResolved or AuditAction.TaxReceiptCancelledForRefund
            or AuditAction.ContributionRefundRequested or AuditAction.PayeeRepaid or AuditAction.OfflinePaymentConfirmed
            or AuditAction.OfflinePaymentRejected => AuditGroup.Funding,
    };

    /// <summary>The actions of a family, in the enum's order.</summary>
    public static IReadOnlyList<AuditAction> ActionsOf(AuditGroup group) =>
        [.. Enum.GetValues<AuditAction>().Where(a => Group(a) == group)];

    /// <summary>The family's value in the journal's address (<c>?action=projets</c>).</summary>
    public static string GroupKey(AuditGroup group) => group switch
    {
        AuditGroup.Projects => "projets",
        AuditGroup.Decisions => "decisions",
        AuditGroup.Comments => "commentaires",
        AuditGroup.Team => "equipe",
        AuditGroup.Settings => "parametres",
        AuditGroup.Platform => "plateforme",
        AuditGroup.Calls => "appels",
        AuditGroup.Funding => "financement",
    };

    public static string GroupName(IStringLocalizer l, AuditGroup group)
    {
        ArgumentNullException.ThrowIfNull(l);
        return group switch
        {
            AuditGroup.Projects => l["Projets"],
            AuditGroup.Decisions => l["Décisions"],
            AuditGroup.Comments => l["Commentaires"],
            AuditGroup.Team => l["Équipe"],
            AuditGroup.Settings => l["Site et paramètres de la ville"],
            AuditGroup.Platform => l["Plateforme et abonnement"],
            AuditGroup.Calls => l["Appels à projets"],
            AuditGroup.Funding => l["Financement participatif"],
        };
    }

    public static string Subject(IStringLocalizer l, AuditSubject subject)
    {
        ArgumentNullException.ThrowIfNull(l);
        return subject switch
        {
            AuditSubject.Project => l["Projet"],
            AuditSubject.Comment => l["Commentaire"],
            AuditSubject.Staff => l["Membre de l'équipe"],
            AuditSubject.Invitation => l["Invitation"],
            AuditSubject.Municipality => l["Collectivité"],
            AuditSubject.Neighbourhood => l["Quartier"],
            AuditSubject.Call => l["Appel à projets"],
            AuditSubject.Application => l["Candidature"],
            AuditSubject.Campaign => l["Campagne"],
            AuditSubject.Contribution => l["Contribution"],
            AuditSubject.Payout => l["Versement"],
            AuditSubject.TaxReceipt => l["Reçu fiscal"],
            AuditSubject.PaymentEvent => l["Notification de paiement"],
        };
    }

    // The log itself is written in French whatever the language of the person acting: the values
    // below are recorded, not shown through the localizer.

    /// <summary>A staff role, as the log records it.</summary>
    public static string Recorded(StaffRole role) => role switch
    {
        StaffRole.Agent => "Agent",
        StaffRole.Admin => "Administrateur",
    };

    /// <summary>A moderation mode, as the log records it.</summary>
    public static string Recorded(ModerationMode mode) => mode switch
    {
        ModerationMode.PreModeration => "avant publication (pré-modération)",
        ModerationMode.PostModeration => "après publication (post-modération)",
    };

    /// <summary>A subscription status, as the log records it.</summary>
    public static string Recorded(SubscriptionStatus status) => status switch
    {
        SubscriptionStatus.Trial => "Période d'essai",
        SubscriptionStatus.Active => "Abonnement actif",
        SubscriptionStatus.PastDue => "Paiement en retard",
        SubscriptionStatus.Suspended => "Suspendue",
        SubscriptionStatus.Cancelled => "Résiliée",
    };

    /// <summary>A comment's state, as the log records it.</summary>
    public static string Recorded(CommentState state) => state switch
    {
        CommentState.Pending => "en attente d'approbation",
        CommentState.Visible => "visible",
        CommentState.HiddenByStaff => "masqué par l'équipe",
        CommentState.DeletedByAuthor => "supprimé par son auteur",
    };

    /// <summary>The start of a text, on one line, for an object's label in the log.</summary>
    public static string Excerpt(string? text, int length = 60)
    {
        var line = string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= length ? line : string.Concat(line.AsSpan(0, length - 1), "…");
    }
}
