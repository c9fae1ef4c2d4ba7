using Labelkoz.Data;
using Labelkoz.Domain.Funding;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Funding.Operator;

/// <summary>
/// The payouts of every city's funded campaigns: those due first (oldest first), then the last
/// ones sent. The operator makes the transfer outside the platform, then types its reference
/// here and confirms on the payout's own page (<see cref="SendPayoutModel"/>): the step cannot be
/// undone. Two SQL commands to show.
/// </summary>
public sealed class PayoutsModel(AppDbContext db) : PageModel
{
    public const string Path = "/operateur/versements";
    public const int SentShown = 100;

    public IReadOnlyList<Row> Due { get; private set; } = [];

    public IReadOnlyList<Row> Sent { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

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
