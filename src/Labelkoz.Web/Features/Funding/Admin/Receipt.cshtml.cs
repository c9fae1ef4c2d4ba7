using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Funding;

using Labelkoz.Web.Features.Funding.Receipts;
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
/// One tax receipt of a campaign, for the city's staff: every printed field, its PDF (a cancelled
/// receipt's carries its cancellation note), and what replaced it. A city admin corrects a
/// receipt in force (the donor's name or address): it is cancelled with the reason and a new one,
/// with the next number, replaces it; audited. Another city's receipt, or one of another campaign
/// than the address says, is "not found". One SQL command to show it.
/// </summary>
[AdminForChanges]
public sealed class ReceiptModel(
    AppDbContext db,
    TenantContext tenant,
    AuditTrail audit,
    TaxReceipts receipts,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage, IRefusalFields
{
    public const string NameField = "Correction.DonorFullName";
    public const string AddressField = "Correction.DonorAddress";
    public const string ReasonField = "Correction.Reason";

    /// <summary>The donor's identity (<c>DonorFullName</c>, <c>DonorAddress</c>) and the reason, refused by the domain, are shown next to the correction's fields.</summary>
    public string RefusalPrefix => nameof(Correction);

    [FromRoute]
    public long CampaignId { get; set; }

    [FromRoute]
    public long ReceiptId { get; set; }

    public View Receipt { get; private set; } = null!;

    public bool IsAdmin { get; private set; }

    [BindProperty]
    public CorrectionInput Correction { get; set; } = new();

    public CurrentCity City => tenant.City!;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Correction = new CorrectionInput { DonorFullName = Receipt.DonorFullName, DonorAddress = Receipt.DonorAddress };
        return Page();
    }

    /// <summary>The receipt as the donor holds it, drawn from its snapshot only.</summary>
    public async Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken)
    {
        var receipt = await db.TaxReceipts.AsNoTracking().SingleOrDefaultAsync(r => r.Id == ReceiptId && r.CampaignId == CampaignId, cancellationToken);
        if (receipt is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(TaxReceiptPdf.Render(TaxReceipts.Document(receipt)), "application/pdf", ReceiptPaths.FileName(receipt.Number));
    }

    /// <summary>
    /// A city admin corrects the donor's identity: the receipt is cancelled and replaced by a new one.
    /// Agents are refused (403) before this runs (<see cref="AdminForChangesAttribute"/>).
    /// </summary>
    public async Task<IActionResult> OnPostCorrectAsync(CancellationToken cancellationToken)
    {
        var exists = await db.TaxReceipts.AnyAsync(r => r.Id == ReceiptId && r.CampaignId == CampaignId, cancellationToken);
        if (!exists)
        {
            return NotFound();
        }

        if (User.IdOrNull() is not { } adminUserId)
        {
            return BadRequest();
        }

        var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == City.Id, cancellationToken);
        var donor = DonorIdentity.Create(Correction.DonorFullName, Correction.DonorAddress, required: true)!;
        var (cancelled, replacement) = await receipts.CorrectAsync(
            city,
            adminUserId,
            ReceiptId,
            donor,
            Correction.Reason,
            (old, fresh) => audit.RecordAsync(
                AuditAction.TaxReceiptCorrected, AuditSubject.TaxReceipt, old.Id, $"Reçu n° {old.Number} — {old.ProjectTitle}", old.CancellationReason,
                AuditTrail.Values(("Reçu", old.Number), ("Donateur", old.DonorFullName), ("Adresse", old.DonorAddress)),
                AuditTrail.Values(("Reçu", fresh.Number), ("Donateur", fresh.DonorFullName), ("Adresse", fresh.DonorAddress)),
                cancellationToken: cancellationToken),
            cancellationToken);
        StatusMessage = l["Le reçu n° {0} est annulé ; le reçu n° {1} le remplace.", cancelled.Number, replacement.Number];
        return Redirect(ReceiptAdminPaths.Receipt(City.Slug, CampaignId, replacement.Id));
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The receipt disappeared while its page was shown again.");
        }
    }

    public string PdfUrl => ReceiptAdminPaths.Pdf(City.Slug, CampaignId, ReceiptId);

    public string CorrectUrl => ReceiptAdminPaths.Receipt(City.Slug, CampaignId, ReceiptId) + "?handler=Correct";

    public static string MethodName(IStringLocalizer l, PaymentMethod method)
    {
        ArgumentNullException.ThrowIfNull(l);
        return method switch
        {
            PaymentMethod.Card => l["Carte bancaire"],
            PaymentMethod.Cheque => l["Chèque"],
            PaymentMethod.Transfer => l["Virement"],
        };
    }

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var (campaignId, receiptId) = (CampaignId, ReceiptId);
        var view = await db.TaxReceipts.AsNoTracking()
            .Where(r => r.Id == receiptId && r.CampaignId == campaignId)
            .Select(r => new View(
                r.Id,
                r.Number,
                r.Status,
                r.BeneficiaryName,
                r.BeneficiaryIdentifier,
                r.BeneficiaryAddress,
                r.BeneficiaryObject,
                r.BeneficiaryQuality,
                r.DonorFullName,
                r.DonorAddress,
                r.AmountCents,
                r.GiftDate,
                r.Method,
                r.ProjectTitle,
                r.IssuedOn,
                r.IssuedAt,
                r.SignatoryName,
                r.SignatoryTitle,
                r.ReplacesReceiptId,
                r.ReplacesNumber,
                db.TaxReceipts.Where(n => n.ReplacesReceiptId == r.Id).Select(n => (long?)n.Id).FirstOrDefault(),
                r.ReplacedByNumber,
                r.CancelledAtUtc,
                db.Users.Where(u => u.Id == r.CancelledByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                r.CancellationReason))
            .SingleOrDefaultAsync(cancellationToken);
        if (view is null)
        {
            return false;
        }

        Receipt = view;
        IsAdmin = (await authorization.AuthorizeAsync(User, Policies.CityAdmin)).Succeeded;
        return true;
    }

    public sealed class CorrectionInput
    {
        public string? DonorFullName { get; set; }

        public string? DonorAddress { get; set; }

        public string? Reason { get; set; }
    }

    public sealed record View(
        long Id,
        string Number,
        TaxReceiptStatus Status,
        string BeneficiaryName,
        string BeneficiaryIdentifier,
        string BeneficiaryAddress,
        string BeneficiaryObject,
        string BeneficiaryQuality,
        string DonorFullName,
        string DonorAddress,
        long AmountCents,
        DateOnly GiftDate,
        PaymentMethod Method,
        string ProjectTitle,
        DateOnly IssuedOn,
        string IssuedAt,
        string SignatoryName,
        string SignatoryTitle,
        long? ReplacesId,
        string? ReplacesNumber,
        long? ReplacedById,
        string? ReplacedByNumber,
        DateTime? CancelledAtUtc,
        string? CancelledBy,
        string? CancellationReason)
    {
        public bool InForce => Status == TaxReceiptStatus.Issued;
    }
}
