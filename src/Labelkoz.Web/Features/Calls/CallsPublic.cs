using Labelkoz.Domain.Calls;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Calls;

/// <summary>The public addresses of a city's calls for projects.</summary>
public static class CallPaths
{
    public static string List(string citySlug) => $"/{citySlug}/appels";

    public static string Page(string citySlug, long id) => $"/{citySlug}/appels/{id}";

    public static string Apply(string citySlug, long id) => $"/{citySlug}/appels/{id}/candidature";
}

/// <summary>What the public and the applicants read about a call: its status, dates and time left.</summary>
public static class CallsPublicText
{
    /// <summary>The statuses the public sees: a draft never is public.</summary>
    public static readonly IReadOnlyList<CallStatus> PublicStatuses =
        [CallStatus.Open, CallStatus.Review, CallStatus.Decided, CallStatus.Cancelled];

    /// <summary>A date and time in Paris, as people read it ("27/11/2026 18:00").</summary>
    public static string Paris(DateTime utc) => Cultures.ToParis(utc).ToString("g", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>"clôture dans 3 jours", "clôture dans 5 heures"…, null once closed or when not open.</summary>
    public static string? TimeLeft(IStringLocalizer l, CallStatus status, DateTime opensAtUtc, DateTime closesAtUtc, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(l);
        if (status != CallStatus.Open || nowUtc >= closesAtUtc)
        {
            return null;
        }

        if (nowUtc < opensAtUtc)
        {
            return l["ouvre le {0}", Paris(opensAtUtc)].Value;
        }

        var left = closesAtUtc - nowUtc;
        // Rounded to the nearest unit: "3 days" still reads right a few seconds under three days.
        return left.TotalDays >= 1.5 ? l["clôture dans {0} jours", (int)Math.Round(left.TotalDays)].Value
            : left.TotalHours >= 1.5 ? l["clôture dans {0} heures", (int)Math.Round(left.TotalHours)].Value
            : left.TotalMinutes >= 1.5 ? l["clôture dans {0} minutes", (int)Math.Round(left.TotalMinutes)].Value
            : l["clôture dans moins de 2 minutes"].Value;
    }

    /// <summary>The French names of the applicant types a call accepts.</summary>
    public static IReadOnlyList<HolderType> Eligible(bool individuals, bool associations, bool companies) =>
        [.. new[] { (individuals, HolderType.Individual), (associations, HolderType.Association), (companies, HolderType.Company) }.Where(t => t.Item1).Select(t => t.Item2)];

}

/// <summary>One call in a public list.</summary>
public sealed record CallCard(
    long Id,
    string CitySlug,
    string CityName,
    string Title,
    ProjectCategory? Category,
    string? NeighbourhoodName,
    long BudgetEnvelopeCents,
    CallStatus Status,
    DateTime OpensAtUtc,
    DateTime ClosesAtUtc);

/// <summary>The model of the <c>_CallCards</c> partial: the calls, the moment, and whether to name their city.</summary>
public sealed record CallCardsView(IReadOnlyList<CallCard> Cards, DateTime NowUtc, bool ShowCity);
