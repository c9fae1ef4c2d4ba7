using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Notifications;
using Labelkoz.Web.Features.Notifications;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Csv;
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
/// One campaign of the city for its staff: its figures from the ledger, its contributions (paged),
/// its payout, its tax receipts (paged, and all of them as CSV); a city admin pauses it with a
/// public reason or resumes it; staff record a cheque or a transfer received for it. Every action
/// is audited. Another city's campaign is "not found".
/// </summary>
[Labelkoz.Web.Features.Accounts.SecondFactor.RecentAuthentication]
public sealed class DetailsModel(
    AppDbContext db,
    TenantContext tenant,
    TimeProvider clock,
    AuditTrail audit,
    Notifier notifier,
    OfflineDesk desk,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public const int PageSize = 50;
    public const int ReceiptPageSize = 50;
    public const string ReasonField = "reason";
    public const string AmountField = "Offline.Amount";
    public const string MethodField = "Offline.Method";
    public const string ReferenceField = "Offline.Reference";
    public const string DonorNameField = "Offline.DonorFullName";
    public const string DonorAddressField = "Offline.DonorAddress";
    public const string TierField = "Offline.TierId";
    public const string OfflineDecisionField = "offlineDecision";

    [FromRoute]
    public long CampaignId { get; set; }

    public CampaignHeader Campaign { get; private set; } = null!;

    public IReadOnlyList<CampaignTierRow> Tiers { get; private set; } = [];

    public CampaignTotals Totals { get; private set; } = new(0, 0, 0);

    public LedgerFigures Figures { get; private set; } = LedgerFigures.From([]);

    public IReadOnlyList<CampaignContributionRow> Contributions { get; private set; } = [];

    /// <summary>Cheques and transfers that wait for an admin's confirmation before they count (issue #16).</summary>
    public IReadOnlyList<AwaitingOfflineRow> AwaitingOffline { get; private set; } = [];

    /// <summary>The signed-in person, to tell their own entries (which they may withdraw, not confirm).</summary>
    public long? CurrentUserId { get; private set; }

    /// <summary>The campaign's payouts: one, or two when Stripe transfers the card money and the rest goes by hand (ADR 18).</summary>
    public IReadOnlyList<CampaignPayoutRow> Payouts { get; private set; } = [];

    public int ContributionCount { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public IReadOnlyList<CampaignReceiptRow> Receipts { get; private set; } = [];

    public int ReceiptCount { get; private set; }

    public int ReceiptPageNumber { get; private set; } = 1;

    public int ReceiptPageCount { get; private set; } = 1;

    public bool IsAdmin { get; private set; }

    /// <summary>The pause reason typed before a refusal, given back in its field.</summary>
    public string? Reason { get; private set; }

    [BindProperty]
    public OfflinePaymentForm Offline { get; set; } = new();

    public CurrentCity City => tenant.City!;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Offline = new OfflinePaymentForm { IdempotencyKey = Guid.NewGuid().ToString("N") };
        return await TryLoadAsync(cancellationToken) ? Page() : NotFound();
    }

    /// <summary>A city admin pauses the campaign with a public reason; the holder is told. Refused (403) to agents.</summary>
    public async Task<IActionResult> OnPostPauseAsync([FromForm] long? version, [FromForm] string? reason, CancellationToken cancellationToken)
    {
        Reason = reason;
        var missing = string.IsNullOrWhiteSpace(reason) ? l["Indiquez le motif de la suspension : il sera affiché sur la page du projet."].Value : null;
        return await ActAsync(version, missing, async (campaign, city, userId, now) =>
        {
            var before = campaign.Status;
            campaign.Pause(city, userId, reason, now);
            var project = await ProjectAsync(campaign.ProjectId, cancellationToken);
            await audit.RecordAsync(
                AuditAction.CampaignPaused, AuditSubject.Campaign, campaign.Id, project.Title, campaign.PauseReason,
                AuditTrail.Values(("Statut", FundingAdminNames.Recorded(before))), AuditTrail.Values(("Statut", FundingAdminNames.Recorded(campaign.Status))),
                cancellationToken: cancellationToken);
            notifier.Notify(campaign.HolderUserId, City.Id, NotificationKind.CampaignPaused, project.Title, campaign.PauseReason, ProjectPaths.Page(City.Slug, project.Id, project.Title));
            return l["La campagne « {0} » est suspendue : son porteur est prévenu et le motif est affiché sur la page du projet.", project.Title].Value;
        }, cancellationToken);
    }

    /// <summary>A city admin resumes a paused campaign; the holder is told. Refused (403) to agents.</summary>
    public Task<IActionResult> OnPostResumeAsync([FromForm] long? version, CancellationToken cancellationToken) =>
        ActAsync(version, null, async (campaign, city, userId, now) =>
        {
            var before = campaign.Status;
            campaign.Resume(city, userId, now);
            var project = await ProjectAsync(campaign.ProjectId, cancellationToken);
            await audit.RecordAsync(
                AuditAction.CampaignResumed, AuditSubject.Campaign, campaign.Id, project.Title, null,
                AuditTrail.Values(("Statut", FundingAdminNames.Recorded(before))), AuditTrail.Values(("Statut", FundingAdminNames.Recorded(campaign.Status))),
                cancellationToken: cancellationToken);
            notifier.Notify(campaign.HolderUserId, City.Id, NotificationKind.CampaignResumed, project.Title, null, ProjectPaths.Page(City.Slug, project.Id, project.Title));
            return l["La campagne « {0} » reprend : les contributions sont de nouveau ouvertes.", project.Title].Value;
        }, cancellationToken);

    /// <summary>
    /// Staff record a cheque or a transfer received for the campaign: it counts at once. The form's
    /// key (made when the page was shown) makes a double post record it once.
    /// </summary>
    public async Task<IActionResult> OnPostOfflineAsync(CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == CampaignId)
            .Select(c => new { c.Id, c.ProjectId })
            .SingleOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }

        var key = Offline.IdempotencyKey?.Trim();
        if (string.IsNullOrEmpty(key) || key.Length > Contribution.KeyMaxLength || User.IdOrNull() is not { } staffUserId)
        {
            return BadRequest();
        }

        var (cents, method, tierId) = Offline.Read(ModelState, l);
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var known = await db.Contributions.AsNoTracking().AnyAsync(c => c.CampaignId == campaign.Id && c.IdempotencyKey == key, cancellationToken);
        if (known)
        {
            StatusMessage = l["Ce paiement hors ligne est déjà enregistré."];
            return RedirectToPage(new { slug = City.Slug, campaignId = CampaignId });
        }

        StatusMessage = await desk.RecordAsync(campaign.Id, campaign.ProjectId, staffUserId, Offline, cents, method, tierId, key, cancellationToken);
        return RedirectToPage(new { slug = City.Slug, campaignId = CampaignId });
    }

    /// <summary>
    /// A city admin confirms a cheque or a transfer another person recorded (four eyes, issue #16):
    /// it counts from now, matchfunding included. Refused with the reason when the domain refuses
    /// (the same person, an agent, a campaign already settling).
    /// </summary>
    public Task<IActionResult> OnPostConfirmOfflineAsync([FromForm] long? contributionId, CancellationToken cancellationToken) =>
        DecideOfflineAsync(contributionId, (row, userId) => desk.ConfirmAsync(row, userId, cancellationToken), cancellationToken);

    /// <summary>A city admin, or the person who typed it, sets aside an offline payment that waited, with a reason.</summary>
    public Task<IActionResult> OnPostRejectOfflineAsync([FromForm] long? contributionId, [FromForm] string? rejectReason, CancellationToken cancellationToken) =>
        DecideOfflineAsync(contributionId, (row, userId) => desk.RejectAsync(row, userId, rejectReason, cancellationToken), cancellationToken);

    private async Task<IActionResult> DecideOfflineAsync(long? contributionId, Func<AwaitingOfflineRow, long, Task<string>> decide, CancellationToken cancellationToken)
    {
        if (contributionId is not { } id || User.IdOrNull() is not { } userId)
        {
            return BadRequest();
        }

        // The tenant's filter: another city's contribution, or another campaign's, is not found.
        var row = await desk.Rows(CampaignId, id).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return NotFound();
        }

        try
        {
            StatusMessage = await decide(row, userId);
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(refusal, l, OfflineDecisionField, new Dictionary<string, string> { ["Reason"] = OfflineReasonField(id) });
            if (refusal.Field is null)
            {
                ModelState.AddModelError(OfflineDecisionField, l.Localize(refusal));
            }
            await LoadAsync(cancellationToken);
            return Page();
        }

        return RedirectToPage(new { slug = City.Slug, campaignId = CampaignId });
    }

    /// <summary>The field of the reason typed to set aside offline payment <paramref name="contributionId"/>.</summary>
    public static string OfflineReasonField(long contributionId) => string.Create(CultureInfo.InvariantCulture, $"rejectReason-{contributionId}");

    /// <summary>Every receipt of the campaign, in force or cancelled, as a CSV file for a French spreadsheet. Two SQL commands.</summary>
    public async Task<IActionResult> OnGetReceiptsCsvAsync(CancellationToken cancellationToken)
    {
        if (!await db.Campaigns.AnyAsync(c => c.Id == CampaignId, cancellationToken))
        {
            return NotFound();
        }

        var bytes = await CampaignReceiptsCsv.BuildAsync(ReceiptRows(CampaignId), l, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return File(bytes, Csv.ContentType, string.Create(CultureInfo.InvariantCulture, $"recus-fiscaux-campagne-{CampaignId}.csv"));
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The campaign disappeared while its page was shown again.");
        }
    }

    public string PageUrl(int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{FundingAdminPaths.Campaign(City.Slug, CampaignId)}?page={number}#contributions");

    public string ReceiptPageUrl(int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{FundingAdminPaths.Campaign(City.Slug, CampaignId)}?recus={number}#recus");

    private Task<ProjectRef> ProjectAsync(long projectId, CancellationToken cancellationToken) =>
        db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => new ProjectRef(p.Id, p.Title)).SingleAsync(cancellationToken);

    /// <summary>
    /// One admin action on the campaign: as the person saw it (its version), the city with its
    /// staff (the domain checks who may act), one domain call, its audit line, one save.
    /// </summary>
    private async Task<IActionResult> ActAsync(long? version, string? missing, Func<Campaign, Domain.Municipalities.Municipality, long, DateTime, Task<string>> act, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.CityAdmin)).Succeeded)
        {
            return Forbid();
        }

        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == CampaignId, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }

        if (version is null || User.IdOrNull() is not { } userId)
        {
            return BadRequest();
        }

        if (missing is not null)
        {
            ModelState.AddModelError(ReasonField, missing);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == City.Id, cancellationToken);
        db.ExpectVersion(campaign, version.Value);
        var done = await act(campaign, city, userId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await notifier.SendMailsAsync(cancellationToken);
        StatusMessage = done;
        return RedirectToPage(new { slug = City.Slug, campaignId = CampaignId });
    }

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var id = CampaignId;
        var header = await db.Campaigns.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new CampaignHeader(
                c.Id,
                c.ProjectId,
                db.Projects.Where(p => p.Id == c.ProjectId).Select(p => p.Title).FirstOrDefault() ?? string.Empty,
                db.Users.Where(u => u.Id == c.HolderUserId).Select(u => u.DisplayName).FirstOrDefault() ?? string.Empty,
                c.Status,
                c.Mode,
                c.GoalCents,
                c.MinimumContributionCents,
                c.LaunchedAtUtc,
                c.EndsAtUtc,
                c.MatchRatioPercent,
                c.MatchCapCents,
                c.FeeBasisPoints,
                c.PaysPublicAccountant,
                c.PausedAtUtc,
                c.PauseReason,
                c.Version,
                db.Municipalities.Where(m => m.Id == c.MunicipalityId).Select(m => m.OfflineSecondAdminAboveCents).FirstOrDefault()))
            .SingleOrDefaultAsync(cancellationToken);
        if (header is null)
        {
            return false;
        }

        Campaign = header;
        Tiers = await db.RewardTiers.AsNoTracking().Where(t => t.CampaignId == id)
            .OrderBy(t => t.Position).ThenBy(t => t.Id)
            .Select(t => new CampaignTierRow(t.Id, t.Title, t.MinimumCents, t.Quantity, t.Taken))
            .ToListAsync(cancellationToken);
        Totals = await FundingTotals.ForAsync(db, id, cancellationToken);
        var sums = await (
                from line in db.LedgerLines.AsNoTracking()
                join transaction in db.LedgerTransactions on line.TransactionId equals transaction.Id
                where transaction.CampaignId == id
                group line by new { line.AccountKind, transaction.Kind } into g
                select new { g.Key.AccountKind, g.Key.Kind, Cents = g.Sum(l => l.AmountCents) })
            .ToListAsync(cancellationToken);
        Figures = LedgerFigures.From(sums.Select(s => new LedgerSum(s.AccountKind, s.Kind, s.Cents)));

        var contributions = db.Contributions.AsNoTracking().Where(c => c.CampaignId == id);
        ContributionCount = await contributions.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (ContributionCount + PageSize - 1) / PageSize);
        PageNumber = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var requested)
            ? Math.Clamp(requested, 1, PageCount)
            : 1;
        Contributions = await contributions
            .OrderByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(c => new CampaignContributionRow(
                c.Id,
                c.CreatedAtUtc,
                c.ContributorUserId == null ? null : db.Users.Where(u => u.Id == c.ContributorUserId).Select(u => u.DisplayName).FirstOrDefault(),
                c.DonorFullName,
                c.PublicName,
                c.IsAnonymous,
                c.AmountCents,
                c.TierId == null ? null : db.RewardTiers.Where(t => t.Id == c.TierId).Select(t => t.Title).FirstOrDefault(),
                c.Provider,
                c.Method,
                c.OfflineReference,
                c.Status,
                c.RefundedCents,
                c.Dispute))
            .ToListAsync(cancellationToken);
        Payouts = await db.Payouts.AsNoTracking().Where(p => p.CampaignId == id)
            .OrderByDescending(p => p.Route).ThenBy(p => p.Id)
            .Select(p => new CampaignPayoutRow(
                p.AmountCents,
                p.Status,
                p.ToPublicAccountant,
                p.PayeeUserId == null ? null : db.Users.Where(u => u.Id == p.PayeeUserId).Select(u => u.DisplayName).FirstOrDefault(),
                p.CreatedAtUtc,
                p.SentAtUtc,
                p.Reference,
                -db.LedgerLines.Where(l => l.AccountKind == Domain.Funding.Ledger.LedgerAccountKind.PayeeReceivable && l.AccountReference == p.CampaignId).Sum(l => l.AmountCents),
                p.Route,
                p.TransferError))
            .ToListAsync(cancellationToken);
        var receipts = ReceiptRows(id);
        ReceiptCount = await receipts.CountAsync(cancellationToken);
        ReceiptPageCount = Math.Max(1, (ReceiptCount + ReceiptPageSize - 1) / ReceiptPageSize);
        ReceiptPageNumber = int.TryParse(Request.Query["recus"], NumberStyles.None, CultureInfo.InvariantCulture, out var receiptPage)
            ? Math.Clamp(receiptPage, 1, ReceiptPageCount)
            : 1;
        Receipts = await receipts
            .Skip((ReceiptPageNumber - 1) * ReceiptPageSize)
            .Take(ReceiptPageSize)
            .Select(r => new CampaignReceiptRow(r.Id, r.Number, r.DonorFullName, r.AmountCents, r.GiftDate, r.Status, r.ReplacedByNumber))
            .ToListAsync(cancellationToken);
        IsAdmin = (await authorization.AuthorizeAsync(User, Policies.CityAdmin)).Succeeded;
        CurrentUserId = User.IdOrNull();
        AwaitingOffline = await desk.Rows(id, null).Take(PageSize).ToListAsync(cancellationToken);
        return true;
    }

    /// <summary>The campaign's receipts in the order they were issued.</summary>
    private IQueryable<TaxReceipt> ReceiptRows(long campaignId) =>
        db.TaxReceipts.AsNoTracking().Where(r => r.CampaignId == campaignId).OrderBy(r => r.IssuedAtUtc).ThenBy(r => r.Id);

    private sealed record ProjectRef(long Id, string Title);
}
