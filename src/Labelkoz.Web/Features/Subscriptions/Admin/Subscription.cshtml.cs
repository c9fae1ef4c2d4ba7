using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Subscriptions.Admin;

/// <summary>
/// The city's subscription, for its admins (issue #7): status, plan, billing period, trial, next
/// invoice, and every invoice with its PDF. Another city's invoice is "not found" (the tenant filter).
/// The admin changes the plan or the billing period (from the next period: no proration, ADR 13),
/// cancels (at the end of the period already invoiced) or withdraws the cancellation; each change
/// posts the subscription's version and is audited. Three SQL commands to show.
/// </summary>
[Authorize(Policy = Policies.CityAdmin)]
[Labelkoz.Web.Features.Accounts.SecondFactor.RecentAuthentication]
public sealed class SubscriptionModel(AppDbContext db, TenantContext tenant, SubscriptionBilling billing, AuditTrail audit, IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public const string PlanField = "planId";
    public const string PeriodField = "period";
    public const string UnderstoodField = "understood";

    public CurrentCity City => tenant.City!;

    public SubscriptionView? Current { get; private set; }

    /// <summary>The offered plans whose band holds the city's population: those it may change to.</summary>
    public IReadOnlyList<PlanChoice> Choices { get; private set; } = [];

    public IReadOnlyList<InvoiceRow> Invoices { get; private set; } = [];

    public DateOnly Today => billing.Today;

    /// <summary>What the admin picked in a refused form, shown again.</summary>
    public long? ChosenPlanId { get; private set; }

    public BillingPeriod? ChosenPeriod { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

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

    /// <summary>Schedules a plan or billing period for the next period; picking the current ones withdraws a scheduled change.</summary>
    public async Task<IActionResult> OnPostChangePlanAsync([FromForm] long? planId, [FromForm] string? period, [FromForm] long? version, CancellationToken cancellationToken)
    {
        ChosenPlanId = planId;
        ChosenPeriod = Enum.TryParse<BillingPeriod>(period, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(period, out _) ? parsed : null;
        if (version is not { } expected)
        {
            return BadRequest();
        }

        var subscription = await ForChangeAsync(expected, cancellationToken);
        if (subscription is null)
        {
            return NotFound();
        }

        var plan = planId is { } id ? await db.Plans.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) : null;
        if (plan is null)
        {
            ModelState.AddModelError(PlanField, l["Choisissez une des offres proposées."]);
        }

        if (ChosenPeriod is null)
        {
            ModelState.AddModelError(PeriodField, l["Choisissez une facturation mensuelle ou annuelle."]);
        }

        if (plan is not null)
        {
            var population = await db.Municipalities.Where(m => m.Id == subscription.MunicipalityId).Select(m => m.Population).SingleAsync(cancellationToken);
            try
            {
                SignupRequest.EnsurePlanFits(plan, population);
            }
            catch (DomainException refusal)
            {
                ModelState.AddModelError(PlanField, l.Localize(refusal));
            }
        }

        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(cancellationToken);
            return Page();
        }

        var names = await db.Plans.AsNoTracking()
            .Where(p => p.Id == subscription.PlanId || p.Id == subscription.NextPlanId || p.Id == plan!.Id)
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var before = Scheduled(subscription, names);
        subscription.ChangePlan(plan!, ChosenPeriod!.Value);
        var after = Scheduled(subscription, names);
        if (before == after)
        {
            StatusMessage = l["Rien n'a changé : cette offre et cette facturation sont déjà celles de la prochaine période."];
            return RedirectToPage();
        }

        await audit.RecordAsync(
            AuditAction.SubscriptionPlanChanged,
            AuditSubject.Municipality,
            subscription.MunicipalityId,
            City.Name,
            before: before,
            after: after,
            municipalityId: subscription.MunicipalityId,
            cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = subscription.NextPlanId is null && subscription.NextPeriod is null
            ? l["Le changement prévu est annulé : l'offre et la facturation restent les mêmes."]
            : l["À partir du {0} : {1}, facturation {2}.", Date(subscription.InvoicedUntil), names[subscription.NextPlanId ?? subscription.PlanId], PeriodName(subscription.NextPeriod ?? subscription.Period)];
        return RedirectToPage();
    }

    /// <summary>Cancels at the end of the period already invoiced; the admin ticks that they understand.</summary>
    public async Task<IActionResult> OnPostCancelAsync([FromForm] bool? understood, [FromForm] long? version, CancellationToken cancellationToken)
    {
        if (version is not { } expected)
        {
            return BadRequest();
        }

        var subscription = await ForChangeAsync(expected, cancellationToken);
        if (subscription is null)
        {
            return NotFound();
        }

        if (understood != true)
        {
            ModelState.AddModelError(UnderstoodField, l["Cochez la case pour confirmer que vous avez compris les effets de la résiliation."]);
            db.ChangeTracker.Clear();
            await LoadAsync(cancellationToken);
            return Page();
        }

        subscription.Cancel();
        await audit.RecordAsync(
            AuditAction.SubscriptionCancelled,
            AuditSubject.Municipality,
            subscription.MunicipalityId,
            City.Name,
            after: AuditTrail.Values(("Fin de l'abonnement", Iso(subscription.EndsOn))),
            municipalityId: subscription.MunicipalityId,
            cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = l["Résiliation prévue le {0} : le site restera public, en lecture seule.", Date(subscription.EndsOn)];
        return RedirectToPage();
    }

    /// <summary>
    /// The city subscribes before its trial ends: the first period starts today and its invoice is
    /// issued at once (under the subscription's lock, as the job does; the job catches up if this fails).
    /// </summary>
    public async Task<IActionResult> OnPostSubscribeNowAsync([FromForm] long? version, CancellationToken cancellationToken)
    {
        if (version is not { } expected)
        {
            return BadRequest();
        }

        var subscription = await ForChangeAsync(expected, cancellationToken);
        if (subscription is null)
        {
            return NotFound();
        }

        var trialEnd = subscription.TrialEndsOn;
        subscription.EndTrialNow(Today);
        await audit.RecordAsync(
            AuditAction.SubscriptionStartedEarly,
            AuditSubject.Municipality,
            subscription.MunicipalityId,
            City.Name,
            before: AuditTrail.Values(("Fin de l'essai", Iso(trialEnd))),
            after: AuditTrail.Values(("Fin de l'essai", Iso(subscription.TrialEndsOn))),
            municipalityId: subscription.MunicipalityId,
            cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var invoice = await billing.IssueNextAsync(subscription.Id, cancellationToken);
        StatusMessage = invoice is null
            ? l["L'abonnement commence aujourd'hui : la première facture sera émise dans l'heure."]
            : l["L'abonnement commence aujourd'hui : la facture {0} est émise, payable sous 30 jours.", invoice.Number];
        return RedirectToPage();
    }

    /// <summary>Withdraws the cancellation before the subscription ends.</summary>
    public async Task<IActionResult> OnPostResumeAsync([FromForm] long? version, CancellationToken cancellationToken)
    {
        if (version is not { } expected)
        {
            return BadRequest();
        }

        var subscription = await ForChangeAsync(expected, cancellationToken);
        if (subscription is null)
        {
            return NotFound();
        }

        var endsOn = subscription.EndsOn;
        subscription.Resume(Today);
        await audit.RecordAsync(
            AuditAction.SubscriptionResumed,
            AuditSubject.Municipality,
            subscription.MunicipalityId,
            City.Name,
            before: AuditTrail.Values(("Fin de l'abonnement", Iso(endsOn))),
            municipalityId: subscription.MunicipalityId,
            cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = l["La résiliation est annulée : l'abonnement continue."];
        return RedirectToPage();
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Current = await db.Subscriptions.AsNoTracking()
            .Select(s => new SubscriptionView(
                s.Status,
                s.PlanId,
                db.Plans.Where(p => p.Id == s.PlanId).Select(p => p.Name).First(),
                s.Period,
                s.StartedOn,
                s.TrialEndsOn,
                s.InvoicedUntil,
                s.EndsOn,
                s.NextPlanId,
                s.NextPlanId == null ? null : db.Plans.Where(p => p.Id == s.NextPlanId).Select(p => p.Name).First(),
                s.NextPeriod,
                db.Municipalities.Where(m => m.Id == s.MunicipalityId).Select(m => m.Population).First(),
                s.Version))
            .SingleOrDefaultAsync(cancellationToken);
        if (Current is { } current)
        {
            var population = current.Population;
            Choices = await db.Plans.AsNoTracking()
                .Where(p => p.IsOffered && p.MinPopulation <= population && (p.MaxPopulation == null || p.MaxPopulation >= population))
                .OrderBy(p => p.MonthlyPriceCents).ThenBy(p => p.Name)
                .Select(p => new PlanChoice(p.Id, p.Name, p.MonthlyPriceCents, p.YearlyPriceCents, p.FeeBasisPoints, p.MaxOpenCalls, p.MatchfundingAllowed))
                .ToListAsync(cancellationToken);
        }

        Invoices = await db.Invoices.AsNoTracking()
            .OrderByDescending(i => i.IssuedOn).ThenByDescending(i => i.Id)
            .Select(i => new InvoiceRow(i.Id, i.Number, i.IssuedOn, i.DueOn, i.PeriodStart, i.PeriodEnd, i.AmountExcludingVatCents, i.AmountIncludingVatCents, i.Status, i.PaidOn))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The city's subscription, tracked, saved only if nobody changed it since the form was shown.</summary>
    private async Task<Subscription?> ForChangeAsync(long expectedVersion, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.SingleOrDefaultAsync(cancellationToken);
        if (subscription is not null)
        {
            db.ExpectVersion(subscription, expectedVersion);
        }

        return subscription;
    }

    public string PeriodName(BillingPeriod period) => period == BillingPeriod.Monthly ? l["mensuelle"] : l["annuelle"];

    private static string Date(DateOnly? date) => date is { } value ? value.ToString("d", CultureInfo.CurrentCulture) : "—";

    /// <summary>The plan and period of the next periods, as the audit log records them.</summary>
    private static string Scheduled(Subscription subscription, Dictionary<long, string> names) => AuditTrail.Values(
        ("Offre", names.GetValueOrDefault(subscription.NextPlanId ?? subscription.PlanId)),
        ("Facturation", AuditName(subscription.NextPeriod ?? subscription.Period)),
        ("À partir du", Iso(subscription.InvoicedUntil)));

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string AuditName(BillingPeriod period) => period == BillingPeriod.Monthly ? "mensuelle" : "annuelle";

    public sealed record SubscriptionView(
        SubscriptionStatus Status, long PlanId, string PlanName, BillingPeriod Period, DateOnly StartedOn, DateOnly TrialEndsOn, DateOnly InvoicedUntil, DateOnly? EndsOn,
        long? NextPlanId, string? NextPlanName, BillingPeriod? NextPeriod, int Population, long Version)
    {
        public bool ChangeScheduled => NextPlanId is not null || NextPeriod is not null;
    }

    public sealed record PlanChoice(long Id, string Name, long MonthlyPriceCents, long YearlyPriceCents, int FeeBasisPoints, int? MaxOpenCalls, bool MatchfundingAllowed);

    public sealed record InvoiceRow(long Id, string Number, DateOnly IssuedOn, DateOnly DueOn, DateOnly PeriodStart, DateOnly PeriodEnd, long AmountExcludingVatCents, long AmountIncludingVatCents, InvoiceStatus Status, DateOnly? PaidOn);
}
