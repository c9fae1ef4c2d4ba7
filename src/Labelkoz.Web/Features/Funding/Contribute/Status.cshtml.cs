using Labelkoz.Data;
using Labelkoz.Data.Payments;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Features.Payments;
using Labelkoz.Web.Features.Funding.Receipts;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Funding.Contribute;

/// <summary>
/// A contribution's state, at <c>/{slug}/projets/{id}/contributions/{contributionId}</c>, where the
/// processor sends its contributor back: pending until the processor's event is applied, then
/// confirmed, declined or refunded. While it waits, an "Actualiser" link, never a timed reload
/// (WCAG 2.2.1). Once the campaign is funded, its tax receipt when the holder issues them. Only its
/// contributor sees it: anyone else gets a 404. One SQL command.
/// </summary>
[Authorize]
public sealed class StatusModel(AppDbContext db, TenantContext tenant, TaxReceipts receipts, IStringLocalizer<SharedResource> l) : PageModel
{
    public CurrentCity City => tenant.City!;

    public ContributionView Contribution { get; private set; } = null!;

    /// <summary>Why this gift, to a holder who issues receipts, has none yet (null otherwise).</summary>
    public string? ReceiptRefusal { get; private set; }

    /// <summary>Whether the page speaks of a tax receipt at all: the holder issues them and the gift stands.</summary>
    public bool ShowsReceipt => Contribution.ReceiptNumber is not null || (Contribution.IssuesReceipts && Contribution.Status == ContributionStatus.Succeeded);

    /// <summary>Where a pending card payment can still be made (the sandbox's page), or null.</summary>
    public string? PaymentPage =>
        Contribution is { Status: ContributionStatus.Pending, Provider: PaymentProvider.Sandbox, ProviderPaymentId: { } paymentId, SandboxStatus: SandboxPaymentStatus.RequiresCard or SandboxPaymentStatus.RequiresConfirmation }
            ? SandboxPaymentProvider.PagePath(paymentId)
            : null;

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, [FromRoute] long contributionId, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var contribution = await (
                from c in db.Contributions.AsNoTracking()
                join campaign in db.Campaigns on c.CampaignId equals campaign.Id
                join p in db.Projects on campaign.ProjectId equals p.Id
                where c.Id == contributionId && c.ContributorUserId == userId && p.Id == id
                select new ContributionView(
                    c.Id,
                    p.Id,
                    p.Title,
                    c.AmountCents,
                    c.Status,
                    c.FailureReason,
                    db.RewardTiers.Where(t => t.Id == c.TierId).Select(t => t.Title).FirstOrDefault(),
                    c.IsAnonymous,
                    c.PublicName,
                    c.Message,
                    c.Provider,
                    c.ProviderPaymentId,
                    c.CreatedAtUtc,
                    db.SandboxPayments.Where(s => s.Id == c.ProviderPaymentId && c.Provider == PaymentProvider.Sandbox).Select(s => (SandboxPaymentStatus?)s.Status).FirstOrDefault(),
                    campaign.Status,
                    p.HolderType,
                    p.ReceiptIssuer != null,
                    db.RewardTiers.Where(t => t.Id == c.TierId).Select(t => (long?)t.ValueCents).FirstOrDefault() ?? 0,
                    db.TaxReceipts.Where(r => r.ContributionId == c.Id && r.Status == TaxReceiptStatus.Issued).Select(r => r.Number).FirstOrDefault(),
                    c.RefundedCents,
                    c.Dispute))
            .SingleOrDefaultAsync(cancellationToken);
        if (contribution is null)
        {
            return NotFound();
        }

        Contribution = contribution;
        if (contribution is { ReceiptNumber: null, IssuesReceipts: true, Status: ContributionStatus.Succeeded }
            && TaxReceipt.WhyNoReceipt(contribution.Status, contribution.StandingCents, contribution.CampaignStatus, contribution.HolderType, contribution.IssuesReceipts, contribution.RewardValueCents, receipts.RewardCapCents) is { } refusal)
        {
            ReceiptRefusal = l.Localize(refusal);
        }

        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public sealed record ContributionView(
        long Id, long ProjectId, string ProjectTitle, long AmountCents, ContributionStatus Status, string? FailureReason, string? TierTitle,
        bool IsAnonymous, string? PublicName, string? Message, PaymentProvider Provider, string? ProviderPaymentId, DateTime CreatedAtUtc,
        SandboxPaymentStatus? SandboxStatus, CampaignStatus CampaignStatus, HolderType HolderType, bool IssuesReceipts, long RewardValueCents, string? ReceiptNumber,
        long RefundedCents, DisputeState Dispute)
    {
        /// <summary>What stands of the gift after its refunds.</summary>
        public long StandingCents => AmountCents - RefundedCents;
    }
}
