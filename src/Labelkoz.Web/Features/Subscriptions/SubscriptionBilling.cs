using Labelkoz.Data;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Features.Audit;
using Labelkoz.Web.Infrastructure.Audit;
using Labelkoz.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Subscriptions;

/// <summary>
/// The subscriptions' life over time (issue #7, ADR 13): invoices issued on the first day of each
/// period, gap-free numbers per year reserved in the invoice's own transaction, payments recorded by
/// the operator, and statuses recomputed from the invoices, each change reflected on the
/// municipality and written to its audit log. Days are Paris calendar days.
/// </summary>
public sealed partial class SubscriptionBilling(AppDbContext db, AuditTrail audit, TimeProvider clock, IConfiguration configuration, ILogger<SubscriptionBilling> logger)
{
    public DateOnly Today => ParisTime.DateOf(Now);

    public int GraceDays => Math.Clamp(configuration.GetValue("Subscriptions:GraceDays", Subscription.DefaultGraceDays), 0, 365);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The seller's mentions, from <c>Billing:Seller</c>.</summary>
    public Seller Seller()
    {
        var section = configuration.GetSection("Billing:Seller");
        string Value(string key) => section[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Billing:Seller:{key} is not configured: invoices cannot be issued.");
        return new Seller(Value("Name"), Value("Siren"), Value("VatNumber"), Value("Address"), Value("Iban"), Value("Bic"));
    }

    /// <summary>Issues every invoice due today (several for a subscription the job left behind). Returns how many.</summary>
    public async Task<int> IssueDueInvoicesAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var due = await db.Subscriptions.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Status != SubscriptionStatus.Cancelled && s.EndsOn == null && s.InvoicedUntil <= today)
            .OrderBy(s => s.InvoicedUntil)
            .Select(s => s.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
        var issued = 0;
        foreach (var id in due)
        {
            while (await IssueNextAsync(id, cancellationToken) is not null)
            {
                issued++;
            }
        }

        return issued;
    }

    /// <summary>
    /// Issues the next invoice of a subscription if one is due, in one transaction under the
    /// subscription's row lock: the number, the invoice and the subscription's new period together.
    /// A second run at the same moment waits, then finds nothing due. Returns the invoice, or null.
    /// </summary>
    public async Task<Invoice?> IssueNextAsync(long subscriptionId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var today = Today;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The subscription's row lock first (a no-op update), then a fresh read: a second run waits
        // here and finds the period already invoiced.
        await db.Subscriptions.IgnoreQueryFilters().Where(s => s.Id == subscriptionId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Version, s => s.Version), cancellationToken);
        var subscription = await db.Subscriptions.IgnoreQueryFilters().SingleAsync(s => s.Id == subscriptionId, cancellationToken);
        if (!subscription.InvoiceDue(today))
        {
            await transaction.CommitAsync(cancellationToken);
            return null;
        }

        var period = subscription.NextPeriodToInvoice(today);
        var plan = await db.Plans.SingleAsync(p => p.Id == period.PlanId, cancellationToken);
        var city = await db.Municipalities.IgnoreQueryFilters().SingleAsync(m => m.Id == subscription.MunicipalityId, cancellationToken);
        var sequence = await DocumentNumbers.ReserveAsync(db, Invoice.NumberPrefix, today.Year, 1, cancellationToken);
        var invoice = Invoice.Issue(subscription, period, plan, city, Seller(), sequence, today, Now);
        db.Invoices.Add(invoice);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another run issued it first: this one leaves nothing behind, not even a number.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return null;
        }

        LogIssued(logger, invoice.Number, city.Id);
        return invoice;
    }

    /// <summary>
    /// Recomputes every live subscription's status from its invoices; each change is reflected on
    /// the municipality and audited. Returns how many changed. One SQL command reads the facts of
    /// every subscription; only those whose status changes are loaded and saved.
    /// </summary>
    public async Task<int> RefreshStatusesAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var facts = await db.Subscriptions.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Status != SubscriptionStatus.Cancelled)
            .Select(s => new
            {
                s.Id,
                s.Status,
                s.EndsOn,
                OldestUnpaidDueOn = db.Invoices.Where(i => i.SubscriptionId == s.Id && i.Status == InvoiceStatus.Issued).Min(i => (DateOnly?)i.DueOn),
                AnyPaid = db.Invoices.Any(i => i.SubscriptionId == s.Id && i.Status == InvoiceStatus.Paid),
            })
            .ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var id in facts.Where(f => Subscription.StatusOn(today, f.OldestUnpaidDueOn, f.AnyPaid, f.EndsOn, GraceDays) != f.Status).Select(f => f.Id))
        {
            if (await RefreshAsync(id, cancellationToken))
            {
                changed++;
            }
        }

        return changed;
    }

    /// <summary>The operator records the transfer that paid an invoice; the status follows at once.</summary>
    public async Task RecordPaymentAsync(long invoiceId, long operatorUserId, string? reference, DateOnly paidOn, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.IgnoreQueryFilters().SingleAsync(i => i.Id == invoiceId, cancellationToken);
        invoice.RecordPayment(operatorUserId, reference, paidOn, Today, Now);
        await audit.RecordAsync(
            AuditAction.SubscriptionStatusChanged, AuditSubject.Municipality, invoice.MunicipalityId, invoice.BuyerName,
            $"Paiement de la facture {invoice.Number} enregistré : {invoice.PaymentReference}, le {paidOn:dd/MM/yyyy}.",
            municipalityId: invoice.MunicipalityId, cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await RefreshAsync(invoice.SubscriptionId, cancellationToken);
    }

    private async Task<bool> RefreshAsync(long subscriptionId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var today = Today;
        var subscription = await db.Subscriptions.IgnoreQueryFilters().SingleAsync(s => s.Id == subscriptionId, cancellationToken);
        var facts = await db.Invoices.IgnoreQueryFilters()
            .Where(i => i.SubscriptionId == subscriptionId)
            .GroupBy(i => i.SubscriptionId)
            .Select(g => new
            {
                OldestUnpaidDueOn = g.Where(i => i.Status == InvoiceStatus.Issued).Min(i => (DateOnly?)i.DueOn),
                AnyPaid = g.Any(i => i.Status == InvoiceStatus.Paid),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var before = subscription.Status;
        if (!subscription.Refresh(today, facts?.OldestUnpaidDueOn, facts?.AnyPaid ?? false, GraceDays))
        {
            return false;
        }

        var city = await db.Municipalities.IgnoreQueryFilters().SingleAsync(m => m.Id == subscription.MunicipalityId, cancellationToken);
        city.SetSubscriptionStatus(subscription.Status, Now);
        await audit.RecordAsync(
            AuditAction.SubscriptionStatusChanged, AuditSubject.Municipality, city.Id, city.Name,
            facts?.OldestUnpaidDueOn is { } due ? $"Facture échue le {due:dd/MM/yyyy} impayée." : null,
            AuditNames.Recorded(before), AuditNames.Recorded(subscription.Status),
            municipalityId: city.Id, cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        LogStatusChanged(logger, city.Id, before, subscription.Status);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoice {Number} issued to municipality {MunicipalityId}.")]
    private static partial void LogIssued(ILogger logger, string number, long municipalityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription of municipality {MunicipalityId}: {Before} → {After}.")]
    private static partial void LogStatusChanged(ILogger logger, long municipalityId, SubscriptionStatus before, SubscriptionStatus after);
}

/// <summary>The daily work of subscriptions: invoices due, then statuses (every <c>Subscriptions:JobIntervalSeconds</c>, an hour by default).</summary>
public sealed partial class SubscriptionJobService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<SubscriptionJobService> logger) : BackgroundService
{
    public static async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var billing = services.GetRequiredService<SubscriptionBilling>();
        await billing.IssueDueInvoicesAsync(cancellationToken);
        await billing.RefreshStatusesAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = Math.Clamp(configuration.GetValue("Subscriptions:JobIntervalSeconds", 3600), 1, 86_400);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunOnceAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogJobFailed(logger, exception, seconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The subscriptions job failed; it runs again in {Seconds} s.")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, int seconds);
}
