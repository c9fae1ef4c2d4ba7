using System.Net;
using Labelkoz.Data;
using Labelkoz.Data.Audit;
using Labelkoz.Domain.Audit;
using Labelkoz.Web.Features.Audit;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Audit;

/// <summary>
/// The audit log's hash chain (ADR 21): every save seals its entries into the city's chain; what
/// someone changes or deletes behind the application's back (triggers dropped, as the database's
/// owner could) is found at exactly the entry it touched, by the operator's page and the command.
/// </summary>
public sealed class AuditChainTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Appending_BuildsOneValidChainPerCity()
    {
        var city = (await app.Given.City()).Id;
        var other = (await app.Given.City()).Id;
        await AddEntriesAsync(city, "un", "deux");
        await AddEntriesAsync(other, "ailleurs");
        await AddEntriesAsync(city, "trois");

        var entries = await EntriesAsync(city);
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Sequence!.Value));
        Assert.Equal(AuditChain.Genesis, entries[0].PreviousHash);
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
        Assert.Equal(entries[1].Hash, entries[2].PreviousHash);
        Assert.All(entries, e => Assert.Equal(AuditChain.HashOf(e, e.Sequence!.Value, e.PreviousHash!), e.Hash));
        Assert.Equal(1L, (await EntriesAsync(other)).Single().Sequence);

        var report = await VerifyAsync(city);
        Assert.True(report.IsIntact, report.FirstBreak?.ToString());
        Assert.Equal((3L, 3L), (report.Entries, report.LastSequence));
    }

    [Fact]
    public async Task TextChangedInTheDatabase_IsReportedAtExactlyThatEntry()
    {
        var city = (await app.Given.City()).Id;
        await AddEntriesAsync(city, "un", "deux", "trois", "quatre");
        var target = (await EntriesAsync(city))[1];

        await BehindTheApplicationsBackAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "Details" = 'réécrit' WHERE "Id" = {target.Id}"""));

        var broken = (await VerifyAsync(city)).FirstBreak;
        Assert.NotNull(broken);
        Assert.Equal(AuditChainBreakKind.Altered, broken.Kind);
        Assert.Equal(target.Id, broken.EntryId);
        Assert.Equal(2L, broken.ExpectedSequence);
        Assert.Equal(target.Hash, broken.FoundHash);
        Assert.NotEqual(target.Hash, broken.ExpectedHash);
    }

    [Fact]
    public async Task DeletedEntry_IsReportedAsAGap_AndADeletedLastEntryAsATruncation()
    {
        var city = (await app.Given.City()).Id;
        await AddEntriesAsync(city, "un", "deux", "trois");
        var entries = await EntriesAsync(city);

        await BehindTheApplicationsBackAsync(db => db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEntries" WHERE "Id" = {entries[1].Id}"""));

        var gap = (await VerifyAsync(city)).FirstBreak;
        Assert.NotNull(gap);
        Assert.Equal(AuditChainBreakKind.Gap, gap.Kind);
        Assert.Equal(entries[2].Id, gap.EntryId);
        Assert.Equal((2L, 3L), (gap.ExpectedSequence, gap.FoundSequence!.Value));

        var lastOnly = (await app.Given.City()).Id;
        await AddEntriesAsync(lastOnly, "un", "deux");
        var last = (await EntriesAsync(lastOnly))[1];
        await BehindTheApplicationsBackAsync(db => db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEntries" WHERE "Id" = {last.Id}"""));

        var truncated = (await VerifyAsync(lastOnly)).FirstBreak;
        Assert.NotNull(truncated);
        Assert.Equal(AuditChainBreakKind.Truncated, truncated.Kind);
        Assert.Equal((2L, 2L), (truncated.ExpectedSequence, truncated.FoundSequence!.Value));
    }

    [Fact]
    public async Task ConcurrentAppendsInOneCity_MakeOneLinearChain()
    {
        var city = (await app.Given.City()).Id;
        const int writers = 6;
        const int savesEach = 4;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < savesEach; i++)
            {
                // A separate context per save, as separate requests (or web nodes) would have.
                await AddEntriesAsync(city, $"écrivain {w}, écriture {i}");
            }
        })));

        var entries = await EntriesAsync(city);
        Assert.Equal(writers * savesEach, entries.Count);
        Assert.Equal(Enumerable.Range(1, writers * savesEach).Select(i => (long)i), entries.Select(e => e.Sequence!.Value));
        var report = await VerifyAsync(city);
        Assert.True(report.IsIntact, report.FirstBreak?.ToString());
    }

    [Fact]
    public async Task EntriesWrittenBeforeTheChain_AreSealedByTheBackfill_AndOnlyOnce()
    {
        var city = (await app.Given.City()).Id;
        await AddEntriesAsync(city, "scellée");
        var at = new DateTime(2026, 11, 30, 9, 15, 0, DateTimeKind.Utc);
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AuditEntries" ("MunicipalityId", "AtUtc", "ActorUserId", "ActorName", "Action", "SubjectType", "SubjectId", "SubjectLabel", "Details", "Before", "After")
            VALUES ({city}, {at}, {null as long?}, {"Plateforme"}, {"SettingsChanged"}, {"Municipality"}, {city}, {"La ville"}, {"d'avant la chaîne"}, {null as string}, {null as string})
            """));
        Assert.Equal(AuditChainBreakKind.Unsealed, (await VerifyAsync(city)).FirstBreak?.Kind);

        var sealedNow = await app.WithDbAsync(db => AuditChainBackfill.RunAsync(db));
        var again = await app.WithDbAsync(db => AuditChainBackfill.RunAsync(db));

        Assert.True(sealedNow >= 1);
        Assert.Equal(0, again);
        var report = await VerifyAsync(city);
        Assert.True(report.IsIntact, report.FirstBreak?.ToString());
        Assert.Equal(2L, report.LastSequence);
        Assert.Equal("d'avant la chaîne", (await EntriesAsync(city))[1].Details);
    }

    [Fact]
    public async Task TheCommand_ExitsZeroOnAnIntactChain_OneOnABreak_TwoOnAnUnknownCity()
    {
        var city = await app.Given.City();
        await AddEntriesAsync(city.Id, "un", "deux");

        var (intact, intactText) = await RunCommandAsync("verify-audit", city.Slug);
        Assert.Equal(AuditChainCommand.Intact, intact);
        Assert.Contains($"{city.Slug}: chaîne intacte, 2 entrée(s)", intactText, StringComparison.Ordinal);

        var first = (await EntriesAsync(city.Id))[0];
        await BehindTheApplicationsBackAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "ActorName" = 'Quelqu''un d''autre' WHERE "Id" = {first.Id}"""));
        var (broken, brokenText) = await RunCommandAsync("verify-audit", city.Slug);
        Assert.Equal(AuditChainCommand.Broken, broken);
        Assert.Contains("CHAÎNE ROMPUE", brokenText, StringComparison.Ordinal);
        Assert.Contains($"entrée n° {first.Id}, rang attendu 1", brokenText, StringComparison.Ordinal);

        var (unknown, _) = await RunCommandAsync("verify-audit", "pas-une-ville");
        Assert.Equal(AuditChainCommand.UnknownCity, unknown);
        Assert.True(AuditChainCommand.IsInvoked(["verify-audit"]));
        Assert.False(AuditChainCommand.IsInvoked([]));
    }

    [Fact]
    public async Task TheOperatorPage_ShowsEachChain_AndVerifiesThemAll()
    {
        var city = await app.Given.City();
        await AddEntriesAsync(city.Id, "un", "deux");
        using var operatorBrowser = await app.SignedInAsync((await app.Given.Operator()).Email);

        var page = await operatorBrowser.GetAsync(ChainsPath);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(ChainsPath, page.Document.QuerySelector("nav.admin-nav a[aria-current=page]")!.GetAttribute("href"));
        page.AssertAccessibleStructure();

        var verified = await operatorBrowser.FollowAsync(await operatorBrowser.SubmitAsync(page, "form#verifier"));
        var row = verified.Document.QuerySelector($"#chaine-{city.Slug}")!;
        Assert.Contains("Chaîne intacte", row.TextContent, StringComparison.Ordinal);

        var first = (await EntriesAsync(city.Id))[0];
        await BehindTheApplicationsBackAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "SubjectLabel" = 'Autre chose' WHERE "Id" = {first.Id}"""));
        var again = await operatorBrowser.FollowAsync(await operatorBrowser.SubmitAsync(await operatorBrowser.GetAsync(ChainsPath), "form#verifier"));
        var brokenRow = again.Document.QuerySelector($"#chaine-{city.Slug}")!.TextContent;
        Assert.Contains("Chaîne rompue", brokenRow, StringComparison.Ordinal);
        Assert.Contains($"entrée n° {first.Id}", brokenRow, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("citizen")]
    public async Task TheOperatorPage_IsRefusedToCityAdminsAndCitizens(string who)
    {
        var city = await app.Given.City();
        using var browser = await app.SignedInAsync(who == "admin" ? city.Admin.Email : (await app.Given.Citizen()).Email);

        var page = await browser.GetAsync(ChainsPath);

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.DoesNotContain("Intégrité du journal", page.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOperatorPage_SendsAVisitorToTheLogIn()
    {
        using var anonymous = app.HttpsBrowser();

        var page = await anonymous.GetAsync(ChainsPath);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("/compte/connexion", page.Location, StringComparison.Ordinal);
    }

    private const string ChainsPath = "/operateur/journal/integrite";

    private async Task AddEntriesAsync(long city, params string[] details)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var detail in details)
        {
            db.AuditEntries.Add(AuditEntry.Record(city, null, "Plateforme", AuditAction.SettingsChanged, AuditSubject.Municipality, city, "La ville", DateTime.UtcNow, detail, "Avant : 1", "Après : 2"));
        }

        await db.SaveChangesAsync();
    }

    private Task<List<AuditEntry>> EntriesAsync(long city) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.MunicipalityId == city).OrderBy(e => e.Sequence).ToListAsync());

    private Task<AuditChainReport> VerifyAsync(long city) =>
        app.WithDbAsync(db => new AuditChainCheck(db, TimeProvider.System).VerifyCityAsync(city, CancellationToken.None));

    private async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] args)
    {
        using var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var code = await AuditChainCommand.RunAsync(app.Services, args, output, CancellationToken.None);
        return (code, output.ToString());
    }

    /// <summary>What the database's owner could do: set the append-only triggers aside, change the table, put them back.</summary>
    private async Task BehindTheApplicationsBackAsync(Func<AppDbContext, Task<int>> tamper)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        if (AppFactory.OnPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "AuditEntries" DISABLE TRIGGER USER""");
            try
            {
                Assert.Equal(1, await tamper(db));
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "AuditEntries" ENABLE TRIGGER USER""");
            }

            return;
        }

        var triggers = await db.Database.SqlQueryRaw<string>("""SELECT "sql" AS "Value" FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditEntries'""").ToListAsync();
        Assert.Equal(2, triggers.Count);
        await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AuditEntries_no_update"; DROP TRIGGER "AuditEntries_no_delete";""");
        try
        {
            Assert.Equal(1, await tamper(db));
        }
        finally
        {
            foreach (var trigger in triggers)
            {
                await db.Database.ExecuteSqlRawAsync(trigger);
            }
        }
    }
}
