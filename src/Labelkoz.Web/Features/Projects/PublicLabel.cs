using System.Globalization;
using System.Linq.Expressions;
using Labelkoz.Data;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Projects;

/// <summary>Where a project's label stands on a given day.</summary>
public enum LabelStanding
{
    /// <summary>The project carries the city's badge.</summary>
    Active,

    /// <summary>Past its last day of validity.</summary>
    Lapsed,

    /// <summary>Withdrawn by the city, with a public reason.</summary>
    Revoked,
}

/// <summary>
/// What the public may know of a city's label: its dates, conditions and commitments. Never the
/// referent's identity, the proposals, the rejected decisions, the notes or the review thread.
/// </summary>
public sealed record PublicLabelView(
    DateTime LabelledAtUtc,
    DateOnly? ValidUntil,
    DateTime? RevokedAtUtc,
    string? RevokedReason,
    string? Conditions,
    IReadOnlyList<LabelCommitmentView> Commitments)
{
    /// <summary>Mirrors <see cref="Project.LabelActiveRule"/>: revoked first, then past its validity.</summary>
    public LabelStanding StandingOn(DateOnly today) =>
        RevokedAtUtc is not null ? LabelStanding.Revoked
        : ValidUntil is { } until && until < today ? LabelStanding.Lapsed
        : LabelStanding.Active;

    public bool HasEstimatedValues => Commitments.Any(c => c.EstimatedValueCents is not null);

    public long EstimatedTotalCents => Commitments.Sum(c => c.EstimatedValueCents ?? 0);
}

/// <summary>One commitment of the city, as the public sees it.</summary>
public sealed record LabelCommitmentView(
    CommitmentKind Kind,
    string Description,
    long? EstimatedValueCents,
    CoFinancingMode? CoFinancing,
    long? GrantCents,
    int? MatchRatioPercent,
    long? MatchCapCents)
{
    /// <summary>
    /// The sentence that says what the commitment means for the project, in the current language
    /// (null when the kind needs none). An expertise names no one: "a referent officer of the city".
    /// </summary>
    public string? Terms(IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        var culture = CultureInfo.CurrentCulture;
        return Kind switch
        {
            CommitmentKind.Expertise => l["Un agent référent de la ville suit le projet."].Value,
            CommitmentKind.CoFinancing => CoFinancing switch
            {
                CoFinancingMode.Grant when GrantCents is { } grant => l["Subvention de la Ville : {0}", MoneyInput.FormatWhole(grant, culture)].Value,
                CoFinancingMode.Matchfunding when MatchRatioPercent is 100 && MatchCapCents is { } cap =>
                    l["La Ville double chaque don jusqu'à {0}", MoneyInput.FormatWhole(cap, culture)].Value,
                CoFinancingMode.Matchfunding when MatchRatioPercent is { } ratio && MatchCapCents is { } cap =>
                    l["La Ville abonde chaque don : {0} pour 1 €, jusqu'à {1}", MoneyInput.FormatWhole(ratio, culture), MoneyInput.FormatWhole(cap, culture)].Value,
                _ => null,
            },
            _ => null,
        };
    }
}

/// <summary>The public side of labels as queries, shared by the project page, the cards and the holder's pages.</summary>
public static class PublicLabels
{
    /// <summary>Today on the clock of metropolitan France: a label is valid through its last day there.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return ParisTime.DateOf(clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>A date of a label for people: "12 mars 2026".</summary>
    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Day(DateTime utc) => Cultures.ToParis(utc).ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>
    /// The project's confirmed label (revoked or not) with its commitments, in one SQL command;
    /// null when the city never labelled it. Proposals and rejected decisions are never read.
    /// </summary>
    public static Task<PublicLabelView?> FindAsync(AppDbContext db, long projectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ProjectDecisions.AsNoTracking()
            .Where(d => d.ProjectId == projectId && d.Kind == DecisionKind.Label && d.State == DecisionState.Confirmed)
            .OrderByDescending(d => d.DecidedAtUtc).ThenByDescending(d => d.Id)
            .Select(d => new PublicLabelView(
                d.DecidedAtUtc ?? d.ProposedAtUtc,
                d.ValidUntil,
                d.RevokedAtUtc,
                d.RevokedReason,
                d.Conditions,
                d.Commitments.OrderBy(c => c.Position)
                    .Select(c => new LabelCommitmentView(c.Kind, c.Description, c.EstimatedValueCents, c.CoFinancing, c.GrantCents, c.MatchRatioPercent, c.MatchCapCents))
                    .ToList()))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// <see cref="Project.LabelActiveRule"/> inlined into a projection: <paramref name="projection"/>
    /// receives the rule's answer for the row as its second argument, and the whole is one SQL
    /// expression (no query per row).
    /// </summary>
    public static Expression<Func<Project, TResult>> WithActiveLabel<TResult>(DateOnly today, Expression<Func<Project, bool, TResult>> projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        var rule = Project.LabelActiveRule(today);
        var project = projection.Parameters[0];
        var labelled = new Substitute(rule.Parameters[0], project).Visit(rule.Body);
        var body = new Substitute(projection.Parameters[1], labelled).Visit(projection.Body);
        return Expression.Lambda<Func<Project, TResult>>(body, project);
    }

    private sealed class Substitute(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
