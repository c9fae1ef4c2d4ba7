using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Features.Cities;
using Labelkoz.Web.Features.Subscriptions;
using Labelkoz.Web.Infrastructure.Csv;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Operator;

/// <summary>
/// The platform operator's console: the municipalities, searchable by name, slug or INSEE code, with
/// their plan and monthly revenue (also as a CSV file); the MRR and ARR; the revenue of the last
/// twelve months, invoiced and collected. Four SQL commands whatever the data.
/// </summary>
public sealed class IndexModel(AppDbContext db, SubscriptionBilling billing, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int SearchMaxLength = 100;
    public const int PageSize = 200;
    public const int RevenueMonths = 12;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<Row> Cities { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>Monthly recurring revenue of the paying subscriptions, excl. VAT (MRR); twelve times that is the ARR.</summary>
    public long MonthlyRecurringCents { get; private set; }

    /// <summary>The last twelve months, oldest first, the current one included.</summary>
    public IReadOnlyList<MonthRevenue> Revenue { get; private set; } = [];

    /// <summary>Sign-up requests whose contact confirmed their address: the operator's to decide.</summary>
    public int SignupsToValidate { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var cities = Searched();
        Total = await cities.CountAsync(cancellationToken);
        Cities = await cities
            .OrderBy(m => m.Name)
            .Select(m => new Row(
                m.Id, m.Name, m.Slug, m.InseeCode, m.Population, m.SubscriptionStatus, m.Memberships.Count, m.CreatedAtUtc,
                db.Subscriptions.Where(s => s.MunicipalityId == m.Id).Select(s => db.Plans.Where(p => p.Id == s.PlanId).Select(p => p.Name).First()).FirstOrDefault(),
                (from s in db.Subscriptions
                 where s.MunicipalityId == m.Id
                 join p in db.Plans on s.PlanId equals p.Id
                 select new Recurring(s.Status, s.Period, p.MonthlyPriceCents, p.YearlyPriceCents)).FirstOrDefault()))
            .Take(PageSize)
            .ToListAsync(cancellationToken);

        // Every city's recurring revenue, not only the page's (the paying subscriptions' prices, one command).
        var paying = await MonthlyRecurring(db.Subscriptions.Where(s => s.Status == SubscriptionStatus.Active || s.Status == SubscriptionStatus.PastDue))
            .ToListAsync(cancellationToken);
        MonthlyRecurringCents = paying.Sum(r => r.Cents);
        Revenue = await RevenueByMonthAsync(cancellationToken);
        SignupsToValidate = await db.SignupRequests.CountAsync(r => r.Status == SignupStatus.Confirmed, cancellationToken);
    }

    /// <summary>The cities of the search (all of them, not one page), as a CSV file for a French spreadsheet.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var rows = await (
            from m in Searched()
            join s in db.Subscriptions.IgnoreQueryFilters() on m.Id equals s.MunicipalityId into subscriptions
            from s in subscriptions.DefaultIfEmpty()
            join p in db.Plans on s.PlanId equals p.Id into plans
            from p in plans.DefaultIfEmpty()
            orderby m.Name
            select new CsvRow(
                m.Name, m.InseeCode, m.Siren, m.SubscriptionStatus,
                p == null ? null : p.Name,
                s == null ? null : s.Period,
                s == null ? null : new Recurring(s.Status, s.Period, p.MonthlyPriceCents, p.YearlyPriceCents),
                s == null ? null : s.TrialEndsOn,
                s == null ? null : s.InvoicedUntil))
            .ToListAsync(cancellationToken);
        var csv = new CsvFile();
        csv.Line([l["Collectivité"], l["Code INSEE"], l["SIREN"], l["Abonnement"], l["Offre"], l["Facturation"], l["Revenu mensuel HT (euros)"], l["Fin de l'essai"], l["Facturé jusqu'au"]]);
        foreach (var row in rows)
        {
            csv.Line([
                row.Name, row.InseeCode, row.Siren, StatusNames.Subscription(l, row.Status), row.PlanName,
                row.Period switch { BillingPeriod.Monthly => l["Mensuelle"].Value, BillingPeriod.Yearly => l["Annuelle"].Value, _ => null },
                Euros(row.Revenue?.Cents ?? 0),
                Day(row.TrialEndsOn?.AddDays(-1)), Day(row.InvoicedUntil?.AddDays(-1)),
            ]);
        }

        Response.Headers.CacheControl = "no-store";
        return File(csv.ToBytes(), Csv.ContentType, "collectivites.csv");
    }

    /// <summary>
    /// The amounts excluding VAT invoiced (by month of issue) and collected (by month of payment) over
    /// the last twelve months, in one SQL command: the invoices are summed by both months, which are
    /// few (a payment is never before its invoice), and the sums are spread here.
    /// </summary>
    private async Task<IReadOnlyList<MonthRevenue>> RevenueByMonthAsync(CancellationToken cancellationToken)
    {
        var today = billing.Today;
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - RevenueMonths);
        var sums = await db.Invoices.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.IssuedOn >= first || i.PaidOn >= first)
            .GroupBy(i => new
            {
                IssuedYear = i.IssuedOn.Year,
                IssuedMonth = i.IssuedOn.Month,
                PaidYear = i.PaidOn == null ? (int?)null : i.PaidOn.Value.Year,
                PaidMonth = i.PaidOn == null ? (int?)null : i.PaidOn.Value.Month,
            })
            .Select(g => new { g.Key.IssuedYear, g.Key.IssuedMonth, g.Key.PaidYear, g.Key.PaidMonth, Cents = g.Sum(i => i.AmountExcludingVatCents) })
            .ToListAsync(cancellationToken);
        return [.. Enumerable.Range(0, RevenueMonths).Select(offset =>
        {
            var month = first.AddMonths(offset);
            return new MonthRevenue(
                month,
                sums.Where(s => s.IssuedYear == month.Year && s.IssuedMonth == month.Month).Sum(s => s.Cents),
                sums.Where(s => s.PaidYear == month.Year && s.PaidMonth == month.Month).Sum(s => s.Cents));
        })];
    }

    private IQueryable<Municipality> Searched()
    {
        var cities = db.Municipalities.AsNoTracking();
        var search = Query?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            search = search.Length > SearchMaxLength ? search[..SearchMaxLength] : search;
            var upper = search.ToUpperInvariant();
            var pattern = "%" + search.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
#pragma warning disable CA1304, CA1311 // translated to SQL lower(), not run in .NET
            cities = cities.Where(m => EF.Functions.Like(m.Name.ToLower(), pattern, "\\") || EF.Functions.Like(m.Slug, pattern, "\\") || m.InseeCode == upper);
#pragma warning restore CA1304, CA1311
        }

        return cities;
    }

    private static string Euros(long cents) => (cents / 100m).ToString("0.00", CultureInfo.GetCultureInfo("fr-FR"));

    private static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private IQueryable<Recurring> MonthlyRecurring(IQueryable<Subscription> subscriptions) =>
        from s in subscriptions
        join p in db.Plans on s.PlanId equals p.Id
        select new Recurring(s.Status, s.Period, p.MonthlyPriceCents, p.YearlyPriceCents);

    public sealed record Row(long Id, string Name, string Slug, string InseeCode, int Population, SubscriptionStatus Status, int StaffCount, DateTime CreatedAtUtc, string? PlanName, Recurring? Revenue)
    {
        public long MonthlyRecurringCents => Revenue?.Cents ?? 0;
    }

    /// <summary>A month's revenue excluding VAT: invoiced (by date of issue) and collected (by date of payment).</summary>
    public sealed record MonthRevenue(DateOnly Month, long InvoicedCents, long CollectedCents);

    public sealed record CsvRow(
        string Name, string InseeCode, string? Siren, SubscriptionStatus Status, string? PlanName, BillingPeriod? Period, Recurring? Revenue, DateOnly? TrialEndsOn, DateOnly? InvoicedUntil);

    /// <summary>What a subscription's MRR is computed from (<see cref="Subscription.MonthlyRecurringCents"/>).</summary>
    public sealed record Recurring(SubscriptionStatus Status, BillingPeriod Period, long MonthlyPriceCents, long YearlyPriceCents)
    {
        public long Cents => Subscription.MonthlyRecurringCents(Status, Period, MonthlyPriceCents, YearlyPriceCents);
    }
}
