namespace Labelkoz.Domain.Calls;

/// <summary>An application's place in the ranking.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="Rank">1 for the first; no two applications share a rank.</param>
/// <param name="Average">The mean, over reviewers, of each reviewer's weighted score (0 to 10), or null when nobody scored it.</param>
/// <param name="Reviewers">How many reviewers scored every criterion.</param>
/// <param name="Spread">The gap between the highest and the lowest reviewer's weighted score.</param>
public sealed record RankedApplication(long ApplicationId, int Rank, decimal? Average, int Reviewers, decimal Spread);

/// <summary>One score as read from the database, for the ranking.</summary>
public sealed record ScoreRow(long ApplicationId, long ReviewerUserId, long CriterionId, int Score);

/// <summary>
/// The ranking the council votes on. Each reviewer's weighted score of an application is
/// Σ(score × weight) / 100 over the criteria (0 to 10), counted only when the reviewer scored every
/// criterion; the application's score is the mean of its reviewers' weighted scores. Ties are
/// broken, in order, by: more reviewers; a smaller spread (reviewers agree more); the earlier
/// submission; the smaller id. Applications nobody scored come last, by submission time.
/// Ranks are 1, 2, 3… with no two applications sharing a rank (the tie-break always decides).
/// </summary>
public static class CallRanking
{
    public static IReadOnlyList<RankedApplication> Rank(
        IReadOnlyList<CallCriterion> criteria,
        IReadOnlyList<(long ApplicationId, DateTime SubmittedAtUtc)> applications,
        IReadOnlyList<ScoreRow> scores)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(scores);
        var weights = criteria.ToDictionary(c => c.Id, c => c.WeightPercent);
        var rows = applications.Select(application =>
        {
            var totals = scores
                .Where(s => s.ApplicationId == application.ApplicationId && weights.ContainsKey(s.CriterionId))
                .GroupBy(s => s.ReviewerUserId)
                .Where(g => g.Select(s => s.CriterionId).Distinct().Count() == weights.Count)
                .Select(g => g.Sum(s => (decimal)s.Score * weights[s.CriterionId]) / 100m)
                .ToList();
            decimal? average = totals.Count == 0 ? null : Math.Round(totals.Average(), 4, MidpointRounding.ToEven);
            var spread = totals.Count == 0 ? 0m : totals.Max() - totals.Min();
            return (application.ApplicationId, application.SubmittedAtUtc, Average: average, Reviewers: totals.Count, Spread: spread);
        });

        return rows
            .OrderByDescending(r => r.Average.HasValue)
            .ThenByDescending(r => r.Average ?? 0m)
            .ThenByDescending(r => r.Reviewers)
            .ThenBy(r => r.Spread)
            .ThenBy(r => r.SubmittedAtUtc)
            .ThenBy(r => r.ApplicationId)
            .Select((r, index) => new RankedApplication(r.ApplicationId, index + 1, r.Average, r.Reviewers, r.Spread))
            .ToList();
    }
}
