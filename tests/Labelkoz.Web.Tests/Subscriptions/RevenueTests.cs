using System.Globalization;
using System.Net;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Tests.CityAdmin;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Subscriptions;

/// <summary>
/// The operator's console over time (issue #7): the revenue of the last twelve months, invoiced by
/// month of issue and collected by month of payment, equals the invoices in the database; the cities
/// export as CSV; the page's SQL commands do not grow with the invoices and cities.
/// </summary>
public sealed class RevenueTests(BillingApp app) : IClassFixture<BillingApp>
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    [Fact]
    public async Task TheRevenueByMonth_IsTheSumOfTheInvoices_InvoicedAndCollected()
    {
        using var browser = await app.SignedInAsync(StaffTestKit.Operator);
        var countBefore = await CountAsync(browser);

        // Two subscribers of the past months (no clock advance: its timers would take minutes), some invoices paid.
        await SubscriberOfThePastAsync("Commune mensuelle", BillingPeriod.Monthly, daysAgo: 150, paidAfterDays: 5);
        await SubscriberOfThePastAsync("Commune annuelle", BillingPeriod.Yearly, daysAgo: 100, paidAfterDays: 40);

        var today = DateOnly.FromDateTime(Cultures.ToParis(app.Clock.GetUtcNow().UtcDateTime));
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var invoices = await app.WithDbAsync(db => db.Invoices.IgnoreQueryFilters().AsNoTracking().Select(i => new { i.IssuedOn, i.PaidOn, i.AmountExcludingVatCents }).ToListAsync());
        var expected = Enumerable.Range(0, 12).Select(offset =>
        {
            var month = first.AddMonths(offset);
            bool Same(DateOnly? date) => date is { } d && d.Year == month.Year && d.Month == month.Month;
            return (
                Month: month.ToString("MMMM yyyy", Fr),
                Invoiced: invoices.Where(i => Same(i.IssuedOn)).Sum(i => i.AmountExcludingVatCents),
                Collected: invoices.Where(i => Same(i.PaidOn)).Sum(i => i.AmountExcludingVatCents));
        }).ToList();
        Assert.True(expected.Count(m => m.Invoiced > 0) >= 4, "The test should spread invoices over several months.");
        Assert.True(expected.Count(m => m.Collected > 0) >= 3, "The test should record payments in several months.");

        var page = await browser.GetAsync("/operateur");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        var rows = page.Document.QuerySelectorAll("#chiffre-affaires-table tbody tr")
            .Select(r => (Month: r.QuerySelector("th")!.TextContent.Trim(), Invoiced: r.QuerySelectorAll("td")[0].TextContent.Trim(), Collected: r.QuerySelectorAll("td")[1].TextContent.Trim()))
            .ToList();
        Assert.Equal(expected.Select(m => (m.Month, MoneyInput.Format(m.Invoiced, Fr), MoneyInput.Format(m.Collected, Fr))), rows);

        // The chart draws the same figures: one titled bar per month and series, labelled as an image.
        var chart = page.Document.QuerySelector("svg.revenue-chart")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.NotNull(page.Document.GetElementById(chart.GetAttribute("aria-labelledby")!.Split(' ')[0]));
        var titles = chart.QuerySelectorAll("rect title").Select(t => t.TextContent).ToList();
        Assert.Equal(24, titles.Count);
        var busiest = expected.MaxBy(m => m.Invoiced);
        Assert.Contains($"{busiest.Month} : facturé {MoneyInput.Format(busiest.Invoiced, Fr)} HT", titles);
        Assert.DoesNotContain("style=", page.Html, StringComparison.OrdinalIgnoreCase);

        // More cities and invoices: the same number of SQL commands.
        Assert.Equal(countBefore, await CountAsync(browser));
        Assert.True(countBefore is > 0 and <= 6, $"{countBefore} SQL commands for the console.");
    }

    [Fact]
    public async Task TheCities_ExportAsCsv_WithTheirSubscription_ForTheOperatorOnly()
    {
        var (cityId, _) = await app.NewSubscriberAsync("Commune exportée");
        var city = await app.WithDbAsync(db => db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == cityId));
        var subscription = await app.WithDbAsync(db => db.Subscriptions.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.MunicipalityId == cityId));
        var plan = await app.WithDbAsync(db => db.Plans.Where(p => p.Id == subscription.PlanId).Select(p => p.Name).SingleAsync());

        using var browser = await app.SignedInAsync(StaffTestKit.Operator);
        var response = await browser.Client.GetAsync("/operateur?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Csv("Collectivité", "Code INSEE", "SIREN", "Abonnement", "Offre", "Facturation", "Revenu mensuel HT (euros)", "Fin de l'essai", "Facturé jusqu'au"), lines[0]);
        Assert.Contains(
            Csv(city.Name, city.InseeCode, city.Siren!, "Période d'essai", plan, "Mensuelle", "0,00",
                subscription.TrialEndsOn.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), subscription.InvoicedUntil.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            lines);
        var montreuil = Assert.Single(lines, l => l.StartsWith(Csv("Montreuil", "93048", "219300480"), StringComparison.Ordinal));
        Assert.Contains(Csv("Grande ville (plus de 50 000 habitants)", "Mensuelle"), montreuil, StringComparison.Ordinal);
        Assert.Equal(await app.WithDbAsync(db => db.Municipalities.CountAsync()), lines.Length - 1);

        var searched = await (await browser.Client.GetAsync("/operateur?handler=Csv&q=93006")).Content.ReadAsStringAsync();
        Assert.Equal(2, searched.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        foreach (var email in new[] { StaffTestKit.MontreuilAdmin, StaffTestKit.Citizen })
        {
            using var other = await app.SignedInAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.GetAsync("/operateur?handler=Csv")).StatusCode);
        }

        using var anonymous = app.NewBrowser();
        var redirected = await anonymous.Client.GetAsync("/operateur?handler=Csv");
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Contains("/compte/connexion", redirected.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>A city whose trial began <paramref name="daysAgo"/> days ago, with every period invoiced since, each paid some days after issue when that day is past.</summary>
    private Task<int> SubscriberOfThePastAsync(string name, BillingPeriod period, int daysAgo, int paidAfterDays) =>
        app.WithBillingAsync(async billing =>
        {
            var today = billing.Today;
            var now = app.Clock.GetUtcNow().UtcDateTime;
            return await app.WithDbAsync(async db =>
            {
                var operatorId = await db.Users.Where(u => u.Email == StaffTestKit.Operator).Select(u => u.Id).SingleAsync();
                var count = await db.Municipalities.CountAsync();
                var city = Municipality.Create(name, $"passee-{count}-{Guid.NewGuid():N}"[..30], $"98{count % 1000:000}", 20_000, now);
                city.SetOfficialIdentity("219300480");
                db.Municipalities.Add(city);
                await db.SaveChangesAsync();
                var plan = await db.Plans.SingleAsync(p => p.MinPopulation == 10_000);
                var subscription = Subscription.StartTrial(city.Id, plan, period, today.AddDays(-daysAgo));
                db.Subscriptions.Add(subscription);
                await db.SaveChangesAsync();
                var sequence = 900_000 + (count * 100);
                while (subscription.InvoiceDue(today))
                {
                    var day = subscription.InvoicedUntil;
                    var invoice = Invoice.Issue(subscription, subscription.NextPeriodToInvoice(day), plan, city, billing.Seller(), ++sequence, day, now);
                    if (day.AddDays(paidAfterDays) <= today)
                    {
                        invoice.RecordPayment(operatorId, "VIR " + invoice.Number, day.AddDays(paidAfterDays), today, now);
                    }

                    db.Invoices.Add(invoice);
                }

                return await db.SaveChangesAsync();
            });
        });

    private static string Csv(params string[] cells) => string.Join(';', cells.Select(c => $"\"{c}\""));

    private async Task<int> CountAsync(TestBrowser browser)
    {
        await browser.GetAsync("/operateur");
        app.SqlCommands.Reset();
        var page = await browser.GetAsync("/operateur");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return app.SqlCommands.Count;
    }
}
