using System.Globalization;
using Labelkoz.Data;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Infrastructure.Csv;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Subscriptions.Operator;

/// <summary>
/// Every city's invoices for the operator (issue #7), newest first, fifty a page, filtered (all,
/// unpaid, overdue); the payment of an unpaid one is recorded here with the transfer's reference and
/// date, and the city's status follows at once. PDF and CSV. Two SQL commands to show.
/// </summary>
public sealed class InvoicesModel(AppDbContext db, SubscriptionBilling billing, IStringLocalizer<SharedResource> l) : PageModel, IReloadablePage
{
    public const string PagePath = "/operateur/factures";
    public const int PageSize = 50;
    public const string ReferenceField = "reference";
    public const string PaidOnField = "paidOn";

    public static readonly IReadOnlyList<(string Key, string Label)> Filters =
    [
        ("", "Toutes"),
        ("impayees", "Impayées"),
        ("en-retard", "En retard"),
    ];

    public IReadOnlyList<Row> Invoices { get; private set; } = [];

    public string Filter { get; private set; } = string.Empty;

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public DateOnly Today => billing.Today;

    /// <summary>The invoice whose payment form was refused, and what was typed in it.</summary>
    public long? RefusedInvoiceId { get; private set; }

    public string? Reference { get; private set; }

    public string? PaidOn { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public string PageUrl(string filter, int page)
    {
        var query = new List<string>();
        if (filter.Length > 0)
        {
            query.Add($"filtre={filter}");
        }

        if (page > 1)
        {
            query.Add(string.Create(CultureInfo.InvariantCulture, $"page={page}"));
        }

        return query.Count == 0 ? PagePath : $"{PagePath}?{string.Join('&', query)}";
    }

    public async Task<IActionResult> OnGetPdfAsync([FromQuery] long? id, CancellationToken cancellationToken)
    {
        var invoice = id is { } invoiceId ? await db.Invoices.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(i => i.Id == invoiceId, cancellationToken) : null;
        if (invoice is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(InvoicePdf.Render(invoice), "application/pdf", invoice.FileName);
    }

    /// <summary>Every invoice of the filter, as a CSV file for a French spreadsheet.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var rows = await Filtered().OrderByDescending(i => i.IssuedOn).ThenByDescending(i => i.Id).ToListAsync(cancellationToken);
        var csv = new CsvFile();
        csv.Line([l["Numéro"], l["Collectivité"], l["SIREN"], l["Offre"], l["Date d'émission"], l["Échéance"], l["Montant HT (euros)"], l["TVA (euros)"], l["Montant TTC (euros)"], l["État"], l["Payée le"], l["Référence du paiement"]]);
        foreach (var invoice in rows)
        {
            csv.Line([
                invoice.Number, invoice.BuyerName, invoice.BuyerSiren, invoice.PlanName,
                invoice.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), invoice.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Euros(invoice.AmountExcludingVatCents), Euros(invoice.VatCents), Euros(invoice.AmountIncludingVatCents),
                StatusLabel(invoice.Status, invoice.DueOn), invoice.PaidOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), invoice.PaymentReference,
            ]);
        }

        var bytes = csv.ToBytes();
        Response.Headers.CacheControl = "no-store";
        return File(bytes, Csv.ContentType, "factures.csv");
    }

    /// <summary>Records the transfer that paid an invoice: once; a second post is told so.</summary>
    public async Task<IActionResult> OnPostPayAsync([FromForm] long? invoiceId, [FromForm] string? reference, [FromForm] string? paidOn, CancellationToken cancellationToken)
    {
        RefusedInvoiceId = invoiceId;
        Reference = reference;
        PaidOn = paidOn;
        if (invoiceId is not { } id || User.IdOrNull() is not { } operatorId)
        {
            return BadRequest();
        }

        if (!await db.Invoices.IgnoreQueryFilters().AnyAsync(i => i.Id == id, cancellationToken))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(reference))
        {
            ModelState.AddModelError(ReferenceField, l["Indiquez la référence du virement reçu."]);
        }

        if (!DateOnly.TryParseExact(paidOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            ModelState.AddModelError(PaidOnField, l["Indiquez la date du paiement (jj/mm/aaaa)."]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        await billing.RecordPaymentAsync(id, operatorId, reference, date, cancellationToken);
        var number = await db.Invoices.IgnoreQueryFilters().Where(i => i.Id == id).Select(i => i.Number).SingleAsync(cancellationToken);
        StatusMessage = l["Le paiement de la facture {0} est enregistré.", number];
        return Redirect(PageUrl(Filter, 1));
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Filter = Filters.Any(f => f.Key == Request.Query["filtre"].ToString()) ? Request.Query["filtre"].ToString() : string.Empty;
        var invoices = Filtered();
        Total = await invoices.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var requested) ? Math.Clamp(requested, 1, PageCount) : 1;
        Invoices = await invoices
            .OrderByDescending(i => i.IssuedOn).ThenByDescending(i => i.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(i => new Row(i.Id, i.Number, i.MunicipalityId, i.BuyerName, i.PlanName, i.IssuedOn, i.DueOn, i.AmountIncludingVatCents, i.Status, i.PaidOn, i.PaymentReference))
            .ToListAsync(cancellationToken);
    }

    public string StatusLabel(InvoiceStatus status, DateOnly dueOn) =>
        status == InvoiceStatus.Paid ? l["Payée"] : dueOn < Today ? l["En retard"] : l["À payer"];

    private static string Euros(long cents) => (cents / 100m).ToString("0.00", CultureInfo.GetCultureInfo("fr-FR"));

    private IQueryable<Invoice> Filtered()
    {
        var today = billing.Today;
        var invoices = db.Invoices.IgnoreQueryFilters().AsNoTracking();
        return Request.Query["filtre"].ToString() switch
        {
            "impayees" => invoices.Where(i => i.Status == InvoiceStatus.Issued),
            "en-retard" => invoices.Where(i => i.Status == InvoiceStatus.Issued && i.DueOn < today),
            _ => invoices,
        };
    }

    public sealed record Row(long Id, string Number, long CityId, string CityName, string PlanName, DateOnly IssuedOn, DateOnly DueOn, long AmountIncludingVatCents, InvoiceStatus Status, DateOnly? PaidOn, string? PaymentReference);
}
