using System.Net;
using System.Text.Json;
using Labelkoz.Domain.Labels;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Labelkoz.Web.Tests.Projects.Public;
using ProjectSpec = Labelkoz.Web.Tests.Infrastructure.Builders.ProjectSpec;

namespace Labelkoz.Web.Tests.OpenData;

/// <summary>
/// The city's label in the open-data API: its shape on the detail and the list, null when never
/// labelled, the "labelled" filter, and nothing of the review's inside (referent, proposals,
/// rejected decisions, notes, messages).
/// </summary>
public sealed class OpenDataLabelTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AProjectLabelledOnAnAgentsProposal_HasItsLabel_WithCommitments_AndNoReferent()
    {
        var city = await app.Given.City();
        var park = await ReviewedAsync(city, "Un parc de street-workout", ProjectState.LabelledOnProposal, LabelTestKit.SportsGroundTerms);

        var (status, json, raw) = await GetAsync($"/api/v1/projects/{park.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        var label = json.RootElement.GetProperty("label");
        Assert.Equal(JsonValueKind.Object, label.ValueKind);
        Assert.EndsWith("Z", label.GetProperty("labelledAt").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, label.GetProperty("validUntil").ValueKind);
        Assert.Equal(JsonValueKind.Null, label.GetProperty("revokedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, label.GetProperty("revokedReason").ValueKind);
        var commitments = label.GetProperty("commitments").EnumerateArray().ToList();
        Assert.Equal(["Land", "Expertise"], commitments.Select(c => c.GetProperty("kind").GetString()));
        Assert.Equal([1_500_000L, 300_000L], commitments.Select(c => c.GetProperty("estimatedValueCents").GetInt64()));
        Assert.StartsWith("Mise à disposition d'une parcelle de 300 m²", commitments[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.All(commitments, c => Assert.Equal(JsonValueKind.Null, c.GetProperty("coFinancing").ValueKind));
        Assert.Equal(
            ["coFinancing", "description", "estimatedValueCents", "kind"],
            commitments[1].EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["commitments", "labelledAt", "revokedAt", "revokedReason", "validUntil"],
            label.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        Assert.DoesNotContain("referent", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(city.Agent.DisplayName, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(LabelTestKit.Note, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("conditions", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("proposedBy", raw, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AMatchfundingLabel_DescribesItsMatchfunding()
    {
        var garden = await ReviewedAsync(await app.Given.City(), "Un jardin partagé", ProjectState.LabelledOnProposal, LabelTestKit.GardenTerms);

        var (_, json, _) = await GetAsync($"/api/v1/projects/{garden.Id}");

        var cofinancing = json.RootElement.GetProperty("label").GetProperty("commitments").EnumerateArray()
            .Single(c => c.GetProperty("kind").GetString() == "CoFinancing");
        Assert.Equal(500_000, cofinancing.GetProperty("estimatedValueCents").GetInt64());
        var terms = cofinancing.GetProperty("coFinancing");
        Assert.Equal("Matchfunding", terms.GetProperty("mode").GetString());
        Assert.Equal(100, terms.GetProperty("matchRatioPercent").GetInt32());
        Assert.Equal(500_000, terms.GetProperty("matchCapCents").GetInt64());
        Assert.Equal(JsonValueKind.Null, terms.GetProperty("grantCents").ValueKind);
    }

    [Fact]
    public async Task ProjectsNeverLabelled_OrWithAPendingProposal_HaveANullLabel_AndLeakNothingOfTheReview()
    {
        var city = await app.Given.City();
        var repairCafe = await ReviewedAsync(city, "Un repair café mensuel", ProjectState.LabelProposed, LabelTestKit.RepairCafeTerms);
        var declined = await ReviewedAsync(city, "Une fête de quartier", ProjectState.Declined);
        var fresco = await app.Given.Project(city, await app.Given.Citizen(), new ProjectSpec { Title = "Une fresque participative" });
        var bookBoxes = await ReviewedAsync(city, "Des boîtes à livres dans chaque quartier", ProjectState.ChangesRequested);

        foreach (var project in new[] { repairCafe, declined, fresco, bookBoxes })
        {
            var (status, json, raw) = await GetAsync($"/api/v1/projects/{project.Id}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("label").ValueKind);
            Assert.DoesNotContain("La salle polyvalente de la Croix-de-Chavaux", raw, StringComparison.Ordinal);
            Assert.DoesNotContain(LabelTestKit.Note, raw, StringComparison.Ordinal);
            Assert.DoesNotContain("Pouvez-vous préciser les emplacements", raw, StringComparison.Ordinal);
        }

        var (_, list, listRaw) = await GetAsync($"/api/v1/municipalities/{city.Slug}/projects?pageSize=100");
        Assert.Equal(4, list.RootElement.GetProperty("items").GetArrayLength());
        Assert.All(list.RootElement.GetProperty("items").EnumerateArray(), item => Assert.True(item.TryGetProperty("label", out _)));
        Assert.DoesNotContain("La salle polyvalente de la Croix-de-Chavaux", listRaw, StringComparison.Ordinal);
        Assert.DoesNotContain(LabelTestKit.Note, listRaw, StringComparison.Ordinal);
        Assert.DoesNotContain("referent", listRaw, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ARevokedLabel_KeepsItsDates_AndGivesThePublicReason()
    {
        var project = await app.Given.Project(await app.Given.City(), await app.Given.Citizen(), new ProjectSpec { Title = $"Retrait {Given.Token()}" });
        var until = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(200));
        await app.LabelAsync(project.Id, new LabelTerms(
            [new(CommitmentKind.CoFinancing, "Une subvention", CoFinancing: CoFinancingMode.Grant, GrantCents: 250_000)],
            until,
            "Conditions internes au label"));
        await app.RevokeAsync(project.Id, "Le porteur a renoncé au lieu prévu.");

        var (_, json, raw) = await GetAsync($"/api/v1/projects/{project.Id}");

        var label = json.RootElement.GetProperty("label");
        Assert.Equal(until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), label.GetProperty("validUntil").GetString());
        Assert.EndsWith("Z", label.GetProperty("revokedAt").GetString(), StringComparison.Ordinal);
        Assert.True(label.GetProperty("revokedAt").GetDateTime() >= label.GetProperty("labelledAt").GetDateTime());
        Assert.Equal("Le porteur a renoncé au lieu prévu.", label.GetProperty("revokedReason").GetString());
        Assert.Equal("LabelRevoked", json.RootElement.GetProperty("status").GetString());
        var grant = label.GetProperty("commitments")[0].GetProperty("coFinancing");
        Assert.Equal("Grant", grant.GetProperty("mode").GetString());
        Assert.Equal(250_000, grant.GetProperty("grantCents").GetInt64());
        Assert.Equal(JsonValueKind.Null, grant.GetProperty("matchCapCents").ValueKind);
        Assert.DoesNotContain("Conditions internes au label", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLabelledFilter_KeepsActiveLabels_OrTheOthers_AndRefusesOtherValues()
    {
        var word = Given.Token();
        var (city, holder) = (await app.Given.City(), await app.Given.Citizen());
        var active = await app.Given.Project(city, holder, new ProjectSpec { Title = $"Actif {word}" });
        var revoked = await app.Given.Project(city, holder, new ProjectSpec { Title = $"Retiré {word}" });
        var lapsed = await app.Given.Project(city, holder, new ProjectSpec { Title = $"Échu {word}" });
        var plain = await app.Given.Project(city, holder, new ProjectSpec { Title = $"Simple {word}" });
        await app.LabelAsync(active.Id, LabelTestKit.Terms(LabelTestKit.Land()));
        await app.LabelAsync(revoked.Id, LabelTestKit.Terms(LabelTestKit.Land()));
        await app.RevokeAsync(revoked.Id, "Plus de terrain.");
        await app.LabelThatLapsedAsync(lapsed.Id, LabelTestKit.Terms(LabelTestKit.Land()));

        async Task<List<long>> IdsAsync(string query)
        {
            var (status, json, _) = await GetAsync($"/api/v1/municipalities/{city.Slug}/projects?q={word}&{query}");
            Assert.Equal(HttpStatusCode.OK, status);
            return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).Order()];
        }

        Assert.Equal([active.Id], await IdsAsync("labelled=true"));
        Assert.Equal([active.Id], await IdsAsync("labelled=TRUE&status=labelled"));
        Assert.Equal(new[] { revoked.Id, lapsed.Id, plain.Id }.Order(), await IdsAsync("labelled=false"));
        Assert.Equal(4, (await IdsAsync("")).Count);

        var (badStatus, problem, _) = await GetAsync($"/api/v1/municipalities/{city.Slug}/projects?labelled=oui");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("labelled", out _));
        Assert.Equal(["true", "false"], problem.RootElement.GetProperty("validValues").GetProperty("labelled").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheLabel()
    {
        var (status, json, raw) = await GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, status);
        var schemas = json.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("LabelResponse", out var label), raw[..Math.Min(raw.Length, 500)]);
        Assert.False(string.IsNullOrWhiteSpace(label.GetProperty("description").GetString()));
        Assert.True(label.GetProperty("properties").TryGetProperty("commitments", out _));
        Assert.True(schemas.TryGetProperty("CommitmentResponse", out _));
        Assert.True(schemas.TryGetProperty("CoFinancingResponse", out _));
        Assert.True(schemas.GetProperty("ProjectResponse").GetProperty("properties").TryGetProperty("label", out _));
        var parameter = json.RootElement.GetProperty("paths").GetProperty("/api/v1/municipalities/{citySlug}/projects").GetProperty("get")
            .GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "labelled");
        Assert.Contains("label", parameter.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheList_SendsAFixedNumberOfSqlCommands_WithOneOrManyLabelsAndCommitments()
    {
        var word = Given.Token();
        var (city, holder) = (await app.Given.City(), await app.Given.Citizen());
        var first = await app.Given.Project(city, holder, new ProjectSpec { Title = $"Premier {word}" });
        await app.LabelAsync(first.Id, LabelTestKit.Terms(LabelTestKit.Land()));
        var url = $"/api/v1/municipalities/{city.Slug}/projects?pageSize=100&q={word}";
        var before = await CountAsync(url);
        var detailBefore = await CountAsync($"/api/v1/projects/{first.Id}");

        for (var i = 0; i < 15; i++)
        {
            var project = await app.Given.Project(city, holder, new ProjectSpec { Title = $"Projet {i} {word}" });
            await app.LabelAsync(project.Id, LabelTestKit.Terms(
                LabelTestKit.Land(),
                new CommitmentTerms(CommitmentKind.Expertise, "Un suivi", 10_000),
                new CommitmentTerms(CommitmentKind.CoFinancing, "Abondement", CoFinancing: CoFinancingMode.Matchfunding, MatchRatioPercent: 100, MatchCapCents: 100_000)));
        }

        var after = await CountAsync(url);
        var labelledAfter = await CountAsync(url + "&labelled=true");
        var (_, json, _) = await GetAsync(url);

        Assert.Equal(16, json.RootElement.GetProperty("totalCount").GetInt32());
        Assert.All(json.RootElement.GetProperty("items").EnumerateArray(), item => Assert.NotEmpty(item.GetProperty("label").GetProperty("commitments").EnumerateArray()));
        Assert.Equal(before, after);
        Assert.Equal(before, labelledAfter);
        Assert.InRange(after, 1, 10);
        Assert.Equal(detailBefore, await CountAsync($"/api/v1/projects/{first.Id}"));
    }

    /// <summary>A project the agent took into review with <see cref="LabelTestKit.Note"/>, then moved to <paramref name="state"/> (asked its boxes' places, for changes).</summary>
    private async Task<TestProject> ReviewedAsync(TestCity city, string title, ProjectState state, LabelTerms? terms = null) =>
        await app.Given.Project(city, await app.Given.Citizen(), new ProjectSpec
        {
            Title = title,
            State = state,
            Label = terms,
            Note = LabelTestKit.Note,
            ChangesRequest = "Pouvez-vous préciser les emplacements envisagés pour les boîtes ?",
        });

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
        using var browser = app.NewBrowser();
        using var response = await browser.Client.GetAsync(url);
        var raw = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(raw), raw);
    }
}
