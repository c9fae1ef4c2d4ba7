using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Features.Subscriptions;
using Labelkoz.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Infrastructure.Persistence;

/// <summary>
/// The demo cities' subscriptions, played through the real billing on a clock set in the past:
/// Montreuil subscribed a hundred days ago (trial, two invoices paid, the third waiting for its
/// payment: Active), Bagnolet twenty days ago (still in its trial). Seeded once.
/// </summary>
public sealed class DemoSubscriptions(AppDbContext db, AuditTrail audit, IConfiguration configuration, ILoggerFactory loggers)
{
    public async Task SeedAsync(Municipality montreuil, Municipality bagnolet, long operatorUserId, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Subscriptions.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return;
        }

        var plans = await db.Plans.ToListAsync(cancellationToken);
        var clock = new DemoClock(now.AddDays(-100));
        var billing = new SubscriptionBilling(db, audit, clock, configuration, loggers.CreateLogger<SubscriptionBilling>());

        var subscription = Subscription.StartTrial(montreuil.Id, Plan.Suggest(plans, montreuil.Population)!, BillingPeriod.Monthly, billing.Today);
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (invoiceDay, paidDay) in new (int, int?)[] { (30, 41), (61, 66), (91, null) })
        {
            clock.Set(now.AddDays(-100 + invoiceDay));
            var invoice = await billing.IssueNextAsync(subscription.Id, cancellationToken)
                ?? throw new InvalidOperationException("The demo invoice was not issued.");
            if (paidDay is { } day)
            {
                clock.Set(now.AddDays(-100 + day));
                await billing.RecordPaymentAsync(invoice.Id, operatorUserId, $"Virement Trésor public, mandat n° {invoice.Sequence:0000}", billing.Today, cancellationToken);
            }
        }

        clock.Set(now);
        await billing.RefreshStatusesAsync(cancellationToken);

        clock.Set(now.AddDays(-20));
        db.Subscriptions.Add(Subscription.StartTrial(bagnolet.Id, Plan.Suggest(plans, bagnolet.Population)!, BillingPeriod.Yearly, billing.Today));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
