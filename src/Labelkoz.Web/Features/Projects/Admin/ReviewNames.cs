using System.Globalization;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Projects;

namespace Labelkoz.Web.Features.Projects.Admin;

/// <summary>
/// The French names of review decisions and their states. They are
/// translation keys: views show them through the localizer (<c>L[…]</c>).
/// </summary>
public static class ReviewNames
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Kind(DecisionKind kind) => kind switch
    {
        DecisionKind.Label => "Labellisation",
        DecisionKind.Decline => "Refus",
    };

    public static string State(DecisionState state) => state switch
    {
        DecisionState.Proposed => "En attente de confirmation",
        DecisionState.Confirmed => "Confirmée",
        DecisionState.Rejected => "Écartée",
        DecisionState.Superseded => "Remplacée",
    };

    /// <summary>
    /// A decision as the audit log keeps it: plain French text, whatever the language of the
    /// person who acted (the log is a record, not an interface).
    /// </summary>
    public static string ForAudit(ProjectDecision decision, IReadOnlyDictionary<long, string> names)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(names);
        if (decision.Kind == DecisionKind.Decline)
        {
            return "Motif public : " + decision.PublicReason;
        }

        var lines = decision.Commitments.OrderBy(c => c.Position).Select(c => "Engagement : " + Describe(c, names)).ToList();
        lines.Add("Fin de validité : " + (decision.ValidUntil is { } until ? until.ToString("d", French) : "aucune"));
        if (!string.IsNullOrEmpty(decision.Conditions))
        {
            lines.Add("Conditions : " + decision.Conditions);
        }

        return string.Join('\n', lines);
    }

    private static string Describe(Commitment commitment, IReadOnlyDictionary<long, string> names)
    {
        var text = $"{ProjectLabels.Commitment(commitment.Kind)} — {commitment.Description}";
        if (commitment.Kind == CommitmentKind.Expertise && commitment.ReferentUserId is { } referent)
        {
            text += " (référent : " + (names.TryGetValue(referent, out var name) ? name : "#" + referent.ToString(CultureInfo.InvariantCulture)) + ")";
        }

        if (commitment.Matchfunding is { } match)
        {
            text += $" (abondement de {match.RatioPercent.ToString(French)} % des dons, plafond {MoneyInput.Format(match.CapCents, French)})";
        }
        else if (commitment.CoFinancing == CoFinancingMode.Grant && commitment.GrantCents is { } grant)
        {
            text += $" (subvention de {MoneyInput.Format(grant, French)})";
        }
        else if (commitment.EstimatedValueCents is { } value)
        {
            text += $" (valeur estimée {MoneyInput.Format(value, French)})";
        }

        return text;
    }
}
