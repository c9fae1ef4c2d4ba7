using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Features.Payments;
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
/// The operator refunds part or all of a contribution (a donor's request, a mistake), at any time:
/// the page says what stands, what was refunded already, and where the money will come from (the
/// escrow before the campaign's end, the payout or the payee after it, ADR 17). The processor is
/// asked with the form's key (posted twice, refunded once); the ledger records the refund when the
/// processor confirms it. Audited in the city's journal. Two SQL commands to show.
/// </summary>
[Labelkoz.Web.Features.Accounts.SecondFactor.RecentAuthentication]
public sealed class RefundModel(AppDbContext db, CampaignMoney money, AuditTrail audit, IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public long Id { get; private set; }

    public GiftRow Gift { get; private set; } = null!;

    public IReadOnlyList<ContributionRefund> Refunds { get; private set; } = [];

    [BindProperty]
    public RefundInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public static string PathOf(long contributionId) => FundingAdminPaths.OperatorRefund(contributionId);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Id = id;
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = new RefundInput { Amount = MoneyInput.ForInput(Gift.StandingCents, CultureInfo.CurrentCulture), Key = Guid.NewGuid().ToString("N") };
        return Page();
    }

    /// <summary>"Rembourser": asks the processor; the ledger follows its confirmation.</summary>
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

        RefundResult result;
        try
        {
            result = await money.RequestRefundAsync(id, cents, Input.Reason, Input.Key ?? string.Empty, async (contribution, reason, refund) =>
            {
                var details = $"{MoneyInput.Format(cents, CultureInfo.GetCultureInfo("fr-FR"))} ({refund.RefundId}) : {reason}";
                var known = await db.AuditEntries.IgnoreQueryFilters().AnyAsync(
                    a => a.SubjectType == AuditSubject.Contribution && a.SubjectId == contribution.Id && a.Action == AuditAction.ContributionRefundRequested && a.Details == details,
                    cancellationToken);
                if (!known)
                {
                    await audit.RecordAsync(
                        AuditAction.ContributionRefundRequested, AuditSubject.Contribution, contribution.Id,
                        string.Create(CultureInfo.InvariantCulture, $"Contribution n° {contribution.Id} — {Gift.ProjectTitle}"),
                        details, municipalityId: contribution.MunicipalityId, cancellationToken: cancellationToken);
                }
            }, cancellationToken);
        }
        catch (Exception exception) when (exception is Stripe.StripeException or HttpRequestException or InvalidOperationException)
        {
            // The processor refused or could not be reached: nothing was recorded.
            ModelState.AddModelError(string.Empty, l["Le processeur de paiement n'a pas fait ce remboursement : rien n'a été enregistré. Vérifiez le montant, ou réessayez plus tard."]);
            return Page();
        }

        StatusMessage = l["Remboursement de {0} demandé au processeur ({1}) : il sera enregistré dès sa confirmation.", MoneyInput.Format(cents, CultureInfo.CurrentCulture), result.RefundId].Value;
        return Redirect(PathOf(id));
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The contribution disappeared while its page was shown again.");
        }
    }

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var id = Id;
        var gift = await (
                from c in db.Contributions.AsNoTracking()
                where c.Id == id
                join campaign in db.Campaigns on c.CampaignId equals campaign.Id
                join p in db.Projects on campaign.ProjectId equals p.Id
                join m in db.Municipalities on c.MunicipalityId equals m.Id
                select new GiftRow(
                    c.Id, m.Name, m.Slug, p.Id, p.Title, campaign.Status, c.AmountCents, c.RefundedCents, c.Status, c.Provider, c.ProviderPaymentId, c.Dispute,
                    c.DonorFullName ?? db.Users.Where(u => u.Id == c.ContributorUserId).Select(u => u.DisplayName).FirstOrDefault(),
                    c.SucceededAtUtc ?? c.CreatedAtUtc,
                    db.Payouts.Where(x => x.CampaignId == campaign.Id).Select(x => (PayoutStatus?)x.Status).FirstOrDefault()))
            .SingleOrDefaultAsync(cancellationToken);
        if (gift is null)
        {
            return false;
        }

        Gift = gift;
        Refunds = await db.ContributionRefunds.AsNoTracking().Where(r => r.ContributionId == id).OrderBy(r => r.RefundedAtUtc).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return true;
    }

    public sealed class RefundInput
    {
        /// <summary>In euros, as typed ("12,50").</summary>
        public string? Amount { get; set; }

        public string? Reason { get; set; }

        /// <summary>The form's key: the same form posted twice asks the processor once.</summary>
        public string? Key { get; set; }
    }

    /// <summary>The contribution as the operator reads it before refunding.</summary>
    public sealed record GiftRow(
        long Id, string CityName, string CitySlug, long ProjectId, string ProjectTitle, CampaignStatus CampaignStatus, long AmountCents, long RefundedCents,
        ContributionStatus Status, PaymentProvider Provider, string? PaymentId, DisputeState Dispute, string? DonorName, DateTime PaidAtUtc, PayoutStatus? PayoutStatus)
    {
        public long StandingCents => AmountCents - RefundedCents;
    }
}
