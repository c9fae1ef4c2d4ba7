using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Infrastructure.Builders;

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
}
