using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Funding.Ledger;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Funding.Admin;

/// <summary>The French names of the funding states and movements, for the back office and its exports.</summary>
public static class FundingAdminNames
{
    /// <summary>The campaign statuses the list filters by, with their value in the address (<c>?statut=en-cours</c>).</summary>
    public static readonly IReadOnlyList<(CampaignStatus Status, string Key)> StatusKeys =
    [
        (CampaignStatus.Draft, "en-preparation"),
        (CampaignStatus.Live, "en-cours"),
        (CampaignStatus.Paused, "suspendue"),
        (CampaignStatus.Settling, "en-reglement"),
        (CampaignStatus.Funded, "financee"),
        (CampaignStatus.NotFunded, "non-financee"),
    ];

    public static string Status(IStringLocalizer l, CampaignStatus status)
    {
        ArgumentNullException.ThrowIfNull(l);
        return status switch
        {
            CampaignStatus.Draft => l["En préparation"],
            CampaignStatus.Live => l["En cours"],
            CampaignStatus.Paused => l["Suspendue"],
            CampaignStatus.Settling => l["En cours de règlement"],
            CampaignStatus.Funded => l["Financée"],
            CampaignStatus.NotFunded => l["Non financée"],
        };
    }

    /// <summary>A campaign status as the audit log records it (always in French).</summary>
    public static string Recorded(CampaignStatus status) => status switch
    {
        CampaignStatus.Draft => "En préparation",
        CampaignStatus.Live => "En cours",
        CampaignStatus.Paused => "Suspendue",
        CampaignStatus.Settling => "En cours de règlement",
        CampaignStatus.Funded => "Financée",
        CampaignStatus.NotFunded => "Non financée",
    };

    public static string ContributionStatus(IStringLocalizer l, ContributionStatus status)
    {
        ArgumentNullException.ThrowIfNull(l);
        return status switch
        {
            Domain.Funding.ContributionStatus.Pending => l["En attente de paiement"],
            Domain.Funding.ContributionStatus.Succeeded => l["Réussie"],
            Domain.Funding.ContributionStatus.Failed => l["Échouée"],
            Domain.Funding.ContributionStatus.Refunded => l["Remboursée"],
        };
    }

    public static string Method(IStringLocalizer l, PaymentProvider provider, PaymentMethod method)
    {
        ArgumentNullException.ThrowIfNull(l);
        return (provider, method) switch
        {
            (_, PaymentMethod.Cheque) => l["Chèque"],
            (_, PaymentMethod.Transfer) => l["Virement"],
            (PaymentProvider.Stripe, _) => l["Carte bancaire (Stripe)"],
            (PaymentProvider.Sandbox, _) => l["Carte bancaire (mode test)"],
            _ => l["Carte bancaire"],
        };
    }

    public static string Mode(IStringLocalizer l, CampaignMode mode)
    {
        ArgumentNullException.ThrowIfNull(l);
        return mode switch
        {
            CampaignMode.AllOrNothing => l["Tout ou rien"],
            CampaignMode.KeepItAll => l["Tout est gardé"],
        };
    }

    public static string PayoutStatus(IStringLocalizer l, PayoutStatus status)
    {
        ArgumentNullException.ThrowIfNull(l);
        return status switch
        {
            Domain.Funding.PayoutStatus.Due => l["À verser"],
            Domain.Funding.PayoutStatus.Sent => l["Versé"],
            Domain.Funding.PayoutStatus.Cancelled => l["Annulé (tout remboursé)"],
            Domain.Funding.PayoutStatus.Transferring => l["Virement Stripe en cours"],
        };
    }

    public static string Movement(IStringLocalizer l, LedgerTransactionKind kind)
    {
        ArgumentNullException.ThrowIfNull(l);
        return kind switch
        {
            LedgerTransactionKind.Contribution => l["Contribution encaissée"],
            LedgerTransactionKind.Matchfunding => l["Abondement de la ville"],
            LedgerTransactionKind.Refund => l["Remboursement"],
            LedgerTransactionKind.MatchfundingReturned => l["Abondement rendu à la ville"],
            LedgerTransactionKind.PlatformFee => l["Commission de la plateforme"],
            LedgerTransactionKind.PayoutDue => l["Somme due au bénéficiaire"],
            LedgerTransactionKind.PayoutSent => l["Versement effectué"],
            LedgerTransactionKind.Reversal => l["Écriture de correction"],
            LedgerTransactionKind.RefundAfterSettlement => l["Remboursement après la fin de la campagne"],
            LedgerTransactionKind.DisputeOpened => l["Paiement contesté : somme retenue par le processeur"],
            LedgerTransactionKind.DisputeWon => l["Contestation gagnée : somme rendue"],
            LedgerTransactionKind.PayeeRepaid => l["Somme rendue par le bénéficiaire"],
            LedgerTransactionKind.TransferReversed => l["Somme reprise par Stripe sur le compte du bénéficiaire"],
        };
    }

    /// <summary>The payee of a payout: the holder, or the city's public accountant for its own project.</summary>
    public static string Payee(IStringLocalizer l, bool toPublicAccountant, string? holderName, string cityName)
    {
        ArgumentNullException.ThrowIfNull(l);
        return toPublicAccountant ? l["Comptable public de la Ville de {0}", cityName] : holderName ?? "—";
    }
}

/// <summary>
/// The city's money as the ledger has it, from sums of ledger lines grouped by account and by
/// movement: what was raised (contributions less refunds), matched, taken in fees, owed and paid
/// out. Every figure of the back office comes from here or from <c>FundingTotals</c>.
/// </summary>
public sealed record LedgerFigures(long RaisedCents, long MatchedCents, long FeesCents, long PayoutsDueCents, long PayoutsSentCents, long EscrowCents)
{
    public static LedgerFigures From(IEnumerable<LedgerSum> sums)
    {
        ArgumentNullException.ThrowIfNull(sums);
        var list = sums.ToList();
        long Sum(LedgerAccountKind account, params LedgerTransactionKind[] kinds) =>
            list.Where(s => s.Account == account && (kinds.Length == 0 || kinds.Contains(s.Kind))).Sum(s => s.Cents);
        return new LedgerFigures(
            Sum(LedgerAccountKind.CampaignEscrow, LedgerTransactionKind.Contribution, LedgerTransactionKind.Refund),
            Sum(LedgerAccountKind.CampaignEscrow, LedgerTransactionKind.Matchfunding, LedgerTransactionKind.MatchfundingReturned),
            Sum(LedgerAccountKind.PlatformFees),
            Sum(LedgerAccountKind.PayeePayable),
            Sum(LedgerAccountKind.PayoutsSent),
            Sum(LedgerAccountKind.CampaignEscrow));
    }
}

/// <summary>The sum of a city's ledger lines on one kind of account for one kind of movement.</summary>
public sealed record LedgerSum(LedgerAccountKind Account, LedgerTransactionKind Kind, long Cents);
