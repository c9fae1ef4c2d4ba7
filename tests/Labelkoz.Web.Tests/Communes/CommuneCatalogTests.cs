using System.Net;
using System.Text.Json;
using Labelkoz.Data;
using Labelkoz.Domain.Common;
using Labelkoz.Web.Features.Communes;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Communes;

/// <summary>
/// The official list of communes (Etalab's dataset, restored with the build): loaded at start-up
/// into its table, searched by name or postal code, and served by the open-data API. One fixture:
/// loading the 35 000 communes is the slow part.
/// </summary>
public sealed class CommuneCatalogTests(CommuneCatalogTests.CommunesAppFactory app) : IClassFixture<CommuneCatalogTests.CommunesAppFactory>
{
    [Fact]
    public async Task TheTable_HoldsEveryCurrentCommuneOfTheDataset_AndOnlyThem()
    {
        var expected = DatasetCommunes().Where(c => c.GetProperty("type").GetString() == "commune-actuelle").ToList();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(expected.Count, await db.Communes.CountAsync());
        Assert.True(expected.Count > 34_000);
        Assert.Equal(["6.0.0"], await db.Communes.Select(c => c.DatasetVersion).Distinct().ToListAsync());

        // Paris's arrondissements and the delegated communes are not communes that subscribe.
        var catalog = scope.ServiceProvider.GetRequiredService<CommuneCatalog>();
        Assert.Null(await catalog.FindAsync("75101", CancellationToken.None));
        Assert.Equal("Paris", (await catalog.FindAsync("75056", CancellationToken.None))?.Name);
    }

    [Fact]
    public async Task Montreuil_AndBagnolet_CarryTheirOfficialCodes()
    {
        var catalog = Catalog(out var scope);
        await using var _ = scope;

        var montreuil = await catalog.FindAsync("93048", CancellationToken.None);
        Assert.NotNull(montreuil);
        Assert.Equal("Montreuil", montreuil.Name);
        Assert.Equal("219300480", montreuil.Siren);
        Assert.Equal(["93100"], montreuil.PostalCodes);
        Assert.Equal("93", montreuil.DepartmentCode);
        Assert.True(montreuil.Population > 100_000);
        Assert.Equal("200054781", montreuil.EpciSiren);
        Assert.Equal("Métropole du Grand Paris", montreuil.EpciName);

        var bagnolet = await catalog.FindAsync("93006", CancellationToken.None);
        Assert.Equal(("Bagnolet", "219300068", "93170"), (bagnolet?.Name, bagnolet?.Siren, bagnolet?.PostalCodes.Single()));

        Assert.Equal("Ajaccio", (await catalog.FindAsync("2a004", CancellationToken.None))?.Name);
        Assert.Null(await catalog.FindAsync("99999", CancellationToken.None));
        Assert.Null(await catalog.FindAsync("9304", CancellationToken.None));
        Assert.Null(await catalog.FindAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task ByName_TheExactNameComesFirst_ThenTheLargest_ThenNamesStartingWithIt()
    {
        var catalog = Catalog(out var scope);
        await using var _ = scope;

        var found = await catalog.SearchAsync("montreuil", 20, CancellationToken.None);

        Assert.Equal(20, found.Count);
        Assert.Equal("93048", found[0].InseeCode);
        var exact = found.TakeWhile(c => c.Name == "Montreuil").ToList();
        Assert.Equal(["93048", "85148", "28267"], exact.Select(c => c.InseeCode));
        Assert.All(found.Skip(exact.Count).Take(10), c => Assert.StartsWith("Montreuil-", c.Name, StringComparison.Ordinal));
        Assert.Contains(found, c => c.Name == "Montreuil-Bellay");
        var populations = found.Skip(exact.Count).TakeWhile(c => c.Name.StartsWith("Montreuil-", StringComparison.Ordinal)).Select(c => c.Population ?? 0).ToList();
        Assert.Equal(populations.OrderDescending(), populations);
    }

    [Theory]
    [InlineData("saint etienne")]
    [InlineData("Saint-Étienne")]
    [InlineData("SAINT-ETIENNE")]
    [InlineData("  saint   étienne ")]
    public async Task ByName_AccentsCaseAndHyphensAreIgnored(string query)
    {
        var catalog = Catalog(out var scope);
        await using var _ = scope;

        var found = await catalog.SearchAsync(query, 5, CancellationToken.None);

        Assert.Equal("42218", found[0].InseeCode);
        Assert.Equal("Saint-Étienne", found[0].Name);
        Assert.Equal(5, found.Count);
        Assert.All(found.Skip(1), c => Assert.StartsWith("saint etienne ", SearchText.Fold(c.Name), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ByDigits_EveryCommuneWithAPostalCodeStartingWithThem()
    {
        var catalog = Catalog(out var scope);
        await using var _ = scope;
        var expected = DatasetCommunes()
            .Where(c => c.GetProperty("type").GetString() == "commune-actuelle")
            .Where(c => c.TryGetProperty("codesPostaux", out var codes) && codes.EnumerateArray().Any(p => p.GetString()!.StartsWith("931", StringComparison.Ordinal)))
            .Select(c => c.GetProperty("code").GetString())
            .Order(StringComparer.Ordinal)
            .ToList();

        var found = await catalog.SearchAsync("931", 20, CancellationToken.None);

        Assert.InRange(expected.Count, 2, 19);
        Assert.Equal(expected, found.Select(c => c.InseeCode).Order(StringComparer.Ordinal));
        Assert.Equal(found.Select(c => c.Population).OrderDescending(), found.Select(c => c.Population));
        Assert.Equal(["93048"], (await catalog.SearchAsync("93100", 20, CancellationToken.None)).Select(c => c.InseeCode));

        // Paris holds 75001 … 75020 in one row: a code in the middle of the list is found too.
        Assert.Equal("75056", (await catalog.SearchAsync("75013", 20, CancellationToken.None)).Single().InseeCode);

        // An INSEE code is digits as well: the commune it names comes first.
        Assert.Equal("93048", (await catalog.SearchAsync("93048", 20, CancellationToken.None))[0].InseeCode);
        Assert.Empty(await catalog.SearchAsync("931000", 20, CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("m")]
    [InlineData("é")]
    [InlineData("9")]
    [InlineData("%")]
    [InlineData("%%")]
    [InlineData("_")]
    [InlineData("__")]
    [InlineData("montr%uil")]
    [InlineData("%e%")]
    [InlineData("mont_euil")]
    [InlineData("9_1%")]
    [InlineData("' OR 1=1 --")]
    [InlineData("\"; DROP TABLE \"Communes\"; --")]
    [InlineData("\\")]
    public async Task HostileOrTooShortQueries_FindNothing(string? query)
    {
        var catalog = Catalog(out var scope);
        await using var _ = scope;

        Assert.Empty(await catalog.SearchAsync(query, 20, CancellationToken.None));
    }

    [Fact]
    public async Task Results_AreBounded()
    {
        var catalog = Catalog(out var scope);
        await using var _ = scope;

        Assert.Equal(CommuneCatalog.MaxResults, (await catalog.SearchAsync("saint", 1000, CancellationToken.None)).Count);
        Assert.Equal(3, (await catalog.SearchAsync("saint", 3, CancellationToken.None)).Count);
        Assert.Empty(await catalog.SearchAsync("saint", 0, CancellationToken.None));
        Assert.Empty(await catalog.SearchAsync("saint", -5, CancellationToken.None));
        Assert.Empty(await catalog.SearchAsync(new string('a', 1000), 20, CancellationToken.None));
        Assert.Empty(await catalog.SearchAsync(string.Concat(Enumerable.Repeat("saint ", 200)), 20, CancellationToken.None));
    }

    [Fact]
    public async Task ASearch_IsOneSqlCommand()
    {
        var catalog = Catalog(out var scope);
        await using var _ = scope;
        await catalog.SearchAsync("bagnolet", 20, CancellationToken.None);

        var before = app.SqlCommands.Count;
        var found = await catalog.SearchAsync("montreuil", 20, CancellationToken.None);

        Assert.NotEmpty(found);
        Assert.Equal(1, app.SqlCommands.Count - before);
    }

    [Fact]
    public async Task LoadingAgain_DoesNotDuplicate_AndAnotherVersionIsReplacedWhole()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var loader = scope.ServiceProvider.GetRequiredService<CommuneLoader>();
        var count = await db.Communes.CountAsync();

        Assert.Equal(0, await loader.LoadAsync(CancellationToken.None));
        Assert.Equal(count, await db.Communes.CountAsync());

        // A table left by an older dataset is replaced, not added to.
        await db.Communes.Where(c => c.DepartmentCode == "93").ExecuteUpdateAsync(s => s.SetProperty(c => c.DatasetVersion, "5.0.0"));
        Assert.Equal(count, await loader.LoadAsync(CancellationToken.None));
        Assert.Equal(count, await db.Communes.CountAsync());
        Assert.Equal(["6.0.0"], await db.Communes.Select(c => c.DatasetVersion).Distinct().ToListAsync());
    }

    [Fact]
    public async Task TheApi_ReturnsAtMostTwentyCommunes_AsJson()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/api/v1/communes?q=Montreuil", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var communes = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(20, communes.Count);
        var montreuil = communes[0];
        Assert.Equal("93048", montreuil.GetProperty("inseeCode").GetString());
        Assert.Equal("219300480", montreuil.GetProperty("siren").GetString());
        Assert.Equal("93", montreuil.GetProperty("department").GetString());
        Assert.Equal("93100", montreuil.GetProperty("postalCodes")[0].GetString());
        Assert.Equal("Métropole du Grand Paris", montreuil.GetProperty("epci").GetProperty("name").GetString());

        var none = await client.GetAsync(new Uri("/api/v1/communes", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Equal("[]", await none.Content.ReadAsStringAsync());

        var hostile = await client.GetAsync(new Uri("/api/v1/communes?q=" + Uri.EscapeDataString("%_'\""), UriKind.Relative));
        Assert.Equal("[]", await hostile.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheApi_RefusesAQueryOverAHundredCharacters_WithAProblem()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/api/v1/communes?q=" + new string('a', 101), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("100", json.RootElement.GetProperty("errors").GetProperty("q")[0].GetString(), StringComparison.Ordinal);

        var longest = await client.GetAsync(new Uri("/api/v1/communes?q=" + new string('a', 100), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheSearch()
    {
        using var client = app.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var search = json.RootElement.GetProperty("paths").GetProperty("/api/v1/communes").GetProperty("get");
        Assert.Equal(["q"], search.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.True(search.GetProperty("responses").TryGetProperty("400", out _));
        Assert.False(string.IsNullOrWhiteSpace(search.GetProperty("description").GetString()));
    }

    private CommuneCatalog Catalog(out AsyncServiceScope scope)
    {
        scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<CommuneCatalog>();
    }

    private static List<JsonElement> DatasetCommunes()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "ReferenceData", "communes.json"));
        using var json = JsonDocument.Parse(stream);
        return json.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    /// <summary>The app with the official list loaded at start-up, as in production.</summary>
    public sealed class CommunesAppFactory : DemoAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("ReferenceData:LoadCommunes", "true")];
    }
}
