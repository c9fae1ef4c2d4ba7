using Labelkoz.Domain.Common;

namespace Labelkoz.Domain.Projects;

/// <summary>
/// The moves of DESIGN §3 as data, so the state machine can be read (and tested) in one place:
/// <code>
/// Draft ─submit→ Submitted ─take→ InReview ─label→ Labelled ─launch→ Funding → Funded → InProgress → Completed
///                    ▲                │  └─decline→ Declined                     └→ NotFunded
///                    └─resubmit─ ChangesRequested ◀┘
/// Submitted ─launch→ Funding, when the city funds projects without a label (checked by the campaign)
/// Labelled ─revoke (admin, public reason)→ LabelRevoked
/// any non-final state ─withdraw (holder)→ Withdrawn
/// </code>
/// </summary>
public static class ProjectLifecycle
{
    private static readonly Dictionary<ProjectStatus, ProjectStatus[]> Moves = new()
    {
        [ProjectStatus.Draft] = [ProjectStatus.Submitted, ProjectStatus.Withdrawn],
        [ProjectStatus.Submitted] = [ProjectStatus.InReview, ProjectStatus.Funding, ProjectStatus.Withdrawn],
        [ProjectStatus.InReview] = [ProjectStatus.Labelled, ProjectStatus.Declined, ProjectStatus.ChangesRequested, ProjectStatus.Withdrawn],
        [ProjectStatus.ChangesRequested] = [ProjectStatus.Submitted, ProjectStatus.Withdrawn],
        [ProjectStatus.Labelled] = [ProjectStatus.Funding, ProjectStatus.LabelRevoked, ProjectStatus.Withdrawn],
        [ProjectStatus.Funding] = [ProjectStatus.Funded, ProjectStatus.NotFunded],
        [ProjectStatus.Funded] = [ProjectStatus.InProgress],
        [ProjectStatus.InProgress] = [ProjectStatus.Completed],
        [ProjectStatus.Declined] = [],
        [ProjectStatus.NotFunded] = [],
        [ProjectStatus.Completed] = [],
        [ProjectStatus.Withdrawn] = [],
        [ProjectStatus.LabelRevoked] = [],
    };

    public static bool CanMove(ProjectStatus from, ProjectStatus to) =>
        Moves.TryGetValue(from, out var targets) && targets.Contains(to);

    public static bool IsFinal(ProjectStatus status) => Moves[status].Length == 0;

    /// <summary>The holder may still change the content: before review, or when the city asked for changes.</summary>
    public static bool IsEditable(ProjectStatus status) => status switch
    {
        ProjectStatus.Draft or ProjectStatus.Submitted or ProjectStatus.ChangesRequested => true,
        ProjectStatus.InReview or ProjectStatus.Labelled or ProjectStatus.Declined or ProjectStatus.Funding
            or ProjectStatus.Funded or ProjectStatus.NotFunded or ProjectStatus.InProgress
            or ProjectStatus.Completed or ProjectStatus.Withdrawn or ProjectStatus.LabelRevoked => false,
    };

    /// <summary>Citizens can support, comment on and follow a project that is still alive.</summary>
    public static bool AcceptsParticipation(ProjectStatus status) => status switch
    {
        ProjectStatus.Submitted or ProjectStatus.InReview or ProjectStatus.ChangesRequested or ProjectStatus.Labelled
            or ProjectStatus.Funding or ProjectStatus.Funded or ProjectStatus.InProgress => true,
        ProjectStatus.Draft or ProjectStatus.Declined or ProjectStatus.NotFunded or ProjectStatus.Completed
            or ProjectStatus.Withdrawn or ProjectStatus.LabelRevoked => false,
    };

    internal static void EnsureCanMove(ProjectStatus from, ProjectStatus to)
    {
        if (!CanMove(from, to))
        {
            throw new DomainException(ProjectRefusals.ImpossibleMove.With(Label(from), Label(to)));
        }
    }

    /// <summary>The French name of a status, as shown to people.</summary>
    public static string Label(ProjectStatus status) => status switch
    {
        ProjectStatus.Draft => "Brouillon",
        ProjectStatus.Submitted => "Déposé",
        ProjectStatus.InReview => "En cours d'étude",
        ProjectStatus.ChangesRequested => "Modifications demandées",
        ProjectStatus.Labelled => "Labellisé",
        ProjectStatus.Declined => "Non retenu",
        ProjectStatus.Funding => "En financement",
        ProjectStatus.Funded => "Financé",
        ProjectStatus.NotFunded => "Non financé",
        ProjectStatus.InProgress => "En réalisation",
        ProjectStatus.Completed => "Réalisé",
        ProjectStatus.Withdrawn => "Retiré",
        ProjectStatus.LabelRevoked => "Label retiré",
    };
}
