using System.Globalization;
using System.Text;
using Labelkoz.Data;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Funding.Ledger;
using Labelkoz.Web.Infrastructure.Csv;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Funding.Admin;

/// <summary>
/// The yearly report the platform owes the city under the crowdfunding mandate (article
/// L1611-7-1 of the local-authorities code): every movement of money of the year on the city's
/// campaigns, read from the ledger (contributions, refunds as negative amounts, matchfunding, fees,
/// payouts), with totals per kind and a reconciliation: the money held at the start of the year
/// plus the year's net receipts equals the money held at its end (escrow + owed + fees + paid out),
/// both balances summed from the ledger. The page shows the totals; <c>?handler=Csv</c> gives every line.
/// Two SQL commands.
/// </summary>
public sealed class ReportModel(AppDbContext db, TenantContext tenant, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int FirstYear = 2020;

    /// <summary>The accounts that hold the money received for the city's campaigns.</summary>
    private static readonly LedgerAccountKind[] Held =
        [LedgerAccountKind.CampaignEscrow, LedgerAccountKind.PayeePayable, LedgerAccountKind.PlatformFees, LedgerAccountKind.PayoutsSent];

    public int Year { get; private set; }

    public IReadOnlyList<Movement> Movements { get; private set; } = [];

    public IReadOnlyList<KindTotal> Totals { get; private set; } = [];

    public Reconciliation Balance { get; private set; } = null!;

    public CurrentCity City => tenant.City!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "annee")] string? annee, CancellationToken cancellationToken)
    {
        if (!TryYear(annee, out var year))
        {
            return BadRequest();
        }

        await LoadAsync(year, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync([FromQuery(Name = "annee")] string? annee, CancellationToken cancellationToken)
    {
        if (!TryYear(annee, out var year))
        {
            return BadRequest();
        }

        await LoadAsync(year, cancellationToken);
        var csv = new StringBuilder();
        Line(csv, [
            Text(l["Date (heure de Paris)"]), Text(l["Nature"]), Text(l["Campagne"]), Text(l["Projet"]), Text(l["Contribution"]),
            Text(l["Moyen de paiement"]), Text(l["Référence"]), Text(l["Montant (€)"]), Text(l["Montant (centimes)"]),
            Text(l["Séquestre des campagnes (centimes)"]), Text(l["Dû aux bénéficiaires (centimes)"]), Text(l["Commissions (centimes)"]),
            Text(l["Versé (centimes)"]), Text(l["Abondement de la ville (centimes)"]), Text(l["Prestataires de paiement (centimes)"]), Text(l["N° d'écriture"])]);
        foreach (var m in Movements)
        {
            Line(csv, [
                Number(Cultures.ToParis(m.AtUtc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                Text(FundingAdminNames.Movement(l, m.Kind)),
                Number(m.CampaignId?.ToString(CultureInfo.InvariantCulture)),
                Text(m.ProjectTitle),
                Number(m.ContributionId?.ToString(CultureInfo.InvariantCulture)),
                Text(m.Provider is { } provider && m.Method is { } method ? FundingAdminNames.Method(l, provider, method) : null),
                Text(m.Reference),
                Number((m.AmountCents / 100m).ToString("0.00", CultureInfo.CurrentCulture)),
                Number(m.AmountCents.ToString(CultureInfo.InvariantCulture)),
                Number(m.EscrowCents.ToString(CultureInfo.InvariantCulture)),
                Number(m.PayableCents.ToString(CultureInfo.InvariantCulture)),
                Number(m.FeesCents.ToString(CultureInfo.InvariantCulture)),
                Number(m.SentCents.ToString(CultureInfo.InvariantCulture)),
                Number(m.MatchfundingCents.ToString(CultureInfo.InvariantCulture)),
                Number(m.ClearingCents.ToString(CultureInfo.InvariantCulture)),
                Number(m.TransactionId.ToString(CultureInfo.InvariantCulture)),
            ]);
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        Response.Headers.CacheControl = "no-store";
        return File(bytes, Csv.ContentType, string.Create(CultureInfo.InvariantCulture, $"encaissements-{City.Slug}-{year}.csv"));
    }

    /// <summary>The report's year: the current one when none is asked; a value that is no plausible year is refused.</summary>
    private bool TryYear(string? text, out int year)
    {
        var current = Cultures.ToParis(clock.GetUtcNow().UtcDateTime).Year;
        if (string.IsNullOrWhiteSpace(text))
        {
            year = current;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year >= FirstYear && year <= current + 1;
    }

    private async Task LoadAsync(int year, CancellationToken cancellationToken)
    {
        Year = year;
        var cityId = City.Id;
        var start = Cultures.FromParis(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
        var end = Cultures.FromParis(new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));

        var lines = await (
                from line in db.LedgerLines.AsNoTracking()
                join transaction in db.LedgerTransactions on line.TransactionId equals transaction.Id
                where transaction.MunicipalityId == cityId && transaction.RecordedAtUtc >= start && transaction.RecordedAtUtc < end
                orderby transaction.RecordedAtUtc, transaction.Id
                select new
                {
                    transaction.Id,
                    transaction.RecordedAtUtc,
                    transaction.Kind,
                    transaction.CampaignId,
                    transaction.ContributionId,
                    line.AccountKind,
                    line.AmountCents,
                    Project = db.Campaigns.Where(c => c.Id == transaction.CampaignId)
                        .Select(c => db.Projects.Where(p => p.Id == c.ProjectId).Select(p => p.Title).FirstOrDefault()).FirstOrDefault(),
                    Provider = db.Contributions.Where(c => c.Id == transaction.ContributionId).Select(c => (PaymentProvider?)c.Provider).FirstOrDefault(),
                    Method = db.Contributions.Where(c => c.Id == transaction.ContributionId).Select(c => (PaymentMethod?)c.Method).FirstOrDefault(),
                    Reference = transaction.ContributionId != null
                        ? db.Contributions.Where(c => c.Id == transaction.ContributionId).Select(c => c.OfflineReference).FirstOrDefault()
#pragma warning disable CA1305 // Translated to SQL (a cast of an integer): no culture is involved.
                        : db.Payouts.Where(p => p.CampaignId == transaction.CampaignId && "payout:" + p.Id.ToString() + ":sent" == transaction.IdempotencyKey).Select(p => p.Reference).FirstOrDefault(),
#pragma warning restore CA1305
                })
            .ToListAsync(cancellationToken);

        Movements = [.. lines.GroupBy(x => x.Id).Select(g =>
        {
            var first = g.First();
            long On(LedgerAccountKind account) => g.Where(x => x.AccountKind == account).Sum(x => x.AmountCents);
            var escrow = On(LedgerAccountKind.CampaignEscrow);
            var payable = On(LedgerAccountKind.PayeePayable);
            var fees = On(LedgerAccountKind.PlatformFees);
            var sent = On(LedgerAccountKind.PayoutsSent);
            var amount = first.Kind switch
            {
                LedgerTransactionKind.PlatformFee => fees,
                LedgerTransactionKind.PayoutDue => payable,
                LedgerTransactionKind.PayoutSent => sent,
                LedgerTransactionKind.Reversal => escrow + payable + fees + sent,
                _ => escrow,
            };

            // Only a contribution's own movements carry its payment method and reference.
            var reference = first.Kind is LedgerTransactionKind.PayoutDue or LedgerTransactionKind.PayoutSent || first.ContributionId is not null ? first.Reference : null;
            return new Movement(
                first.Id, first.RecordedAtUtc, first.Kind, first.CampaignId, first.Project, first.ContributionId, first.Provider, first.Method,
                first.Kind == LedgerTransactionKind.PayoutDue ? null : reference,
                amount, escrow, payable, fees, sent, On(LedgerAccountKind.MunicipalityMatchfunding), On(LedgerAccountKind.ProviderClearing));
        })];
        Totals = [.. Movements.GroupBy(m => m.Kind).OrderBy(g => g.Key).Select(g => new KindTotal(g.Key, g.Count(), g.Sum(m => m.AmountCents)))];

        var balances = await (
                from line in db.LedgerLines.AsNoTracking()
                join transaction in db.LedgerTransactions on line.TransactionId equals transaction.Id
                where transaction.MunicipalityId == cityId && transaction.RecordedAtUtc < end
                    && (line.AccountKind == LedgerAccountKind.CampaignEscrow || line.AccountKind == LedgerAccountKind.PayeePayable
                        || line.AccountKind == LedgerAccountKind.PlatformFees || line.AccountKind == LedgerAccountKind.PayoutsSent)
                group new { line.AmountCents, transaction.RecordedAtUtc } by line.AccountKind into g
                select new
                {
                    Account = g.Key,
                    Opening = g.Sum(x => x.RecordedAtUtc < start ? x.AmountCents : 0),
                    Closing = g.Sum(x => x.AmountCents),
                })
            .ToListAsync(cancellationToken);
        long Opening(LedgerAccountKind account) => balances.Where(b => b.Account == account).Sum(b => b.Opening);
        long Closing(LedgerAccountKind account) => balances.Where(b => b.Account == account).Sum(b => b.Closing);
        Balance = new Reconciliation(
            Held.Sum(Opening),
            Movements.Sum(m => m.EscrowCents + m.PayableCents + m.FeesCents + m.SentCents),
            Closing(LedgerAccountKind.CampaignEscrow),
            Closing(LedgerAccountKind.PayeePayable),
            Closing(LedgerAccountKind.PlatformFees),
            Closing(LedgerAccountKind.PayoutsSent));
    }

    private static string Text(string? value) => Csv.Cell(value);

    /// <summary>A figure the platform wrote itself (never typed by anyone): quoted as it is, a minus sign included.</summary>
    private static string Number(string? value) => "\"" + (value ?? string.Empty) + "\"";

    private static void Line(StringBuilder csv, IEnumerable<string> cells) => csv.Append(string.Join(';', cells)).Append("\r\n");

    /// <summary>One movement of money: its headline amount (negative for a refund or a match given back) and its lines by account.</summary>
    public sealed record Movement(
        long TransactionId,
        DateTime AtUtc,
        LedgerTransactionKind Kind,
        long? CampaignId,
        string? ProjectTitle,
        long? ContributionId,
        PaymentProvider? Provider,
        PaymentMethod? Method,
        string? Reference,
        long AmountCents,
        long EscrowCents,
        long PayableCents,
        long FeesCents,
        long SentCents,
        long MatchfundingCents,
        long ClearingCents);

    public sealed record KindTotal(LedgerTransactionKind Kind, int Count, long AmountCents);

    /// <summary>Held at the start + net receipts of the year = held at the end (escrow + owed + fees + paid out).</summary>
    public sealed record Reconciliation(long OpeningCents, long NetReceiptsCents, long EscrowCents, long PayableCents, long FeesCents, long SentCents)
    {
        public long ClosingCents => EscrowCents + PayableCents + FeesCents + SentCents;

        public long DifferenceCents => OpeningCents + NetReceiptsCents - ClosingCents;
    }
}
