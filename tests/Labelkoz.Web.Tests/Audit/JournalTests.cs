using System.Globalization;
using System.Net;
using System.Text;
using Labelkoz.Domain.Audit;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Tests.CityAdmin;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.ProjectsAdmin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Audit;

/// <summary>The city's journal and the operator's: what staff did, filtered, exported, never changed.</summary>
public sealed class JournalTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task ASettingsChange_MadeThroughThePage_IsInTheJournal_WithItsBeforeAndAfter()
    {
        using var admin = await app.SignedInAsync(StaffTestKit.MontreuilAdmin);
        var settings = await admin.GetAsync("/montreuil/admin/parametres");
        var saved = await admin.SubmitAsync(settings, "form#parametres", new Dictionary<string, string>
        {
            ["Input.CommentModeration"] = "PreModeration",
            ["Input.AccessibilityCompliance"] = "non conforme",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        using var agent = await app.SignedInAsync(StaffTestKit.MontreuilAgent);
        var journal = await agent.GetAsync("/montreuil/admin/journal?action=SettingsChanged");

        Assert.Equal(HttpStatusCode.OK, journal.Status);
        var row = journal.Document.QuerySelectorAll("table.journal tbody tr")[0];
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal($"Amina Benali <{StaffTestKit.MontreuilAdmin}>", cells[0]);
        Assert.Equal("Paramètres modifiés", cells[1]);
        Assert.Contains("Montreuil", cells[2], StringComparison.Ordinal);
        Assert.Contains("Modération des commentaires : après publication (post-modération)", cells[4], StringComparison.Ordinal);
        Assert.Contains("Conformité RGAA : partiellement conforme", cells[4], StringComparison.Ordinal);
        Assert.Contains("Modération des commentaires : avant publication (pré-modération)", cells[5], StringComparison.Ordinal);
        Assert.Contains("Conformité RGAA : non conforme", cells[5], StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector("td .journal-values"));
        journal.AssertAccessibleStructure();
        Assert.Equal("/montreuil/admin/journal", journal.Document.QuerySelector("nav.admin-nav a[aria-current=page]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task TheFilters_KeepOnlyTheMatchingEntries()
    {
        await SeedEntriesAsync("montreuil");
        using var admin = await app.SignedInAsync(StaffTestKit.MontreuilAdmin);

        var team = await admin.GetAsync("/montreuil/admin/journal?action=equipe");
        var byText = await admin.GetAsync("/montreuil/admin/journal?q=FILTRE-quartier");
        var single = await admin.GetAsync("/montreuil/admin/journal?action=NeighbourhoodRemoved");
        var byDay = await admin.GetAsync("/montreuil/admin/journal?du=2024-03-10&au=2024-03-10");
        var agent = await app.UserIdAsync(StaffTestKit.MontreuilAgent);
        var byAgent = await admin.GetAsync($"/montreuil/admin/journal?auteur={agent}&q=FILTRE");

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
        using var admin = await app.SignedInAsync(StaffTestKit.MontreuilAdmin);

        foreach (var query in new[] { "action=%27%3Bdrop", "auteur=abc", "du=31/12/2024", "au=9999-12-31", "du=0001-01-01", "page=-4", "page=999999", "q=" + new string('x', 5000) })
        {
            var page = await admin.GetAsync("/montreuil/admin/journal?" + query);
            Assert.True(page.Status == HttpStatusCode.OK, $"{query}: {(int)page.Status}");
        }
    }

    [Fact]
    public async Task TheCsv_HoldsTheFilteredEntries_InAFrenchSpreadsheetFormat_SafeFromFormulas()
    {
        await SeedEntriesAsync("montreuil");
        using var admin = await app.SignedInAsync(StaffTestKit.MontreuilAdmin);
        var journal = await admin.GetAsync("/montreuil/admin/journal?q=FILTRE");
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
        Assert.DoesNotContain(lines, l => l.Contains("BAGNOLET-FILTRE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACitysJournal_ShowsOnlyItsOwnEntries_AndTheOperatorSeesBoth()
    {
        await SeedEntriesAsync("montreuil");
        await SeedEntriesAsync("bagnolet");
        using var montreuil = await app.SignedInAsync(StaffTestKit.MontreuilAdmin);
        using var bagnolet = await app.SignedInAsync(StaffTestKit.BagnoletAgent);
        using var operatorBrowser = await app.SignedInAsync(StaffTestKit.Operator);

        var inMontreuil = await montreuil.GetAsync("/montreuil/admin/journal?q=FILTRE");
        var inBagnolet = await bagnolet.GetAsync("/bagnolet/admin/journal?q=FILTRE");
        var montreuilCsv = await montreuil.Client.GetStringAsync("/montreuil/admin/journal?handler=Csv");
        var platform = await operatorBrowser.GetAsync("/operateur/journal?q=FILTRE");
        var bagnoletId = await app.CityIdAsync("bagnolet");
        var onlyBagnolet = await operatorBrowser.GetAsync($"/operateur/journal?q=FILTRE&ville={bagnoletId}");
        var platformCsv = await operatorBrowser.Client.GetStringAsync($"/operateur/journal?handler=Csv&ville={bagnoletId}");

        Assert.DoesNotContain("BAGNOLET-FILTRE", inMontreuil.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("BAGNOLET-FILTRE", montreuilCsv, StringComparison.Ordinal);
        Assert.Contains("BAGNOLET-FILTRE", inBagnolet.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("MONTREUIL-FILTRE", inBagnolet.Html, StringComparison.Ordinal);
        Assert.Contains("MONTREUIL-FILTRE", platform.MainText, StringComparison.Ordinal);
        Assert.Contains("BAGNOLET-FILTRE", platform.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("MONTREUIL-FILTRE", onlyBagnolet.MainText, StringComparison.Ordinal);
        Assert.Contains("BAGNOLET-FILTRE", onlyBagnolet.MainText, StringComparison.Ordinal);
        Assert.All(onlyBagnolet.Document.QuerySelectorAll("table.journal tbody tr"), r => Assert.Equal("Bagnolet", r.QuerySelectorAll("td")[0].TextContent.Trim()));
        Assert.Contains("\"Bagnolet\"", platformCsv, StringComparison.Ordinal);
        Assert.DoesNotContain("MONTREUIL-FILTRE", platformCsv, StringComparison.Ordinal);
        platform.AssertAccessibleStructure();
    }

    [Fact]
    public async Task TheJournal_HasNoFormHandler_APostChangesNothing()
    {
        await SeedEntriesAsync("montreuil");
        using var admin = await app.SignedInAsync(StaffTestKit.MontreuilAdmin);
        using var operatorBrowser = await app.SignedInAsync(StaffTestKit.Operator);
        var journal = await admin.GetAsync("/montreuil/admin/journal");
        var console = await operatorBrowser.GetAsync("/operateur/journal");
        var before = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.Details, e.Before, e.After, e.SubjectLabel }).ToListAsync());
        Assert.Empty(journal.Document.QuerySelectorAll("main form[method=post]"));

        var fields = new Dictionary<string, string> { ["id"] = "1", ["Details"] = "effacé" };
        foreach (var handler in new[] { string.Empty, "?handler=Delete", "?handler=Csv", "?handler=Edit" })
        {
            var post = await admin.PostAsync("/montreuil/admin/journal" + handler, journal, fields);
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
        using var agent = await app.SignedInAsync(StaffTestKit.MontreuilAgent);
        await AddEntriesAsync("montreuil", 3);
        var before = await CountAsync(agent, "/montreuil/admin/journal");
        var csvBefore = await CountAsync(agent, "/montreuil/admin/journal?handler=Csv");

        await AddEntriesAsync("montreuil", 120);
        var after = await CountAsync(agent, "/montreuil/admin/journal");
        var csvAfter = await CountAsync(agent, "/montreuil/admin/journal?handler=Csv");

        Assert.Equal(before, after);
        Assert.Equal(csvBefore, csvAfter);
        Assert.InRange(after, 1, 10);
        var first = await agent.GetAsync("/montreuil/admin/journal?q=VOLUME");
        Assert.Equal(50, first.Document.QuerySelectorAll("table.journal tbody tr").Length);
        var next = first.Document.QuerySelector("nav.pagination a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("q=VOLUME", next, StringComparison.Ordinal);
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        var last = await agent.GetAsync("/montreuil/admin/journal?q=VOLUME&page=3");
        Assert.Equal(23, last.Document.QuerySelectorAll("table.journal tbody tr").Length);

        using var operatorBrowser = await app.SignedInAsync(StaffTestKit.Operator);
        var operatorCount = await CountAsync(operatorBrowser, "/operateur/journal");
        await AddEntriesAsync("bagnolet", 60);
        Assert.Equal(operatorCount, await CountAsync(operatorBrowser, "/operateur/journal"));
    }

    [Fact]
    public async Task AProjectEntry_LinksToTheProjectsStaffPage()
    {
        var montreuil = await app.CityIdAsync("montreuil");
        var project = await app.WithDbAsync(db => db.Projects.Where(p => p.MunicipalityId == montreuil).Select(p => new { p.Id, p.Title }).FirstAsync());
        await AddAsync("montreuil", AuditEntry.Record(montreuil, null, "Plateforme", AuditAction.ProjectHidden, AuditSubject.Project, project.Id, project.Title, DateTime.UtcNow, "LIEN-PROJET"));
        using var agent = await app.SignedInAsync(StaffTestKit.MontreuilAgent);

        var journal = await agent.GetAsync("/montreuil/admin/journal?action=ProjectHidden");

        var link = journal.Document.QuerySelector($"table.journal a[href='/montreuil/admin/projets/{project.Id}']");
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
    private async Task SeedEntriesAsync(string slug)
    {
        var marker = slug.ToUpperInvariant() + "-FILTRE";
        if (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Details == marker)))
        {
            return;
        }

        var city = await app.CityIdAsync(slug);
        var agent = await app.UserIdAsync(slug == "montreuil" ? StaffTestKit.MontreuilAgent : StaffTestKit.BagnoletAgent);
        var admin = await app.UserIdAsync(slug == "montreuil" ? StaffTestKit.MontreuilAdmin : StaffTestKit.BagnoletAdmin);
        var invited = Cultures.FromParis(new DateTime(2024, 3, 10, 23, 30, 0));
        await AddAsync(slug, AuditEntry.Record(city, admin, "Admin <admin>", AuditAction.StaffInvited, AuditSubject.Invitation, null, "@FILTRE-invitation@exemple.fr", invited, marker, after: "Rôle : Agent"));
        await AddAsync(slug, AuditEntry.Record(city, agent, "Agent <agent>", AuditAction.NeighbourhoodAdded, AuditSubject.Neighbourhood, null, "=HYPERLINK(\"https://pirate.exemple\") FILTRE-quartier", new DateTime(2024, 4, 1, 8, 0, 0, DateTimeKind.Utc), marker));
        await AddAsync(slug, AuditEntry.Record(city, agent, "Agent <agent>", AuditAction.NeighbourhoodRemoved, AuditSubject.Neighbourhood, 1, "=HYPERLINK(\"https://pirate.exemple\") FILTRE-quartier", new DateTime(2024, 4, 2, 8, 0, 0, DateTimeKind.Utc), marker));
    }

    private async Task AddEntriesAsync(string slug, int count)
    {
        var city = await app.CityIdAsync(slug);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
        for (var i = 0; i < count; i++)
        {
            db.AuditEntries.Add(AuditEntry.Record(city, null, $"Personne {i}", AuditAction.CommentHidden, AuditSubject.Comment, i, $"VOLUME {i}", DateTime.UtcNow.AddMinutes(-i), "motif", "État : visible", "État : masqué par l'équipe"));
        }

        await db.SaveChangesAsync();
    }

    private async Task AddAsync(string slug, AuditEntry entry)
    {
        _ = slug;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync();
    }
}
