using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Operator;

/// <summary>The platform operator's list of municipalities, searchable by name, slug or INSEE code.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int SearchMaxLength = 100;
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<Row> Cities { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>Monthly recurring revenue of the paying subscriptions, excl. VAT (MRR); twelve times that is the ARR.</summary>
    public long MonthlyRecurringCents { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
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
    }

    private IQueryable<Recurring> MonthlyRecurring(IQueryable<Subscription> subscriptions) =>
        from s in subscriptions
        join p in db.Plans on s.PlanId equals p.Id
        select new Recurring(s.Status, s.Period, p.MonthlyPriceCents, p.YearlyPriceCents);

    public sealed record Row(long Id, string Name, string Slug, string InseeCode, int Population, SubscriptionStatus Status, int StaffCount, DateTime CreatedAtUtc, string? PlanName, Recurring? Revenue)
    {
        public long MonthlyRecurringCents => Revenue?.Cents ?? 0;
    }

    /// <summary>What a subscription's MRR is computed from (<see cref="Subscription.MonthlyRecurringCents"/>).</summary>
    public sealed record Recurring(SubscriptionStatus Status, BillingPeriod Period, long MonthlyPriceCents, long YearlyPriceCents)
    {
        public long Cents => Subscription.MonthlyRecurringCents(Status, Period, MonthlyPriceCents, YearlyPriceCents);
    }
}
