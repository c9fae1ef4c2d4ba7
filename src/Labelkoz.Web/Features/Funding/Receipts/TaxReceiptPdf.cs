using System.Globalization;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Infrastructure.Pdf;
using PdfSharp;
using PdfSharp.Drawing;

namespace Labelkoz.Web.Features.Funding.Receipts;

/// <summary>
/// Draws a tax receipt on one A4 page, laid out like Cerfa n° 11580*05 (DESIGN §6).
/// </summary>
/// <remarks>
/// Every option of the form is printed with a drawn square, crossed for the chosen option, whose label
/// is also set in bold: the choice reads on paper and in the extracted text's fonts alike.
/// Long values wrap; when everything does not fit at the normal size, the page is laid out again
/// smaller, so no text is ever cut.
/// </remarks>
public static class TaxReceiptPdf
{
    private static readonly double[] FontSizes = [10.5, 10, 9.5, 9, 8.5, 8, 7.5, 7, 6.5, 6];
    private static readonly XColor Cancelled = XColor.FromArgb(190, 20, 20);

    public static byte[] Render(TaxReceiptDocument receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        foreach (var size in FontSizes)
        {
            var bytes = TryRender(receipt, size);
            if (bytes is not null)
            {
                return bytes;
            }
        }

        throw new InvalidOperationException($"The tax receipt {receipt.Number} does not fit on one page.");
    }

    private static byte[]? TryRender(TaxReceiptDocument receipt, double fontSize)
    {
        using var document = PdfFonts.NewDocument($"Reçu fiscal n° {receipt.Number}", receipt.BeneficiaryName);
        var page = document.AddPage();
        page.Size = PageSize.A4;
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var margin = XUnit.FromMillimeter(15).Point;
            var area = new XRect(margin, margin, page.Width.Point - (2 * margin), page.Height.Point - (2 * margin));
            var text = new PdfText(graphics, area, fontSize);
            Draw(text, receipt);
            if (text.HasOverflowed)
            {
                return null;
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static void Draw(PdfText text, TaxReceiptDocument receipt)
    {
        text.Paragraph("Cerfa n° 11580*05", scale: 0.85);
        text.Paragraph("Reçu au titre des dons à certains organismes d'intérêt général", bold: true, scale: 1.35, centered: true);
        text.Paragraph("Articles 200, 238 bis et 978 du code général des impôts (CGI)", centered: true);
        text.Space();
        text.Paragraph($"Numéro d'ordre du reçu : {receipt.Number}", bold: true, scale: 1.15, centered: true);
        if (receipt.ReplacesNumber is not null)
        {
            text.Paragraph($"Ce reçu annule et remplace le reçu n° {receipt.ReplacesNumber}.", centered: true);
        }

        if (receipt.CancellationNote is not null)
        {
            text.Space();
            text.Banner("REÇU ANNULÉ", receipt.CancellationNote, Cancelled);
        }

        text.Space();
        text.Heading("Bénéficiaire des versements");
        text.Field("Nom ou dénomination", receipt.BeneficiaryName);
        if (receipt.BeneficiaryIdentifier is not null)
        {
            text.Field("Identifiant", receipt.BeneficiaryIdentifier);
        }

        text.Field("Adresse", receipt.BeneficiaryAddress);
        text.Field("Objet", receipt.BeneficiaryObject);
        text.Write([PdfRun.Strong("Qualité :"), PdfRun.Choice(receipt.BeneficiaryQuality, ticked: true)]);

        text.Space();
        text.Heading("Donateur");
        text.Field("Nom et prénom ou dénomination", receipt.DonorFullName);
        text.Field("Adresse", receipt.DonorAddress);

        text.Space();
        text.Heading("Dons et versements");
        text.Write(
        [
            PdfRun.Plain("Le bénéficiaire reconnaît avoir reçu au titre des dons et versements ouvrant droit à réduction d'impôt, la somme de :"),
            PdfRun.Strong($"*** {PdfText.Euros(receipt.AmountCents)} euros ***"),
        ]);
        text.Field("Somme en toutes lettres", AmountInWords.Euros(receipt.AmountCents));
        text.Field("Date du versement ou du don", Date(receipt.GiftDate));
        text.Space(0.4);
        text.Choices(
            "Le bénéficiaire certifie sur l'honneur que les dons et versements qu'il reçoit ouvrent droit à la réduction d'impôt prévue à l'article :",
            ("200 du CGI", true),
            ("238 bis du CGI", false),
            ("978 du CGI", false));
        text.Space(0.4);
        text.Choices(
            "Forme du don :",
            ("Acte authentique", false),
            ("Acte sous seing privé", false),
            ("Déclaration de don manuel", true),
            ("Autres", false));
        text.Space(0.4);
        text.Choices(
            "Nature du don :",
            ("Numéraire", true),
            ("Titres de sociétés cotés", false),
            ("Autres", false));
        text.Space(0.4);
        text.Choices(
            "En cas de don en numéraire, mode de versement du don :",
            ("Remise d'espèces", false),
            ("Chèque", receipt.Method == PaymentMethod.Cheque),
            ("Virement, prélèvement, carte bancaire", receipt.Method is PaymentMethod.Card or PaymentMethod.Transfer));
        text.Space(0.4);
        text.Field("Objet du don", $"soutien au projet « {receipt.ProjectTitle} »");

        text.Space();
        text.Rule();
        text.Paragraph($"Fait à {receipt.IssuedAt}, le {Date(receipt.IssuedOn)}");
        text.Space(0.4);
        text.Paragraph(receipt.SignatoryTitle, bold: true);
        text.Paragraph(receipt.SignatoryName);
        text.Space();
        text.Paragraph("Reçu établi par voie électronique par Labelkoz pour le compte du bénéficiaire.", scale: 0.85);
    }

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
