using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Subscriptions.Operator;

/// <summary>
/// The subscription plans, for the operator (issue #7): band, prices excluding and including VAT,
/// fee, limits, whether still offered, and how many cities subscribe to each. One SQL command.
/// </summary>
public sealed class PlansModel(AppDbContext db) : PageModel
{
    public const string PagePath = "/operateur/offres";

    public IReadOnlyList<Row> Plans { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Plans = await db.Plans.AsNoTracking()
            .OrderByDescending(p => p.IsOffered).ThenBy(p => p.MinPopulation).ThenBy(p => p.Name)
            .Select(p => new Row(
                p.Id, p.Name, p.MinPopulation, p.MaxPopulation, p.MonthlyPriceCents, p.YearlyPriceCents, p.FeeBasisPoints, p.MaxOpenCalls, p.MatchfundingAllowed, p.IsOffered,
                db.Subscriptions.IgnoreQueryFilters().Count(s => s.PlanId == p.Id && s.Status != SubscriptionStatus.Cancelled)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>"de 10 000 à 50 000 habitants", "plus de 50 000 habitants", "toutes les communes".</summary>
    public static string Band(IStringLocalizer l, int minPopulation, int? maxPopulation)
    {
        ArgumentNullException.ThrowIfNull(l);
        static string Count(int value) => value.ToString("N0", CultureInfo.CurrentCulture);
        return maxPopulation switch
        {
            { } max => l["de {0} à {1} habitants", Count(minPopulation), Count(max)],
            null when minPopulation > 0 => l["plus de {0} habitants", Count(minPopulation - 1)],
            null => l["toutes les communes"],
        };
    }

    /// <summary>Basis points as a percentage: 500 → "5 %", 250 → "2,5 %".</summary>
    public static string Percent(int basisPoints) =>
        (basisPoints / 100m).ToString("0.##", CultureInfo.CurrentCulture) + (CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "fr" ? "\u00A0%" : "%");

    public sealed record Row(
        long Id, string Name, int MinPopulation, int? MaxPopulation, long MonthlyPriceCents, long YearlyPriceCents, int FeeBasisPoints, int? MaxOpenCalls, bool MatchfundingAllowed, bool IsOffered, int Subscribers);
}
