using Labelkoz.Data;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Features.Invitations;
using Labelkoz.Web.Features.Subscriptions;
using Labelkoz.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Demo;

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

        // Every step at noon in Paris: days counted back from now land on the dates intended, whatever
        // the hour of the seeding and across daylight saving (near midnight they would shift by one).
        var plans = await db.Plans.ToListAsync(cancellationToken);
        var today = ParisTime.DateOf(now);
        DateTime DaysAgo(int days) => ParisTime.FromParis(today.AddDays(-days).ToDateTime(new TimeOnly(12, 0)));
        var clock = new DemoClock(DaysAgo(100));
        var billing = new SubscriptionBilling(db, audit, clock, configuration, loggers.CreateLogger<SubscriptionBilling>());

        var subscription = Subscription.StartTrial(montreuil.Id, Plan.Suggest(plans, montreuil.Population)!, BillingPeriod.Monthly, billing.Today);
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (invoiceDay, paidDay) in new (int, int?)[] { (30, 41), (61, 66), (91, null) })
        {
            clock.Set(DaysAgo(100 - invoiceDay));
            var invoice = await billing.IssueNextAsync(subscription.Id, cancellationToken)
                ?? throw new InvalidOperationException("The demo invoice was not issued.");
            if (paidDay is { } day)
            {
                clock.Set(DaysAgo(100 - day));
                await billing.RecordPaymentAsync(invoice.Id, operatorUserId, $"Virement Trésor public, mandat n° {invoice.Sequence:0000}", billing.Today, cancellationToken);
            }
        }

        clock.Set(now);
        await billing.RefreshStatusesAsync(cancellationToken);

        clock.Set(DaysAgo(20));
        db.Subscriptions.Add(Subscription.StartTrial(bagnolet.Id, Plan.Suggest(plans, bagnolet.Population)!, BillingPeriod.Yearly, billing.Today));
        await db.SaveChangesAsync(cancellationToken);
        await SeedSignupRequestsAsync(plans, now, cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Two communes asking to join, when the official list is loaded: Vincennes, confirmed, waiting for
    /// the operator's decision; Fontenay-sous-Bois, whose contact wrote from outside its domain and has
    /// not confirmed yet. Their confirmation links are never sent (the tokens are thrown away).
    /// </summary>
    private async Task SeedSignupRequestsAsync(IReadOnlyList<Plan> plans, DateTime now, CancellationToken cancellationToken)
    {
        var communes = await db.Communes.Where(c => c.InseeCode == "94080" || c.InseeCode == "94033").ToListAsync(cancellationToken);
        foreach (var commune in communes.OrderBy(c => c.InseeCode))
        {
            var vincennes = commune.InseeCode == "94080";
            var (_, hash) = InvitationTokens.Create();
            var request = SignupRequest.Submit(
                commune,
                Plan.Suggest(plans, commune.Population ?? 0)!,
                vincennes ? BillingPeriod.Yearly : BillingPeriod.Monthly,
                vincennes ? "vincennes.demo.labelkoz.fr" : "fontenay-sous-bois.demo.labelkoz.fr",
                vincennes ? "Hélène Garnier" : "Marc Olivier",
                vincennes ? "Directrice générale des services" : "Chargé de mission démocratie participative",
                vincennes ? "dgs@vincennes.demo.labelkoz.fr" : "marc.olivier.mairie@exemple.fr",
                null,
                contactOutsideDomainConfirmed: !vincennes,
                vincennes ? "Hôtel de ville, 53 bis rue de Fontenay" : "Hôtel de ville, 4 esplanade Louis-Bayeurte",
                commune.PostalCodeList.Count > 0 ? commune.PostalCodeList[0] : "94300",
                commune.Name,
                hash,
                now.AddDays(vincennes ? -3 : -1));
            if (vincennes)
            {
                request.Confirm(hash, now.AddDays(-2));
            }

            db.SignupRequests.Add(request);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
