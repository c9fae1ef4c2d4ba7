using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Funding.Operator;

/// <summary>
/// The payouts of every city's funded campaigns: those due first (oldest first), then the last
/// ones sent. The operator makes the transfer outside the platform, then marks it sent here with
/// its reference. Two SQL commands to show.
/// </summary>
public sealed class PayoutsModel(AppDbContext db, CampaignMoney money, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public const int SentShown = 100;
    public const string ReferenceField = "reference";

    public IReadOnlyList<Row> Due { get; private set; } = [];

    public IReadOnlyList<Row> Sent { get; private set; } = [];

    /// <summary>The payout whose form was refused, and the reference typed in it.</summary>
    public long? RefusedPayoutId { get; private set; }

    public string? Reference { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>"Marquer comme versé": once, whatever the number of posts.</summary>
    public async Task<IActionResult> OnPostSendAsync([FromForm] long? payoutId, [FromForm] long? version, [FromForm] string? reference, CancellationToken cancellationToken)
    {
        RefusedPayoutId = payoutId;
        Reference = reference;
        if (payoutId is not { } id || version is null || User.IdOrNull() is not { } operatorId)
        {
            return BadRequest();
        }

        if (string.IsNullOrWhiteSpace(reference))
        {
            if (!await db.Payouts.AnyAsync(p => p.Id == id, cancellationToken))
            {
                return NotFound();
            }

            ModelState.AddModelError(ReferenceField, l["Indiquez la référence du virement effectué."]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var sent = await new PayoutSending(db, money, audit, clock).ExecuteAsync(id, version, operatorId, reference, cancellationToken);
        if (sent is null)
        {
            return NotFound();
        }

        StatusMessage = l["Le versement de {0} pour « {1} » est marqué comme effectué.", MoneyInput.Format(sent.AmountCents, CultureInfo.CurrentCulture), sent.ProjectTitle];
        return RedirectToPage();
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Due = await Rows(db.Payouts.AsNoTracking().Where(p => p.Status == PayoutStatus.Due).OrderBy(p => p.CreatedAtUtc).ThenBy(p => p.Id))
            .ToListAsync(cancellationToken);
        Sent = await Rows(db.Payouts.AsNoTracking().Where(p => p.Status == PayoutStatus.Sent).OrderByDescending(p => p.SentAtUtc).ThenByDescending(p => p.Id).Take(SentShown))
            .ToListAsync(cancellationToken);
    }

    private IQueryable<Row> Rows(IQueryable<Payout> payouts) =>
        payouts.Select(p => new Row(
                p.Id,
                p.Version,
                p.MunicipalityId,
                db.Municipalities.Where(m => m.Id == p.MunicipalityId).Select(m => m.Name).FirstOrDefault() ?? string.Empty,
                db.Municipalities.Where(m => m.Id == p.MunicipalityId).Select(m => m.Slug).FirstOrDefault() ?? string.Empty,
                p.CampaignId,
                db.Campaigns.Where(c => c.Id == p.CampaignId).Select(c => c.ProjectId).FirstOrDefault(),
                db.Campaigns.Where(c => c.Id == p.CampaignId).Select(c => db.Projects.Where(x => x.Id == c.ProjectId).Select(x => x.Title).FirstOrDefault()).FirstOrDefault() ?? string.Empty,
                p.ToPublicAccountant,
                p.PayeeUserId == null ? null : db.Users.Where(u => u.Id == p.PayeeUserId).Select(u => u.DisplayName).FirstOrDefault(),
                p.AmountCents,
                p.Status,
                p.CreatedAtUtc,
                p.SentAtUtc,
                p.Reference));

    public sealed record Row(
        long Id,
        long Version,
        long CityId,
        string CityName,
        string CitySlug,
        long CampaignId,
        long ProjectId,
        string ProjectTitle,
        bool ToPublicAccountant,
        string? PayeeName,
        long AmountCents,
        PayoutStatus Status,
        DateTime CreatedAtUtc,
        DateTime? SentAtUtc,
        string? Reference);
}
