using Labelkoz.Data;
using Labelkoz.Domain.Calls;
using Labelkoz.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Calls;

/// <summary>
/// A city's calls for projects at <c>/{slug}/appels</c>: the open ones first (closing soonest
/// first), then the others, newest first. A draft never shows; a cancelled call shows as such.
/// One SQL command, whatever the number of calls.
/// </summary>
public sealed class ListModel(AppDbContext db, TenantContext tenant, TimeProvider clock) : PageModel
{
    public CurrentCity City => tenant.City!;

    public DateTime NowUtc { get; private set; }

    public IReadOnlyList<CallCard> Open { get; private set; } = [];

    public IReadOnlyList<CallCard> Past { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        NowUtc = clock.GetUtcNow().UtcDateTime;
        var cards = await (
                from c in db.Calls.AsNoTracking()
                join m in db.Municipalities on c.MunicipalityId equals m.Id
                where c.Status != CallStatus.Draft
                select new CallCard(
                    c.Id,
                    m.Slug,
                    m.Name,
                    c.Title,
                    c.Category,
                    db.Neighbourhoods.Where(n => n.Id == c.NeighbourhoodId).Select(n => n.Name).FirstOrDefault(),
                    c.BudgetEnvelopeCents,
                    c.Status,
                    c.OpensAtUtc,
                    c.ClosesAtUtc))
            .ToListAsync(cancellationToken);
        Open = [.. cards.Where(c => c.Status == CallStatus.Open).OrderBy(c => c.ClosesAtUtc).ThenBy(c => c.Id)];
        Past = [.. cards.Where(c => c.Status != CallStatus.Open).OrderByDescending(c => c.ClosesAtUtc).ThenByDescending(c => c.Id)];
    }
}
