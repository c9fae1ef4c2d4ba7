using System.Globalization;
using Labelkoz.Domain.Funding;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Features.Funding.Admin;

/// <summary>The French names of a tax receipt's states, for the back office and its exports.</summary>
public static class ReceiptAdminNames
{
    public static string Status(IStringLocalizer l, TaxReceiptStatus status, string? replacedBy)
    {
        ArgumentNullException.ThrowIfNull(l);
        return status switch
        {
            TaxReceiptStatus.Issued => l["Émis"],
            TaxReceiptStatus.Cancelled => replacedBy is null ? l["Annulé"] : l["Annulé, remplacé par {0}", replacedBy],
        };
    }
}

/// <summary>The addresses of a campaign's receipts in the back office.</summary>
public static class ReceiptAdminPaths
{
    public static string Receipt(string citySlug, long campaignId, long receiptId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/admin/campagnes/{campaignId}/recus/{receiptId}");

    public static string Pdf(string citySlug, long campaignId, long receiptId) => Receipt(citySlug, campaignId, receiptId) + "?handler=Pdf";

    public static string Csv(string citySlug, long campaignId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/admin/campagnes/{campaignId}?handler=ReceiptsCsv");
}
