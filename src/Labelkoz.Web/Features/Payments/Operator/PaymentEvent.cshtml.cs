using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Payments.Operator;

/// <summary>
/// One processor's event, as the operator examines it: what it said, what it concerns, how it
/// failed. A set-aside event is tried again ("Relancer") or settled by hand ("Marquer comme
/// réglé", which cannot be undone, so it asks what was done). Both are written in the event
/// (who, when, why) and, when the payment belongs to a city, in that city's journal.
/// </summary>
public sealed class PaymentEventModel(AppDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public const string VersionField = "version";

    public long Id { get; private set; }

    public PaymentEventRow Event { get; private set; } = null!;

    [BindProperty(Name = VersionField)]
    public long? Version { get; set; }

    [BindProperty]
    public ResolveInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Id = id;
        return await TryLoadAsync(cancellationToken) ? Page() : NotFound();
    }

    /// <summary>"Relancer": the job tries the event again at its next pass.</summary>
    public Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, AuditAction.PaymentEventRetried, (paymentEvent, _, now) =>
        {
            paymentEvent.Retry(now);
            return null;
        }, l["La notification sera traitée de nouveau au prochain passage de la tâche de paiement."].Value, cancellationToken);

    /// <summary>"Marquer comme réglé": done for good, with what the operator did.</summary>
    public Task<IActionResult> OnPostResolveAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, AuditAction.PaymentEventResolved, (paymentEvent, operatorId, now) =>
        {
            paymentEvent.Resolve(operatorId, Input.Note, now);
            return paymentEvent.ResolutionNote;
        }, l["La notification est marquée comme réglée à la main."].Value, cancellationToken);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The payment event disappeared while its page was shown again.");
        }
    }

    private async Task<IActionResult> ActAsync(long id, AuditAction action, Func<PaymentEvent, long, DateTime, string?> act, string done, CancellationToken cancellationToken)
    {
        Id = id;
        if (Version is not { } version || User.IdOrNull() is not { } operatorId)
        {
            return BadRequest();
        }

        var paymentEvent = await db.PaymentEvents.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (paymentEvent is null)
        {
            return NotFound();
        }

        // The version the operator saw: the job or another operator acted since → refused, shown again.
        db.ExpectVersion(paymentEvent, version);
        var now = clock.GetUtcNow().UtcDateTime;
        var details = act(paymentEvent, operatorId, now);
        var concerns = await db.Contributions.IgnoreQueryFilters()
            .Where(c => c.Provider == paymentEvent.Provider && c.ProviderPaymentId == paymentEvent.PaymentId)
            .Select(c => new { c.Id, c.MunicipalityId })
            .FirstOrDefaultAsync(cancellationToken);
        if (concerns is not null)
        {
            await audit.RecordAsync(
                action, AuditSubject.PaymentEvent, paymentEvent.Id,
                string.Create(CultureInfo.InvariantCulture, $"{paymentEvent.EventId} (contribution n° {concerns.Id})"),
                details ?? paymentEvent.LastError,
                municipalityId: concerns.MunicipalityId,
                cancellationToken: cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = done;
        return Redirect(PaymentEventsModel.Path);
    }

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var id = Id;
        var row = await PaymentEventRow.Query(db, db.PaymentEvents.AsNoTracking().Where(e => e.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return false;
        }

        Event = row;
        Version = row.Version;
        ModelState.Remove(VersionField);
        return true;
    }

    public sealed class ResolveInput
    {
        /// <summary>What the operator did instead (e.g. refunded from the processor's dashboard, with its reference).</summary>
        public string? Note { get; set; }
    }
}
