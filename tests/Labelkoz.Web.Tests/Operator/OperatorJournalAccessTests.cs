using System.Net;
using Labelkoz.Web.Tests.Infrastructure;

namespace Labelkoz.Web.Tests.Operator;

/// <summary>The platform's journal (every city's entries) and its export are the operator's only.</summary>
public sealed class OperatorJournalAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Urls = ["/operateur/journal", "/operateur/journal?handler=Csv", "/operateur/journal?ville=1&action=equipe"];

    [Theory]
    [InlineData("admin")]
    [InlineData("agent")]
    [InlineData("citizen")]
    public async Task ThePlatformJournal_IsRefusedToCityStaffAndCitizens(string who)
    {
        var city = await app.Given.City();
        var email = who switch
        {
            "admin" => city.Admin.Email,
            "agent" => city.Agent.Email,
            _ => (await app.Given.Citizen()).Email,
        };
        using var browser = await app.SignedInAsync(email);

        foreach (var url in Urls)
        {
            var page = await browser.GetAsync(url);
            Assert.True(page.Status == HttpStatusCode.Forbidden, $"{email} — {url}: {(int)page.Status}");
            Assert.DoesNotContain("Journal de la plateforme", page.MainText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ThePlatformJournal_SendsAVisitorToTheLogIn()
    {
        using var anonymous = app.HttpsBrowser();

        foreach (var url in Urls)
        {
            var page = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.Contains("/compte/connexion", page.Location, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ThePlatformJournal_OpensForTheOperator_FromTheConsole()
    {
        using var operatorBrowser = await app.SignedInAsync((await app.Given.Operator()).Email);

        var console = await operatorBrowser.GetAsync("/operateur");
        var journal = await operatorBrowser.GetAsync("/operateur/journal");

        Assert.NotNull(console.Document.QuerySelector("main a[href='/operateur/journal']"));
        Assert.Equal(HttpStatusCode.OK, journal.Status);
        Assert.Equal("/operateur/journal", journal.Document.QuerySelector("nav.admin-nav a[aria-current=page]")!.GetAttribute("href"));
        journal.AssertAccessibleStructure();
    }
}
