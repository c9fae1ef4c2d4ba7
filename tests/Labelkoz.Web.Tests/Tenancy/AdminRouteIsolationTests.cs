using System.Net;
using System.Text.RegularExpressions;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Domain.Projects;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Tests.CityAdmin;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Labelkoz.Web.Tests.ProjectsAdmin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Tenancy;

/// <summary>
/// Walks every back-office route the application has (read from its endpoint table, so a page
/// added later is walked too) as people who must not get in: another city's admin and agent, a
/// citizen, the platform operator, and an anonymous visitor. Every GET and every form handler is
/// refused, and the victim city's data is the same afterwards. Both cities hold the same kinds of
/// data (projects in review, a reported comment, a call with an application, campaigns, a tax
/// receipt), so an id of one city's row is always at hand for the other's forms.
/// </summary>
public sealed partial class AdminRouteIsolationTests(AdminRouteIsolationTests.TwoCitiesApp app) : IClassFixture<AdminRouteIsolationTests.TwoCitiesApp>
{
    private string Victim => app.Victim.Slug;

    /// <summary>The pages built with the back office: the walk must find at least these.</summary>
    private static readonly string[] KnownPages =
    [
        "{slug}/admin",
        "{slug}/admin/presentation",
        "{slug}/admin/identite-visuelle",
        "{slug}/admin/quartiers",
        "{slug}/admin/parametres",
        "{slug}/admin/equipe",
        "{slug}/admin/projets",
        "{slug}/admin/projets/{id:long}",
        "{slug}/admin/projets/{id:long}/etude",
        "{slug}/admin/projets/{id:long}/decision",
        "{slug}/admin/projets/{id:long}/retrait-du-label",
        "{slug}/admin/projets/{id:long}/recus-fiscaux",
        "{slug}/admin/moderation",
        "{slug}/admin/journal",
        "{slug}/admin/appels",
        "{slug}/admin/appels/{id:long}",
        "{slug}/admin/appels/{id:long}/candidatures",
        "{slug}/admin/appels/{id:long}/candidatures/{applicationId:long}",
        "{slug}/admin/appels/{id:long}/laureats",
        "{slug}/admin/appels/{id:long}/annulation",
        "{slug}/admin/campagnes",
        "{slug}/admin/campagnes/{campaignId:long}",
        "{slug}/admin/campagnes/rapport",
        "{slug}/admin/campagnes/{campaignId:long}/recus/{receiptId:long}",
        "{slug}/admin/abonnement",
    ];

    private static readonly string[] KnownAdminOnlyPages =
    [
        "{slug}/admin/projets/{id:long}/retrait-du-label",
        "{slug}/admin/appels/{id:long}/annulation",
        "{slug}/admin/presentation",
        "{slug}/admin/identite-visuelle",
        "{slug}/admin/quartiers",
        "{slug}/admin/parametres",
        "{slug}/admin/abonnement",
    ];

    [Fact]
    public async Task TheWalk_FindsEveryBackOfficePage()
    {
        var routes = await AdminRoutesAsync();

        Assert.Superset(KnownPages.ToHashSet(), routes.Select(r => r.Pattern).ToHashSet());
        Assert.Superset(KnownAdminOnlyPages.ToHashSet(), routes.Where(r => r.AdminOnly).Select(r => r.Pattern).ToHashSet());
        Assert.Contains(routes, r => r.Pattern == "{slug}/admin/equipe" && r.AdminForChanges && !r.AdminOnly);
        Assert.Contains(routes, r => r.Pattern == "{slug}/admin/identite-visuelle" && r.PostHandlers.Contains("Logo"));
        Assert.Contains(routes, r => r.Pattern == "{slug}/admin/projets/{id:long}" && !r.AdminOnly && new[] { "Publish", "Hide", "Unhide" }.All(r.PostHandlers.Contains));
        Assert.Contains(routes, r => r.Pattern == "{slug}/admin/projets/{id:long}/etude" && !r.AdminOnly && new[] { "Take", "Assign", "Note", "Message", "RequestChanges", "Confirm", "Reject" }.All(r.PostHandlers.Contains));
        Assert.Contains(routes, r => r.Pattern == "{slug}/admin/projets/{id:long}/recus-fiscaux" && !r.AdminOnly && new[] { "OpenReceipts", "CloseReceipts" }.All(r.PostHandlers.Contains));
        Assert.Contains(routes, r => r.Pattern == "{slug}/admin/projets/{id:long}/decision" && !r.AdminOnly && new[] { "Label", "Decline", "AddRows" }.All(r.PostHandlers.Contains));
        Assert.Contains(routes, r => r.Pattern == "{slug}/admin/moderation" && !r.AdminOnly && new[] { "Hide", "Restore", "Approve" }.All(r.PostHandlers.Contains));
        Assert.Contains(routes, r => r.Pattern == "{slug}/admin/appels" && !r.AdminOnly && r.AdminForChanges && r.PostHandlers.Contains("Create"));
        Assert.Contains(routes, r => r.Pattern == "{slug}/admin/appels/{id:long}" && !r.AdminOnly && r.AdminForChanges && new[] { "Save", "AddRows", "Choose", "Publish" }.All(r.PostHandlers.Contains));
        Assert.Contains(routes, r => r.Pattern == "{slug}/admin/appels/{id:long}/candidatures" && r.PostHandlers.Contains("Shortlist"));
        Assert.Contains(routes, r => r.Pattern == "{slug}/admin/appels/{id:long}/candidatures/{applicationId:long}" && new[] { "Score", "Conflict" }.All(r.PostHandlers.Contains));
        Assert.Contains(routes, r => r.Pattern == "{slug}/admin/campagnes/{campaignId:long}" && !r.AdminOnly && new[] { "Pause", "Resume", "Offline" }.All(r.PostHandlers.Contains));
        Assert.Contains(routes, r => r.Pattern == "{slug}/admin/campagnes/{campaignId:long}/recus/{receiptId:long}" && !r.AdminOnly && r.AdminForChanges && r.PostHandlers.Contains("Correct"));
    }

    [Fact]
    public async Task EveryBackOfficeRoute_OfACity_IsRefusedToOutsiders_AndChangesNothing()
    {
        var routes = await AdminRoutesAsync();
        var (fields, values) = await PlausibleFieldsAsync();
        var before = await app.SnapshotAsync(Victim);
        var moderationBefore = await app.ModerationSnapshotAsync(Victim);

        var outsiders = new (string Who, string? Email)[]
        {
            ("admin de l'autre ville", app.Other.Admin.Email),
            ("agent de l'autre ville", app.Other.Agent.Email),
            ("citoyenne", app.Citizen.Email),
            ("opérateur", app.Operator.Email),
            ("anonyme", null),
        };
        var failures = new List<string>();
        var requests = 0;
        foreach (var (who, email) in outsiders)
        {
            using var browser = email is null ? app.HttpsBrowser() : await app.SignedInAsync(email);
            var tokenSource = await browser.GetAsync("/");
            Assert.NotNull(tokenSource.AntiforgeryToken);
            foreach (var route in routes)
            {
                var url = route.UrlFor(Victim, values);
                var get = await browser.GetAsync(url);
                requests++;
                Check(failures, who, "GET " + url, get, anonymous: email is null);
                foreach (var handler in route.PostHandlers)
                {
                    var target = handler is null ? url : $"{url}?handler={handler}";
                    var post = await browser.PostAsync(target, tokenSource, fields);
                    requests++;
                    Check(failures, who, "POST " + target, post, anonymous: email is null);
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests were not refused:\n" + string.Join('\n', failures));
        Assert.Equal(before, await app.SnapshotAsync(Victim));
        Assert.Equal(moderationBefore, await app.ModerationSnapshotAsync(Victim));
        Assert.True(requests >= outsiders.Length * (KnownPages.Length + 8), $"Only {requests} requests were made.");
    }

    [Fact]
    public async Task EveryBackOfficePage_OpensForTheCitysAdmin()
    {
        var routes = await AdminRoutesAsync();
        var (_, values) = await PlausibleFieldsAsync();
        using var admin = await app.SignedInAsync(app.Victim.Admin.Email);

        foreach (var route in routes)
        {
            var page = await admin.GetAsync(route.UrlFor(Victim, values));
            Assert.True(page.Status == HttpStatusCode.OK, $"{route.UrlFor(Victim, values)} gave {(int)page.Status} to the city's admin.");
            page.AssertAccessibleStructure();
            Assert.NotNull(page.Document.QuerySelector("nav.admin-nav a[aria-current=page]"));
        }
    }

    [Fact]
    public async Task AnAgent_IsRefusedTheAdminOnlyPagesAndEveryChange_OfTheirOwnCity()
    {
        var routes = await AdminRoutesAsync();
        var (fields, values) = await PlausibleFieldsAsync();
        var before = await app.SnapshotAsync(Victim);
        var moderationBefore = await app.ModerationSnapshotAsync(Victim);
        using var agent = await app.SignedInAsync(app.Victim.Agent.Email);
        var tokenSource = await agent.GetAsync($"/{Victim}/admin");
        Assert.Equal(HttpStatusCode.OK, tokenSource.Status);

        var failures = new List<string>();
        foreach (var route in routes.Where(r => r.AdminOnly || r.AdminForChanges))
        {
            var url = route.UrlFor(Victim, values);
            var get = await agent.GetAsync(url);
            var expectedGet = route.AdminOnly ? HttpStatusCode.Forbidden : HttpStatusCode.OK;
            if (get.Status != expectedGet)
            {
                failures.Add($"GET {url}: {(int)get.Status}, expected {(int)expectedGet}");
            }

            foreach (var handler in route.PostHandlers)
            {
                var target = handler is null ? url : $"{url}?handler={handler}";
                var post = await agent.PostAsync(target, tokenSource, fields);
                if (post.Status != HttpStatusCode.Forbidden)
                {
                    failures.Add($"POST {target}: {(int)post.Status}, expected 403");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(before, await app.SnapshotAsync(Victim));
        Assert.Equal(moderationBefore, await app.ModerationSnapshotAsync(Victim));

        // The agent's own view of the team is read-only: no form to change it.
        var team = await agent.GetAsync($"/{Victim}/admin/equipe");
        Assert.Empty(team.Document.QuerySelectorAll("main form"));
        Assert.Contains(app.Victim.Admin.Email, team.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOperator_IsNotStaff_AndIsRefusedInACitysBackOffice()
    {
        using var operatorBrowser = await app.SignedInAsync(app.Operator.Email);

        var page = await operatorBrowser.GetAsync($"/{Victim}/admin");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("Accès refusé", page.MainText, StringComparison.Ordinal);
    }

    private static void Check(List<string> failures, string who, string request, TestBrowser.Page page, bool anonymous)
    {
        var refused = anonymous
            ? page.Status == HttpStatusCode.Redirect && (page.Location ?? string.Empty).Contains("/compte/connexion", StringComparison.Ordinal)
            : page.Status == HttpStatusCode.Forbidden;
        if (!refused)
        {
            failures.Add($"{who} — {request}: {(int)page.Status} {page.Location}");
        }
    }

    /// <summary>
    /// Form values that would make each handler succeed if it were allowed to run, and the values
    /// of route parameters other than the city (a project of the victim's awaiting publication).
    /// </summary>
    private async Task<(Dictionary<string, string> Fields, Dictionary<string, string> RouteValues)> PlausibleFieldsAsync()
    {
        // A pending invitation of the city for the walk to try to cancel or resend.
        await EnsurePendingInvitationAsync();
        var (project, comment) = await EnsureModerationTargetsAsync();
        var (callId, applicationId, applicationVersion, criterionId) = await EnsureCallApplicationAsync();
        var callVersion = await app.WithDbAsync(db => db.Calls.Where(c => c.Id == callId).Select(c => c.Version).SingleAsync());
        var (campaignId, campaignVersion, tierId) = await EnsureCampaignAsync();
        var (receiptCampaignId, receiptId) = await ReceiptAsync();
        var ids = await app.WithDbAsync(async db =>
        {
            var city = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Slug == Victim);
            var neighbourhood = await db.Neighbourhoods.Where(n => n.MunicipalityId == city.Id).Select(n => n.Id).FirstAsync();
            var member = await db.Memberships.Where(m => m.MunicipalityId == city.Id && m.Role == StaffRole.Admin).Select(m => m.UserId).FirstAsync();
            var invitation = await db.StaffInvitations.Where(i => i.MunicipalityId == city.Id && i.RevokedAtUtc == null && i.AcceptedAtUtc == null).Select(i => i.Id).FirstAsync();
            var pendingDecision = await db.ProjectDecisions.Where(d => d.MunicipalityId == city.Id && d.State == DecisionState.Proposed).Select(d => d.Id).FirstAsync();
            return (city.Version, neighbourhood, member, invitation, pendingDecision);
        });

        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Ville piratée",
            ["Input.Presentation"] = "Texte pirate",
            ["Input.ContactEmail"] = "pirate@exemple.fr",
            ["Input.ContactPhone"] = "00 00 00 00 00",
            ["Input.Website"] = "https://pirate.exemple.fr",
            ["Input.Version"] = ids.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Hex"] = "#FF0000",
            ["Input.Picker"] = "#FF0000",
            ["Input.Shown"] = "#000000",
            ["Input.ProjectModeration"] = nameof(ModerationMode.PreModeration),
            ["Input.CommentModeration"] = nameof(ModerationMode.PreModeration),
            ["Input.LabelRequiredForFunding"] = "false",
            ["Input.AccessibilityCompliance"] = "non conforme",
            ["Input.Email"] = "pirate@exemple.fr",
            ["Input.Role"] = nameof(StaffRole.Admin),
            ["neighbourhoodId"] = ids.neighbourhood.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["userId"] = ids.member.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["invitationId"] = ids.invitation.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["projectVersion"] = project.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["reason"] = "Motif pirate",
            ["commentId"] = comment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["commentVersion"] = comment.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),

            // The review: take, assign, notes, the thread, decisions and their confirmation.
            ["assigneeId"] = ids.member.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["body"] = "Note pirate",
            ["message"] = "Message pirate",
            ["note"] = "Note pirate à l'agent",
            ["decisionId"] = ids.pendingDecision.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["requestToken"] = Guid.NewGuid().ToString("N"),
            ["Input.Commitments[0].Kind"] = "CoFinancing",
            ["Input.Commitments[0].Description"] = "Engagement pirate",
            ["Input.Commitments[0].EstimatedValue"] = "1 000",
            ["Input.Commitments[0].CoFinancing"] = "Grant",
            ["Input.Commitments[0].Grant"] = "1 000",
            ["Input.ValidUntil"] = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Conditions"] = "Conditions pirates",
            ["Refusal.Reason"] = "Refus pirate",

            // The city's calls: create, edit, publish, cancel.
            ["callVersion"] = callVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Title"] = "Appel pirate",
            ["Input.Description"] = "Description pirate",
            ["Input.Envelope"] = "1 000",
            ["Input.WinnersCount"] = "1",
            ["Input.Individuals"] = "true",
            ["Input.OpensAt"] = "2030-01-01T10:00",
            ["Input.ClosesAt"] = "2030-02-01T10:00",
            ["Input.Offer[0].Kind"] = "Premises",
            ["Input.Offer[0].Description"] = "Local pirate",
            ["Input.Criteria[0].Name"] = "Critère pirate",
            ["Input.Criteria[0].Weight"] = "100",

            // The review of a call: scores, conflicts, short list, winners.
            ["applicationId"] = applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["applicationVersion"] = applicationVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["note-" + criterionId.ToString(System.Globalization.CultureInfo.InvariantCulture)] = "10",
            ["shortlisted"] = "true",
            ["laureats"] = applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture),

            // A live campaign: pause, resume, an offline payment.
            ["version"] = campaignVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Offline.Amount"] = "50",
            ["Offline.Method"] = "Cheque",
            ["Offline.Reference"] = "Chèque pirate",
            ["Offline.DonorFullName"] = "Pirate",
            ["Offline.DonorAddress"] = "Adresse pirate",
            ["Offline.TierId"] = tierId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Offline.IdempotencyKey"] = Guid.NewGuid().ToString("N"),
        };
        return (fields, new Dictionary<string, string>
        {
            ["id"] = project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),

            // Below "{slug}/admin/appels/", {id} is a call of the city (open, with a submitted application).
            ["{slug}/admin/appels/|id"] = callId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["applicationId"] = applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["campaignId"] = campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture),

            // Below a campaign's receipts, {campaignId} is the campaign of a receipt of the city (a funded campaign's).
            ["{slug}/admin/campagnes/{campaignId:long}/recus/|campaignId"] = receiptCampaignId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["receiptId"] = receiptId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    /// <summary>A tax receipt of the city: its funded campaign issued them at settlement.</summary>
    private Task<(long CampaignId, long ReceiptId)> ReceiptAsync() =>
        app.WithDbAsync(async db =>
        {
            var receipt = await db.TaxReceipts.IgnoreQueryFilters().AsNoTracking()
                .Where(r => r.CampaignId == app.VictimData.FundedCampaign.Id)
                .OrderBy(r => r.Id)
                .Select(r => new { r.CampaignId, r.Id })
                .FirstAsync();
            return (receipt.CampaignId, receipt.Id);
        });

    /// <summary>The city's live campaign (one tier) for the funding pages.</summary>
    private Task<(long CampaignId, long Version, long TierId)> EnsureCampaignAsync() =>
        app.WithDbAsync(async db =>
        {
            var campaign = app.VictimData.LiveCampaign;
            var version = await db.Campaigns.Where(c => c.Id == campaign.Id).Select(c => c.Version).SingleAsync();
            return (campaign.Id, version, campaign.Tiers[0]);
        });

    /// <summary>
    /// The city's project awaiting publication (publish, hide) and its reported comment (hide,
    /// restore) for the walk's forms to aim at.
    /// </summary>
    private async Task<(Project Project, Comment Comment)> EnsureModerationTargetsAsync() =>
        (await app.ProjectAsync(app.VictimData.Awaiting.Id), await app.CommentStateAsync(app.VictimData.ReportedComment));

    /// <summary>The city's open call with a citizen's submitted application, for the call pages.</summary>
    private Task<(long CallId, long ApplicationId, long ApplicationVersion, long CriterionId)> EnsureCallApplicationAsync() =>
        app.WithDbAsync(async db =>
        {
            var call = app.VictimData.OpenCall;
            var application = await db.CallApplications.AsNoTracking().SingleAsync(a => a.Id == call.Applications[0]);
            var criterion = await db.CallCriteria.Where(c => c.CallId == call.Id).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            return (call.Id, application.Id, application.Version, criterion);
        });

    private async Task EnsurePendingInvitationAsync()
    {
        var pending = await app.WithDbAsync(db => db.StaffInvitations.AnyAsync(i => i.Municipality!.Slug == Victim && i.RevokedAtUtc == null && i.AcceptedAtUtc == null));
        if (pending)
        {
            return;
        }

        using var admin = await app.SignedInAsync(app.Victim.Admin.Email);
        var team = await admin.GetAsync($"/{Victim}/admin/equipe");
        var invited = await admin.SubmitAsync(team, "form#inviter", new Dictionary<string, string> { ["Input.Email"] = $"future.agente-{Given.Next()}@exemple.fr", ["Input.Role"] = "Agent" });
        Assert.Equal(HttpStatusCode.Redirect, invited.Status);
    }

    private async Task<IReadOnlyList<AdminRoute>> AdminRoutesAsync()
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var routes = new List<AdminRoute>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            if (!pattern.StartsWith("{slug}/admin", StringComparison.Ordinal))
            {
                continue;
            }

            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var adminOnly = policies.Contains(Policies.CityAdmin);
            var adminForChanges = endpoint.Metadata.GetMetadata<AdminForChangesAttribute>() is not null;

            // Every form handler of a page, plus a POST without any handler name.
            var handlers = new List<string?> { null };
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                handlers.AddRange(compiled.HandlerMethods
                    .Where(h => string.Equals(h.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(h.Name))
                    .Select(h => (string?)h.Name));
            }

            routes.Add(new AdminRoute(pattern, handlers.Distinct().ToList(), adminOnly, adminForChanges));
        }

        return routes.DistinctBy(r => r.Pattern).OrderBy(r => r.Pattern, StringComparer.Ordinal).ToList();
    }

    private sealed partial record AdminRoute(string Pattern, IReadOnlyList<string?> PostHandlers, bool AdminOnly, bool AdminForChanges)
    {
        /// <summary>The route's URL on a city's site; any other parameter gets its value from <paramref name="values"/>, or a plausible id.</summary>
        public string UrlFor(string slug, Dictionary<string, string> values) =>
            "/" + OtherParameter().Replace(
                Pattern.Replace("{slug}", slug, StringComparison.Ordinal),
                match => ValueOf(values, match.Groups["name"].Value));

        /// <summary>A value given for the routes below a prefix ("prefix|name") wins over one given for every route ("name").</summary>
        private string ValueOf(Dictionary<string, string> values, string name) =>
            values.Where(v => v.Key.EndsWith("|" + name, StringComparison.Ordinal) && Pattern.StartsWith(v.Key[..v.Key.LastIndexOf('|')], StringComparison.Ordinal))
                .Select(v => v.Value)
                .FirstOrDefault()
            ?? (values.TryGetValue(name, out var value) ? value : "1");

        [GeneratedRegex(@"\{(?<name>[^}:?=]+)[^}]*\}")]
        private static partial Regex OtherParameter();
    }

    /// <summary>What each of the two cities holds: the same kinds of rows, built through the domain.</summary>
    public sealed record CityData(TestProject Awaiting, TestProject Proposed, long ReportedComment, TestCall OpenCall, TestCampaign LiveCampaign, TestCampaign FundedCampaign);

    /// <summary>Two cities with their staff and data, a citizen and the platform's operator.</summary>
    public sealed class TwoCitiesApp : AppFactory
    {
        public TestCity Victim { get; private set; } = null!;

        public TestCity Other { get; private set; } = null!;

        public CityData VictimData { get; private set; } = null!;

        public TestUser Citizen { get; private set; } = null!;

        public TestUser Operator { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            (Victim, Other) = await Given.TwoCities();
            Citizen = await Given.Citizen();
            Operator = await Given.Operator();
            VictimData = await DataOfAsync(Victim);
            await DataOfAsync(Other);
        }

        private async Task<CityData> DataOfAsync(TestCity city)
        {
            var holder = await Given.Citizen();
            var awaiting = await Given.Project(city, holder, ProjectState.AwaitingPublication);
            var proposed = await Given.Project(city, holder, ProjectState.LabelProposed);
            var commented = await Given.Project(city, holder, ProjectState.Submitted);
            var comment = await Given.Comment(commented, holder, "Un commentaire signalé pour le tour des routes");
            await Given.Report(comment, Citizen);
            var call = await Given.Call(city, new CallSpec { Applicants = [await Given.Citizen()] });
            var live = await Given.Campaign(city, holder);
            var funded = await Given.Campaign(city, holder, new CampaignSpec
            {
                State = CampaignState.Funded,
                GoalCents = 100_00,
                TaxReceipts = true,
                Gifts = [new Gift(Citizen, 100_00, Donor: new DonorIdentity("Anne Martin", "1 rue de la Paix\n98000 Ville"))],
            });
            return new CityData(awaiting, proposed, comment, call, live, funded);
        }
    }
}
