using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Funding.Admin;

/// <summary>
/// The city's crowdfunding campaigns for its staff: each with its goal and what the ledger says it
/// raised and matched, and the city's totals (raised, matchfunding committed, fees, payouts due and
/// sent), all from the ledger. Four SQL commands whatever the number of campaigns.
/// </summary>
public sealed class IndexModel(AppDbContext db, TenantContext tenant, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<Row> Campaigns { get; private set; } = [];

    /// <summary>How many campaigns the filter matches (the list shows a page of them).</summary>
    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public LedgerFigures Figures { get; private set; } = LedgerFigures.From([]);

    /// <summary>The status filter (null: every campaign).</summary>
    public CampaignStatus? Filter { get; private set; }

    /// <summary>Only the live campaigns that end in the next seven days (<see cref="CampaignQueues.EndingSoon"/>).</summary>
    public bool EndingSoon { get; private set; }

    public CurrentCity City => tenant.City!;

    /// <summary>The current year in Paris, for the link to the yearly report.</summary>
    public int Year => Cultures.ToParis(clock.GetUtcNow().UtcDateTime).Year;

    public async Task OnGetAsync([FromQuery(Name = "statut")] string? statut, CancellationToken cancellationToken)
    {
        Filter = FundingAdminNames.StatusKeys.Where(s => s.Key == statut).Select(s => (CampaignStatus?)s.Status).FirstOrDefault();
        EndingSoon = statut == CampaignQueues.EndingSoonKey;
        var cityId = City.Id;
        var campaigns = db.Campaigns.AsNoTracking().Where(c => c.MunicipalityId == cityId);
        if (Filter is { } status)
        {
            campaigns = campaigns.Where(c => c.Status == status);
        }
        else if (EndingSoon)
        {
            campaigns = campaigns.Where(CampaignQueues.EndingSoon(clock.GetUtcNow().UtcDateTime));
        }

        Total = await campaigns.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var requested)
            ? Math.Clamp(requested, 1, PageCount)
            : 1;
        var rows = await campaigns
            .OrderByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(c => new
            {
                c.Id,
                c.ProjectId,
                Title = db.Projects.Where(p => p.Id == c.ProjectId).Select(p => p.Title).FirstOrDefault() ?? string.Empty,
                Holder = db.Users.Where(u => u.Id == c.HolderUserId).Select(u => u.DisplayName).FirstOrDefault() ?? string.Empty,
                c.Status,
                c.GoalCents,
                c.EndsAtUtc,
            })
            .ToListAsync(cancellationToken);
        var totals = await FundingTotals.ForAsync(db, rows.Select(r => r.Id).ToList(), cancellationToken);
        Campaigns = [.. rows.Select(r =>
        {
            var figures = totals.TryGetValue(r.Id, out var t) ? t : new CampaignTotals(0, 0, 0);
            return new Row(r.Id, r.ProjectId, r.Title, r.Holder, r.Status, r.GoalCents, figures.ContributedCents, figures.MatchedCents, figures.Contributors, r.EndsAtUtc);
        })];

        var sums = await (
                from line in db.LedgerLines.AsNoTracking()
                join transaction in db.LedgerTransactions on line.TransactionId equals transaction.Id
                where line.MunicipalityId == cityId
                group line by new { line.AccountKind, transaction.Kind } into g
                select new { g.Key.AccountKind, g.Key.Kind, Cents = g.Sum(l => l.AmountCents) })
            .ToListAsync(cancellationToken);
        Figures = LedgerFigures.From(sums.Select(s => new LedgerSum(s.AccountKind, s.Kind, s.Cents)));
    }

    public string FilterUrl(string? key) => key is null ? FundingAdminPaths.List(City.Slug) : $"{FundingAdminPaths.List(City.Slug)}?statut={key}";

    /// <summary>A page of the list, with the current filter.</summary>
    public string PageUrl(int page)
    {
        var key = EndingSoon ? CampaignQueues.EndingSoonKey : FundingAdminNames.StatusKeys.Where(s => s.Status == Filter).Select(s => s.Key).FirstOrDefault();
        var filter = key is null ? FundingAdminPaths.List(City.Slug) : FilterUrl(key);
        return page <= 1 ? filter : string.Create(CultureInfo.InvariantCulture, $"{filter}{(key is null ? '?' : '&')}page={page}");
    }

    public sealed record Row(long Id, long ProjectId, string Title, string Holder, CampaignStatus Status, long GoalCents, long RaisedCents, long MatchedCents, int Contributors, DateTime? EndsAtUtc);
}
