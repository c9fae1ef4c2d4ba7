using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Funding;

/// <summary>
/// "Mes contributions": the signed-in person's contributions, in every city, newest first, twenty
/// a page. There is no city on this page, so the tenant filter lets every city through: the
/// contributor is filtered here. Two SQL commands (the count, the page), however many there are.
/// </summary>
[Authorize]
public sealed class MyContributionsModel(AppDbContext db) : PageModel
{
    public const int PageSize = 20;

    public IReadOnlyList<Row> Contributions { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public static string PageUrl(int page) =>
        page <= 1 ? Contribute.ContributionPaths.Mine : string.Create(CultureInfo.InvariantCulture, $"{Contribute.ContributionPaths.Mine}?page={page}");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var mine = db.Contributions.AsNoTracking().Where(c => c.ContributorUserId == userId);
        Total = await mine.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var requested)
            ? Math.Clamp(requested, 1, PageCount)
            : 1;
        Contributions = await (
                from c in mine
                join campaign in db.Campaigns on c.CampaignId equals campaign.Id
                join p in db.Projects on campaign.ProjectId equals p.Id
                join m in db.Municipalities on c.MunicipalityId equals m.Id
                orderby c.CreatedAtUtc descending, c.Id descending
                select new Row(
                    c.Id,
                    p.Id,
                    p.Title,
                    m.Name,
                    m.Slug,
                    c.CreatedAtUtc,
                    c.AmountCents,
                    db.RewardTiers.Where(t => t.Id == c.TierId).Select(t => t.Title).FirstOrDefault(),
                    c.Status,
                    db.TaxReceipts.Where(r => r.ContributionId == c.Id && r.Status == TaxReceiptStatus.Issued).Select(r => r.Number).FirstOrDefault(),
                    c.RefundedCents))
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(long Id, long ProjectId, string ProjectTitle, string CityName, string CitySlug, DateTime CreatedAtUtc, long AmountCents, string? TierTitle, ContributionStatus Status, string? ReceiptNumber, long RefundedCents = 0);
}
