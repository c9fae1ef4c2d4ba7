using Labelkoz.Data;
using Labelkoz.Domain.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Subscriptions;

/// <summary>The three plans of a new platform (issue #7), added once when there is none; the operator manages them afterwards.</summary>
public static class PlanSeeding
{
    public static async Task EnsurePlansAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Plans.AnyAsync())
        {
            return;
        }

        db.Plans.AddRange(Plan.Defaults());
        await db.SaveChangesAsync();
    }
}
