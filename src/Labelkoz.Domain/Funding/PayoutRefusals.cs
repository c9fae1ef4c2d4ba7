using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Funding;

/// <summary>The rules of what a funded campaign owes its payee (<see cref="Payout"/>).</summary>
public static class PayoutRefusals
{
    public static readonly DomainRefusal AmountNotPositive = new("payout.amount-not-positive", null, "Un versement porte sur un montant positif.");

    public static readonly DomainRefusal CampaignNotFunded = new("payout.campaign-not-funded", null, "Seule une campagne financée donne lieu à un versement.");

    public static readonly DomainRefusal NotDue = new("payout.not-due", null, "Ce versement n'est plus à faire : il a été annulé par des remboursements.");

    public static readonly DomainRefusal ReductionBeyondAmount = new("payout.reduction-beyond-amount", null, "Un remboursement ne peut pas retirer d'un versement plus que son montant.");

    public static readonly DomainRefusal NothingOwed = new("payout.nothing-owed", null, "Le bénéficiaire ne doit rien à la plateforme.");

    public static readonly DomainRefusal RepaymentBeyondDebt = new("payout.repayment-beyond-debt", "Amount", "Le montant reçu doit être positif et au plus égal à ce que doit le bénéficiaire ({0}).");

    public static readonly DomainRefusal PaidByTransfer = new("payout.paid-by-transfer", null, "Ce versement est fait par Stripe sur le compte du porteur : il ne se fait pas à la main.");

    public static readonly DomainRefusal PublicAccountantByHand = new("payout.public-accountant-by-hand", null, "Le comptable public est payé par virement au Trésor, jamais sur un compte Stripe.");

    public static readonly DomainRefusal AlreadySent = new("payout.already-sent", null, "Ce versement est déjà effectué.");
}
