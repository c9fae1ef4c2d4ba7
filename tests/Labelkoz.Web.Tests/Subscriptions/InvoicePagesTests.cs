using System.Net;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Subscriptions;

/// <summary>
/// The invoices through HTTP (issue #7): the city's admins see their subscription and download their
/// invoices, nobody else's; the operator lists every city's invoices, filters them, records a payment
/// (bad input refused in French, nothing saved), exports them. A subscriber has two paid invoices and
/// one to pay; another city is in its trial.
/// </summary>
public sealed class InvoicePagesTests(BillingApp app) : IClassFixture<BillingApp>
{
    /// <summary>Subscribed a hundred days ago, each invoice paid eleven days after its issue: two paid, the third not yet due.</summary>
    private static readonly SubscriptionSpec TwoPaidOneToPay = new() { StartedDaysAgo = 100, PaidAfterDays = 11 };

    [Fact]
    public async Task TheCitysAdmin_SeesItsSubscriptionAndDownloadsItsInvoices_AndNobodyElseCan()
    {
        var (city, other) = await app.Given.TwoCities();
        await app.Given.Subscription(city, TwoPaidOneToPay);
        await app.Given.Subscription(other, BillingPeriod.Yearly);
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var page = await admin.GetAsync($"{city.AdminPath}/abonnement");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        Assert.Contains("Abonnement actif", page.MainText, StringComparison.Ordinal);
        var links = page.Document.QuerySelectorAll("#factures a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(3, links.Count);

        var pdf = await admin.Client.GetAsync(links[0]);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(), 0, 4), StringComparison.Ordinal);

        var cityInvoice = await app.WithDbAsync(db => db.Invoices.IgnoreQueryFilters().Where(i => i.MunicipalityId == city.Id).Select(i => i.Id).FirstAsync());
        using var otherAdmin = await app.SignedInAsync(other.Admin.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.Client.GetAsync($"{other.AdminPath}/abonnement?handler=Pdf&id={cityInvoice}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAdmin.Client.GetAsync($"{city.AdminPath}/abonnement?handler=Pdf&id={cityInvoice}")).StatusCode);
        var trial = await otherAdmin.GetAsync($"{other.AdminPath}/abonnement");
        Assert.Contains("Période d'essai", trial.MainText, StringComparison.Ordinal);

        using var agent = await app.SignedInAsync(city.Agent.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.GetAsync($"{city.AdminPath}/abonnement")).StatusCode);
        using var citizen = await app.SignedInAsync((await app.Given.Citizen()).Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.Client.GetAsync($"{city.AdminPath}/abonnement")).StatusCode);
    }

    [Fact]
    public async Task TheOperator_RecordsAPayment_BadInputIsRefusedInFrench_AndTheInvoiceIsPaidOnce()
    {
        var city = await app.Given.City();
        await app.Given.Subscription(city, TwoPaidOneToPay);
        using var operatorBrowser = await app.SignedInAsync((await app.Given.Operator()).Email);
        var unpaid = await app.WithDbAsync(db => db.Invoices.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.Status == InvoiceStatus.Issued && i.MunicipalityId == city.Id));
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
        foreach (var email in new[] { (await app.Given.City()).Admin.Email, (await app.Given.Citizen()).Email })
        {
            using var browser = await app.SignedInAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.Client.GetAsync("/operateur/factures")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.Client.GetAsync("/operateur/factures?handler=Csv")).StatusCode);
        }
    }
}
