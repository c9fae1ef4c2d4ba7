using System.Net;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Features.Invitations;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Labelkoz.Web.Tests.CityAdmin;

/// <summary>An invitation left unused past its validity stops working, and a new one can be sent.</summary>
public sealed class InvitationExpiryTests(InvitationExpiryTests.ClockedApp app) : IClassFixture<InvitationExpiryTests.ClockedApp>
{
    [Fact]
    public async Task AnExpiredInvitation_IsExplained_CannotBeAccepted_AndCanBeSentAgain()
    {
        var city = await app.Given.City();
        var email = (await app.Given.Citizen()).Email;
        using (var admin = await app.SignedInAsync(city.Admin.Email))
        {
            var team = await admin.GetAsync($"{city.AdminPath}/equipe");
            Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(team, "form#inviter", new Dictionary<string, string> { ["Input.Email"] = email })).Status);
        }

        var oldLink = app.InvitationLinkTo(email);
        Assert.Contains("https://labelkoz.example" + oldLink, app.Mail.List().First(m => m.To == email).TextBody, StringComparison.Ordinal);
        app.Clock.Advance(InvitationTokens.Validity + TimeSpan.FromMinutes(1));

        using var invitee = await app.SignedInAsync(email);
        var page = await invitee.GetAsync(oldLink);
        Assert.Contains("Cette invitation a expiré", page.MainText, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("form#accepter"));
        var forced = await invitee.PostAsync(oldLink, page, new Dictionary<string, string>());
        Assert.Contains("Cette invitation a expiré : demandez à la ville de vous en envoyer une nouvelle.", forced.ErrorSummary(), StringComparison.Ordinal);

        using var adminLater = await app.SignedInAsync(city.Admin.Email);
        var teamLater = await adminLater.GetAsync($"{city.AdminPath}/equipe");
        Assert.Contains("expirée", teamLater.Document.QuerySelector("#titre-invitations")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var resent = await adminLater.SubmitAsync(teamLater, "form[action*='handler=Resend']");
        Assert.Equal(HttpStatusCode.Redirect, resent.Status);

        var newLink = app.InvitationLinkTo(email);
        Assert.NotEqual(oldLink, newLink);
        var accepted = await invitee.SubmitAsync(await invitee.GetAsync(newLink), "form#accepter");
        Assert.Equal(city.AdminPath, accepted.Location);
        Assert.Equal(
            StaffRole.Agent,
            await app.WithDbAsync(db => db.Memberships.Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == email)).Select(m => m.Role).SingleAsync()));
    }

    /// <summary>The application on a clock the test moves forward, with its public address configured.</summary>
    public sealed class ClockedApp : AppFactory
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Platform:PublicBaseUrl", "https://labelkoz.example/")];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}
