using System.Globalization;

namespace Labelkoz.Web.Features.Funding.Receipts;

/// <summary>The addresses of a donor's tax receipt.</summary>
public static class ReceiptPaths
{
    /// <summary>The receipt of a contribution: its PDF when issued, otherwise why not (and how to ask for it).</summary>
    public static string Mine(string citySlug, long projectId, long contributionId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{citySlug}/projets/{projectId}/contributions/{contributionId}/recu");

    public static string FileName(string number) => $"recu-fiscal-{number}.pdf";
}
