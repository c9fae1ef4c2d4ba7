using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Funding;

/// <summary>
/// The rules of a contribution (<see cref="Contribution"/>): the form that starts it (fields as the
/// contribution form and the staff's offline-payment form name them), and its steps.
/// </summary>
public static class ContributionRefusals
{
    public static readonly DomainRefusal OfflineByStaffOnly = new("contribution.offline-by-staff-only", null, "Seule l'équipe de la ville peut enregistrer un paiement hors ligne.");

    public static readonly DomainRefusal OfflineIsChequeOrTransfer = new("contribution.offline-is-cheque-or-transfer", "Method", "Un paiement hors ligne est un chèque ou un virement.");

    public static readonly DomainRefusal OfflineConfirmedByAdmin = new("contribution.offline-confirmed-by-admin", null, "Seul un administrateur de la ville peut confirmer ou écarter un paiement hors ligne.");

    public static readonly DomainRefusal OfflineConfirmedByAnother = new("contribution.offline-confirmed-by-another", null, "Un paiement hors ligne est confirmé par une autre personne que celle qui l'a enregistré : demandez à un autre administrateur.");

    public static readonly DomainRefusal OfflineConfirmedByHolder = new("contribution.offline-confirmed-by-holder", null, "Vous portez ce projet : un autre administrateur confirme les paiements reçus pour sa campagne.");

    public static readonly DomainRefusal OfflineNotAwaiting = new("contribution.offline-not-awaiting", null, "Ce paiement hors ligne n'attend pas de confirmation : il a déjà été confirmé ou écarté.");

    public static readonly DomainRefusal OfflineConfirmTooLate = new("contribution.offline-confirm-too-late", null, "La campagne est clôturée : ce paiement ne peut plus être confirmé. Rendez le chèque ou le virement au donateur.");

    public static readonly DomainRefusal FailedCannotSucceed = new("contribution.failed-cannot-succeed", null, "Ce paiement avait échoué : il ne peut plus réussir.");

    public static readonly DomainRefusal RefundOfUnsucceeded = new("contribution.refund-of-unsucceeded", null, "Seule une contribution réussie peut être remboursée.");

    public static readonly DomainRefusal RefundBeyondStanding = new("contribution.refund-beyond-standing", "Amount", "Un remboursement de {0} dépasse ce qui reste de la contribution ({1}).");

    public static readonly DomainRefusal RefundAmountNotPositive = new("contribution.refund-amount-not-positive", "Amount", "Le montant à rembourser doit être supérieur à zéro.");

    public static readonly DomainRefusal RefundOfOfflineGift = new("contribution.refund-of-offline-gift", "Amount", "Un don par chèque ou par virement est rendu par la ville elle-même, pas par un processeur de paiement.");

    public static readonly DomainRefusal RefundDuringDispute = new("contribution.refund-during-dispute", "Amount", "Ce paiement est contesté auprès de la banque : elle décide, aucun remboursement n'est possible d'ici là.");

    public static readonly DomainRefusal DisputeOfUnsucceeded = new("contribution.dispute-of-unsucceeded", null, "Seule une contribution réussie peut être contestée.");

    public static readonly DomainRefusal DisputeBeyondStanding = new("contribution.dispute-beyond-standing", null, "Une contestation de {0} ne peut pas s'ajouter à une autre ni dépasser ce qui reste de la contribution ({1}).");

    public static readonly DomainRefusal DonorIdentityOfUnconfirmedGift = new("contribution.donor-identity-of-unconfirmed-gift", null, "Seul un don confirmé, et non remboursé, donne droit à un reçu fiscal.");

    public static readonly DomainRefusal LimitedRewardAlreadyHeld = new("contribution.limited-reward-already-held", "TierId", "Vous avez déjà une contribution en attente de paiement pour cette contrepartie : terminez-la (ou attendez qu'elle expire) avant d'en commencer une autre.");

    public static readonly DomainRefusal FormReusedForAnotherGift = new("contribution.form-reused-for-another-gift", null, "Ce formulaire a déjà servi pour une contribution d'un autre montant ou avec une autre contrepartie : rechargez la page pour en faire une nouvelle.");

    public static readonly DomainRefusal FormExpired = new("contribution.form-expired", null, "Le formulaire a expiré : rechargez la page et recommencez.");
}
