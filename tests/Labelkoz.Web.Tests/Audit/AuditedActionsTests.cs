using System.Globalization;
using System.Net;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Tests.Accounts;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Labelkoz.Web.Tests.ProjectsAdmin;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Audit;

/// <summary>
/// Each staff page that changes something writes exactly one audit entry per successful action, in
/// the same save, with who, what, which object and the values before and after; a refused action
/// writes none.
/// </summary>
public sealed class AuditedActionsTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    /// <summary>Each test's own city (with a logo to replace), and two of its residents.</summary>
    private TestCity _city = null!;
    private TestUser _citizen = null!;
    private TestUser _neighbour = null!;

    private string City => _city.Slug;

    public async Task InitializeAsync()
    {
        _city = await app.Given.City(new CitySpec { WithLogo = true });
        (_citizen, _neighbour) = (await app.Given.Citizen(), await app.Given.Citizen());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Settings_OneEntryPerChange_NoneWhenRefusedOrUnchanged()
    {
        using var admin = await app.SignedInAsync(_city.Admin.Email);

        var changed = await app.NewEntriesAsync(async () =>
        {
            var form = await admin.GetAsync($"/{City}/admin/parametres");
            var saved = await admin.SubmitAsync(form, "form#parametres", new Dictionary<string, string> { ["Input.ProjectModeration"] = "PreModeration" });
            Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        });
        var refused = await app.NewEntriesAsync(async () =>
        {
            var form = await admin.GetAsync($"/{City}/admin/parametres");
            var page = await admin.SubmitAsync(form, "form#parametres", new Dictionary<string, string> { ["Input.AccessibilityCompliance"] = "presque conforme" });
            Assert.Equal(HttpStatusCode.OK, page.Status);
        });
        var unchanged = await app.NewEntriesAsync(async () =>
        {
            var form = await admin.GetAsync($"/{City}/admin/parametres");
            Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(form, "form#parametres")).Status);
        });

        var entry = Assert.Single(changed);
        await AssertEntryAsync(entry, AuditAction.SettingsChanged, AuditSubject.Municipality, _city.Admin.Email);
        Assert.Contains("Modération des projets : après publication (post-modération)", entry.Before, StringComparison.Ordinal);
        Assert.Contains("Modération des projets : avant publication (pré-modération)", entry.After, StringComparison.Ordinal);
        Assert.Contains("Label obligatoire avant la collecte : oui", entry.After, StringComparison.Ordinal);
        Assert.Empty(refused);
        Assert.Empty(unchanged);
    }

    [Fact]
    public async Task Presentation_RecordsOnlyTheFieldsThatChanged()
    {
        using var admin = await app.SignedInAsync(_city.Admin.Email);
        var phone = await app.WithDbAsync(db => db.Municipalities.Where(m => m.Id == _city.Id).Select(m => m.ContactPhone).SingleAsync());

        var changed = await app.NewEntriesAsync(async () =>
        {
            var form = await admin.GetAsync($"/{City}/admin/presentation");
            var saved = await admin.SubmitAsync(form, "form#presentation", new Dictionary<string, string> { ["Input.ContactPhone"] = "01 99 99 99 99" });
            Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        });
        var refused = await app.NewEntriesAsync(async () =>
        {
            var form = await admin.GetAsync($"/{City}/admin/presentation");
            var page = await admin.SubmitAsync(form, "form#presentation", new Dictionary<string, string> { ["Input.Website"] = "javascript:alert(1)" });
            Assert.Equal(HttpStatusCode.OK, page.Status);
        });

        var entry = Assert.Single(changed);
        await AssertEntryAsync(entry, AuditAction.PresentationChanged, AuditSubject.Municipality, _city.Admin.Email);
        Assert.Equal($"Téléphone : {phone}", entry.Before);
        Assert.Equal("Téléphone : 01 99 99 99 99", entry.After);
        Assert.Empty(refused);
    }

    [Fact]
    public async Task Branding_ColourAndLogo_EachWriteOneEntry_NoneWhenRefused()
    {
        using var admin = await app.SignedInAsync(_city.Admin.Email);
        var before = await app.WithDbAsync(db => db.Municipalities.Where(m => m.Slug == City).Select(m => m.BrandColour).SingleAsync());

        var colour = await app.NewEntriesAsync(async () =>
        {
            var form = await admin.GetAsync($"/{City}/admin/identite-visuelle");
            Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(form, "form#couleur", new Dictionary<string, string> { ["Input.Hex"] = "#7A1F5C" })).Status);
        });
        var badColour = await app.NewEntriesAsync(async () =>
        {
            var form = await admin.GetAsync($"/{City}/admin/identite-visuelle");
            Assert.Equal(HttpStatusCode.OK, (await admin.SubmitAsync(form, "form#couleur", new Dictionary<string, string> { ["Input.Hex"] = "violet" })).Status);
        });
        var logo = await app.NewEntriesAsync(async () =>
        {
            var form = await admin.GetAsync($"/{City}/admin/identite-visuelle");
            var sent = await admin.UploadAsync($"/{City}/admin/identite-visuelle?handler=Logo", form, "Logo", Given.TinyPng, "logo.png", "image/png");
            Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        });
        var badLogo = await app.NewEntriesAsync(async () =>
        {
            var form = await admin.GetAsync($"/{City}/admin/identite-visuelle");
            var sent = await admin.UploadAsync($"/{City}/admin/identite-visuelle?handler=Logo", form, "Logo", "<svg></svg>"u8.ToArray(), "logo.svg", "image/svg+xml");
            Assert.Equal(HttpStatusCode.OK, sent.Status);
        });

        var colourEntry = Assert.Single(colour);
        await AssertEntryAsync(colourEntry, AuditAction.BrandColourChanged, AuditSubject.Municipality, _city.Admin.Email);
        Assert.Equal($"Couleur : {before}", colourEntry.Before);
        Assert.Equal("Couleur : #7A1F5C", colourEntry.After);
        Assert.Empty(badColour);
        var logoEntry = Assert.Single(logo);
        await AssertEntryAsync(logoEntry, AuditAction.LogoChanged, AuditSubject.Municipality, _city.Admin.Email);
        Assert.Contains("image/png", logoEntry.After, StringComparison.Ordinal);
        Assert.Empty(badLogo);
    }

    [Fact]
    public async Task Neighbourhoods_AddAndRemove_EachWriteOneEntry_NoneWhenRefused()
    {
        using var admin = await app.SignedInAsync(_city.Admin.Email);
        var name = Given.Token("Quartier ");

        var added = await app.NewEntriesAsync(async () =>
        {
            var form = await admin.GetAsync($"/{City}/admin/quartiers");
            Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(form, "form#ajout-quartier", new Dictionary<string, string> { ["Input.Name"] = name })).Status);
        });
        var duplicate = await app.NewEntriesAsync(async () =>
        {
            var form = await admin.GetAsync($"/{City}/admin/quartiers");
            Assert.Equal(HttpStatusCode.OK, (await admin.SubmitAsync(form, "form#ajout-quartier", new Dictionary<string, string> { ["Input.Name"] = name })).Status);
        });
        var id = await app.WithDbAsync(db => db.Neighbourhoods.Where(n => n.Name == name).Select(n => n.Id).SingleAsync());
        var placed = (await app.Given.Project(_city, _neighbour, new ProjectSpec { Title = "Un banc public", Neighbourhood = _city.Neighbourhoods[0] })).Id;
        var inUse = await app.WithDbAsync(db => db.Projects.Where(p => p.Id == placed).Select(p => p.NeighbourhoodId!.Value).SingleAsync());
        var refused = await app.NewEntriesAsync(async () =>
        {
            var form = await admin.GetAsync($"/{City}/admin/quartiers");
            var page = await admin.PostAsync($"/{City}/admin/quartiers?handler=Remove", form, new Dictionary<string, string> { ["neighbourhoodId"] = Id(inUse) });
            Assert.Equal(HttpStatusCode.OK, page.Status);
        });
        var removed = await app.NewEntriesAsync(async () =>
        {
            var form = await admin.GetAsync($"/{City}/admin/quartiers");
            var page = await admin.PostAsync($"/{City}/admin/quartiers?handler=Remove", form, new Dictionary<string, string> { ["neighbourhoodId"] = Id(id) });
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
        });

        var addition = Assert.Single(added);
        await AssertEntryAsync(addition, AuditAction.NeighbourhoodAdded, AuditSubject.Neighbourhood, _city.Admin.Email);
        Assert.Equal(name, addition.SubjectLabel);
        Assert.Empty(duplicate);
        Assert.Empty(refused);
        var removal = Assert.Single(removed);
        await AssertEntryAsync(removal, AuditAction.NeighbourhoodRemoved, AuditSubject.Neighbourhood, _city.Admin.Email);
        Assert.Equal(id, removal.SubjectId);
        Assert.Equal($"Quartier : {name}", removal.Before);
    }

    [Fact]
    public async Task Team_InviteResendCancelRemove_EachWriteOneEntry_NoneWhenRefused()
    {
        using var admin = await app.SignedInAsync(_city.Admin.Email);
        var email = AccountsTestKit.NewEmail("recrue");

        var invited = await app.NewEntriesAsync(async () =>
        {
            var team = await admin.GetAsync($"/{City}/admin/equipe");
            Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(team, "form#inviter", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Role"] = "Agent" })).Status);
        });
        var alreadyMember = await app.NewEntriesAsync(async () =>
        {
            var team = await admin.GetAsync($"/{City}/admin/equipe");
            Assert.Equal(HttpStatusCode.OK, (await admin.SubmitAsync(team, "form#inviter", new Dictionary<string, string> { ["Input.Email"] = _city.Agent.Email })).Status);
        });
        var invitation = await app.WithDbAsync(db => db.StaffInvitations.Where(i => i.Email == email).Select(i => i.Id).SingleAsync());
        var resent = await app.NewEntriesAsync(async () =>
        {
            var team = await admin.GetAsync($"/{City}/admin/equipe");
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/{City}/admin/equipe?handler=Resend", team, new Dictionary<string, string> { ["invitationId"] = Id(invitation) })).Status);
        });
        var renewed = await app.WithDbAsync(db => db.StaffInvitations.Where(i => i.Email == email && i.RevokedAtUtc == null).Select(i => i.Id).SingleAsync());
        var cancelled = await app.NewEntriesAsync(async () =>
        {
            var team = await admin.GetAsync($"/{City}/admin/equipe");
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/{City}/admin/equipe?handler=Cancel", team, new Dictionary<string, string> { ["invitationId"] = Id(renewed) })).Status);
        });
        var cancelledTwice = await app.NewEntriesAsync(async () =>
        {
            var team = await admin.GetAsync($"/{City}/admin/equipe");
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/{City}/admin/equipe?handler=Cancel", team, new Dictionary<string, string> { ["invitationId"] = Id(renewed) })).Status);
        });
        var member = (await app.Given.Staff(_city, StaffRole.Agent)).Email;
        var memberId = await app.UserIdAsync(member);
        var removed = await app.NewEntriesAsync(async () =>
        {
            var team = await admin.GetAsync($"/{City}/admin/equipe");
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/{City}/admin/equipe?handler=Remove", team, new Dictionary<string, string> { ["userId"] = Id(memberId) })).Status);
        });
        var lastAdmin = await app.NewEntriesAsync(async () =>
        {
            var team = await admin.GetAsync($"/{City}/admin/equipe");
            var self = await app.UserIdAsync(_city.Admin.Email);
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/{City}/admin/equipe?handler=Remove", team, new Dictionary<string, string> { ["userId"] = Id(self) })).Status);
        });
        using var agent = await app.SignedInAsync(_city.Agent.Email);
        var byAgent = await app.NewEntriesAsync(async () =>
        {
            var team = await agent.GetAsync($"/{City}/admin/equipe");
            Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync($"/{City}/admin/equipe?handler=Invite", team, new Dictionary<string, string> { ["Input.Email"] = AccountsTestKit.NewEmail("pirate"), ["Input.Role"] = "Admin" })).Status);
        });

        var invite = Assert.Single(invited);
        await AssertEntryAsync(invite, AuditAction.StaffInvited, AuditSubject.Invitation, _city.Admin.Email);
        Assert.Equal(email, invite.SubjectLabel);
        Assert.Equal($"Adresse électronique : {email}\nRôle : Agent", invite.After);
        Assert.Empty(alreadyMember);
        var resend = Assert.Single(resent);
        await AssertEntryAsync(resend, AuditAction.InvitationResent, AuditSubject.Invitation, _city.Admin.Email);
        Assert.Equal(invitation, resend.SubjectId);
        var cancel = Assert.Single(cancelled);
        await AssertEntryAsync(cancel, AuditAction.InvitationCancelled, AuditSubject.Invitation, _city.Admin.Email);
        Assert.Equal(renewed, cancel.SubjectId);
        Assert.Empty(cancelledTwice);
        var removal = Assert.Single(removed);
        await AssertEntryAsync(removal, AuditAction.StaffRemoved, AuditSubject.Staff, _city.Admin.Email);
        Assert.Equal(memberId, removal.SubjectId);
        Assert.Contains(member, removal.SubjectLabel, StringComparison.Ordinal);
        Assert.Equal("Rôle : Agent", removal.Before);
        Assert.Empty(lastAdmin);
        Assert.Empty(byAgent);
    }

    [Fact]
    public async Task Moderation_HideRestoreApprove_EachWriteOneEntry_NoneWhenRefused()
    {
        var project = await app.Given.Project(_city, _neighbour, new ProjectSpec { Title = "Un lavoir rénové" });
        var reported = await app.Given.Comment(project, _neighbour, "Un commentaire qui dérange tout le monde");
        await app.Given.Report(reported, _citizen, "Hors sujet");
        var pending = await app.Given.Comment(project, _citizen, "Un commentaire en attente", ModerationMode.PreModeration);
        using var agent = await app.SignedInAsync(_city.Agent.Email);
        var url = $"/{City}/admin/moderation";

        var noReason = await app.NewEntriesAsync(async () =>
        {
            var queue = await agent.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync(url + "?handler=Hide", queue, await FieldsAsync(reported, " "))).Status);
        });
        var hidden = await app.NewEntriesAsync(async () =>
        {
            var queue = await agent.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, (await agent.PostAsync(url + "?handler=Hide", queue, await FieldsAsync(reported, "Propos injurieux"))).Status);
        });
        var staleVersion = await app.NewEntriesAsync(async () =>
        {
            var queue = await agent.GetAsync(url);
            var fields = await FieldsAsync(reported, "Finalement acceptable");
            fields["commentVersion"] = "0";
            Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync(url + "?handler=Restore", queue, fields)).Status);
        });
        var restored = await app.NewEntriesAsync(async () =>
        {
            var queue = await agent.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, (await agent.PostAsync(url + "?handler=Restore", queue, await FieldsAsync(reported, "Finalement acceptable"))).Status);
        });
        var approved = await app.NewEntriesAsync(async () =>
        {
            var queue = await agent.GetAsync(url);
            var fields = await FieldsAsync(pending, null);
            Assert.Equal(HttpStatusCode.Redirect, (await agent.PostAsync(url + "?handler=Approve", queue, fields)).Status);
        });

        Assert.Empty(noReason);
        var hide = Assert.Single(hidden);
        await AssertEntryAsync(hide, AuditAction.CommentHidden, AuditSubject.Comment, _city.Agent.Email);
        Assert.Equal(reported, hide.SubjectId);
        Assert.Equal("Un lavoir rénové — « Un commentaire qui dérange tout le monde »", hide.SubjectLabel);
        Assert.Equal("Propos injurieux", hide.Details);
        Assert.Equal("État : visible\nSignalements en attente : 1", hide.Before);
        Assert.Equal("État : masqué par l'équipe\nSignalements en attente : 0", hide.After);
        Assert.Empty(staleVersion);
        var restore = Assert.Single(restored);
        await AssertEntryAsync(restore, AuditAction.CommentRestored, AuditSubject.Comment, _city.Agent.Email);
        Assert.Contains("État : visible", restore.After, StringComparison.Ordinal);
        var approve = Assert.Single(approved);
        await AssertEntryAsync(approve, AuditAction.CommentApproved, AuditSubject.Comment, _city.Agent.Email);
        Assert.Equal("État : en attente d'approbation\nSignalements en attente : 0", approve.Before);
    }

    [Fact]
    public async Task Operator_CityCreation_IsInTheNewCitysJournal_AndItsInvitationsToo()
    {
        var operatorUser = await app.Given.Operator();
        using var operatorBrowser = await app.SignedInAsync(operatorUser.Email);
        var adminEmail = AccountsTestKit.NewEmail("premier-admin");

        var created = await app.NewEntriesAsync(async () =>
        {
            var form = await operatorBrowser.GetAsync("/operateur/villes/nouvelle");
            var sent = await operatorBrowser.SubmitAsync(form, "form#nouvelle-ville", new Dictionary<string, string>
            {
                ["Input.Name"] = "Les Lilas",
                ["Input.Slug"] = "les-lilas",
                ["Input.InseeCode"] = "93045",
                ["Input.Population"] = "23000",
                ["Input.AdminEmail"] = adminEmail,
            });
            Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        });
        var refused = await app.NewEntriesAsync(async () =>
        {
            var form = await operatorBrowser.GetAsync("/operateur/villes/nouvelle");
            var sent = await operatorBrowser.SubmitAsync(form, "form#nouvelle-ville", new Dictionary<string, string>
            {
                ["Input.Name"] = "Les Lilas bis",
                ["Input.Slug"] = "les-lilas",
                ["Input.InseeCode"] = "93046",
                ["Input.Population"] = "1",
                ["Input.AdminEmail"] = AccountsTestKit.NewEmail("autre"),
            });
            Assert.Equal(HttpStatusCode.OK, sent.Status);
        });
        var city = await app.CityIdAsync("les-lilas");
        var invitation = await app.WithDbAsync(db => db.StaffInvitations.Where(i => i.Email == adminEmail).Select(i => i.Id).SingleAsync());
        var resent = await app.NewEntriesAsync(async () =>
        {
            var page = await operatorBrowser.GetAsync($"/operateur/villes/{city}");
            Assert.Equal(HttpStatusCode.Redirect, (await operatorBrowser.SubmitAsync(page, "form[action*='handler=Resend']")).Status);
        });
        var cancelled = await app.NewEntriesAsync(async () =>
        {
            var page = await operatorBrowser.GetAsync($"/operateur/villes/{city}");
            Assert.Equal(HttpStatusCode.Redirect, (await operatorBrowser.SubmitAsync(page, "form[action*='handler=Cancel']")).Status);
        });

        var creation = Assert.Single(created);
        Assert.Equal(AuditAction.CityCreated, creation.Action);
        Assert.Equal(city, creation.MunicipalityId);
        Assert.Equal(operatorUser.Id, creation.ActorUserId);
        Assert.Contains("Code INSEE : 93045", creation.After, StringComparison.Ordinal);
        Assert.Contains($"Premier administrateur invité : {adminEmail}", creation.After, StringComparison.Ordinal);
        Assert.Empty(refused);
        var resend = Assert.Single(resent);
        Assert.Equal((AuditAction.InvitationResent, city, invitation), (resend.Action, resend.MunicipalityId, resend.SubjectId));
        var cancel = Assert.Single(cancelled);
        Assert.Equal((AuditAction.InvitationCancelled, city), (cancel.Action, cancel.MunicipalityId));
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<Dictionary<string, string>> FieldsAsync(long commentId, string? reason)
    {
        var comment = await app.CommentStateAsync(commentId);
        var fields = new Dictionary<string, string> { ["commentId"] = Id(commentId), ["commentVersion"] = Id(comment.Version) };
        if (reason is not null)
        {
            fields["reason"] = reason;
        }

        return fields;
    }

    private async Task AssertEntryAsync(AuditEntry entry, AuditAction action, AuditSubject subject, string actorEmail)
    {
        Assert.Equal(action, entry.Action);
        Assert.Equal(subject, entry.SubjectType);
        Assert.Equal(await app.CityIdAsync(City), entry.MunicipalityId);
        Assert.Equal(await app.UserIdAsync(actorEmail), entry.ActorUserId);
        Assert.Contains(actorEmail, entry.ActorName, StringComparison.Ordinal);
        Assert.True((DateTime.UtcNow - entry.AtUtc).Duration() < TimeSpan.FromMinutes(5), $"Entry dated {entry.AtUtc:O}.");
    }
}
