using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Funding.Admin;

/// <summary>
/// The city's crowdfunding campaigns for its staff: each with its goal and what the ledger says it
/// raised and matched, and the city's totals (raised, matchfunding committed, fees, payouts due and
/// sent), all from the ledger. Five SQL commands whatever the number of campaigns. A city admin
/// sets the amount above which an admin's offline entry waits for a second admin (issue #16).
/// </summary>
public sealed class IndexModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    AuditTrail audit,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 50;
    public const string ThresholdField = "Threshold";

    /// <summary>The four-eyes threshold as typed (euros), given back after a refusal.</summary>
    public string? Threshold { get; private set; }

    /// <summary>Whether the city asks no second admin, whatever the amount.</summary>
    public bool NoThreshold { get; private set; }

    /// <summary>The city's offline payments waiting for an admin's confirmation, all campaigns.</summary>
    public int AwaitingOffline { get; private set; }

    public bool IsAdmin { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

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
        await LoadAsync(statut, cancellationToken);
    }

    /// <summary>
    /// A city admin sets the four-eyes threshold on offline payments (empty with "jamais": an admin's
    /// entry always counts at once). Audited. Agents get 403.
    /// </summary>
    public async Task<IActionResult> OnPostThresholdAsync([FromForm] string? threshold, [FromForm] bool never, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.CityAdmin)).Succeeded)
        {
            return Forbid();
        }

        long? cents = null;
        if (!never)
        {
            if (!MoneyInput.TryParseCents(threshold, out var parsed, out var error))
            {
                ModelState.AddModelError(ThresholdField, l.Explain(error));
            }
            else
            {
                cents = parsed;
            }
        }

        var city = await db.Municipalities.SingleAsync(m => m.Id == City.Id, cancellationToken);
        var before = city.OfflineSecondAdminAboveCents;
        if (ModelState.IsValid)
        {
            try
            {
                city.SetOfflineSecondAdminThreshold(cents, clock.GetUtcNow().UtcDateTime);
            }
            catch (DomainException refusal)
            {
                ModelState.AddRefusal(refusal, l, string.Empty);
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(null, cancellationToken);
            Threshold = threshold;
            NoThreshold = never;
            return Page();
        }

        if (before != cents)
        {
            static string Shown(long? value) => value is { } v ? MoneyInput.Format(v, CultureInfo.GetCultureInfo(Cultures.Default)) : "jamais";
            await audit.RecordAsync(
                AuditAction.SettingsChanged, AuditSubject.Municipality, city.Id, city.Name, "Double contrôle des paiements hors ligne",
                AuditTrail.Values(("Second administrateur au-delà de", Shown(before))), AuditTrail.Values(("Second administrateur au-delà de", Shown(cents))),
                cancellationToken: cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = cents is { } set
            ? l["Au-delà de {0}, un paiement hors ligne saisi par un administrateur attend la confirmation d'un autre administrateur.", MoneyInput.Format(set, CultureInfo.CurrentCulture)]
            : l["Un paiement hors ligne saisi par un administrateur compte aussitôt, quel que soit son montant."];
        return RedirectToPage(new { slug = City.Slug });
    }

    private async Task LoadAsync(string? statut, CancellationToken cancellationToken)
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
                Awaiting = db.Contributions.Count(x => x.CampaignId == c.Id && x.Provider == PaymentProvider.Offline && x.Status == ContributionStatus.Pending),
            })
            .ToListAsync(cancellationToken);
        var totals = await FundingTotals.ForAsync(db, rows.Select(r => r.Id).ToList(), cancellationToken);
        Campaigns = [.. rows.Select(r =>
        {
            var figures = totals.TryGetValue(r.Id, out var t) ? t : new CampaignTotals(0, 0, 0);
            return new Row(r.Id, r.ProjectId, r.Title, r.Holder, r.Status, r.GoalCents, figures.ContributedCents, figures.MatchedCents, figures.Contributors, r.EndsAtUtc, r.Awaiting);
        })];

        var sums = await (
                from line in db.LedgerLines.AsNoTracking()
                join transaction in db.LedgerTransactions on line.TransactionId equals transaction.Id
                where line.MunicipalityId == cityId
                group line by new { line.AccountKind, transaction.Kind } into g
                select new { g.Key.AccountKind, g.Key.Kind, Cents = g.Sum(l => l.AmountCents) })
            .ToListAsync(cancellationToken);
        Figures = LedgerFigures.From(sums.Select(s => new LedgerSum(s.AccountKind, s.Kind, s.Cents)));

        var city = await db.Municipalities.AsNoTracking().Where(m => m.Id == cityId)
            .Select(m => new
            {
                m.OfflineSecondAdminAboveCents,
                Awaiting = db.Contributions.Count(x => x.MunicipalityId == cityId && x.Provider == PaymentProvider.Offline && x.Status == ContributionStatus.Pending),
            })
            .SingleAsync(cancellationToken);
        AwaitingOffline = city.Awaiting;
        Threshold = city.OfflineSecondAdminAboveCents is { } cents ? MoneyInput.ForInput(cents, CultureInfo.CurrentCulture) : null;
        NoThreshold = city.OfflineSecondAdminAboveCents is null;
        IsAdmin = (await authorization.AuthorizeAsync(User, Policies.CityAdmin)).Succeeded;
    }

    public string FilterUrl(string? key) => key is null ? FundingAdminPaths.List(City.Slug) : $"{FundingAdminPaths.List(City.Slug)}?statut={key}";

    /// <summary>A page of the list, with the current filter.</summary>
    public string PageUrl(int page)
    {
        var key = EndingSoon ? CampaignQueues.EndingSoonKey : FundingAdminNames.StatusKeys.Where(s => s.Status == Filter).Select(s => s.Key).FirstOrDefault();
        var filter = key is null ? FundingAdminPaths.List(City.Slug) : FilterUrl(key);
        return page <= 1 ? filter : string.Create(CultureInfo.InvariantCulture, $"{filter}{(key is null ? '?' : '&')}page={page}");
    }

    public sealed record Row(long Id, long ProjectId, string Title, string Holder, CampaignStatus Status, long GoalCents, long RaisedCents, long MatchedCents, int Contributors, DateTime? EndsAtUtc, int AwaitingOffline = 0);
}
