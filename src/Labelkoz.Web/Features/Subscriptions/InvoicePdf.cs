using System.Globalization;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Infrastructure.Pdf;
using PdfSharp;
using PdfSharp.Drawing;

namespace Labelkoz.Web.Features.Subscriptions;

/// <summary>
/// Draws a subscription invoice on one A4 page, in French, with the mentions a French invoice between
/// businesses must carry (code de commerce L441-9, CGI annexe II art. 242 nonies A): seller and buyer
/// with their SIREN, the seller's VAT number, issue and due dates, the line, amounts excluding VAT,
/// VAT and including VAT, payment terms and bank details, late-payment penalties and the fixed
/// recovery indemnity, no discount for early payment.
/// </summary>
/// <remarks>
/// Everything printed comes from the invoice's own snapshot, so a PDF rendered again years later is
/// the same document. Long values wrap; when the page does not hold everything at the normal size, it
/// is laid out again smaller, so no text is ever cut.
/// </remarks>
public static class InvoicePdf
{
    public const string ChorusProNote = "Facture à déposer sur Chorus Pro";

    public const string LatePaymentMentions =
        "En cas de retard de paiement, des pénalités de retard sont exigibles au taux de trois fois le taux d'intérêt légal, "
        + "ainsi qu'une indemnité forfaitaire pour frais de recouvrement de 40\u00A0€ (articles L441-10 et D441-5 du code de commerce).";

    public const string NoDiscount = "Pas d'escompte pour paiement anticipé.";

    private static readonly double[] FontSizes = [10, 9.5, 9, 8.5, 8, 7.5, 7, 6.5, 6];
    private static readonly XColor Paid = XColor.FromArgb(20, 110, 45);
    private static readonly XColor Band = XColor.FromArgb(225, 225, 225);

    public static byte[] Render(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        foreach (var size in FontSizes)
        {
            var bytes = TryRender(invoice, size);
            if (bytes is not null)
            {
                return bytes;
            }
        }

        throw new InvalidOperationException($"The invoice {invoice.Number} does not fit on one page.");
    }

    /// <summary>"1 234,50 €", with no-break spaces so that an amount never wraps.</summary>
    public static string Euros(long cents) => PdfText.Euros(cents) + "\u00A0€";

    private static byte[]? TryRender(Invoice invoice, double fontSize)
    {
        using var document = PdfFonts.NewDocument($"Facture {invoice.Number}", invoice.SellerName);
        var page = document.AddPage();
        page.Size = PageSize.A4;
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var margin = XUnit.FromMillimeter(15).Point;
            var sheet = new Sheet(graphics, new XRect(margin, margin, page.Width.Point - (2 * margin), page.Height.Point - (2 * margin)), fontSize);
            Draw(sheet, invoice);
            if (sheet.HasOverflowed)
            {
                return null;
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static void Draw(Sheet sheet, Invoice invoice)
    {
        var area = sheet.Area;
        var gap = sheet.FontSize * 2;
        var column = (area.Width - gap) / 2;
        var right = area.Left + column + gap;

        var seller = sheet.Text(area.Left, column);
        seller.Paragraph(invoice.SellerName, bold: true, scale: 1.3);
        seller.Paragraph(invoice.SellerAddress);
        seller.Field("SIREN", invoice.SellerSiren);
        seller.Field("N° TVA intracommunautaire", invoice.SellerVatNumber);

        var heading = sheet.Text(right, column);
        heading.Paragraph("FACTURE", bold: true, scale: 2.2);
        heading.Paragraph($"N° {invoice.Number}", bold: true, scale: 1.2);
        heading.Space(0.4);
        heading.Field("Date d'émission", Date(invoice.IssuedOn));
        heading.Field("Date d'échéance", Date(invoice.DueOn));
        heading.Field("Période", $"du {Date(invoice.PeriodStart)} au {Date(invoice.PeriodEnd.AddDays(-1))}");
        sheet.MoveBelow(seller, heading);
        sheet.Space(1.2);

        DrawParties(sheet, invoice, right, column);
        sheet.Space(1.2);

        if (invoice.Status == InvoiceStatus.Paid)
        {
            var banner = sheet.Text(area.Left, area.Width);
            banner.Banner(
                "ACQUITTÉE",
                $"Payée le {(invoice.PaidOn is { } paidOn ? Date(paidOn) : "—")} par virement, référence : {invoice.PaymentReference}",
                Paid);
            sheet.MoveBelow(banner);
            sheet.Space(0.4);
        }

        DrawLineAndTotals(sheet, invoice);
        sheet.Space(1.2);

        var notes = sheet.Text(area.Left, area.Width);
        notes.Field("Note", $"{ChorusProNote} : la collectivité règle par mandat de son comptable public.");
        notes.Space();
        notes.Heading("Conditions de paiement");
        notes.Paragraph(string.Create(CultureInfo.InvariantCulture, $"Paiement à {Subscription.PaymentTermDays} jours, par virement."));
        notes.Field("Date d'échéance", Date(invoice.DueOn));
        notes.Field("IBAN", invoice.SellerIban);
        notes.Field("BIC", invoice.SellerBic);
        notes.Field("Référence à indiquer sur le virement", invoice.Number);
        notes.Space();
        notes.Rule();
        notes.Paragraph(LatePaymentMentions, scale: 0.85);
        notes.Paragraph(NoDiscount, scale: 0.85);
        notes.Space(0.4);
        notes.Paragraph($"{invoice.SellerName}, SIREN {invoice.SellerSiren}, N° TVA intracommunautaire {invoice.SellerVatNumber}", scale: 0.85, centered: true);
        sheet.MoveBelow(notes);
    }

    /// <summary>The buyer in a frame on the right, as a window envelope shows it; the subscription on the left.</summary>
    private static void DrawParties(Sheet sheet, Invoice invoice, double right, double column)
    {
        var area = sheet.Area;
        var padding = sheet.FontSize * 0.6;
        var top = sheet.Y;

        var subscription = sheet.Text(area.Left, column);
        subscription.Field("Objet", "abonnement à la plateforme Labelkoz");
        subscription.Field("Offre", invoice.PlanName);
        subscription.Field("Facturation", invoice.Period switch
        {
            BillingPeriod.Monthly => "mensuelle",
            BillingPeriod.Yearly => "annuelle",
            _ => throw new ArgumentOutOfRangeException(nameof(invoice), invoice.Period, "Unknown billing period."),
        });

        sheet.Space(padding / sheet.FontSize);
        var buyer = sheet.Text(right + padding, column - (2 * padding));
        buyer.Paragraph("Facturé à", bold: true, color: XColors.DimGray);
        buyer.Paragraph(invoice.BuyerName, bold: true, scale: 1.15);
        if (!string.IsNullOrWhiteSpace(invoice.BuyerSiren))
        {
            buyer.Field("SIREN", invoice.BuyerSiren);
        }

        if (!string.IsNullOrWhiteSpace(invoice.BuyerAddress))
        {
            buyer.Paragraph(invoice.BuyerAddress);
        }

        sheet.Graphics.DrawRectangle(new XPen(XColors.Black, 0.7), right, top, column, buyer.Y + padding - top);
        sheet.MoveBelow(subscription, buyer);
        sheet.Space(padding / sheet.FontSize);
    }

    /// <summary>The table of the invoice's one line, then the totals under its last two columns, all ruled.</summary>
    private static void DrawLineAndTotals(Sheet sheet, Invoice invoice)
    {
        var area = sheet.Area;
        var graphics = sheet.Graphics;
        var regular = PdfFonts.Regular(sheet.FontSize);
        var bold = PdfFonts.Bold(sheet.FontSize);
        var padding = sheet.FontSize * 0.45;
        var rowHeight = bold.GetHeight() + (2 * padding);
        var pen = new XPen(XColors.Black, 0.7);

        // The numeric columns are as wide as their header or their amount, whichever is wider, so that
        // neither ever wraps; the designation takes the rest.
        double Fit(params string[] texts) => texts.Max(t => graphics.MeasureString(t, bold).Width) + (2 * padding);
        var quantityWidth = Fit("Quantité");
        var unitWidth = Fit("Prix unitaire HT", "TVA (20\u00A0%)", Euros(invoice.AmountExcludingVatCents));
        var totalWidth = Fit("Total HT", Euros(invoice.AmountIncludingVatCents), Euros(invoice.AmountExcludingVatCents), Euros(invoice.VatCents));
        var designationWidth = area.Width - quantityWidth - unitWidth - totalWidth;
        double[] edges =
        [
            area.Left,
            area.Left + designationWidth,
            area.Left + designationWidth + quantityWidth,
            area.Left + designationWidth + quantityWidth + unitWidth,
            area.Right,
        ];

        var top = sheet.Y;
        graphics.DrawRectangle(new XSolidBrush(Band), area.Left, top, area.Width, rowHeight);
        graphics.DrawString("Désignation", bold, XBrushes.Black, edges[0] + padding, top + padding, XStringFormats.TopLeft);
        graphics.DrawString("Quantité", bold, XBrushes.Black, edges[2] - padding, top + padding, XStringFormats.TopRight);
        graphics.DrawString("Prix unitaire HT", bold, XBrushes.Black, edges[3] - padding, top + padding, XStringFormats.TopRight);
        graphics.DrawString("Total HT", bold, XBrushes.Black, edges[4] - padding, top + padding, XStringFormats.TopRight);

        var lineTop = top + rowHeight;
        sheet.Y = lineTop + padding;
        var designation = sheet.Text(edges[0] + padding, designationWidth - (2 * padding));
        designation.Paragraph(invoice.Description);
        graphics.DrawString("1", regular, XBrushes.Black, edges[2] - padding, lineTop + padding, XStringFormats.TopRight);
        graphics.DrawString(Euros(invoice.AmountExcludingVatCents), regular, XBrushes.Black, edges[3] - padding, lineTop + padding, XStringFormats.TopRight);
        graphics.DrawString(Euros(invoice.AmountExcludingVatCents), regular, XBrushes.Black, edges[4] - padding, lineTop + padding, XStringFormats.TopRight);
        var bottom = Math.Max(designation.Y, lineTop + regular.GetHeight() + padding) + padding;

        graphics.DrawRectangle(pen, area.Left, top, area.Width, bottom - top);
        graphics.DrawLine(pen, area.Left, lineTop, area.Right, lineTop);
        foreach (var x in edges[1..^1])
        {
            graphics.DrawLine(pen, x, top, x, bottom);
        }

        (string Label, long Cents, bool Strong)[] totals =
        [
            ("Total HT", invoice.AmountExcludingVatCents, false),
            (string.Create(CultureInfo.InvariantCulture, $"TVA ({Vat.RateBasisPoints / 100}\u00A0%)"), invoice.VatCents, false),
            ("Total TTC", invoice.AmountIncludingVatCents, true),
        ];
        var y = bottom + (sheet.FontSize * 0.6);
        var totalsTop = y;
        foreach (var (label, cents, strong) in totals)
        {
            var font = strong ? bold : regular;
            if (strong)
            {
                graphics.DrawRectangle(new XSolidBrush(Band), edges[2], y, edges[4] - edges[2], rowHeight);
            }

            graphics.DrawString(label, font, XBrushes.Black, edges[2] + padding, y + padding, XStringFormats.TopLeft);
            graphics.DrawString(Euros(cents), font, XBrushes.Black, edges[4] - padding, y + padding, XStringFormats.TopRight);
            y += rowHeight;
        }

        for (var row = 1; row < totals.Length; row++)
        {
            graphics.DrawLine(pen, edges[2], totalsTop + (row * rowHeight), edges[4], totalsTop + (row * rowHeight));
        }

        graphics.DrawRectangle(pen, edges[2], totalsTop, edges[4] - edges[2], y - totalsTop);
        graphics.DrawLine(pen, edges[3], totalsTop, edges[3], y);
        sheet.Y = y;
        sheet.MoveBelow();
    }

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// The page's writing area and how far down it is used: each block is written with a
    /// <see cref="PdfText"/> that starts at the current height, so blocks can sit side by side.
    /// </summary>
    private sealed class Sheet(XGraphics graphics, XRect area, double fontSize)
    {
        public XGraphics Graphics => graphics;

        public XRect Area => area;

        public double FontSize => fontSize;

        public double Y { get; set; } = area.Top;

        public bool HasOverflowed { get; private set; }

        /// <summary>A block of text from the current height, <paramref name="width"/> wide, down to the bottom of the page.</summary>
        public PdfText Text(double left, double width) =>
            new(graphics, new XRect(left, Y, width, Math.Max(fontSize, area.Bottom - Y)), fontSize);

        public void Space(double lines) => Y += fontSize * lines;

        /// <summary>Moves below the lowest of the blocks, and notes when something went past the page's bottom.</summary>
        public void MoveBelow(params ReadOnlySpan<PdfText> blocks)
        {
            foreach (var block in blocks)
            {
                Y = Math.Max(Y, block.Y);
                HasOverflowed |= block.HasOverflowed;
            }

            HasOverflowed |= Y > area.Bottom + 0.01;
        }
    }
}
