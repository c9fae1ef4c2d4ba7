using System.Linq.Expressions;
using Labelkoz.Domain.Funding;

namespace Labelkoz.Web.Features.Funding;

/// <summary>The campaigns the city's staff watch: one definition for the dashboard and the campaigns list.</summary>
public static class CampaignQueues
{
    /// <summary>The campaigns list's key for <see cref="EndingSoon"/>, next to the status keys.</summary>
    public const string EndingSoonKey = "fin-proche";

    public static readonly TimeSpan EndingSoonWindow = TimeSpan.FromDays(7);

    /// <summary>Live campaigns whose end falls in the next seven days: the last days to rally contributors.</summary>
    public static Expression<Func<Campaign, bool>> EndingSoon(DateTime nowUtc)
    {
        var until = nowUtc + EndingSoonWindow;
        return c => c.Status == CampaignStatus.Live && c.EndsAtUtc != null && c.EndsAtUtc >= nowUtc && c.EndsAtUtc < until;
    }
}
