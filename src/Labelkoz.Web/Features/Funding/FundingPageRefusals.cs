using Labelkoz.Domain.Common;

namespace Labelkoz.Web.Features.Funding;

/// <summary>
/// Refusals that no rule of the domain makes: what the funding pages and services find in the
/// database (a row gone, another writer first, a processor down) or in the test processor. Written
/// as the domain's catalogues are, so a page places them the same way and TranslationTests finds
/// their sentences.
/// </summary>
public static class FundingPageRefusals
{
    public static readonly DomainRefusal UnknownCampaign = new("funding.unknown-campaign", null, "Cette campagne n'existe pas.");

    public static readonly DomainRefusal CampaignChangedMeanwhile = new("funding.campaign-changed-meanwhile", null, "La campagne a changé entre-temps : vérifiez-la et recommencez.");

    /// <summary>The database's stock check (<c>CK_RewardTiers_Stock</c>) refused a quantity lowered while contributions took units.</summary>
    public static readonly DomainRefusal StockTakenMeanwhile = new("funding.stock-taken-meanwhile", "Quantity", "Des contributions sont arrivées pendant votre modification : la quantité ne peut pas descendre sous le nombre d'exemplaires pris. Vérifiez-la et recommencez.");

    public static readonly DomainRefusal ProviderUnavailable = new("funding.provider-unavailable", null, "Le paiement est momentanément indisponible : renvoyez le formulaire dans un instant.");

    public static readonly DomainRefusal PayeeAccountsUnavailable = new("funding.payee-accounts-unavailable", null, "Stripe ne répond pas pour le moment : réessayez dans un instant.");

    public static readonly DomainRefusal UnknownReceipt = new("funding.unknown-receipt", null, "Ce reçu n'existe pas.");

    public static readonly DomainRefusal ReceiptsClosed = new("funding.receipts-closed", null, "Les reçus fiscaux de ce projet sont fermés : ouvrez-les de nouveau pour corriger un reçu.");

    public static readonly DomainRefusal UnknownTestPayment = new("sandbox.unknown-payment", null, "Ce paiement de test n'existe pas.");

    public static readonly DomainRefusal NotATestCard = new("sandbox.not-a-test-card", null, "Ce numéro n'est pas une carte de test : utilisez 4242 4242 4242 4242 (acceptée), 4000 0000 0000 0002 (refusée) ou 4000 0025 0000 3155 (confirmation demandée).");
}
