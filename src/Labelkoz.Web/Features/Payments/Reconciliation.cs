using Labelkoz.Data;
using Labelkoz.Data.Payments;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Funding.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Payments;

/// <summary>
/// What a processor holds for one payment, by its own records: charged, less refunded and disputed.
/// <paramref name="ContributionId"/>: the contribution the processor's records name (its metadata),
/// when they name one; the payment is then that contribution's, whatever the processor's own id.
/// </summary>
public sealed record ProcessorPayment(string PaymentId, long NetCents, long? ContributionId = null);

/// <summary>A processor's own records of the payments it took for the platform, read for reconciliation.</summary>
public interface IProcessorRecords
{
    PaymentProvider Kind { get; }

    IAsyncEnumerable<ProcessorPayment> PaymentsAsync(CancellationToken cancellationToken);
}

/// <summary>The sandbox's records: its payments, less what it refunded of each.</summary>
public sealed class SandboxRecords(AppDbContext db) : IProcessorRecords
{
    public PaymentProvider Kind => PaymentProvider.Sandbox;

    public IAsyncEnumerable<ProcessorPayment> PaymentsAsync(CancellationToken cancellationToken) =>
        db.SandboxPayments.AsNoTracking()
            .Where(p => p.Status == SandboxPaymentStatus.Succeeded || p.Status == SandboxPaymentStatus.Refunded)
            .OrderBy(p => p.Id)
            .Select(p => new ProcessorPayment(p.Id, p.AmountCents - p.RefundedCents))
            .AsAsyncEnumerable();
}

/// <summary>
/// Stripe's records: its balance transactions, every page of them (Stripe.net's auto-paging), with
/// their source expanded to the charge, whose metadata names the contribution. A charge brings its
/// amount in, a refund and a dispute's withdrawal take theirs out (a dispute's fee too, as the
/// ledger books it); Stripe's processing fees on charges are left out, as in the ledger. A transfer
/// to a holder's connected account takes its amount out, under the transfer's id (ADR 18).
/// </summary>
public sealed class StripeRecords(StripeClients clients) : IProcessorRecords
{
    public PaymentProvider Kind => PaymentProvider.Stripe;

    public async IAsyncEnumerable<ProcessorPayment> PaymentsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = new Stripe.BalanceTransactionListOptions { Limit = 100, Expand = ["data.source", "data.source.charge"] };
        await foreach (var transaction in new Stripe.BalanceTransactionService(clients.Client).ListAutoPagingAsync(options, null, cancellationToken))
        {
            if (transaction.Source is Stripe.Transfer transfer)
            {
                // A funded campaign's card money transferred to its holder's own account (ADR 18): it left the balance.
                yield return new ProcessorPayment(transfer.Id, transaction.Amount);
                continue;
            }

            if (transaction.Source is Stripe.TransferReversal reversal && reversal.TransferId is { } reversed)
            {
                yield return new ProcessorPayment(reversed, transaction.Amount);
                continue;
            }

            var (charge, dispute) = transaction.Source switch
            {
                Stripe.Charge c => (c, false),
                Stripe.Refund r => (r.Charge, false),
                Stripe.Dispute d => (d.Charge, true),
                _ => (null, false),
            };
            if (charge is null)
            {
                // A payout to the platform's bank, a Stripe fee, a top-up: not a contribution's money.
                continue;
            }

            long? contributionId = charge.Metadata?.GetValueOrDefault(StripePaymentProvider.ContributionIdKey) is { } text
                && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
            yield return new ProcessorPayment(charge.PaymentIntentId ?? charge.Id, transaction.Amount - (dispute ? transaction.Fee : 0), contributionId);
        }
    }
}

/// <summary>
/// One payment where the ledger and the processor disagree: what the processor holds, what the
/// ledger's clearing account says it holds, and the contribution it belongs to (null when the
/// platform knows no contribution for it). <see cref="Pending"/>: the processor's notification is
/// not applied yet, so the difference is expected to vanish on its own.
/// </summary>
public sealed record ReconciliationLine(
    string PaymentId, long ProcessorCents, long LedgerCents, bool Pending,
    long? ContributionId, string? CityName, string? CitySlug, long? ProjectId, string? ProjectTitle)
{
    public long DifferenceCents => ProcessorCents - LedgerCents;
}

/// <summary>A provider's reconciliation: both totals, and every payment on which they differ.</summary>
public sealed record ReconciliationReport(PaymentProvider Provider, DateTime AtUtc, long ProcessorCents, long LedgerCents, IReadOnlyList<ReconciliationLine> Lines)
{
    /// <summary>"Réconcilié au centime": the totals agree and no payment differs.</summary>
    public bool Reconciled => ProcessorCents == LedgerCents && Lines.Count == 0;

    /// <summary>Differences that no pending notification explains: someone must look.</summary>
    public int Unexplained => Lines.Count(l => !l.Pending);
}

/// <summary>
/// Compares, per provider, what the processor holds for the platform (its own records) with the
/// ledger's clearing account, payment by payment: what a payment brought in less what went back
/// (refunds, disputes) must be the same on both sides. The processor's own fees on each charge are
/// not in the ledger (the platform's bank statement shows them) and are not compared. Transfers to
/// payees' accounts are compared each with its payout's transfer and reversals (ADR 18). Five SQL
/// commands (seven with transfers), plus the processor's records.
/// </summary>
public sealed class Reconciler(AppDbContext db, IEnumerable<IProcessorRecords> records, TimeProvider clock)
{
    public IReadOnlyList<PaymentProvider> Providers => [.. records.Select(r => r.Kind)];

    public async Task<ReconciliationReport> ReconcileAsync(PaymentProvider provider, CancellationToken cancellationToken)
    {
        var source = records.SingleOrDefault(r => r.Kind == provider)
            ?? throw new InvalidOperationException($"No records of the {provider} processor are configured.");
        var contributions = await db.Contributions.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Provider == provider && c.ProviderPaymentId != null)
            .Select(c => new { c.Id, PaymentId = c.ProviderPaymentId! })
            .ToListAsync(cancellationToken);
        var paymentOf = contributions.ToDictionary(c => c.Id, c => c.PaymentId);
        var processor = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var payment in source.PaymentsAsync(cancellationToken))
        {
            // The processor's records name the contribution (Stripe's metadata): it is that contribution's payment.
            var key = payment.ContributionId is { } named && paymentOf.TryGetValue(named, out var known) ? known : payment.PaymentId;
            processor[key] = processor.GetValueOrDefault(key) + payment.NetCents;
        }

        // The ledger's side of each contribution: what its payment brought into the clearing account,
        // less what went back (a refund's, a dispute's lines). Negative clearing is money the processor holds.
        var clearing = LedgerAccount.Clearing(provider);
        var ledger = await (
                from line in db.LedgerLines.IgnoreQueryFilters()
                join transaction in db.LedgerTransactions.IgnoreQueryFilters() on line.TransactionId equals transaction.Id
                where line.AccountKind == clearing.Kind && line.AccountReference == clearing.Reference && transaction.ContributionId != null
                group line by transaction.ContributionId into g
                select new { ContributionId = g.Key!.Value, Cents = -g.Sum(l => l.AmountCents) })
            .ToListAsync(cancellationToken);
        var totalLedger = -await db.LedgerLines.IgnoreQueryFilters()
            .Where(l => l.AccountKind == clearing.Kind && l.AccountReference == clearing.Reference)
            .SumAsync(l => l.AmountCents, cancellationToken);
        var byContribution = ledger.ToDictionary(l => l.ContributionId, l => l.Cents);
        var pending = (await db.PaymentEvents.AsNoTracking()
                .Where(e => e.Provider == provider && e.ProcessedAtUtc == null)
                .Select(e => e.PaymentId)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

        var differences = new List<(string PaymentId, long Processor, long Ledger, long? ContributionId)>();
        var paymentsSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var contribution in contributions)
        {
            paymentsSeen.Add(contribution.PaymentId);
            var held = processor.GetValueOrDefault(contribution.PaymentId);
            var booked = byContribution.GetValueOrDefault(contribution.Id);
            if (held != booked)
            {
                differences.Add((contribution.PaymentId, held, booked, contribution.Id));
            }
        }

        // The transfers of payouts to holders' own accounts (ADR 18): each left the processor's balance
        // once, as the ledger's clearing account says (the payout's key), under the transfer's id.
        var transfers = await db.Payouts.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Route == PayoutRoute.ProcessorTransfer && p.Provider == provider && p.Reference != null)
            .Select(p => new { p.Id, TransferId = p.Reference! })
            .ToListAsync(cancellationToken);
        if (transfers.Count > 0)
        {
            // Per payout: the transfer (payout:{id}:sent) and its reversals (payout:{id}:reversal:{trr}).
            var moved = await (
                    from line in db.LedgerLines.IgnoreQueryFilters()
                    join transaction in db.LedgerTransactions.IgnoreQueryFilters() on line.TransactionId equals transaction.Id
                    where line.AccountKind == clearing.Kind && line.AccountReference == clearing.Reference && transaction.ContributionId == null
                        && (transaction.Kind == LedgerTransactionKind.PayoutSent || transaction.Kind == LedgerTransactionKind.TransferReversed)
                    group line by transaction.IdempotencyKey into g
                    select new { Key = g.Key, Cents = -g.Sum(l => l.AmountCents) })
                .ToListAsync(cancellationToken);
            var byPayout = moved
                .GroupBy(m => m.Key.Split(':') is ["payout", var payout, ..] ? payout : string.Empty, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(m => m.Cents), StringComparer.Ordinal);
            foreach (var transfer in transfers)
            {
                paymentsSeen.Add(transfer.TransferId);
                var held = processor.GetValueOrDefault(transfer.TransferId);
                var booked = byPayout.GetValueOrDefault(transfer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (held != booked)
                {
                    differences.Add((transfer.TransferId, held, booked, null));
                }
            }
        }

        // Money the processor holds for a payment no contribution names.
        foreach (var (paymentId, held) in processor)
        {
            if (!paymentsSeen.Contains(paymentId) && held != 0)
            {
                differences.Add((paymentId, held, 0, null));
            }
        }

        var ids = differences.Where(d => d.ContributionId is not null).Select(d => d.ContributionId!.Value).ToList();
        var where = await (
                from c in db.Contributions.IgnoreQueryFilters()
                where ids.Contains(c.Id)
                join campaign in db.Campaigns.IgnoreQueryFilters() on c.CampaignId equals campaign.Id
                join p in db.Projects.IgnoreQueryFilters() on campaign.ProjectId equals p.Id
                join m in db.Municipalities on c.MunicipalityId equals m.Id
                select new { c.Id, m.Name, m.Slug, ProjectId = p.Id, p.Title })
            .ToDictionaryAsync(x => x.Id, cancellationToken);
        var lines = differences
            .Select(d =>
            {
                var place = d.ContributionId is { } id ? where.GetValueOrDefault(id) : null;
                return new ReconciliationLine(d.PaymentId, d.Processor, d.Ledger, pending.Contains(d.PaymentId), d.ContributionId, place?.Name, place?.Slug, place?.ProjectId, place?.Title);
            })
            .OrderBy(l => l.Pending).ThenByDescending(l => Math.Abs(l.DifferenceCents)).ThenBy(l => l.PaymentId, StringComparer.Ordinal)
            .ToList();
        return new ReconciliationReport(provider, clock.GetUtcNow().UtcDateTime, processor.Values.Sum(), totalLedger, lines);
    }
}

/// <summary>
/// Reconciles every provider once a day (<c>Payments:ReconciliationHours</c>, 24 by default), after
/// a first pass at start-up, and logs the outcome: an error naming each unexplained difference.
/// The operator's page (<c>/operateur/rapprochement</c>) shows the same report, live.
/// </summary>
public sealed partial class ReconciliationJob(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<ReconciliationJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hours = Math.Clamp(configuration.GetValue("Payments:ReconciliationHours", 24), 1, 24 * 7);
        using var timer = new PeriodicTimer(TimeSpan.FromHours(hours), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var reconciler = scope.ServiceProvider.GetRequiredService<Reconciler>();
                foreach (var provider in reconciler.Providers)
                {
                    var report = await reconciler.ReconcileAsync(provider, stoppingToken);
                    if (report.Unexplained == 0 && report.ProcessorCents == report.LedgerCents)
                    {
                        LogReconciled(logger, provider, report.LedgerCents);
                        continue;
                    }

                    foreach (var line in report.Lines.Where(l => !l.Pending))
                    {
                        LogDifference(logger, provider, line.PaymentId, line.ContributionId, line.ProcessorCents, line.LedgerCents);
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception, hours);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciliation of {Provider}: reconciled to the cent ({Cents} cents held).")]
    private static partial void LogReconciled(ILogger logger, PaymentProvider provider, long cents);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciliation of {Provider}: payment {PaymentId} (contribution {ContributionId}) is {ProcessorCents} cents at the processor and {LedgerCents} in the ledger (/operateur/rapprochement).")]
    private static partial void LogDifference(ILogger logger, PaymentProvider provider, string paymentId, long? contributionId, long processorCents, long ledgerCents);

    [LoggerMessage(Level = LogLevel.Error, Message = "The reconciliation job failed; it runs again in {Hours} h.")]
    private static partial void LogFailed(ILogger logger, Exception exception, int hours);
}
