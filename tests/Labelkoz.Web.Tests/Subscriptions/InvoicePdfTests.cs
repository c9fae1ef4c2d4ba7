using System.Reflection;
using System.Text;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Features.Subscriptions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Labelkoz.Web.Tests.Subscriptions;

/// <summary>The subscription invoice's PDF (issue #7): its text extracted back with PdfPig.</summary>
public sealed class InvoicePdfTests
{
    private static readonly DateOnly SignedUp = new(2026, 1, 15);
    private static readonly DateOnly InvoicedOn = SignedUp.AddDays(Subscription.TrialDays);
    private static readonly DateTime Now = new(2026, 2, 14, 6, 0, 0, DateTimeKind.Utc);
    private static readonly Seller Platform = new(
        "Labelkoz SAS", "123456782", "FR32123456782", "10 rue de la Paix\n75002 Paris", "FR76 3000 6000 0112 3456 7890 189", "AGRIFRPP");

    [Fact]
    public void Invoice_PrintsEveryMentionAFrenchInvoiceNeeds()
    {
        var invoice = Issue();

        var pdf = Read(InvoicePdf.Render(invoice));

        string[] expected =
        [
            "FACTURE",
            "N° LKZ-2026-000123",
            "Labelkoz SAS",
            "10 rue de la Paix 75002 Paris",
            "SIREN : 123456782",
            "N° TVA intracommunautaire : FR32123456782",
            "Facturé à Montreuil SIREN : 219300480 Hôtel de ville 1 place Jean-Jaurès 93100 Montreuil",
            "Date d'émission : 14/02/2026",
            "Date d'échéance : 16/03/2026",
            "Période : du 14/02/2026 au 13/03/2026",
            "Désignation Quantité Prix unitaire HT Total HT",
            "Abonnement Labelkoz « Ville (10 000 à 50 000 habitants) », mensuel, du 14/02/2026 au 13/03/2026 1 1 234,50 € 1 234,50 €",
            "Total HT 1 234,50 €",
            "TVA (20 %) 246,90 €",
            "Total TTC 1 481,40 €",
            "Facture à déposer sur Chorus Pro",
            "Paiement à 30 jours, par virement.",
            "IBAN : FR76 3000 6000 0112 3456 7890 189",
            "BIC : AGRIFRPP",
            "En cas de retard de paiement, des pénalités de retard sont exigibles au taux de trois fois le taux d'intérêt légal, "
                + "ainsi qu'une indemnité forfaitaire pour frais de recouvrement de 40 € (articles L441-10 et D441-5 du code de commerce).",
            "Pas d'escompte pour paiement anticipé.",
        ];
        Assert.All(expected, e => Assert.Contains(e, pdf.Text, StringComparison.Ordinal));
        Assert.DoesNotContain("ACQUITTÉE", pdf.Text, StringComparison.Ordinal);
        Assert.Contains(pdf.Words, w => w.Text == "FACTURE" && w.Bold);
    }

    [Fact]
    public void Invoice_IsOneA4Page_WithItsMetadata_AndTheEmbeddedFontsOnly()
    {
        var bytes = InvoicePdf.Render(Issue());

        using var document = PdfDocument.Open(bytes);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        Assert.Equal(595, page.Width, 0);
        Assert.Equal(842, page.Height, 0);
        Assert.Equal("Facture LKZ-2026-000123", document.Information.Title);
        Assert.Equal("Labelkoz SAS", document.Information.Author);
        Assert.Equal("Labelkoz", document.Information.Creator);
        Assert.Contains("/Lang(fr-FR)", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        Assert.All(page.GetWords(), w => Assert.Contains("DejaVu Sans", w.FontName, StringComparison.Ordinal));
    }

    [Fact]
    public void TheLine_IsATableDrawnWithRules()
    {
        using var document = PdfDocument.Open(InvoicePdf.Render(Issue()));
        var page = document.GetPage(1);
        var segments = page.Paths
            .Where(p => p.IsStroked)
            .SelectMany(p => p)
            .Select(s => s.GetBoundingRectangle())
            .OfType<UglyToad.PdfPig.Core.PdfRectangle>()
            .ToList();
        var designation = page.GetWords().First(w => w.Text == "Désignation").BoundingBox;
        var total = page.GetWords().Last(w => w.Text == "TTC").BoundingBox;

        // The header row's cells are separated by vertical rules that run down through the line.
        var verticals = segments.Count(s => s.Width < 1 && s.Height > designation.Height && s.Top >= designation.Top);
        Assert.True(verticals >= 3, $"Only {verticals} vertical rules around the line's columns.");
        Assert.Contains(segments, s => s.Left < total.Left && s.Right > total.Right && s.Bottom <= total.Bottom && s.Top >= total.Top);
    }

    [Theory]
    [InlineData(0, "0,00 €")]
    [InlineData(5, "0,05 €")]
    [InlineData(123_450, "1 234,50 €")]
    [InlineData(Plan.MaxPriceCents, "100 000,00 €")]
    [InlineData(120_000_00, "120 000,00 €")]
    public void Amounts_AreFormattedTheFrenchWay_AndNeverBreak(long cents, string expected)
    {
        var formatted = InvoicePdf.Euros(cents);

        Assert.Equal(expected, formatted.Replace('\u00A0', ' '));
        Assert.DoesNotContain(' ', formatted);
    }

    [Fact]
    public void YearlyPlan_AtTheHighestPrice_PrintsItsAmounts()
    {
        var invoice = Issue(yearly: true, yearlyPriceCents: Plan.MaxPriceCents);

        var pdf = Read(InvoicePdf.Render(invoice));

        Assert.Contains("Facturation : annuelle", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("annuel, du 14/02/2026 au 13/02/2027", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Total HT 100 000,00 €", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("TVA (20 %) 20 000,00 €", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Total TTC 120 000,00 €", pdf.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void PaidInvoice_IsMarkedAcquittee_WithThePaymentDateAndReference()
    {
        var invoice = Issue();
        invoice.RecordPayment(1, "VIR MONTREUIL 2026-02", new DateOnly(2026, 2, 26), new DateOnly(2026, 2, 27), Now.AddDays(13));

        var pdf = Read(InvoicePdf.Render(invoice));

        Assert.Contains("ACQUITTÉE", pdf.Text, StringComparison.Ordinal);
        Assert.Contains(pdf.Words, w => w.Text == "ACQUITTÉE" && w.Bold);
        Assert.Contains("Payée le 26/02/2026 par virement, référence : VIR MONTREUIL 2026-02", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Total TTC 1 481,40 €", pdf.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void BuyerWithoutSirenOrAddress_PrintsNeither()
    {
        var invoice = Issue(buyerSiren: null, buyerAddress: null);

        var pdf = Read(InvoicePdf.Render(invoice));

        var start = pdf.Text.IndexOf("Facturé à", StringComparison.Ordinal);
        var end = pdf.Text.IndexOf("Désignation", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start);
        Assert.Equal("Facturé à Montreuil ", pdf.Text[start..end]);
        Assert.Contains("SIREN : 123456782", pdf.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void LongestValues_WrapOnTheOnePage_AndAreAllPrinted()
    {
        var planName = Long("Grande métropole intercommunale à fiscalité propre", Plan.NameMaxLength);
        var address = Long("Direction des finances, service de la comptabilité\nHôtel de ville, 1 place de la République", 300);
        var buyerName = Long("Communauté d'agglomération du Grand Saint-Rémy-lès-Chevreuse", Municipality.NameMaxLength);
        var reference = Long("VIREMENT TRESORERIE MUNICIPALE MANDAT 2026", Invoice.ReferenceMaxLength);
        var invoice = Issue(planName: planName, buyerName: buyerName, buyerAddress: address, monthlyPriceCents: Plan.MaxPriceCents);
        invoice.RecordPayment(1, reference, InvoicedOn, InvoicedOn, Now);
        Assert.Equal((80, 300), (invoice.PlanName.Length, invoice.BuyerAddress!.Length));

        var pdf = Read(InvoicePdf.Render(invoice));

        Assert.Equal(1, pdf.Pages);
        var printed = Squeeze(pdf.Text);
        string[] values = [planName, address, buyerName, reference, invoice.Description, InvoicePdf.LatePaymentMentions, InvoicePdf.NoDiscount];
        Assert.All(values, v => Assert.Contains(Squeeze(v), printed, StringComparison.Ordinal));
        Assert.Contains("Total TTC 120 000,00 €", pdf.Text, StringComparison.Ordinal);
        Assert.All(pdf.Words, w => Assert.InRange(w.Bottom, 0, 842));
    }

    [Fact]
    public void Rendering_InParallel_Works()
    {
        var results = new byte[20][];

        Parallel.For(0, results.Length, i => results[i] = InvoicePdf.Render(Issue(sequence: i + 1)));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Contains($"N° LKZ-2026-{i + 1:000000}", Read(results[i]).Text, StringComparison.Ordinal);
        }
    }

    private static Invoice Issue(
        int sequence = 123,
        string planName = "Ville (10 000 à 50 000 habitants)",
        long monthlyPriceCents = 1_234_50,
        long yearlyPriceCents = 12_345_00,
        bool yearly = false,
        string buyerName = "Montreuil",
        string? buyerSiren = "219300480",
        string? buyerAddress = "Hôtel de ville\n1 place Jean-Jaurès\n93100 Montreuil")
    {
        var plan = WithId(Plan.Create(planName, 10_000, 50_000, monthlyPriceCents, yearlyPriceCents, 500, 5, matchfundingAllowed: true), 2);
        var city = WithId(Municipality.Create(buyerName, "montreuil", "93048", 111_000, Now), 1);
        city.SetOfficialIdentity(buyerSiren);
        city.SetBillingAddress(buyerAddress, Now);
        var subscription = WithId(Subscription.StartTrial(city.Id, plan, yearly ? BillingPeriod.Yearly : BillingPeriod.Monthly, SignedUp), 9);
        return Invoice.Issue(subscription, subscription.NextPeriodToInvoice(InvoicedOn), plan, city, Platform, sequence, InvoicedOn, Now);
    }

    /// <summary>Stands in for the database, which gives rows their ids.</summary>
    private static T WithId<T>(T entity, long id)
    {
        typeof(T).GetProperty("Id", BindingFlags.Public | BindingFlags.Instance)!.SetValue(entity, id);
        return entity;
    }

    private static string Long(string seed, int length)
    {
        var text = new StringBuilder();
        while (text.Length < length)
        {
            text.Append(seed).Append(' ');
        }

        // Exactly the length asked: a value ending in a space would be trimmed by the domain.
        var value = text.ToString(0, length);
        return char.IsWhiteSpace(value[^1]) ? value[..^1] + "x" : value;
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>
    /// The page's text in the order it was drawn, which keeps each block together (PdfPig's words come
    /// sorted by position, which interleaves the columns): a space where the baseline changes or a gap opens.
    /// </summary>
    private static ReadPdf Read(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes);
        var text = new StringBuilder();
        Letter? previous = null;
        foreach (var letter in document.GetPages().SelectMany(p => p.Letters))
        {
            if (previous is not null
                && (Math.Abs(letter.StartBaseLine.Y - previous.StartBaseLine.Y) > 1 || letter.StartBaseLine.X - previous.EndBaseLine.X > letter.PointSize * 0.2))
            {
                text.Append(' ');
            }

            text.Append(letter.Value);
            previous = letter;
        }

        var words = document.GetPages()
            .SelectMany(p => p.GetWords())
            .Select(w => new ReadWord(w.Text, w.FontName ?? string.Empty, w.BoundingBox.Bottom))
            .ToList();
        var normalised = string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return new ReadPdf(normalised, words, document.NumberOfPages);
    }

    private sealed record ReadWord(string Text, string FontName, double Bottom)
    {
        public bool Bold => FontName.Contains("Bold", StringComparison.Ordinal);
    }

    private sealed record ReadPdf(string Text, IReadOnlyList<ReadWord> Words, int Pages);
}
