using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Features.Subscriptions;
using Labelkoz.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.CityAdmin;

/// <summary>
/// The city's subscription, for its admins (issue #7): status, plan, billing period, trial, next
/// invoice, and every invoice with its PDF. Another city's invoice is "not found" (the tenant filter).
/// Two SQL commands to show.
/// </summary>
[Authorize(Policy = Policies.CityAdmin)]
public sealed class SubscriptionModel(AppDbContext db, TenantContext tenant, SubscriptionBilling billing) : PageModel
{
    public CurrentCity City => tenant.City!;

    public SubscriptionView? Current { get; private set; }

    public IReadOnlyList<InvoiceRow> Invoices { get; private set; } = [];

    public DateOnly Today => billing.Today;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Current = await db.Subscriptions.AsNoTracking()
            .Select(s => new SubscriptionView(
                s.Status,
                db.Plans.Where(p => p.Id == s.PlanId).Select(p => p.Name).First(),
                s.Period,
                s.StartedOn,
                s.TrialEndsOn,
                s.InvoicedUntil,
                s.EndsOn,
                s.NextPlanId == null ? null : db.Plans.Where(p => p.Id == s.NextPlanId).Select(p => p.Name).First(),
                s.NextPeriod))
            .SingleOrDefaultAsync(cancellationToken);
        Invoices = await db.Invoices.AsNoTracking()
            .OrderByDescending(i => i.IssuedOn).ThenByDescending(i => i.Id)
            .Select(i => new InvoiceRow(i.Id, i.Number, i.IssuedOn, i.DueOn, i.PeriodStart, i.PeriodEnd, i.AmountExcludingVatCents, i.AmountIncludingVatCents, i.Status, i.PaidOn))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetPdfAsync([FromQuery] long? id, CancellationToken cancellationToken)
    {
        var invoice = id is { } invoiceId ? await db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.Id == invoiceId, cancellationToken) : null;
        if (invoice is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(InvoicePdf.Render(invoice), "application/pdf", invoice.FileName);
    }

    public sealed record SubscriptionView(
        SubscriptionStatus Status, string PlanName, BillingPeriod Period, DateOnly StartedOn, DateOnly TrialEndsOn, DateOnly InvoicedUntil, DateOnly? EndsOn,
        string? NextPlanName, BillingPeriod? NextPeriod);

    public sealed record InvoiceRow(long Id, string Number, DateOnly IssuedOn, DateOnly DueOn, DateOnly PeriodStart, DateOnly PeriodEnd, long AmountExcludingVatCents, long AmountIncludingVatCents, InvoiceStatus Status, DateOnly? PaidOn);
}
