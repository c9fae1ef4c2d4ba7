using System.ComponentModel.DataAnnotations;
using Labelkoz.Data;
using Labelkoz.Data.Payments;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Payments;

/// <summary>
/// The sandbox processor's hosted page, at <c>/paiement-test/{paymentId}</c>: like a real
/// processor's page it belongs to no city and opens to anyone holding the link (the payment id is
/// unguessable). The card number decides the outcome (<see cref="SandboxCards"/>); a card that asks
/// for confirmation gets a second step. Then the person goes back to the payment's return address,
/// and only to a local one: never an open redirect. Not indexed by search engines.
/// </summary>
public sealed class SandboxPageModel(AppDbContext db, SandboxPaymentProvider sandbox) : PageModel, IReloadablePage
{
    private string _paymentId = string.Empty;

    [BindProperty]
    public CardInput Input { get; set; } = new();

    public PaymentView Payment { get; private set; } = null!;

    public IReadOnlyList<(string Number, SandboxCardOutcome Outcome, string? DeclineReason)> TestCards => SandboxCards.All;

    /// <summary>The return address when it is local ("/..."), else null: the page then keeps the person here.</summary>
    public string? ReturnUrl => Payment.ReturnUrl.StartsWith('/') && Url.IsLocalUrl(Payment.ReturnUrl) ? Payment.ReturnUrl : null;

    public async Task<IActionResult> OnGetAsync([FromRoute] string paymentId, CancellationToken cancellationToken)
    {
        _paymentId = paymentId;
        NoIndex();
        return await TryLoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPayAsync([FromRoute] string paymentId, CancellationToken cancellationToken)
    {
        _paymentId = paymentId;
        NoIndex();
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var status = await sandbox.PayAsync(paymentId, Input.CardNumber, cancellationToken);
        return After(status);
    }

    public async Task<IActionResult> OnPostConfirmAsync([FromRoute] string paymentId, [FromForm] bool? approved, CancellationToken cancellationToken)
    {
        _paymentId = paymentId;
        NoIndex();
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (approved is null)
        {
            return BadRequest();
        }

        var status = await sandbox.ConfirmAsync(paymentId, approved.Value, cancellationToken);
        return After(status);
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken);

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var payment = await db.SandboxPayments.AsNoTracking()
            .Where(p => p.Id == _paymentId)
            .Select(p => new PaymentView(p.Id, p.AmountCents, p.Description, p.ReturnUrl, p.Status, p.CardLast4, p.DeclineReason))
            .SingleOrDefaultAsync(cancellationToken);
        if (payment is null)
        {
            return false;
        }

        Payment = payment;
        return true;
    }

    /// <summary>A decided payment goes back to the site that asked for it; anything else stays here.</summary>
    private StatusCodeResult After(SandboxPaymentStatus status)
    {
        var target = status is SandboxPaymentStatus.Succeeded or SandboxPaymentStatus.Declined or SandboxPaymentStatus.Refunded && ReturnUrl is { } back
            ? back
            : SandboxPaymentProvider.PagePath(_paymentId);
        Response.Headers.Location = target;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private void NoIndex()
    {
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.Headers.CacheControl = "no-store";
    }

    public sealed record PaymentView(string Id, long AmountCents, string Description, string ReturnUrl, SandboxPaymentStatus Status, string? CardLast4, string? DeclineReason);

    public sealed class CardInput
    {
        [Required(ErrorMessage = "Le champ « {0} » est obligatoire.")]
        [StringLength(40, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Numéro de carte")]
        public string? CardNumber { get; set; }

        [StringLength(10, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Date d'expiration")]
        public string? Expiry { get; set; }

        [StringLength(4, ErrorMessage = "Le champ « {0} » ne peut pas dépasser {1} caractères.")]
        [Display(Name = "Cryptogramme")]
        public string? Cvc { get; set; }
    }
}
