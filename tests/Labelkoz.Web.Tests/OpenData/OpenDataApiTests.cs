using System.Globalization;
using System.Net;
using System.Text.Json;
using Labelkoz.Domain.Labels;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Labelkoz.Web.Tests.ProjectsAdmin;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.OpenData;

/// <summary>
/// The open-data API over HTTP: public data only, paging, filters, problem+json errors, its
/// OpenAPI document and its reference page.
/// </summary>
public sealed class OpenDataApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Municipalities_AreListed_WithTheirNeighbourhoodsAndLinks()
    {
        var (city, other) = await app.Given.TwoCities();
        var (status, json, _) = await GetAsync("/api/v1/municipalities");

        Assert.Equal(HttpStatusCode.OK, status);
        var cities = json.RootElement.EnumerateArray().ToList();
        var listed = cities.Single(c => c.GetProperty("slug").GetString() == city.Slug);
        Assert.Equal(city.Name, listed.GetProperty("name").GetString());
        Assert.Equal(city.InseeCode, listed.GetProperty("inseeCode").GetString());
        Assert.Equal(new CitySpec().Population, listed.GetProperty("population").GetInt32());
        Assert.Contains(listed.GetProperty("neighbourhoods").EnumerateArray(), n => n.GetProperty("name").GetString() == city.Neighbourhoods[0] && n.GetProperty("id").GetInt64() > 0);
        Assert.EndsWith($"/api/v1/municipalities/{city.Slug}/projects", listed.GetProperty("links").GetProperty("projects").GetString(), StringComparison.Ordinal);
        Assert.Contains(cities, c => c.GetProperty("slug").GetString() == other.Slug);

        var (oneStatus, one, _) = await GetAsync($"/api/v1/municipalities/{other.Slug}");
        Assert.Equal(HttpStatusCode.OK, oneStatus);
        Assert.Equal(other.InseeCode, one.RootElement.GetProperty("inseeCode").GetString());
        Assert.StartsWith("https://", one.RootElement.GetProperty("links").GetProperty("site").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyPublicProjects_AreEverShown_AndNoPersonalData()
    {
        var word = Given.Token("Prive");
        var (city, holder, neighbour) = (await app.Given.City(), await app.Given.Citizen(), await app.Given.Citizen());
        var publishedProject = await app.Given.Project(city, holder, Plausible(city, $"Public {word}") with { ImageAlts = ["Une serre"], Supporters = [neighbour] });
        var published = publishedProject.Id;
        var draft = (await app.Given.Project(city, holder, Plausible(city, $"Brouillon {word}") with { State = ProjectState.Draft })).Id;
        var hidden = (await app.Given.Project(city, holder, Plausible(city, $"Masque {word}") with { State = ProjectState.Hidden, HiddenReason = "Injures" })).Id;
        var awaiting = (await app.Given.Project(city, holder, Plausible(city, $"Attente {word}") with { State = ProjectState.AwaitingPublication })).Id;
        await app.Given.Comment(publishedProject, neighbour, "Visible");
        await app.Given.Comment(publishedProject, neighbour, "En attente", ModerationMode.PreModeration);
        await app.GivePostalAddressAsync(holder.Email, "7 impasse du Secret");

        var pages = new List<string>();
        for (var page = 1; ; page++)
        {
            var (status, json, raw) = await GetAsync($"/api/v1/municipalities/{city.Slug}/projects?pageSize=100&page={page}");
            Assert.Equal(HttpStatusCode.OK, status);
            pages.Add(raw);
            if (page >= json.RootElement.GetProperty("totalPages").GetInt32())
            {
                break;
            }
        }

        var (_, searched, searchedRaw) = await GetAsync($"/api/v1/municipalities/{city.Slug}/projects?q={word}");
        var (detailStatus, detail, detailRaw) = await GetAsync($"/api/v1/projects/{published}");
        var all = string.Join('\n', pages.Append(searchedRaw).Append(detailRaw));
        var ids = pages.SelectMany(p => JsonDocument.Parse(p).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())).ToList();

        Assert.Contains(published, ids);
        Assert.DoesNotContain(draft, ids);
        Assert.DoesNotContain(hidden, ids);
        Assert.DoesNotContain(awaiting, ids);
        Assert.Equal([published], searched.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal(1, searched.RootElement.GetProperty("totalCount").GetInt32());
        foreach (var id in new[] { draft, hidden, awaiting })
        {
            var (status, problem, _) = await GetAsync($"/api/v1/projects/{id}");
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        }

        Assert.DoesNotContain("@", all, StringComparison.Ordinal);
        Assert.DoesNotContain("holderUserId", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("userId", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("email", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("impasse du Secret", all, StringComparison.Ordinal);
        Assert.DoesNotContain("hiddenReason", all, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.OK, detailStatus);
        var project = detail.RootElement;
        Assert.Equal(city.Slug, project.GetProperty("municipalitySlug").GetString());
        Assert.Equal("Environment", project.GetProperty("category").GetString());
        Assert.Equal("Submitted", project.GetProperty("status").GetString());
        Assert.Equal(holder.DisplayName, project.GetProperty("holder").GetProperty("displayName").GetString());
        Assert.Equal("Individual", project.GetProperty("holder").GetProperty("type").GetString());
        Assert.Equal(150_050, project.GetProperty("budget").GetProperty("totalCents").GetInt64());
        Assert.Equal("Matériel", project.GetProperty("budget").GetProperty("lines")[0].GetProperty("label").GetString());
        Assert.Equal("Premises", project.GetProperty("requestedSupport")[0].GetProperty("kind").GetString());
        Assert.Equal(1, project.GetProperty("supportsCount").GetInt32());
        Assert.Equal(1, project.GetProperty("commentsCount").GetInt32());
        Assert.Equal("Une **description** de projet pour les tests.", project.GetProperty("description").GetString());
        Assert.Equal("Une serre", project.GetProperty("images")[0].GetProperty("altText").GetString());
        Assert.StartsWith($"https://localhost/{city.Slug}/projets/{published}/images/", project.GetProperty("images")[0].GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal($"https://localhost/{city.Slug}/projets/{published}-public-{word.ToLowerInvariant()}", project.GetProperty("url").GetString());
        Assert.EndsWith("Z", project.GetProperty("publishedAt").GetString(), StringComparison.Ordinal);
        Assert.Equal(DateTimeKind.Utc, project.GetProperty("publishedAt").GetDateTime().ToUniversalTime().Kind);
    }

    [Fact]
    public async Task TheList_IsPaged_WithTotals()
    {
        var word = Given.Token("Page");
        var (city, holder) = (await app.Given.City(), await app.Given.Citizen());
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await app.Given.Project(city, holder, Plausible(city, $"Projet {i} {word}"))).Id);
        }

        var (_, first, _) = await GetAsync($"/api/v1/municipalities/{city.Slug}/projects?q={word}&pageSize=2");
        var (_, third, _) = await GetAsync($"/api/v1/municipalities/{city.Slug}/projects?q={word}&pageSize=2&page=3");
        var (beyondStatus, beyond, _) = await GetAsync($"/api/v1/municipalities/{city.Slug}/projects?q={word}&pageSize=2&page=4");
        var (_, defaults, _) = await GetAsync($"/api/v1/municipalities/{city.Slug}/projects");

        Assert.Equal(5, first.RootElement.GetProperty("totalCount").GetInt32());
        Assert.Equal(3, first.RootElement.GetProperty("totalPages").GetInt32());
        Assert.Equal(2, first.RootElement.GetProperty("pageSize").GetInt32());
        Assert.Equal([ids[4], ids[3]], first.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal(3, third.RootElement.GetProperty("page").GetInt32());
        Assert.Equal([ids[0]], third.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal(HttpStatusCode.OK, beyondStatus);
        Assert.Empty(beyond.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(5, beyond.RootElement.GetProperty("totalCount").GetInt32());
        Assert.Equal(20, defaults.RootElement.GetProperty("pageSize").GetInt32());
        Assert.Equal(1, defaults.RootElement.GetProperty("page").GetInt32());
        Assert.True(defaults.RootElement.GetProperty("items").GetArrayLength() <= 20);
    }

    [Fact]
    public async Task TheList_IsFiltered_ByStatusCategoryNeighbourhoodAndText()
    {
        var word = Given.Token("Filtre");
        var (city, holder) = (await app.Given.City(), await app.Given.Citizen());
        var sport = (await app.Given.Project(city, holder, Plausible(city, $"Piste de course {word}") with { Category = ProjectCategory.Sport, Neighbourhood = city.Neighbourhoods[0], State = ProjectState.InReview })).Id;
        var culture = (await app.Given.Project(city, holder, Plausible(city, $"Fête de la forêt {word}") with { Category = ProjectCategory.Culture, Neighbourhood = city.Neighbourhoods[1] })).Id;
        var neighbourhood = await app.WithDbAsync(db => db.Neighbourhoods.Where(n => n.MunicipalityId == city.Id && n.Name == city.Neighbourhoods[1]).Select(n => n.Id).SingleAsync());

        async Task<List<long>> IdsAsync(string query)
        {
            var (status, json, _) = await GetAsync($"/api/v1/municipalities/{city.Slug}/projects?q={word}&{query}");
            Assert.Equal(HttpStatusCode.OK, status);
            return json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        }

        Assert.Equal([sport], await IdsAsync("status=inreview"));
        Assert.Equal([culture], await IdsAsync("status=SUBMITTED"));
        Assert.Equal([sport], await IdsAsync("category=Sport"));
        Assert.Equal([culture], await IdsAsync("category=culture"));
        Assert.Equal([culture], await IdsAsync("neighbourhood=" + neighbourhood.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal([culture], await IdsAsync("q=" + Uri.EscapeDataString($"FORET fête {word}")));
        Assert.Equal([culture], await IdsAsync("q=" + Uri.EscapeDataString($"fôret {word}")));
        Assert.Empty(await IdsAsync("q=" + Uri.EscapeDataString($"forêt piste {word}")));
        Assert.Empty(await IdsAsync("category=Sport&status=submitted"));
    }

    [Theory]
    [InlineData("status=Draft", "status")]
    [InlineData("status=Brouillon", "status")]
    [InlineData("status=1", "status")]
    [InlineData("status=Submitted,InReview", "status")]
    [InlineData("category=7", "category")]
    [InlineData("category=jardinage", "category")]
    [InlineData("neighbourhood=abc", "neighbourhood")]
    [InlineData("neighbourhood=999999999", "neighbourhood")]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=99999999999999", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=1.5", "pageSize")]
    public async Task ABadQueryValue_IsA400Problem_ListingTheValidValues(string query, string parameter)
    {
        var city = await app.Given.City();
        var (status, json, _, contentType) = await GetWithTypeAsync($"/api/v1/municipalities/{city.Slug}/projects?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), json.RootElement.ToString());
        Assert.True(json.RootElement.GetProperty("validValues").TryGetProperty(parameter, out _), json.RootElement.ToString());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("title").GetString()));
        if (parameter == "status")
        {
            Assert.Contains("InReview", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
            var valid = json.RootElement.GetProperty("validValues").GetProperty("status").EnumerateArray().Select(v => v.GetString()).ToList();
            Assert.Contains("Submitted", valid);
            Assert.DoesNotContain("Draft", valid);
        }
    }

    [Fact]
    public async Task AnotherCitysNeighbourhood_IsRefused()
    {
        var (city, other) = await app.Given.TwoCities();
        var others = await app.WithDbAsync(db => db.Neighbourhoods.Where(n => n.MunicipalityId == other.Id).Select(n => n.Id).FirstAsync());

        var (status, json, _, contentType) = await GetWithTypeAsync($"/api/v1/municipalities/{city.Slug}/projects?neighbourhood={others}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Contains("n'existe pas dans cette ville", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/municipalities/gotham")]
    [InlineData("/api/v1/municipalities/gotham/projects")]
    [InlineData("/api/v1/projects/987654321")]
    [InlineData("/api/v1/projects/-3")]
    [InlineData("/api/v1/projects/abc")]
    [InlineData("/api/v1/nothing-here")]
    public async Task AnUnknownCityOrProject_IsA404Problem(string url)
    {
        var (status, json, _, contentType) = await GetWithTypeAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(404, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheSevenEndpoints_AndNothingElse()
    {
        var (status, json, raw) = await GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Labelkoz — données ouvertes", json.RootElement.GetProperty("info").GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("info").GetProperty("description").GetString()));
        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["/api/v1/calls/{id}", "/api/v1/communes", "/api/v1/municipalities", "/api/v1/municipalities/{citySlug}", "/api/v1/municipalities/{citySlug}/calls", "/api/v1/municipalities/{citySlug}/projects", "/api/v1/projects/{id}"],
            paths);
        var list = json.RootElement.GetProperty("paths").GetProperty("/api/v1/municipalities/{citySlug}/projects").GetProperty("get");
        Assert.Equal(
            ["category", "citySlug", "labelled", "neighbourhood", "page", "pageSize", "q", "status"],
            list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.True(list.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(list.GetProperty("responses").TryGetProperty("404", out _));
        Assert.DoesNotContain("holderUserId", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"Submitted\"", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReferencePage_Answers_WithScriptsFromThisSiteOnly()
    {
        using var browser = app.NewBrowser();

        using var page = await browser.Client.GetAsync("/api/reference");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("lang=\"fr\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        var csp = string.Join(' ', page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("http", csp, StringComparison.Ordinal);
        foreach (var script in new[] { "scalar.js", "start.js" })
        {
            using var response = await browser.Client.GetAsync($"/api/reference/{script}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
        }

        using var scalar = await browser.Client.GetAsync("/api/reference/scalar.js");
        Assert.Contains("createApiReference", await scalar.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheList_SendsAFixedNumberOfSqlCommands_WhateverTheNumberOfProjects()
    {
        var (city, holder, neighbour) = (await app.Given.City(), await app.Given.Citizen(), await app.Given.Citizen());
        var url = $"/api/v1/municipalities/{city.Slug}/projects?pageSize=100";

        // One of everything first (empty collections may spare a query), then many.
        await ManyProjectsAsync(city, holder, neighbour, 1);
        var before = await CountAsync(url);
        var detailBefore = await CountAsync("/api/v1/municipalities");

        await ManyProjectsAsync(city, holder, neighbour, 30);

        var after = await CountAsync(url);
        var detailAfter = await CountAsync("/api/v1/municipalities");

        Assert.Equal(before, after);
        Assert.InRange(after, 1, 10);
        Assert.Equal(detailBefore, detailAfter);
        Assert.InRange(detailAfter, 1, 10);
    }

    /// <summary>A submitted project with a budget, requested support, an address, in the city's first neighbourhood.</summary>
    private static ProjectSpec Plausible(TestCity city, string title) => new()
    {
        Title = title,
        Summary = "Un résumé de projet pour les tests.",
        Description = "Une **description** de projet pour les tests.",
        Neighbourhood = city.Neighbourhoods[0],
        Address = "1 place de la Mairie",
        Budget = [("Matériel", 120_050), ("Communication", 30_000)],
        Support = [(CommitmentKind.Premises, "Une salle le samedi"), (CommitmentKind.Communication, null)],
    };

    private async Task ManyProjectsAsync(TestCity city, TestUser holder, TestUser neighbour, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var project = await app.Given.Project(city, holder, Plausible(city, $"Projet numéro {Given.Next()}") with
            {
                ImageAlts = ["Première image", "Seconde image"],
                Supporters = [neighbour, city.Agent],
                Support = [(CommitmentKind.Land, null), (CommitmentKind.Equipment, "Tables")],
            });
            await app.Given.Comment(project, neighbour, "Bravo");
        }
    }

    private async Task<int> CountAsync(string url)
    {
        using var browser = app.NewBrowser();
        await browser.Client.GetAsync(url);
        app.SqlCommands.Reset();
        using var response = await browser.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return app.SqlCommands.Count;
    }

    private async Task<(HttpStatusCode Status, JsonDocument Json, string Raw)> GetAsync(string url)
    {
        var (status, json, raw, _) = await GetWithTypeAsync(url);
        return (status, json, raw);
    }

    private async Task<(HttpStatusCode Status, JsonDocument Json, string Raw, string? ContentType)> GetWithTypeAsync(string url)
    {
        using var browser = app.NewBrowser();
        using var response = await browser.Client.GetAsync(url);
        var raw = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(raw), raw, response.Content.Headers.ContentType?.MediaType);
    }
}
