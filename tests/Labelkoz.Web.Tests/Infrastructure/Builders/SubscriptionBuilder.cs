using Labelkoz.Data;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Features.Subscriptions;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Labelkoz.Web.Tests.Infrastructure.Builders;

/// <summary>A subscription with a past: how long ago its trial began, and how its invoices were paid.</summary>
public sealed record SubscriptionSpec
{
    public BillingPeriod Period { get; init; } = BillingPeriod.Monthly;

    /// <summary>How many days ago the trial began: every invoice due since is issued on its day, as the daily job would have.</summary>
    public int StartedDaysAgo { get; init; }

    /// <summary>Each invoice is paid this many days after its issue, when that day is past; never paid when null.</summary>
    public int? PaidAfterDays { get; init; }
}

public sealed partial class Given
{
    /// <summary>
    /// A trial subscription of <paramref name="city"/> starting today on the plan its population
    /// suggests (the plans are the platform's defaults, made at start-up). Returns its id.
    /// </summary>
    public Task<long> Subscription(TestCity city, BillingPeriod period = BillingPeriod.Monthly) =>
        InDbAsync(async db =>
        {
            var plans = await db.Plans.ToListAsync();
            var population = await db.Municipalities.Where(m => m.Id == city.Id).Select(m => m.Population).SingleAsync();
            var subscription = Domain.Subscriptions.Subscription.StartTrial(city.Id, Domain.Subscriptions.Plan.Suggest(plans, population)!, period, DateOnly.FromDateTime(Cultures.ToParis(Now)));
            db.Subscriptions.Add(subscription);
            await db.SaveChangesAsync();
            return subscription.Id;
        });

    /// <summary>A plan of the operator's, with a unique name (for the plan pages).</summary>
    public Task<long> Plan(int minPopulation = 1_000_000, int? maxPopulation = null, long monthlyCents = 500_00, long yearlyCents = 5_000_00, int feeBasisPoints = 500) =>
        InDbAsync(async db =>
        {
            var plan = Domain.Subscriptions.Plan.Create($"Offre de test {Next()}", minPopulation, maxPopulation, monthlyCents, yearlyCents, feeBasisPoints, null, matchfundingAllowed: true);
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });

    /// <summary>
    /// A subscription of <paramref name="city"/> on the plan its population suggests, played through the
    /// real billing on a clock set in the past (as the demo's Montreuil is): its trial began
    /// <see cref="SubscriptionSpec.StartedDaysAgo"/> days ago, each invoice due since is issued on its day
    /// and paid (by a new operator) <see cref="SubscriptionSpec.PaidAfterDays"/> days later if that day is
    /// past; the subscription's and the city's status are then those of today. Returns its id.
    /// </summary>
    public async Task<long> Subscription(TestCity city, SubscriptionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var now = Now;
        var today = ParisTime.DateOf(now);
        var id = await InDbAsync(async db =>
        {
            var plans = await db.Plans.ToListAsync();
            var population = await db.Municipalities.Where(m => m.Id == city.Id).Select(m => m.Population).SingleAsync();
            var subscription = Domain.Subscriptions.Subscription.StartTrial(city.Id, Domain.Subscriptions.Plan.Suggest(plans, population)!, spec.Period, today.AddDays(-spec.StartedDaysAgo));
            db.Subscriptions.Add(subscription);
            await db.SaveChangesAsync();
            return subscription.Id;
        });

        var payer = spec.PaidAfterDays is null ? null : await Operator();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clock = new FakeTimeProvider(ParisTime.FromParis(today.AddDays(-spec.StartedDaysAgo).ToDateTime(TimeOnly.MinValue)));
        var billing = new SubscriptionBilling(
            db, scope.ServiceProvider.GetRequiredService<AuditTrail>(), clock, Service<IConfiguration>(), Service<ILoggerFactory>().CreateLogger<SubscriptionBilling>());
        // The clock only moves forward, as a fake clock must.
        void SetDay(DateOnly day) => clock.SetUtcNow(ParisTime.FromParis(day.ToDateTime(new TimeOnly(9, 0))));

        // Issues and payments in the order of their days, so that each payment finds the invoices of its day.
        var payments = new List<(long Invoice, DateOnly On)>();
        while (true)
        {
            var next = await db.Subscriptions.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == id).Select(s => s.InvoicedUntil).SingleAsync();
            var due = next <= today;
            foreach (var payment in payments.Where(p => !due || p.On < next).OrderBy(p => p.On).ToList())
            {
                SetDay(payment.On);
                await billing.RecordPaymentAsync(payment.Invoice, payer!.Id, $"Virement {Next()}", payment.On, CancellationToken.None);
                payments.Remove(payment);
            }

            if (!due)
            {
                break;
            }

            SetDay(next);
            var invoice = await billing.IssueNextAsync(id, CancellationToken.None) ?? throw new InvalidOperationException("The invoice due was not issued.");
            if (spec.PaidAfterDays is { } days && next.AddDays(days) <= today)
            {
                payments.Add((invoice.Id, next.AddDays(days)));
            }
        }

        // Today's status, as the daily job would set it (without its journal line).
        db.ChangeTracker.Clear();
        var row = await db.Subscriptions.IgnoreQueryFilters().SingleAsync(s => s.Id == id);
        var invoices = await db.Invoices.IgnoreQueryFilters().Where(i => i.SubscriptionId == id).Select(i => new { i.Status, i.DueOn }).ToListAsync();
        var oldestUnpaid = invoices.Where(i => i.Status == InvoiceStatus.Issued).Select(i => (DateOnly?)i.DueOn).Min();
        if (row.Refresh(today, oldestUnpaid, invoices.Any(i => i.Status == InvoiceStatus.Paid), billing.GraceDays))
        {
            var municipality = await db.Municipalities.IgnoreQueryFilters().SingleAsync(m => m.Id == city.Id);
            municipality.SetSubscriptionStatus(row.Status, now);
            await db.SaveChangesAsync();
        }

        return id;
    }
}
