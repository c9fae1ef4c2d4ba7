using Labelkoz.Data;
using Labelkoz.Domain.Funding;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Funding.Campaigns;

/// <summary>The platform's fee a campaign freezes at launch: the city's plan's (issue #7), or the default without a subscription.</summary>
internal static class LaunchFee
{
    public static async Task<int> OfCityAsync(AppDbContext db, long municipalityId, CancellationToken cancellationToken) =>
        await (
                from s in db.Subscriptions
                join plan in db.Plans on s.PlanId equals plan.Id
                where s.MunicipalityId == municipalityId
                select (int?)plan.FeeBasisPoints)
            .SingleOrDefaultAsync(cancellationToken) ?? Campaign.DefaultFeeBasisPoints;
}
