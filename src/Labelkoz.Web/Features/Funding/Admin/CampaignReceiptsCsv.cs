using System.Globalization;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Infrastructure.Csv;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Funding.Admin;

/// <summary>Every receipt of a campaign, in force or cancelled, as a CSV file for a French spreadsheet. One SQL command.</summary>
public static class CampaignReceiptsCsv
{
    public static async Task<byte[]> BuildAsync(IQueryable<TaxReceipt> receipts, IStringLocalizer l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(l);
        var rows = await receipts
            .Select(r => new { r.Number, r.IssuedOn, r.GiftDate, r.DonorFullName, r.DonorAddress, r.AmountCents, r.Status, r.ReplacesNumber, r.ReplacedByNumber })
            .ToListAsync(cancellationToken);
        var csv = new CsvFile();
        csv.Line([
            l["Numéro"], l["Date d'émission"], l["Date du don"], l["Donateur"], l["Adresse du donateur"], l["Montant (euros)"], l["Statut"],
                l["Remplace le reçu"], l["Remplacé par le reçu"]]);
        foreach (var row in rows)
        {
            csv.Line([
                row.Number,
                    row.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    row.GiftDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    row.DonorFullName,
                    row.DonorAddress,
                    (row.AmountCents / 100m).ToString("0.00", CultureInfo.CurrentCulture),
                    ReceiptAdminNames.Status(l, row.Status, null),
                    row.ReplacesNumber,
                    row.ReplacedByNumber,
                ]);
        }

        return csv.ToBytes();
    }
}
