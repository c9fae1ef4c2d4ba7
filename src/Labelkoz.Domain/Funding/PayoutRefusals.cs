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

    public static readonly DomainRefusal AlreadySent = new("payout.already-sent", null, "Ce versement est déjà effectué.");
}
