using System.Text;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Features.Funding.Receipts;
using UglyToad.PdfPig;

namespace Labelkoz.Web.Tests.Funding;

public sealed class TaxReceiptPdfTests
{
    private static readonly TaxReceiptDocument Sample = new(
        Number: "2026-000042",
        BeneficiaryName: "Commune de Montreuil",
        BeneficiaryIdentifier: "SIREN 219300480",
        BeneficiaryAddress: "Hôtel de ville\n1 place Jean-Jaurès\n93100 Montreuil",
        BeneficiaryObject: "Collectivité territoriale",
        BeneficiaryQuality: "Œuvre ou organisme d'intérêt général",
        DonorFullName: "François Lœuvre-Hébert",
        DonorAddress: "12 rue des Pèlerins\n93100 Montreuil",
        AmountCents: 123_450,
        GiftDate: new DateOnly(2026, 11, 27),
        Method: PaymentMethod.Card,
        ProjectTitle: "Un verger partagé près de l'école",
        IssuedOn: new DateOnly(2026, 12, 15),
        IssuedAt: "Montreuil",
        SignatoryName: "Patrice Bessac",
        SignatoryTitle: "Le maire",
        ReplacesNumber: null,
        CancellationNote: null);

    [Fact]
    public void Receipt_PrintsEveryMandatoryFieldOfTheCerfa()
    {
        var pdf = Read(TaxReceiptPdf.Render(Sample));

        string[] expected =
        [
            "Reçu au titre des dons à certains organismes d'intérêt général",
            "Articles 200, 238 bis et 978 du code général des impôts (CGI)",
            "Cerfa n° 11580*05",
            "Numéro d'ordre du reçu : 2026-000042",
            "Bénéficiaire des versements",
            "Commune de Montreuil",
            "SIREN 219300480",
            "Hôtel de ville 1 place Jean-Jaurès 93100 Montreuil",
            "Collectivité territoriale",
            "Œuvre ou organisme d'intérêt général",
            "Donateur",
            "François Lœuvre-Hébert",
            "12 rue des Pèlerins 93100 Montreuil",
            "la somme de : *** 1 234,50 euros ***",
            "Somme en toutes lettres : mille deux cent trente-quatre euros et cinquante centimes",
            "Date du versement ou du don : 27/11/2026",
            "200 du CGI",
            "Déclaration de don manuel",
            "Numéraire",
            "Virement, prélèvement, carte bancaire",
            "Objet du don : soutien au projet « Un verger partagé près de l'école »",
            "Fait à Montreuil, le 15/12/2026",
            "Le maire",
            "Patrice Bessac",
            "Reçu établi par voie électronique par Labelkoz pour le compte du bénéficiaire.",
        ];
        Assert.All(expected, e => Assert.Contains(e, pdf.Text, StringComparison.Ordinal));
        Assert.DoesNotContain("annule et remplace", pdf.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ANNULÉ", pdf.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Receipt_IsOneA4Page_WithItsMetadata()
    {
        var bytes = TaxReceiptPdf.Render(Sample);

        using var document = PdfDocument.Open(bytes);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        Assert.Equal(595, page.Width, 0);
        Assert.Equal(842, page.Height, 0);
        Assert.Equal("Reçu fiscal n° 2026-000042", document.Information.Title);
        Assert.Equal("Commune de Montreuil", document.Information.Author);
        Assert.Equal("Labelkoz", document.Information.Creator);
        Assert.Contains("/Lang(fr-FR)", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Receipt_UsesOnlyTheEmbeddedDejaVuFonts()
    {
        var pdf = Read(TaxReceiptPdf.Render(Sample));

        Assert.All(pdf.Words, w => Assert.Contains("DejaVu Sans", w.FontName, StringComparison.Ordinal));
    }

    [Fact]
    public void TickedOptions_AreSetInBold_AndTheOthersAreNot()
    {
        var pdf = Read(TaxReceiptPdf.Render(Sample));

        // The legal basis, form and nature of the gift are fixed; the quality box is always ticked.
        AssertBold(pdf, "200", true);
        AssertBold(pdf, "manuel", true);
        AssertBold(pdf, "Numéraire", true);
        AssertBold(pdf, "Œuvre", true);
        AssertBold(pdf, "authentique", false);
        AssertBold(pdf, "seing", false);
        AssertBold(pdf, "cotés", false);
        AssertBold(pdf, "d'espèces", false);
        AssertBold(pdf, "bis", false);
        AssertBold(pdf, "978", false);
    }

    [Theory]
    [InlineData(PaymentMethod.Card)]
    [InlineData(PaymentMethod.Cheque)]
    public void EveryOption_HasADrawnBox_CrossedExactlyWhenItsLabelIsBold(PaymentMethod method)
    {
        using var document = PdfDocument.Open(TaxReceiptPdf.Render(Sample with { Method = method }));
        var page = document.GetPage(1);
        var strokes = page.Paths
            .Where(p => p.IsStroked)
            .SelectMany(p => p)
            .Where(s => s.GetBoundingRectangle() is not null)
            .Select(s => (Bounds: s.GetBoundingRectangle()!.Value, IsLine: s.Commands.Count == 2))
            .ToList();
        var boxes = strokes
            .Where(s => !s.IsLine && s.Bounds.Width is > 4 and < 15 && Math.Abs(s.Bounds.Width - s.Bounds.Height) < 0.5)
            .Select(s => s.Bounds)
            .ToList();
        var words = page.GetWords().ToList();

        // Quality 1, legal basis 3, form 4, nature 3, payment method 3; one of each crossed.
        Assert.Equal(14, boxes.Count);
        var ticked = 0;
        foreach (var box in boxes)
        {
            var crossed = strokes.Count(s => s.IsLine
                && s.Bounds.Left >= box.Left && s.Bounds.Right <= box.Right && s.Bounds.Bottom >= box.Bottom && s.Bounds.Top <= box.Top) == 2;
            var label = words
                .Where(w => w.BoundingBox.Left > box.Right && w.BoundingBox.Left < box.Right + 10)
                .Single(w => w.BoundingBox.Bottom < box.Top && w.BoundingBox.Top > box.Bottom);
            Assert.True(
                crossed == (label.FontName ?? string.Empty).Contains("Bold", StringComparison.Ordinal),
                $"The box before « {label.Text} » is {(crossed ? string.Empty : "not ")}crossed, its label's font is {label.FontName}.");
            ticked += crossed ? 1 : 0;
        }

        Assert.Equal(5, ticked);
    }

    [Theory]
    [InlineData(PaymentMethod.Card, false, true)]
    [InlineData(PaymentMethod.Transfer, false, true)]
    [InlineData(PaymentMethod.Cheque, true, false)]
    public void PaymentMethod_TicksItsBox(PaymentMethod method, bool cheque, bool transferOrCard)
    {
        var pdf = Read(TaxReceiptPdf.Render(Sample with { Method = method }));

        AssertBold(pdf, "Chèque", cheque);
        AssertBold(pdf, "bancaire", transferOrCard);
        AssertBold(pdf, "d'espèces", false);
    }

    [Fact]
    public void ReplacementReceipt_SaysWhichReceiptItReplaces()
    {
        var pdf = Read(TaxReceiptPdf.Render(Sample with { Number = "2026-000043", ReplacesNumber = "2026-000042" }));

        Assert.Contains("Numéro d'ordre du reçu : 2026-000043", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Ce reçu annule et remplace le reçu n° 2026-000042.", pdf.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CancelledReceipt_ShowsABannerAndTheNote()
    {
        var note = "Annulé le 16/12/2026 : adresse du donateur erronée, remplacé par le reçu n° 2026-000043.";

        var pdf = Read(TaxReceiptPdf.Render(Sample with { CancellationNote = note }));

        Assert.Contains("REÇU ANNULÉ", pdf.Text, StringComparison.Ordinal);
        Assert.Contains(note, pdf.Text, StringComparison.Ordinal);
        Assert.Contains(pdf.Words, w => w.Text == "ANNULÉ" && w.Bold);
    }

    [Fact]
    public void NoIdentifier_PrintsNoIdentifierLine()
    {
        var pdf = Read(TaxReceiptPdf.Render(Sample with { BeneficiaryIdentifier = null }));

        Assert.DoesNotContain("Identifiant", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Commune de Montreuil", pdf.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AccentedCharacters_ComeBackIntact()
    {
        var pdf = Read(TaxReceiptPdf.Render(Sample with
        {
            DonorFullName = "Françoise Lœuvre-Hébert à Noël",
            ProjectTitle = "Cœur de ville : façades, gîtes et forêt",
        }));

        Assert.Contains("Françoise Lœuvre-Hébert à Noël", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("« Cœur de ville : façades, gîtes et forêt »", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Pèlerins", pdf.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void LongestValues_WrapOnTheOnePage_AndAreAllPrinted()
    {
        var receipt = Sample with
        {
            BeneficiaryName = Long("Association intercommunale de préfiguration", 200),
            BeneficiaryAddress = Long("Bâtiment B, escalier 4\nrésidence des Tilleuls", 500),
            BeneficiaryObject = Long("Protection du patrimoine naturel et culturel", 500),
            DonorFullName = Long("Marie-Hélène Dupont-Aignan de La Rochefoucauld", DonorIdentity.FullNameMaxLength),
            DonorAddress = Long("Appartement 12, 3e étage, 147 boulevard de la Reine\n78000 Versailles", DonorIdentity.AddressMaxLength),
            ProjectTitle = Long("Rénovation énergétique de l'école élémentaire", 120),
            ReplacesNumber = "2026-000041",
            CancellationNote = Long("Annulé : erreur sur le nom du donateur, remplacé par le reçu suivant", 300),
            AmountCents = 999_999_999_99,
        };
        // One unbreakable word wider than the page must be cut across lines, not dropped.
        receipt = receipt with { DonorFullName = new string('W', 150) + receipt.DonorFullName[150..] };

        var bytes = TaxReceiptPdf.Render(receipt);
        var pdf = Read(bytes);

        Assert.Equal(1, pdf.Pages);
        var printed = Squeeze(pdf.Text);
        string[] values =
        [
            receipt.BeneficiaryName, receipt.BeneficiaryAddress, receipt.BeneficiaryObject, receipt.DonorFullName,
            receipt.DonorAddress, receipt.ProjectTitle, receipt.CancellationNote!, receipt.SignatoryName,
        ];
        Assert.All(values, v => Assert.Contains(Squeeze(v), printed, StringComparison.Ordinal));
        Assert.Contains(Squeeze("Reçu établi par voie électronique par Labelkoz"), printed, StringComparison.Ordinal);
        Assert.Contains("999 999 999,99 euros", pdf.Text, StringComparison.Ordinal);
        Assert.All(pdf.Words, w => Assert.InRange(w.Bottom, 0, 842));
    }

    [Fact]
    public void Rendering_InParallel_Works()
    {
        var results = new byte[20][];

        Parallel.For(0, results.Length, i =>
            results[i] = TaxReceiptPdf.Render(Sample with { Number = $"2026-{i:000000}" }));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Contains($"Numéro d'ordre du reçu : 2026-{i:000000}", Read(results[i]).Text, StringComparison.Ordinal);
        }
    }

    private static void AssertBold(ReadPdf pdf, string word, bool bold)
    {
        var matches = pdf.Words.Where(w => w.Text == word).ToList();
        Assert.True(matches.Count > 0, $"« {word} » is not on the receipt.");
        Assert.All(matches, w => Assert.True(w.Bold == bold, $"« {word} » should {(bold ? string.Empty : "not ")}be bold ({w.FontName})."));
    }

    private static string Long(string seed, int length)
    {
        var text = new StringBuilder();
        while (text.Length < length)
        {
            text.Append(seed).Append(' ');
        }

        return text.ToString(0, length).TrimEnd();
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static ReadPdf Read(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes);
        var words = document.GetPages()
            .SelectMany(p => p.GetWords())
            .Select(w => new ReadWord(w.Text, w.FontName ?? string.Empty, w.BoundingBox.Bottom))
            .ToList();
        var text = string.Join(' ', words.Select(w => w.Text));
        var normalised = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return new ReadPdf(normalised, words, document.NumberOfPages);
    }

    private sealed record ReadWord(string Text, string FontName, double Bottom)
    {
        public bool Bold => FontName.Contains("Bold", StringComparison.Ordinal);
    }

    private sealed record ReadPdf(string Text, IReadOnlyList<ReadWord> Words, int Pages);
}
