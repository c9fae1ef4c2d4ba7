using System.Net;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.CityAdmin;

/// <summary>The city's team: invitations by e-mail, their acceptance by the right account only, and removals.</summary>
public sealed class TeamTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AnAdmin_InvitesAnAgent_WhoAcceptsAndGetsTheAgentsRights()
    {
        var (city, other) = await app.Given.TwoCities();
        var email = $"agent-{Guid.NewGuid():N}@exemple.fr";
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var team = await admin.GetAsync($"{city.AdminPath}/equipe");

        var invited = await admin.SubmitAsync(team, "form#inviter", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Role"] = nameof(StaffRole.Agent) });

        Assert.Equal(HttpStatusCode.Redirect, invited.Status);
        team = await admin.FollowAsync(invited);
        Assert.Contains($"Une invitation a été envoyée à {email}.", team.MainText, StringComparison.Ordinal);
        Assert.Contains(email, team.Document.QuerySelector("#titre-invitations")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var mail = Assert.Single(app.Mail.List(), m => m.To == email);
        Assert.Contains(city.Name, mail.Subject, StringComparison.Ordinal);
        Assert.Contains("« Agent »", mail.TextBody, StringComparison.Ordinal);

        await app.Given.Citizen(email: email);
        using var invitee = await app.SignedInAsync(email);
        var link = app.InvitationLinkTo(email);
        var invitation = await invitee.GetAsync(link);
        Assert.Contains($"Invitation à rejoindre l'équipe de {city.Name}", invitation.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        invitation.AssertAccessibleStructure();
        var accepted = await invitee.SubmitAsync(invitation, "form#accepter");

        Assert.Equal(city.AdminPath, accepted.Location);
        Assert.Equal(StaffRole.Agent, await RoleInAsync(city, email));
        var enrolment = await invitee.FollowAsync(accepted);
        Assert.StartsWith("/compte/double-authentification/activer", enrolment.Url, StringComparison.Ordinal);
        Assert.Equal(city.AdminPath, (await invitee.EnrolAndContinueAsync(enrolment, email)).Url);
        Assert.Equal(HttpStatusCode.OK, (await invitee.GetAsync(city.AdminPath)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await invitee.GetAsync($"{city.AdminPath}/presentation")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await invitee.GetAsync(other.AdminPath)).Status);
    }

    [Fact]
    public async Task AnInvitation_OpenedByAnotherAccount_IsRefused()
    {
        var city = await app.Given.City();
        var someoneElse = await app.Given.Citizen();
        var email = $"invitee-{Guid.NewGuid():N}@exemple.fr";
        (await InviteAsync(city, email, StaffRole.Admin)).Dispose();
        var link = app.InvitationLinkTo(email);
        using var citizen = await app.SignedInAsync(someoneElse.Email);

        var page = await citizen.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("form#accepter"));
        Assert.Contains($"mais cette invitation est destinée à {email}", page.MainText, StringComparison.Ordinal);

        var forced = await citizen.PostAsync(link, page, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, forced.Status);
        Assert.Contains($"Cette invitation a été envoyée à {email}", forced.ErrorSummary(), StringComparison.Ordinal);
        Assert.Null(await RoleInAsync(city, someoneElse.Email));
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync(city.AdminPath)).Status);
    }

    [Fact]
    public async Task AnInvitation_OpenedAnonymously_OffersToLogInOrRegister_AndCannotBeAccepted()
    {
        var city = await app.Given.City();
        var email = $"anonyme-{Guid.NewGuid():N}@exemple.fr";
        (await InviteAsync(city, email, StaffRole.Agent)).Dispose();
        var link = app.InvitationLinkTo(email);
        using var anonymous = app.HttpsBrowser();

        var page = await anonymous.GetAsync(link);
        var forced = await anonymous.PostAsync(link, await anonymous.GetAsync("/"), new Dictionary<string, string>());

        Assert.NotNull(page.Document.QuerySelector($"main a[href='/compte/connexion?returnUrl={Uri.EscapeDataString(link)}']"));
        Assert.NotNull(page.Document.QuerySelector("main a[href^='/compte/inscription?returnUrl=']"));
        Assert.Equal(HttpStatusCode.Redirect, forced.Status);
        Assert.Contains("/compte/connexion", forced.Location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/invitations/n-existe-pas")]
    [InlineData("/invitations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task AnUnknownInvitationLink_IsAFrench404(string url)
    {
        using var anonymous = app.HttpsBrowser();

        var page = await anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Invitation introuvable", page.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACancelledInvitation_NoLongerWorks()
    {
        var city = await app.Given.City();
        var email = $"annulee-{Guid.NewGuid():N}@exemple.fr";
        using var admin = await InviteAsync(city, email, StaffRole.Agent);
        var link = app.InvitationLinkTo(email);
        var id = await app.WithDbAsync(db => db.StaffInvitations.Where(i => i.Email == email).Select(i => i.Id).SingleAsync());
        var team = await admin.GetAsync($"{city.AdminPath}/equipe");

        var cancelled = await admin.PostAsync($"{city.AdminPath}/equipe?handler=Cancel", team, new Dictionary<string, string> { ["invitationId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, cancelled.Status);
        Assert.Contains($"L'invitation de {email} est annulée.", (await admin.FollowAsync(cancelled)).MainText, StringComparison.Ordinal);
        await app.Given.Citizen(email: email);
        using var invitee = await app.SignedInAsync(email);
        var page = await invitee.GetAsync(link);
        Assert.Contains("annulée par la ville", page.MainText, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("form#accepter"));
    }

    [Fact]
    public async Task Inviting_ABadAddress_AMember_OrTwice_IsRefusedWithAReason()
    {
        var city = await app.Given.City();
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var team = await admin.GetAsync($"{city.AdminPath}/equipe");
        var email = $"deux-fois-{Guid.NewGuid():N}@exemple.fr";

        var malformed = await admin.SubmitAsync(team, "form#inviter", new Dictionary<string, string> { ["Input.Email"] = "pas une adresse" });
        var member = await admin.SubmitAsync(team, "form#inviter", new Dictionary<string, string> { ["Input.Email"] = city.Agent.Email.ToUpperInvariant() });
        var badRole = await admin.SubmitAsync(team, "form#inviter", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Role"] = "Maire" });
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(team, "form#inviter", new Dictionary<string, string> { ["Input.Email"] = email })).Status);
        var twice = await admin.SubmitAsync(team, "form#inviter", new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Contains("adresse électronique valide", malformed.FieldError("Input_Email-error"), StringComparison.Ordinal);
        Assert.Contains("fait déjà partie de l'équipe", member.FieldError("Input_Email-error"), StringComparison.Ordinal);
        Assert.NotEmpty(badRole.FieldError("Input_Role-error"));
        Assert.Equal(HttpStatusCode.OK, twice.Status);
        Assert.Contains($"Une invitation est déjà en attente pour {email}", twice.ErrorSummary(), StringComparison.Ordinal);
        Assert.Single(app.Mail.List(), m => m.To == email);
    }

    [Fact]
    public async Task RemovingTheLastAdmin_IsRefused()
    {
        var city = await app.Given.City();
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var team = await admin.GetAsync($"{city.AdminPath}/equipe");
        var adminId = await UserIdAsync(city.Admin.Email);

        var refused = await admin.PostAsync($"{city.AdminPath}/equipe?handler=Remove", team, new Dictionary<string, string> { ["userId"] = adminId });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("La ville doit garder au moins un administrateur.", refused.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal(StaffRole.Admin, await RoleInAsync(city, city.Admin.Email));
        Assert.Contains(city.Admin.Email, refused.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovingAnAgent_TakesAwayTheirAccess()
    {
        var city = await app.Given.City();
        var agentEmail = (await app.Given.Staff(city, StaffRole.Agent)).Email;
        using var agent = await app.SignedInAsync(agentEmail);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync(city.AdminPath)).Status);
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var team = await admin.GetAsync($"{city.AdminPath}/equipe");

        var removed = await admin.PostAsync($"{city.AdminPath}/equipe?handler=Remove", team, new Dictionary<string, string> { ["userId"] = await UserIdAsync(agentEmail) });

        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Null(await RoleInAsync(city, agentEmail));
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync(city.AdminPath)).Status);
    }

    [Fact]
    public async Task AnAdminOfAnotherCity_CannotRemoveOrCancelHere_EvenWithRealIds()
    {
        var (city, other) = await app.Given.TwoCities();
        var before = await app.SnapshotAsync(city.Slug);
        using var intruder = await app.SignedInAsync(other.Admin.Email);
        var ownTeam = await intruder.GetAsync($"{other.AdminPath}/equipe");
        var cityAgent = await UserIdAsync(city.Agent.Email);

        // Through their own city's page, the other city's member is simply not there.
        var throughOwnPage = await intruder.PostAsync($"{other.AdminPath}/equipe?handler=Remove", ownTeam, new Dictionary<string, string> { ["userId"] = cityAgent });

        Assert.Equal(HttpStatusCode.OK, throughOwnPage.Status);
        Assert.Contains("ne fait pas partie de l'équipe", throughOwnPage.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal(before, await app.SnapshotAsync(city.Slug));
    }

    private async Task<TestBrowser> InviteAsync(TestCity city, string email, StaffRole role)
    {
        var admin = await app.SignedInAsync(city.Admin.Email);
        var team = await admin.GetAsync($"{city.AdminPath}/equipe");
        var invited = await admin.SubmitAsync(team, "form#inviter", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Role"] = role.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, invited.Status);
        return admin;
    }

    private Task<string> UserIdAsync(string email) =>
        app.WithDbAsync(async db => (await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private Task<StaffRole?> RoleInAsync(TestCity city, string email) =>
        app.WithDbAsync(db => db.Memberships
            .Where(m => m.MunicipalityId == city.Id && db.Users.Any(u => u.Id == m.UserId && u.Email == email))
            .Select(m => (StaffRole?)m.Role)
            .SingleOrDefaultAsync());
}
