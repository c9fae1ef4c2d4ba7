using System.Globalization;
using Labelkoz.Web.Infrastructure.Csv;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Payments.Operator;

/// <summary>
/// The reconciliation of each processor with the ledger (<see cref="Reconciler"/>), live: both
/// totals, "réconcilié au centime" when they agree payment by payment, else every difference with
/// its contribution (and whether a notification not yet applied explains it). Also as CSV.
/// </summary>
public sealed class ReconciliationModel(Reconciler reconciler, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string Path = "/operateur/rapprochement";

    public IReadOnlyList<ReconciliationReport> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var reports = new List<ReconciliationReport>();
        foreach (var provider in reconciler.Providers)
        {
            reports.Add(await reconciler.ReconcileAsync(provider, cancellationToken));
        }

        Reports = reports;
    }

    /// <summary>Every difference of every processor, as CSV (semicolons, UTF-8 with BOM).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        var csv = new CsvFile();
        csv.Line([l["Processeur"], l["Paiement"], l["Contribution"], l["Collectivité"], l["Projet"], l["Chez le processeur (euros)"], l["Au grand livre (euros)"], l["Écart (euros)"], l["Notification en attente"]]);
        foreach (var report in Reports)
        {
            foreach (var line in report.Lines)
            {
                csv.Line([
                    PaymentNames.Provider(l, report.Provider),
                    line.PaymentId,
                    line.ContributionId?.ToString(CultureInfo.InvariantCulture),
                    line.CityName,
                    line.ProjectTitle,
                    Euros(line.ProcessorCents),
                    Euros(line.LedgerCents),
                    Euros(line.DifferenceCents),
                    line.Pending ? l["oui"] : l["non"]]);
            }
        }

        return File(csv.ToBytes(), "text/csv; charset=utf-8", $"rapprochement-{(Reports.Count > 0 ? Reports[0].AtUtc : default):yyyy-MM-dd}.csv");
    }

    private static string Euros(long cents) => (cents / 100m).ToString("0.00", CultureInfo.CurrentCulture);
}
