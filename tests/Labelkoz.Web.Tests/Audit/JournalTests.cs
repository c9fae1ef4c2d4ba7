using System.Globalization;
using System.Net;
using System.Text;
using Labelkoz.Domain.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Audit;

/// <summary>The city's journal and the operator's: what staff did, filtered, exported, never changed.</summary>
public sealed class JournalTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ASettingsChange_MadeThroughThePage_IsInTheJournal_WithItsBeforeAndAfter()
    {
        var city = await app.Given.City();
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var settings = await admin.GetAsync($"{city.AdminPath}/parametres");
        var saved = await admin.SubmitAsync(settings, "form#parametres", new Dictionary<string, string>
        {
            ["Input.CommentModeration"] = "PreModeration",
            ["Input.AccessibilityCompliance"] = "non conforme",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        using var agent = await app.SignedInAsync(city.Agent.Email);
        var journal = await agent.GetAsync($"{city.AdminPath}/journal?action=SettingsChanged");

        Assert.Equal(HttpStatusCode.OK, journal.Status);
        var row = journal.Document.QuerySelectorAll("table.journal tbody tr")[0];
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal($"{city.Admin.DisplayName} <{city.Admin.Email}>", cells[0]);
        Assert.Equal("Paramètres modifiés", cells[1]);
        Assert.Contains(city.Name, cells[2], StringComparison.Ordinal);
        Assert.Contains("Modération des commentaires : après publication (post-modération)", cells[4], StringComparison.Ordinal);
        Assert.Contains("Conformité RGAA : partiellement conforme", cells[4], StringComparison.Ordinal);
        Assert.Contains("Modération des commentaires : avant publication (pré-modération)", cells[5], StringComparison.Ordinal);
        Assert.Contains("Conformité RGAA : non conforme", cells[5], StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector("td .journal-values"));
        journal.AssertAccessibleStructure();
        Assert.Equal($"{city.AdminPath}/journal", journal.Document.QuerySelector("nav.admin-nav a[aria-current=page]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task TheFilters_KeepOnlyTheMatchingEntries()
    {
        var city = await app.Given.City();
        await SeedEntriesAsync(city);
        using var admin = await app.SignedInAsync(city.Admin.Email);

        var team = await admin.GetAsync($"{city.AdminPath}/journal?action=equipe");
        var byText = await admin.GetAsync($"{city.AdminPath}/journal?q=FILTRE-quartier");
        var single = await admin.GetAsync($"{city.AdminPath}/journal?action=NeighbourhoodRemoved");
        var byDay = await admin.GetAsync($"{city.AdminPath}/journal?du=2024-03-10&au=2024-03-10");
        var agent = city.Agent.Id;
        var byAgent = await admin.GetAsync($"{city.AdminPath}/journal?auteur={agent}&q=FILTRE");

        Assert.All(Actions(team), a => Assert.Contains(a, new[] { "Invitation envoyée", "Invitation renvoyée", "Invitation annulée", "Membre retiré de l'équipe" }));
        Assert.Contains("Invitation envoyée", Actions(team));
        Assert.Equal(["Quartier retiré", "Quartier ajouté"], Actions(byText));
        Assert.Equal(["Quartier retiré"], Actions(single));
        Assert.Equal(["Invitation envoyée"], Actions(byDay));
        Assert.Contains("10/03/2024 23:30", byDay.MainText, StringComparison.Ordinal);
        Assert.Equal(["Quartier retiré", "Quartier ajouté"], Actions(byAgent));
        Assert.Contains("2 entrées", byAgent.MainText, StringComparison.Ordinal);
        Assert.Equal(agent.ToString(CultureInfo.InvariantCulture), byAgent.Document.QuerySelector("#journal-auteur option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task NonsenseFilterValues_AreIgnored_NotErrors()
    {
        var city = await app.Given.City();
        using var admin = await app.SignedInAsync(city.Admin.Email);

        foreach (var query in new[] { "action=%27%3Bdrop", "auteur=abc", "du=31/12/2024", "au=9999-12-31", "du=0001-01-01", "page=-4", "page=999999", "q=" + new string('x', 5000) })
        {
            var page = await admin.GetAsync($"{city.AdminPath}/journal?" + query);
            Assert.True(page.Status == HttpStatusCode.OK, $"{query}: {(int)page.Status}");
        }
    }

    [Fact]
    public async Task TheCsv_HoldsTheFilteredEntries_InAFrenchSpreadsheetFormat_SafeFromFormulas()
    {
        var (city, other) = await app.Given.TwoCities();
        await SeedEntriesAsync(city);
        await SeedEntriesAsync(other);
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var journal = await admin.GetAsync($"{city.AdminPath}/journal?q=FILTRE");
        var link = journal.Document.QuerySelector("a[href*='handler=Csv']")!.GetAttribute("href")!;

        using var response = await admin.Client.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"Date (heure de Paris)\";\"Auteur\";\"Action\"", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.Contains("\"Quartier retiré\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"https://pirate.exemple\"\") FILTRE-quartier\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"'@FILTRE-invitation@exemple.fr\"", lines[3], StringComparison.Ordinal);
        Assert.Contains("\"2024-03-10 23:30:00\"", lines[3], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains(Marker(other), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACitysJournal_ShowsOnlyItsOwnEntries_AndTheOperatorSeesBoth()
    {
        var (city, other) = await app.Given.TwoCities();
        await SeedEntriesAsync(city);
        await SeedEntriesAsync(other);
        using var cityAdmin = await app.SignedInAsync(city.Admin.Email);
        using var otherAgent = await app.SignedInAsync(other.Agent.Email);
        using var operatorBrowser = await app.SignedInAsync((await app.Given.Operator()).Email);

        var inCity = await cityAdmin.GetAsync($"{city.AdminPath}/journal?q=FILTRE");
        var inOther = await otherAgent.GetAsync($"{other.AdminPath}/journal?q=FILTRE");
        var cityCsv = await cityAdmin.Client.GetStringAsync($"{city.AdminPath}/journal?handler=Csv");
        var platform = await operatorBrowser.GetAsync("/operateur/journal?q=FILTRE");
        var otherId = other.Id;
        var onlyOther = await operatorBrowser.GetAsync($"/operateur/journal?q=FILTRE&ville={otherId}");
        var platformCsv = await operatorBrowser.Client.GetStringAsync($"/operateur/journal?handler=Csv&ville={otherId}");

        Assert.DoesNotContain(Marker(other), inCity.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker(other), cityCsv, StringComparison.Ordinal);
        Assert.Contains(Marker(other), inOther.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker(city), inOther.Html, StringComparison.Ordinal);
        Assert.Contains(Marker(city), platform.MainText, StringComparison.Ordinal);
        Assert.Contains(Marker(other), platform.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker(city), onlyOther.MainText, StringComparison.Ordinal);
        Assert.Contains(Marker(other), onlyOther.MainText, StringComparison.Ordinal);
        Assert.All(onlyOther.Document.QuerySelectorAll("table.journal tbody tr"), r => Assert.Equal(other.Name, r.QuerySelectorAll("td")[0].TextContent.Trim()));
        Assert.Contains($"\"{other.Name}\"", platformCsv, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker(city), platformCsv, StringComparison.Ordinal);
        platform.AssertAccessibleStructure();
    }

    [Fact]
    public async Task TheJournal_HasNoFormHandler_APostChangesNothing()
    {
        var city = await app.Given.City();
        await SeedEntriesAsync(city);
        using var admin = await app.SignedInAsync(city.Admin.Email);
        using var operatorBrowser = await app.SignedInAsync((await app.Given.Operator()).Email);
        var journal = await admin.GetAsync($"{city.AdminPath}/journal");
        var console = await operatorBrowser.GetAsync("/operateur/journal");
        var before = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.Details, e.Before, e.After, e.SubjectLabel }).ToListAsync());
        Assert.Empty(journal.Document.QuerySelectorAll("main form[method=post]"));

        var fields = new Dictionary<string, string> { ["id"] = "1", ["Details"] = "effacé" };
        foreach (var handler in new[] { string.Empty, "?handler=Delete", "?handler=Csv", "?handler=Edit" })
        {
            var post = await admin.PostAsync($"{city.AdminPath}/journal" + handler, journal, fields);
            Assert.True(post.Status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.BadRequest, $"POST {handler}: {(int)post.Status}");
            var operatorPost = await operatorBrowser.PostAsync("/operateur/journal" + handler, console, fields);
            Assert.True(operatorPost.Status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.BadRequest, $"operator POST {handler}: {(int)operatorPost.Status}");
        }

        var after = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.Details, e.Before, e.After, e.SubjectLabel }).ToListAsync());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task TheJournal_IsPaged_AndSendsAFixedNumberOfSqlCommands_WhateverTheNumberOfEntries()
    {
        var (city, other) = await app.Given.TwoCities();
        using var agent = await app.SignedInAsync(city.Agent.Email);
        await AddEntriesAsync(city, 3);
        var before = await CountAsync(agent, $"{city.AdminPath}/journal");
        var csvBefore = await CountAsync(agent, $"{city.AdminPath}/journal?handler=Csv");

        await AddEntriesAsync(city, 120);
        var after = await CountAsync(agent, $"{city.AdminPath}/journal");
        var csvAfter = await CountAsync(agent, $"{city.AdminPath}/journal?handler=Csv");

        Assert.Equal(before, after);
        Assert.Equal(csvBefore, csvAfter);
        Assert.InRange(after, 1, 10);
        var first = await agent.GetAsync($"{city.AdminPath}/journal?q=VOLUME");
        Assert.Equal(50, first.Document.QuerySelectorAll("table.journal tbody tr").Length);
        var next = first.Document.QuerySelector("nav.pagination a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("q=VOLUME", next, StringComparison.Ordinal);
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        var last = await agent.GetAsync($"{city.AdminPath}/journal?q=VOLUME&page=3");
        Assert.Equal(23, last.Document.QuerySelectorAll("table.journal tbody tr").Length);

        using var operatorBrowser = await app.SignedInAsync((await app.Given.Operator()).Email);
        var operatorCount = await CountAsync(operatorBrowser, "/operateur/journal");
        await AddEntriesAsync(other, 60);
        Assert.Equal(operatorCount, await CountAsync(operatorBrowser, "/operateur/journal"));
    }

    [Fact]
    public async Task AProjectEntry_LinksToTheProjectsStaffPage()
    {
        var city = await app.Given.City();
        var project = await app.Given.Project(city, await app.Given.Citizen());
        await AddAsync(AuditEntry.Record(city.Id, null, "Plateforme", AuditAction.ProjectHidden, AuditSubject.Project, project.Id, project.Title, DateTime.UtcNow, "LIEN-PROJET"));
        using var agent = await app.SignedInAsync(city.Agent.Email);

        var journal = await agent.GetAsync($"{city.AdminPath}/journal?action=ProjectHidden");

        var link = journal.Document.QuerySelector($"table.journal a[href='{project.AdminPath}']");
        Assert.NotNull(link);
        Assert.Equal(project.Title, link!.TextContent.Trim());
    }

    private static List<string> Actions(TestBrowser.Page page) =>
        page.Document.QuerySelectorAll("table.journal tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()).ToList();

    private async Task<int> CountAsync(TestBrowser browser, string url)
    {
        await browser.GetAsync(url);
        app.SqlCommands.Reset();
        var page = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return app.SqlCommands.Count;
    }

    /// <summary>
    /// Three entries of a city, once: an invitation on 10 March 2024 at 23:30 in Paris (22:30 UTC),
    /// a neighbourhood added then removed by the agent, with labels that look like formulas.
    /// </summary>
    private async Task SeedEntriesAsync(TestCity testCity)
    {
        var marker = Marker(testCity);
        var (city, agent, admin) = (testCity.Id, testCity.Agent.Id, testCity.Admin.Id);
        var invited = Cultures.FromParis(new DateTime(2024, 3, 10, 23, 30, 0));
        await AddAsync(AuditEntry.Record(city, admin, "Admin <admin>", AuditAction.StaffInvited, AuditSubject.Invitation, null, "@FILTRE-invitation@exemple.fr", invited, marker, after: "Rôle : Agent"));
        await AddAsync(AuditEntry.Record(city, agent, "Agent <agent>", AuditAction.NeighbourhoodAdded, AuditSubject.Neighbourhood, null, "=HYPERLINK(\"https://pirate.exemple\") FILTRE-quartier", new DateTime(2024, 4, 1, 8, 0, 0, DateTimeKind.Utc), marker));
        await AddAsync(AuditEntry.Record(city, agent, "Agent <agent>", AuditAction.NeighbourhoodRemoved, AuditSubject.Neighbourhood, 1, "=HYPERLINK(\"https://pirate.exemple\") FILTRE-quartier", new DateTime(2024, 4, 2, 8, 0, 0, DateTimeKind.Utc), marker));
    }

    /// <summary>The word the seeded entries of a city carry in their details: its slug, upper-case.</summary>
    private static string Marker(TestCity city) => city.Slug.ToUpperInvariant() + "-FILTRE";

    private async Task AddEntriesAsync(TestCity testCity, int count)
    {
        var city = testCity.Id;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
        for (var i = 0; i < count; i++)
        {
            db.AuditEntries.Add(AuditEntry.Record(city, null, $"Personne {i}", AuditAction.CommentHidden, AuditSubject.Comment, i, $"VOLUME {i}", DateTime.UtcNow.AddMinutes(-i), "motif", "État : visible", "État : masqué par l'équipe"));
        }

        await db.SaveChangesAsync();
    }

    private async Task AddAsync(AuditEntry entry)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync();
    }
}
