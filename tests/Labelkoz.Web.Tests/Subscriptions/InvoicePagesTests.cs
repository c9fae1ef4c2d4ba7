using System.Net;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Tests.CityAdmin;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Subscriptions;

/// <summary>
/// The invoices through HTTP (issue #7): the city's admins see their subscription and download their
/// invoices, nobody else's; the operator lists every city's invoices, filters them, records a payment
/// (bad input refused in French, nothing saved), exports them. Demo data: Montreuil is a subscriber
/// with two paid invoices and one to pay; Bagnolet is in its trial.
/// </summary>
public sealed class InvoicePagesTests(BillingApp app) : IClassFixture<BillingApp>
{
    [Fact]
    public async Task TheCitysAdmin_SeesItsSubscriptionAndDownloadsItsInvoices_AndNobodyElseCan()
    {
        using var admin = await app.SignedInAsync(StaffTestKit.MontreuilAdmin);
        var page = await admin.GetAsync("/montreuil/admin/abonnement");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        Assert.Contains("Abonnement actif", page.MainText, StringComparison.Ordinal);
        var links = page.Document.QuerySelectorAll("#factures a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(3, links.Count);

        var pdf = await admin.Client.GetAsync(links[0]);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(), 0, 4), StringComparison.Ordinal);

        var montreuilInvoice = await app.WithDbAsync(db => db.Invoices.IgnoreQueryFilters().Where(i => i.BuyerName == "Montreuil").Select(i => i.Id).FirstAsync());
        using var bagnolet = await app.SignedInAsync(StaffTestKit.BagnoletAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await bagnolet.Client.GetAsync($"/bagnolet/admin/abonnement?handler=Pdf&id={montreuilInvoice}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bagnolet.Client.GetAsync($"/montreuil/admin/abonnement?handler=Pdf&id={montreuilInvoice}")).StatusCode);
        var trial = await bagnolet.GetAsync("/bagnolet/admin/abonnement");
        Assert.Contains("Période d'essai", trial.MainText, StringComparison.Ordinal);

        using var agent = await app.SignedInAsync(StaffTestKit.MontreuilAgent);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.GetAsync("/montreuil/admin/abonnement")).StatusCode);
        using var citizen = await app.SignedInAsync(StaffTestKit.Citizen);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.Client.GetAsync("/montreuil/admin/abonnement")).StatusCode);
    }

    [Fact]
    public async Task TheOperator_RecordsAPayment_BadInputIsRefusedInFrench_AndTheInvoiceIsPaidOnce()
    {
        using var operatorBrowser = await app.SignedInAsync(StaffTestKit.Operator);
        var unpaid = await app.WithDbAsync(db => db.Invoices.IgnoreQueryFilters().AsNoTracking().FirstAsync(i => i.Status == InvoiceStatus.Issued && i.BuyerName == "Montreuil"));
        var list = await operatorBrowser.GetAsync("/operateur/factures?filtre=impayees");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        list.AssertAccessibleStructure();
        Assert.Contains(unpaid.Number, list.MainText, StringComparison.Ordinal);
        var form = $"form#paiement-{unpaid.Id}";

        foreach (var (reference, date, message) in new[]
        {
            ("", "2026-11-20", "référence du virement"),
            ("VIR 1", "", "date du paiement"),
            ("VIR 1", "20/11/2026", "date du paiement"),
            ("VIR 1", "1999-01-01", "comprise entre la date de la facture et aujourd'hui"),
            ("VIR 1", "2099-01-01", "comprise entre la date de la facture et aujourd'hui"),
            (new string('r', 201), unpaid.IssuedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "Référence du virement"),
        })
        {
            var refused = await operatorBrowser.SubmitAsync(list, form, new Dictionary<string, string> { ["reference"] = reference, ["paidOn"] = date });
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains(message, refused.ErrorSummary() + refused.MainText, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(InvoiceStatus.Issued, await app.WithDbAsync(db => db.Invoices.IgnoreQueryFilters().Where(i => i.Id == unpaid.Id).Select(i => i.Status).SingleAsync()));

        var paidOn = unpaid.IssuedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var saved = await operatorBrowser.SubmitAsync(list, form, new Dictionary<string, string> { ["reference"] = "VIR TRESOR 42", ["paidOn"] = paidOn });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var again = await operatorBrowser.SubmitAsync(list, form, new Dictionary<string, string> { ["reference"] = "VIR TRESOR 43", ["paidOn"] = paidOn });
        Assert.Contains("déjà enregistré", again.ErrorSummary(), StringComparison.Ordinal);
        var invoice = await app.WithDbAsync(db => db.Invoices.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.Id == unpaid.Id));
        Assert.Equal((InvoiceStatus.Paid, "VIR TRESOR 42"), (invoice.Status, invoice.PaymentReference));

        var csv = await operatorBrowser.Client.GetAsync("/operateur/factures?handler=Csv");
        Assert.Contains(invoice.Number, await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var pdf = await operatorBrowser.Client.GetAsync($"/operateur/factures?handler=Pdf&id={invoice.Id}");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheOperatorsInvoices_AreRefusedToACityAdminAndACitizen()
    {
        foreach (var email in new[] { StaffTestKit.MontreuilAdmin, StaffTestKit.Citizen })
        {
            using var browser = await app.SignedInAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.Client.GetAsync("/operateur/factures")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.Client.GetAsync("/operateur/factures?handler=Csv")).StatusCode);
        }
    }
}
