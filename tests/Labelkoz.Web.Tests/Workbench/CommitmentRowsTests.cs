using System.Net;
using AngleSharp.Dom;
using Labelkoz.Domain.Calls;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Workbench;

/// <summary>
/// The commitment rows of the decision form and of a call's offer show only the fields of each
/// row's kind. Without script, "Choisir" shows the form again (unsaved) with the kind's fields; the
/// other fields are hidden and disabled, and never read.
/// </summary>
public sealed class CommitmentRowsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Fields = ["description", "valeur", "referent", "mode", "subvention", "taux", "plafond"];

    [Fact]
    public async Task ARowShowsItsKindFirst_ThenChoisirShowsOnlyThatKindsFields_WithoutSaving()
    {
        var city = await app.NewCityAsync("Ville des engagements");
        var holder = await app.NewPersonAsync("Porteuse d'engagements");
        var project = await app.ProjectAsync(city, holder, "Projet à engagements", (p, c, t) => p.TakeIntoReview(c, city.Admin.Id, city.Admin.Id, t));
        using var admin = app.NewBrowser();
        await admin.LogInAsync(city.Admin.Email);
        var url = $"/{city.Slug}/admin/projets/{WorkbenchKit.Inv(project)}/decision";

        var page = await admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        Assert.Empty(Shown(page, "engagement-0"));
        Assert.NotNull(page.Document.QuerySelector("#engagement-0 button[formaction$='handler=Choose']"));
        Assert.NotNull(page.Document.QuerySelector("script[src^='/js/commitment-rows.js']"));

        var expertise = await admin.SubmitToAsync(page, "form#labelliser", $"{url}?handler=Choose", new Dictionary<string, string> { ["Input.Commitments[0].Kind"] = "Expertise" });
        Assert.Equal(HttpStatusCode.OK, expertise.Status);
        expertise.AssertAccessibleStructure();
        Assert.Equal(["description", "valeur", "referent"], Shown(expertise, "engagement-0"));
        Assert.Empty(Shown(expertise, "engagement-1"));
        Assert.Equal("Expertise", expertise.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#engagement-0-type")!.Value);
        Assert.Empty(await app.WithDbAsync(db => db.ProjectDecisions.IgnoreQueryFilters().Where(d => d.ProjectId == project).ToListAsync()));

        var coFinancing = await admin.SubmitToAsync(expertise, "form#labelliser", $"{url}?handler=Choose", new Dictionary<string, string> { ["Input.Commitments[0].Kind"] = "CoFinancing" });
        Assert.Equal(["description", "mode"], Shown(coFinancing, "engagement-0"));
        var grant = await admin.SubmitToAsync(coFinancing, "form#labelliser", $"{url}?handler=Choose", new Dictionary<string, string> { ["Input.Commitments[0].CoFinancing"] = "Grant" });
        Assert.Equal(["description", "mode", "subvention"], Shown(grant, "engagement-0"));
        var match = await admin.SubmitToAsync(grant, "form#labelliser", $"{url}?handler=Choose", new Dictionary<string, string> { ["Input.Commitments[0].CoFinancing"] = "Matchfunding" });
        Assert.Equal(["description", "mode", "taux", "plafond"], Shown(match, "engagement-0"));

        // A field of another kind, even sent, is not read: the land is labelled, the grant ignored.
        var labelled = await admin.SubmitAsync(page, "form#labelliser", new Dictionary<string, string>
        {
            ["Input.Commitments[0].Kind"] = "Land",
            ["Input.Commitments[0].Description"] = "Une parcelle de 200 m²",
            ["Input.Commitments[0].Grant"] = "beaucoup",
            ["Input.Commitments[0].ReferentUserId"] = "personne",
        });
        Assert.True(labelled.IsRedirect, labelled.MainText);
        var commitment = Assert.Single(await app.WithDbAsync(db => db.Commitments.IgnoreQueryFilters().Where(c => db.ProjectDecisions.Any(d => d.Id == c.DecisionId && d.ProjectId == project)).ToListAsync()));
        Assert.Equal(Domain.Labels.CommitmentKind.Land, commitment.Kind);
        Assert.Null(commitment.GrantCents);
        Assert.Null(commitment.ReferentUserId);
    }

    [Fact]
    public async Task TheScript_IsServedAsAFile()
    {
        using var browser = app.NewBrowser();
        var response = await browser.Client.GetAsync("/js/commitment-rows.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("javascript", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Contains("data-commitment-kind", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACallsOffer_ChoosesItsRowsKindTheSameWay()
    {
        var city = await app.NewCityAsync("Ville de l'offre");
        var callId = await app.WithDbAsync(async db =>
        {
            var municipality = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == city.Id);
            var call = Call.StartDraft(municipality, city.Admin.Id, "Appel à l'offre choisie", DateTime.UtcNow);
            db.Calls.Add(call);
            await db.SaveChangesAsync();
            return call.Id;
        });
        using var admin = app.NewBrowser();
        await admin.LogInAsync(city.Admin.Email);
        var url = $"/{city.Slug}/admin/appels/{WorkbenchKit.Inv(callId)}";

        var edit = await admin.GetAsync(url);
        Assert.Empty(Shown(edit, "offre-0"));
        var chosen = await admin.SubmitAsync(edit, "form#appel", new Dictionary<string, string>
        {
            ["Input.Offer[0].Kind"] = "CoFinancing",
            ["Input.Offer[0].CoFinancing"] = "Matchfunding",
        });

        Assert.Equal(HttpStatusCode.OK, chosen.Status);
        chosen.AssertAccessibleStructure();
        Assert.Equal(["description", "mode", "taux", "plafond"], Shown(chosen, "offre-0"));
        Assert.Empty(await app.WithDbAsync(db => db.Commitments.IgnoreQueryFilters().Where(c => c.CallId == callId).ToListAsync()));
    }

    /// <summary>The fields of the row shown (not hidden), each enabled; those hidden are disabled.</summary>
    private static List<string> Shown(TestBrowser.Page page, string rowId)
    {
        var shown = new List<string>();
        foreach (var field in Fields)
        {
            var control = page.Document.GetElementById($"{rowId}-{field}") ?? page.Document.QuerySelector($"#{rowId} input[id^='{rowId}-{field}-']");
            Assert.True(control is not null, $"#{rowId}-{field} missing");
            var wrapper = control!.Closest("[data-commitment-field]")!;
            var hidden = wrapper.HasAttribute("hidden");
            var disabled = control.HasAttribute("disabled") || wrapper.HasAttribute("disabled");
            Assert.True(hidden == disabled, $"#{rowId}-{field}: hidden {hidden}, disabled {disabled}");
            if (!hidden)
            {
                shown.Add(field);
            }
        }

        return shown;
    }
}
