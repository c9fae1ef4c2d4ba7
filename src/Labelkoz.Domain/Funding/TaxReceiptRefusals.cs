using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Funding;

/// <summary>
/// The rules of tax receipts (<see cref="TaxReceipt"/>) and of who issues them
/// (<see cref="ReceiptIssuer"/>: fields as the back office's receipts form names them).
/// </summary>
public static class TaxReceiptRefusals
{
    public static readonly DomainRefusal UnknownQuality = new("receipt.unknown-quality", "Quality", "Choisissez la qualité de l'organisme bénéficiaire.");

    public static readonly DomainRefusal CommuneIdentifiedBySiren = new("receipt.commune-identified-by-siren", "Identifier", "Une commune s'identifie par son numéro SIREN.");

    public static readonly DomainRefusal NoReceiptsFromHolder = new("receipt.no-receipts-from-holder", null, TaxReceipt.NoReceiptsFromHolder);

    public static readonly DomainRefusal GiftNotConfirmed = new("receipt.gift-not-confirmed", null, "Seul un don confirmé, et non remboursé, donne droit à un reçu fiscal.");

    public static readonly DomainRefusal CampaignNotFunded = new("receipt.campaign-not-funded", null, "Le reçu fiscal sera disponible quand la campagne aura été financée.");

    public static readonly DomainRefusal RewardBreaksDisinterest = new("receipt.reward-breaks-disinterest", null, "La contrepartie choisie vaut {0} : au-delà du quart du don ou de {1}, le don n'ouvre pas droit à un reçu fiscal.");

    public static readonly DomainRefusal DonorIdentityMissing = new("receipt.donor-identity-missing", null, "Le nom et l'adresse du donateur sont nécessaires pour établir un reçu fiscal.");

    public static readonly DomainRefusal CancelByAdminOnly = new("receipt.cancel-by-admin-only", null, "Seul un administrateur de la ville peut annuler un reçu fiscal.");

    public static readonly DomainRefusal AlreadyCancelled = new("receipt.already-cancelled", null, "Ce reçu a déjà été annulé.");
}
