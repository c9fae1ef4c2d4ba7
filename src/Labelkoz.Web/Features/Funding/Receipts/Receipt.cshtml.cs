using Labelkoz.Data;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Funding.Receipts;

/// <summary>
/// A donor's tax receipt, at <c>/{slug}/projets/{id}/contributions/{contributionId}/recu</c>: the PDF
/// when it was issued; otherwise why there is none, or, when the gift gives right to one but lacks
/// the donor's name and address, a form to give them and get it. Only the contributor sees it
/// (anyone else: 404). Two SQL commands to answer.
/// </summary>
[Authorize]
public sealed class ReceiptModel(AppDbContext db, TenantContext tenant, TaxReceipts receipts, IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage, IRefusalFields
{
    /// <summary>The domain names the donor's identity as the contribution does; this form calls them <c>FullName</c> and <c>Address</c>.</summary>
    private static readonly Dictionary<string, string> DonorFields = new(StringComparer.Ordinal)
    {
        ["DonorFullName"] = "Input.FullName",
        ["DonorAddress"] = "Input.Address",
    };

    private long _projectId;
    private long _contributionId;

    public CurrentCity City => tenant.City!;

    public GiftView Gift { get; private set; } = null!;

    /// <summary>Why there is no receipt, in the reader's language (null: the gift can have one).</summary>
    public string? Refusal { get; private set; }

    [BindProperty]
    public ClaimInput Input { get; set; } = new();

    public string RefusalPrefix => nameof(Input);

    public IReadOnlyDictionary<string, string>? RefusalFieldMap => DonorFields;

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, [FromRoute] long contributionId, CancellationToken cancellationToken)
    {
        (_projectId, _contributionId) = (id, contributionId);
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        if (Gift.ReceiptId is { } receiptId)
        {
            var receipt = await db.TaxReceipts.AsNoTracking().SingleAsync(r => r.Id == receiptId, cancellationToken);
            return File(TaxReceiptPdf.Render(TaxReceipts.Document(receipt)), "application/pdf", ReceiptPaths.FileName(receipt.Number));
        }

        Input = new ClaimInput { FullName = Gift.DonorFullName ?? Gift.ProfileName, Address = Gift.DonorAddress ?? Gift.ProfileAddress };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, [FromRoute] long contributionId, CancellationToken cancellationToken)
    {
        (_projectId, _contributionId) = (id, contributionId);
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Gift.ReceiptId is not null)
        {
            return RedirectSeeOther();
        }

        // The name and address typed here go on the receipt; a gift that already has them keeps them.
        var donor = Gift.HasDonorIdentity ? null : DonorIdentity.Create(Input.FullName, Input.Address, required: true);
        var receipt = await receipts.ClaimAsync(contributionId, User.Id(), donor, cancellationToken);
        return receipt is null ? NotFound() : RedirectSeeOther();
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken);

    private StatusCodeResult RedirectSeeOther()
    {
        Response.Headers.Location = ReceiptPaths.Mine(City.Slug, _projectId, _contributionId);
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var gift = await (
                from c in db.Contributions.AsNoTracking()
                join campaign in db.Campaigns on c.CampaignId equals campaign.Id
                join p in db.Projects on campaign.ProjectId equals p.Id
                join u in db.Users on c.ContributorUserId equals u.Id
                where c.Id == _contributionId && c.ContributorUserId == userId && p.Id == _projectId
                select new GiftView(
                    c.Id,
                    p.Id,
                    p.Title,
                    c.AmountCents,
                    c.Status,
                    campaign.Status,
                    p.HolderType,
                    p.ReceiptIssuer != null,
                    db.RewardTiers.Where(t => t.Id == c.TierId).Select(t => (long?)t.ValueCents).FirstOrDefault() ?? 0,
                    c.DonorFullName,
                    c.DonorAddress,
                    u.DisplayName,
                    u.AddressLine1,
                    u.AddressLine2,
                    u.PostalCode,
                    u.City,
                    db.TaxReceipts.Where(r => r.ContributionId == c.Id && r.Status == TaxReceiptStatus.Issued).Select(r => (long?)r.Id).FirstOrDefault(),
                    c.RefundedCents))
            .SingleOrDefaultAsync(cancellationToken);
        if (gift is null)
        {
            return false;
        }

        Gift = gift;
        var refusal = TaxReceipt.WhyNoReceipt(gift.Status, gift.StandingCents, gift.CampaignStatus, gift.HolderType, gift.IssuesReceipts, gift.RewardValueCents, receipts.RewardCapCents);
        Refusal = refusal is null ? null : l.Localize(refusal);
        return true;
    }

    public sealed class ClaimInput
    {
        public string? FullName { get; set; }

        public string? Address { get; set; }
    }

    public sealed record GiftView(
        long Id, long ProjectId, string ProjectTitle, long AmountCents, ContributionStatus Status, CampaignStatus CampaignStatus, HolderType HolderType,
        bool IssuesReceipts, long RewardValueCents, string? DonorFullName, string? DonorAddress, string? ProfileName, string? AddressLine1,
        string? AddressLine2, string? PostalCode, string? ProfileCity, long? ReceiptId, long RefundedCents)
    {
        /// <summary>What stands of the gift after its refunds: the receipt's amount.</summary>
        public long StandingCents => AmountCents - RefundedCents;

        public bool HasDonorIdentity => DonorFullName is not null && DonorAddress is not null;

        /// <summary>The address on the person's profile, as the lines of a letter (null when empty).</summary>
        public string? ProfileAddress
        {
            get
            {
                var town = string.Join(' ', new[] { PostalCode, ProfileCity }.Where(p => !string.IsNullOrWhiteSpace(p)));
                var address = string.Join('\n', new[] { AddressLine1, AddressLine2, town }.Where(p => !string.IsNullOrWhiteSpace(p)));
                return address.Length == 0 ? null : address;
            }
        }
    }
}
