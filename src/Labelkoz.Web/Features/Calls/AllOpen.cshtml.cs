using Labelkoz.Data;
using Labelkoz.Domain.Calls;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Calls;

/// <summary>
/// Every city's open calls at <c>/appels</c>, closing soonest first. There is no city on this page,
/// so the tenant filter lets every city through. One SQL command.
/// </summary>
public sealed class AllOpenModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public DateTime NowUtc { get; private set; }

    public IReadOnlyList<CallCard> Calls { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        NowUtc = clock.GetUtcNow().UtcDateTime;
        Calls = await (
                from c in db.Calls.AsNoTracking()
                join m in db.Municipalities on c.MunicipalityId equals m.Id
                where c.Status == CallStatus.Open && c.ClosesAtUtc > NowUtc
                orderby c.ClosesAtUtc, c.Id
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
    }
}
