using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Labels;

/// <summary>
/// The rules of the city's commitments, on a label or on a call's offer (<see cref="Commitment"/>).
/// A commitment's fields are named relative to its row of the back office's editor
/// (<c>Description</c>, <c>Grant</c>, <c>Ratio</c>…): the page puts them under the row it checked,
/// e.g. <c>Input.Commitments[2].Grant</c>. Rules about the list as a whole have no field.
/// </summary>
public static class CommitmentRefusals
{
    public static readonly DomainRefusal MatchRatioNotPositive = new("commitment.match-ratio-not-positive", "Ratio", "Le taux d'abondement doit être supérieur à zéro.");

    public static readonly DomainRefusal MatchRatioTooHigh = new("commitment.match-ratio-too-high", "Ratio", "Le taux d'abondement ne peut pas dépasser {0} %.");

    public static readonly DomainRefusal MatchCapNotPositive = new("commitment.match-cap-not-positive", "Cap", "Le plafond de l'abondement doit être supérieur à zéro.");

    public static readonly DomainRefusal MatchCapTooLarge = new("commitment.match-cap-too-large", "Cap", "Le plafond de l'abondement dépasse 10 000 000 € : vérifiez la saisie.");

    public static readonly DomainRefusal NoCommitment = new("commitment.none", null, "Un label engage la ville : ajoutez au moins un engagement.");

    public static readonly DomainRefusal TooManyCommitments = new("commitment.too-many", null, "Un label ne peut pas compter plus de {0} engagements.");

    public static readonly DomainRefusal SecondCoFinancing = new("commitment.second-co-financing", null, "Un label ne peut porter qu'un seul cofinancement.");

    public static readonly DomainRefusal UnknownKind = new("commitment.unknown-kind", "Kind", "Ce type d'engagement n'existe pas.");

    public static readonly DomainRefusal EstimatedValueNegative = new("commitment.estimated-value-negative", "EstimatedValue", "La valeur estimée ne peut pas être négative.");

    public static readonly DomainRefusal EstimatedValueTooLarge = new("commitment.estimated-value-too-large", "EstimatedValue", "La valeur estimée dépasse 10 000 000 € : vérifiez la saisie.");

    public static readonly DomainRefusal ReferentMissing = new("commitment.referent-missing", "ReferentUserId", "Désignez l'agent référent qui suivra le projet.");

    public static readonly DomainRefusal ReferentNotStaff = new("commitment.referent-not-staff", "ReferentUserId", "L'agent référent doit faire partie de l'équipe de la ville.");

    public static readonly DomainRefusal GrantMissing = new("commitment.grant-missing", "Grant", "Indiquez le montant de la subvention.");

    public static readonly DomainRefusal GrantNegative = new("commitment.grant-negative", "Grant", "Le montant de la subvention ne peut pas être négatif.");

    public static readonly DomainRefusal GrantTooLarge = new("commitment.grant-too-large", "Grant", "Le montant de la subvention dépasse 10 000 000 € : vérifiez la saisie.");

    public static readonly DomainRefusal CoFinancingModeMissing = new("commitment.co-financing-mode-missing", "CoFinancing", "Précisez le cofinancement : subvention fixe ou abondement des dons.");

    public static readonly DomainRefusal UnknownCoFinancingMode = new("commitment.unknown-co-financing-mode", "CoFinancing", "Ce mode de cofinancement n'existe pas.");
}
