using System.Globalization;
using System.Net;
using Labelkoz.Domain.Subscriptions;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
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
        using var browser = await app.SignedInAsync((await app.Given.Operator()).Email);
        var countBefore = await CountAsync(browser);

        // Two subscribers of the past months (no clock advance: its timers would take minutes), some invoices paid.
        await app.Given.Subscription(await app.Given.City(), new SubscriptionSpec { Period = BillingPeriod.Monthly, StartedDaysAgo = 150, PaidAfterDays = 5 });
        await app.Given.Subscription(await app.Given.City(), new SubscriptionSpec { Period = BillingPeriod.Yearly, StartedDaysAgo = 100, PaidAfterDays = 40 });

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
        // Six, and the session's check against the account (ADR 19).
        Assert.True(countBefore is > 0 and <= 7, $"{countBefore} SQL commands for the console.");
    }

    [Fact]
    public async Task TheCities_ExportAsCsv_WithTheirSubscription_ForTheOperatorOnly()
    {
        var (inTrial, _) = await app.NewSubscriberAsync();
        var city = await app.WithDbAsync(db => db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == inTrial.Id));
        var subscription = await app.WithDbAsync(db => db.Subscriptions.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.MunicipalityId == inTrial.Id));
        var plan = await app.WithDbAsync(db => db.Plans.Where(p => p.Id == subscription.PlanId).Select(p => p.Name).SingleAsync());

        // A big city subscribed for months, monthly, with invoices paid.
        var big = await app.Given.City(new CitySpec { Population = 111_934 });
        await app.Given.Subscription(big, new SubscriptionSpec { StartedDaysAgo = 100, PaidAfterDays = 11 });
        var bigSiren = await app.WithDbAsync(db => db.Municipalities.Where(m => m.Id == big.Id).Select(m => m.Siren!).SingleAsync());

        using var browser = await app.SignedInAsync((await app.Given.Operator()).Email);
        var response = await browser.Client.GetAsync("/operateur?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Csv("Collectivité", "Code INSEE", "SIREN", "Abonnement", "Offre", "Facturation", "Revenu mensuel HT (euros)", "Fin de l'essai", "Facturé jusqu'au"), lines[0]);
        Assert.Contains(
            Csv(city.Name, city.InseeCode, city.Siren!, "Période d'essai", plan, "Mensuelle", "0,00",
                subscription.TrialEndsOn.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), subscription.InvoicedUntil.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            lines);
        var bigLine = Assert.Single(lines, l => l.StartsWith(Csv(big.Name, big.InseeCode, bigSiren), StringComparison.Ordinal));
        Assert.Contains(Csv("Grande ville (plus de 50 000 habitants)", "Mensuelle"), bigLine, StringComparison.Ordinal);
        Assert.Equal(await app.WithDbAsync(db => db.Municipalities.CountAsync()), lines.Length - 1);

        var searched = await (await browser.Client.GetAsync($"/operateur?handler=Csv&q={big.InseeCode}")).Content.ReadAsStringAsync();
        var found = searched.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, found.Length);
        Assert.Equal(bigLine, found[1]);

        foreach (var email in new[] { big.Admin.Email, (await app.Given.Citizen()).Email })
        {
            using var other = await app.SignedInAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.GetAsync("/operateur?handler=Csv")).StatusCode);
        }

        using var anonymous = app.NewBrowser();
        var redirected = await anonymous.Client.GetAsync("/operateur?handler=Csv");
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Contains("/compte/connexion", redirected.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

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
