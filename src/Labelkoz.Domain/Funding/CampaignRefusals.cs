using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Funding;

/// <summary>
/// The rules of a crowdfunding campaign and its reward tiers (<see cref="Campaign"/>,
/// <see cref="RewardTier"/>). Fields are named as the holder's campaign form names them: the terms
/// (<c>Goal</c>, <c>EndDate</c>, <c>Mode</c>, <c>Minimum</c>) and a tier's (<c>Title</c>,
/// <c>Minimum</c>, <c>Value</c>, <c>Quantity</c>…); a contribution's amount is <c>Amount</c>.
/// </summary>
public static class CampaignRefusals
{
    public static readonly DomainRefusal PreparedByHolderOnly = new("campaign.prepared-by-holder-only", null, "Seul le porteur du projet peut préparer sa campagne de financement.");

    public static readonly DomainRefusal LabelNoLongerValid = new("campaign.label-no-longer-valid", null, "Le label de ce projet n'est plus valide : il ne peut pas être financé.");

    public static readonly DomainRefusal LabelRequired = new("campaign.label-required", null, "La ville finance seulement les projets labellisés : ce projet doit d'abord recevoir son label.");

    public static readonly DomainRefusal ProjectNotPublished = new("campaign.project-not-published", null, "Seul un projet publié peut être financé.");

    public static readonly DomainRefusal TermsFrozen = new("campaign.terms-frozen", null, "L'objectif, la date de fin et le mode sont figés depuis le lancement de la campagne.");

    public static readonly DomainRefusal GoalOutOfRange = new("campaign.goal-out-of-range", "Goal", "L'objectif doit être compris entre {0} et {1}.");

    public static readonly DomainRefusal UnknownMode = new("campaign.unknown-mode", "Mode", "Choisissez le mode de la campagne : tout ou rien, ou tout est gardé.");

    public static readonly DomainRefusal MinimumOutOfRange = new("campaign.minimum-out-of-range", "Minimum", "La contribution minimale doit être comprise entre {0} et l'objectif.");

    public static readonly DomainRefusal EndsTooSoon = new("campaign.ends-too-soon", "EndDate", "La campagne doit durer au moins jusqu'à demain.");

    public static readonly DomainRefusal LastsTooLong = new("campaign.lasts-too-long", "EndDate", "Une campagne dure au plus {0} jours.");

    public static readonly DomainRefusal TooManyTiers = new("campaign.too-many-tiers", null, "Une campagne compte au plus {0} contreparties.");

    public static readonly DomainRefusal EndedNoNewTier = new("campaign.ended-no-new-tier", null, "On ne peut plus ajouter de contrepartie à une campagne terminée.");

    public static readonly DomainRefusal EndedTiersFrozen = new("campaign.ended-tiers-frozen", null, "On ne peut plus modifier les contreparties d'une campagne terminée.");

    public static readonly DomainRefusal LiveTierOnlyQuantityChanges = new("campaign.live-tier-only-quantity-changes", null, "Une fois la campagne lancée, seule la quantité d'une contrepartie peut changer.");

    public static readonly DomainRefusal LiveTierNotRemovable = new("campaign.live-tier-not-removable", null, "Une contrepartie ne peut plus être retirée après le lancement : ses contributeurs y comptent.");

    public static readonly DomainRefusal AlreadyLaunched = new("campaign.already-launched", null, "Cette campagne est déjà lancée.");

    public static readonly DomainRefusal IncompleteForLaunch = new("campaign.incomplete-for-launch", null, "Avant de lancer la campagne, indiquez : {0}.");

    public static readonly DomainRefusal FeeOutOfRange = new("campaign.fee-out-of-range", null, "La commission de la plateforme doit être comprise entre 0 et 50 %.");

    public static readonly DomainRefusal PauseByAdminOnly = new("campaign.pause-by-admin-only", null, "Seul un administrateur de la ville peut suspendre une campagne.");

    public static readonly DomainRefusal ResumeByAdminOnly = new("campaign.resume-by-admin-only", null, "Seul un administrateur de la ville peut reprendre une campagne.");

    public static readonly DomainRefusal NotLiveToPause = new("campaign.not-live-to-pause", null, "Seule une campagne en cours peut être suspendue.");

    public static readonly DomainRefusal NotPausedToResume = new("campaign.not-paused-to-resume", null, "Seule une campagne suspendue et pas encore terminée peut reprendre.");

    public static readonly DomainRefusal NotYetLaunched = new("campaign.not-yet-launched", null, "Cette campagne n'est pas encore lancée.");

    public static readonly DomainRefusal PausedByCity = new("campaign.paused-by-city", null, "Cette campagne est suspendue par la ville : les contributions reprendront quand elle sera relancée.");

    public static readonly DomainRefusal Ended = new("campaign.ended", null, "Cette campagne est terminée : elle ne prend plus de contributions.");

    public static readonly DomainRefusal ContributionBelowMinimum = new("campaign.contribution-below-minimum", "Amount", "La contribution minimale est de {0}.");

    public static readonly DomainRefusal ContributionAboveMaximum = new("campaign.contribution-above-maximum", "Amount", "Une contribution ne peut pas dépasser {0}.");

    public static readonly DomainRefusal TierOfAnotherCampaign = new("campaign.tier-of-another-campaign", "TierId", "Cette contrepartie n'appartient pas à cette campagne.");

    public static readonly DomainRefusal ContributionBelowTierMinimum = new("campaign.contribution-below-tier-minimum", "Amount", "La contrepartie « {0} » demande au moins {1}.");

    public static readonly DomainRefusal NotDueForSettlement = new("campaign.not-due-for-settlement", null, "Seule une campagne arrivée à sa date de fin peut être soldée.");

    public static readonly DomainRefusal NotSettling = new("campaign.not-settling", null, "Cette campagne n'est pas en cours de règlement.");

    public static readonly DomainRefusal UnknownTier = new("campaign.unknown-tier", "TierId", "Cette contrepartie n'existe pas dans cette campagne.");

    public static readonly DomainRefusal ChangedByHolderOnly = new("campaign.changed-by-holder-only", null, "Seul le porteur du projet peut modifier sa campagne.");

    public static readonly DomainRefusal TierMinimumOutOfRange = new("tier.minimum-out-of-range", "Minimum", "Le montant minimal d'une contrepartie doit être compris entre {0} et {1}.");

    public static readonly DomainRefusal TierValueOutOfRange = new("tier.value-out-of-range", "Value", "La valeur d'une contrepartie est comprise entre zéro et son montant minimal.");

    public static readonly DomainRefusal TierQuantityOutOfRange = new("tier.quantity-out-of-range", "Quantity", "La quantité d'une contrepartie est comprise entre 1 et {0}, ou laissée vide si elle est illimitée.");

    public static readonly DomainRefusal TierQuantityBelowTaken = new("tier.quantity-below-taken", "Quantity", "{0} exemplaires de « {1} » sont déjà pris : la quantité ne peut pas descendre en dessous.");

    public static readonly DomainRefusal TierSoldOut = new("tier.sold-out", "TierId", "La contrepartie « {0} » est épuisée.");
}
