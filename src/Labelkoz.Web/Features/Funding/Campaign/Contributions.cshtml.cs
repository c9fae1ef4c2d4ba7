using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Infrastructure.Csv;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Funding.Campaigns;

/// <summary>
/// The holder's view of the contributions to their campaign at
/// <c>/{slug}/projets/{id}/campagne/contributions</c>: the totals from the ledger and every
/// contribution, newest first, as a paged table or a CSV file. A contributor's name shows only when
/// they did not ask to stay anonymous; e-mails and postal addresses never show.
/// </summary>
[Authorize]
public sealed class ContributionsModel(
    AppDbContext db,
    TenantContext tenant,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 50;

    public string CitySlug => tenant.City!.Slug;

    public long ProjectId { get; private set; }

    public string ProjectTitle { get; private set; } = string.Empty;

    public CampaignTotals Totals { get; private set; }

    public long GoalCents { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, [FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        var campaign = await CampaignAsync(id, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }

        ProjectId = id;
        ProjectTitle = campaign.Title;
        GoalCents = campaign.GoalCents;
        Totals = await FundingTotals.ForAsync(db, campaign.Id, cancellationToken);
        Total = await db.Contributions.CountAsync(c => c.CampaignId == campaign.Id, cancellationToken);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(page ?? 1, 1, PageCount);
        Rows = await Query(campaign.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync([FromRoute] long id, CancellationToken cancellationToken)
    {
        var campaign = await CampaignAsync(id, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }

        var rows = await Query(campaign.Id).ToListAsync(cancellationToken);
        var csv = new CsvFile();
        csv.Line([l["Date (heure de Paris)"], l["Montant (euros)"], l["Contrepartie"], l["Statut"], l["Contributeur"]]);
        foreach (var row in rows)
        {
            csv.Line([
                Cultures.ToParis(row.AtUtc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                (row.AmountCents / 100m).ToString("0.00", CultureInfo.CurrentCulture),
                row.Tier,
                l[FundingLabels.Contribution(row.Status)],
                row.Name ?? l["Anonyme"],
            ]);
        }

        var bytes = csv.ToBytes();
        Response.Headers.CacheControl = "no-store";
        return File(bytes, Csv.ContentType, string.Create(CultureInfo.InvariantCulture, $"contributions-projet-{id}.csv"));
    }

    public string PagePath(int page) => CampaignPaths.Contributions(CitySlug, ProjectId) + (page <= 1 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"?page={page}"));

    public string CsvPath => CampaignPaths.Contributions(CitySlug, ProjectId) + "?handler=Csv";

    public string SetupPath => CampaignPaths.Setup(CitySlug, ProjectId);

    /// <summary>The holder's campaign of the project (a draft has no contributions: 404 too).</summary>
    private async Task<CampaignRow?> CampaignAsync(long projectId, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        return await db.Campaigns.AsNoTracking()
            .Where(c => c.ProjectId == projectId && c.Status != CampaignStatus.Draft
                && db.Projects.Any(p => p.Id == projectId && p.HolderUserId == userId))
            .Select(c => new CampaignRow(c.Id, c.GoalCents, db.Projects.Where(p => p.Id == projectId).Select(p => p.Title).First()))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private IQueryable<Row> Query(long campaignId) =>
        db.Contributions.AsNoTracking()
            .Where(c => c.CampaignId == campaignId)
            .OrderByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id)
            .Select(c => new Row(
                c.Id,
                c.CreatedAtUtc,
                c.AmountCents,
                db.RewardTiers.Where(t => t.Id == c.TierId).Select(t => t.Title).FirstOrDefault(),
                c.Status,
                c.IsAnonymous ? null : c.PublicName ?? db.Users.Where(u => u.Id == c.ContributorUserId).Select(u => u.DisplayName).FirstOrDefault()));

    private sealed record CampaignRow(long Id, long GoalCents, string Title);

    /// <summary>One contribution; <see cref="Name"/> null: anonymous.</summary>
    public sealed record Row(long Id, DateTime AtUtc, long AmountCents, string? Tier, ContributionStatus Status, string? Name);
}
