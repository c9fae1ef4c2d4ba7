using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Funding.Ledger;
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
/// A payee that owes money back (refunds made after its payout was sent, ADR 17) pays it: the
/// operator records the transfer received, for at most what is owed (<see cref="PayeeDebt"/>). The
/// ledger moves it from the payee's receivable back (payouts sent ← payee receivable), once per form;
/// audited in the city's journal.
/// </summary>
[Labelkoz.Web.Features.Accounts.SecondFactor.RecentAuthentication]
public sealed class RepaymentModel(AppDbContext db, CampaignMoney money, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public long Id { get; private set; }

    public SendPayoutModel.Row Payout { get; private set; } = null!;

    public long OwedCents { get; private set; }

    [BindProperty]
    public RepaymentInput Input { get; set; } = new();

    public static string PathOf(long payoutId) => string.Create(CultureInfo.InvariantCulture, $"{PayoutsModel.Path}/{payoutId}/remboursement-recu");

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Id = id;
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = new RepaymentInput { Amount = MoneyInput.ForInput(OwedCents, CultureInfo.CurrentCulture), Key = Guid.NewGuid().ToString("N") };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        Id = id;
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!MoneyInput.TryParseCents(Input.Amount, out var cents, out var error))
        {
            ModelState.AddModelError("Input.Amount", l.Explain(error));
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Input.Key) || Input.Key.Length > Contribution.KeyMaxLength)
        {
            return BadRequest();
        }

        var payout = await db.Payouts.AsNoTracking().SingleAsync(p => p.Id == id, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await money.LockAsync(payout.CampaignId, cancellationToken);
        var owed = -await FundingTotals.BalanceAsync(db, LedgerAccount.Receivable(payout.CampaignId), cancellationToken);
        var key = $"campaign:{payout.CampaignId}:repaid:{Input.Key}";
        if (await db.LedgerTransactions.AnyAsync(t => t.IdempotencyKey == key, cancellationToken))
        {
            // The same form again: it was recorded.
            await transaction.CommitAsync(cancellationToken);
            return Redirect(PayoutsModel.Path);
        }

        var reference = PayeeDebt.Repay(owed, cents, Input.Reference);
        var now = clock.GetUtcNow().UtcDateTime;
        await money.AddOnceAsync(LedgerTransaction.Transfer(
            payout.MunicipalityId, payout.CampaignId, null, LedgerTransactionKind.PayeeRepaid, key,
            LedgerAccount.PayoutsSent, LedgerAccount.Receivable(payout.CampaignId), cents, now), cancellationToken);
        await audit.RecordAsync(
            AuditAction.PayeeRepaid, AuditSubject.Payout, payout.Id, Payout.ProjectTitle,
            $"{MoneyInput.Format(cents, CultureInfo.GetCultureInfo("fr-FR"))} — {reference}",
            municipalityId: payout.MunicipalityId, cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData["StatusMessage"] = l["{0} rendus par le bénéficiaire de « {1} » sont enregistrés.", MoneyInput.Format(cents, CultureInfo.CurrentCulture), Payout.ProjectTitle].Value;
        return Redirect(PayoutsModel.Path);
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The payout disappeared while its page was shown again.");
        }
    }

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var id = Id;
        var row = await db.Payouts.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new SendPayoutModel.Row(
                p.Id,
                p.Version,
                db.Municipalities.Where(m => m.Id == p.MunicipalityId).Select(m => m.Name).FirstOrDefault() ?? string.Empty,
                db.Municipalities.Where(m => m.Id == p.MunicipalityId).Select(m => m.Slug).FirstOrDefault() ?? string.Empty,
                db.Campaigns.Where(c => c.Id == p.CampaignId).Select(c => c.ProjectId).FirstOrDefault(),
                db.Campaigns.Where(c => c.Id == p.CampaignId).Select(c => db.Projects.Where(x => x.Id == c.ProjectId).Select(x => x.Title).FirstOrDefault()).FirstOrDefault() ?? string.Empty,
                p.ToPublicAccountant,
                p.PayeeUserId == null ? null : db.Users.Where(u => u.Id == p.PayeeUserId).Select(u => u.DisplayName).FirstOrDefault(),
                p.AmountCents,
                p.Status,
                p.SentAtUtc,
                p.Reference))
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return false;
        }

        Payout = row;
        var campaignId = await db.Payouts.Where(p => p.Id == id).Select(p => p.CampaignId).SingleAsync(cancellationToken);
        OwedCents = -await FundingTotals.BalanceAsync(db, LedgerAccount.Receivable(campaignId), cancellationToken);
        return true;
    }

    public sealed class RepaymentInput
    {
        public string? Amount { get; set; }

        public string? Reference { get; set; }

        public string? Key { get; set; }
    }
}
