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
/// undone. Then the payouts Stripe transfers to holders' own accounts (ADR 18): waiting for the
/// holder's account, or asked and refused (with Stripe's reason; tried again by the platform). Below
/// them, the payees who owe money back (refunds after their payout was sent). Four SQL commands to
/// show (five when some payee owes).
/// </summary>
public sealed class PayoutsModel(AppDbContext db) : PageModel
{
    public const string Path = "/operateur/versements";
    public const int SentShown = 100;

    public IReadOnlyList<Row> Due { get; private set; } = [];

    public IReadOnlyList<Row> Sent { get; private set; } = [];

    /// <summary>Payouts Stripe transfers to the holder's own account, not made yet (ADR 18).</summary>
    public IReadOnlyList<Row> Transfers { get; private set; } = [];

    /// <summary>Payees who owe money back: refunds made after their payout was sent (ADR 17).</summary>
    public IReadOnlyList<Debt> Owed { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Due = await Rows(db.Payouts.AsNoTracking().Where(p => p.Status == PayoutStatus.Due && p.Route == PayoutRoute.Manual).OrderBy(p => p.CreatedAtUtc).ThenBy(p => p.Id))
            .ToListAsync(cancellationToken);
        Transfers = await Rows(db.Payouts.AsNoTracking()
                .Where(p => p.Route == PayoutRoute.ProcessorTransfer && (p.Status == PayoutStatus.Due || p.Status == PayoutStatus.Transferring))
                .OrderBy(p => p.CreatedAtUtc).ThenBy(p => p.Id))
            .ToListAsync(cancellationToken);
        Sent = await Rows(db.Payouts.AsNoTracking().Where(p => p.Status == PayoutStatus.Sent).OrderByDescending(p => p.SentAtUtc).ThenByDescending(p => p.Id).Take(SentShown))
            .ToListAsync(cancellationToken);
        var owed = await db.LedgerLines.AsNoTracking()
            .Where(l => l.AccountKind == Domain.Funding.Ledger.LedgerAccountKind.PayeeReceivable)
            .GroupBy(l => l.AccountReference)
            .Select(g => new { CampaignId = g.Key, Cents = -g.Sum(l => l.AmountCents) })
            .Where(d => d.Cents > 0)
            .ToListAsync(cancellationToken);
        if (owed.Count > 0)
        {
            var ids = owed.Select(d => d.CampaignId).ToList();
            var rows = await Rows(db.Payouts.AsNoTracking().Where(p => ids.Contains(p.CampaignId))).ToListAsync(cancellationToken);
            // One line per campaign: its payout sent (the transfer by Stripe first, when it has two).
            Owed = [.. rows.GroupBy(r => r.CampaignId)
                .Select(g => g.OrderBy(r => r.Status == PayoutStatus.Sent ? 0 : 1).ThenByDescending(r => r.Route).First())
                .Select(r => new Debt(r, owed.Single(d => d.CampaignId == r.CampaignId).Cents)).OrderByDescending(d => d.OwedCents)];
        }
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
                p.Reference,
                p.Route,
                p.TransferError ?? p.RecoveryError,
                db.PayeeAccounts.Any(a => a.UserId == p.PayeeUserId && a.Provider == p.Provider && a.DetailsSubmitted && a.TransfersActive && a.DisabledReason == null)));

    /// <summary>A payee's debt: the payout it received, and what it owes back.</summary>
    public sealed record Debt(Row Payout, long OwedCents);

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
        string? Reference,
        PayoutRoute Route = PayoutRoute.Manual,
        string? TransferError = null,
        bool PayeeAccountReady = false);
}
