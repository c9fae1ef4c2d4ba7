using System.Net;
using System.Text;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Features.Accounts.SecondFactor;
using Labelkoz.Web.Tests.Funding;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Accounts;

/// <summary>
/// The second factor (issue #16, finding 8; ADR 19): mandatory for staff (set up at their first
/// log-in, before any back office opens), a code at every log-in, recovery codes good once,
/// optional for citizens, and a fresh proof for sensitive actions after ten minutes.
/// </summary>
public sealed class SecondFactorTests(FundingApp app) : IClassFixture<FundingApp>
{
    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    public void TheCodes_AreRfc6238s(long unixSeconds, string expected)
    {
        // RFC 6238 appendix B (SHA-1 vectors, last six digits of the eight given).
        var secret = Encoding.ASCII.GetBytes("12345678901234567890");
        Assert.Equal(expected, ClockAuthenticatorTokenProvider.Code(secret, ClockAuthenticatorTokenProvider.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))));
    }

    [Fact]
    public async Task NewStaff_SetUpTheirApp_AtTheirFirstLogIn_BeforeAnyBackOfficeOpens()
    {
        var city = await app.Given.City();
        var person = await app.Given.Citizen();
        await app.WithDbAsync(async db =>
        {
            var municipality = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == city.Id);
            municipality.GrantRole(person.Id, StaffRole.Agent, app.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        using var browser = app.NewBrowser();
        var login = await browser.GetAsync("/compte/connexion");
        var result = await browser.SubmitAsync(login, "form#connexion", new Dictionary<string, string> { ["Input.Email"] = person.Email, ["Input.Password"] = Infrastructure.Builders.Given.Password });

        Assert.StartsWith(SecondFactorRedirect.EnablePath, result.Location, StringComparison.Ordinal);
        var backOffice = await browser.GetAsync(city.AdminPath);
        Assert.Equal(HttpStatusCode.Redirect, backOffice.Status);
        Assert.StartsWith(SecondFactorRedirect.EnablePath, backOffice.Location, StringComparison.Ordinal);

        var enrolment = await browser.FollowAsync(backOffice);
        enrolment.AssertAccessibleStructure();
        Assert.NotNull(enrolment.Document.QuerySelector("#double-authentification-obligatoire"));
        Assert.NotNull(enrolment.Document.QuerySelector("div.qr-code[role=img] svg"));
        var wrong = await browser.SubmitAsync(enrolment, "form#activer-double-authentification", new Dictionary<string, string> { ["Code"] = "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("Ce code n'est pas le bon", wrong.ErrorSummary(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        var landed = await browser.EnrolAndContinueAsync(wrong, person.Email);
        Assert.Equal(city.AdminPath, landed.Url);
        Assert.Equal(HttpStatusCode.OK, landed.Status);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task Staff_GiveACode_AtEveryLogIn_AndAWrongOneCountsAsAFailedLogIn()
    {
        var city = await app.Given.City();
        using var browser = app.NewBrowser();
        var login = await browser.GetAsync("/compte/connexion");
        var result = await browser.SubmitAsync(login, "form#connexion", new Dictionary<string, string> { ["Input.Email"] = city.Admin.Email, ["Input.Password"] = Infrastructure.Builders.Given.Password });
        Assert.StartsWith(SecondFactorPaths.LogInCode, result.Location, StringComparison.Ordinal);

        // Not signed in yet: the back office is still closed.
        Assert.Contains("/compte/connexion?ReturnUrl=", (await browser.GetAsync(city.AdminPath)).Location, StringComparison.Ordinal);
        var codePage = await browser.GetAsync(result.Location!);
        codePage.AssertAccessibleStructure();
        var wrong = await browser.SubmitAsync(codePage, "form#code-connexion", new Dictionary<string, string> { ["Code"] = "12345" });
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.Where(u => u.Id == city.Admin.Id).Select(u => u.AccessFailedCount).SingleAsync()));

        var right = await browser.SubmitAsync(codePage, "form#code-connexion", new Dictionary<string, string> { ["Code"] = browser.CurrentCode() });
        Assert.Equal($"/{city.Slug}/admin", right.Location);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(city.AdminPath)).Status);
    }

    [Fact]
    public async Task ARecoveryCode_OpensTheAccountOnce()
    {
        var person = await app.Given.Citizen();
        using var owner = await app.SignedInAsync(person.Email);
        var settings = await owner.GetAsync(SecondFactorPaths.Settings);
        settings.AssertAccessibleStructure();
        Assert.Contains("Désactivée", settings.MainText, StringComparison.Ordinal);
        var codes = await owner.FollowAsync(await owner.EnrolAsync(await owner.GetAsync(SecondFactorRedirect.EnablePath)));
        var recovery = codes.Document.QuerySelectorAll("#codes-de-secours code").Select(c => c.TextContent).ToList();
        Assert.Equal(EnableModel.RecoveryCodeCount, recovery.Count);
        Assert.Empty((await owner.GetAsync(SecondFactorPaths.Codes)).Document.QuerySelectorAll("#codes-de-secours code"));

        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var other = app.NewBrowser();
            var login = await other.GetAsync("/compte/connexion");
            var challenged = await other.SubmitAsync(login, "form#connexion", new Dictionary<string, string> { ["Input.Email"] = person.Email, ["Input.Password"] = Infrastructure.Builders.Given.Password });
            var page = await other.GetAsync($"{SecondFactorPaths.LogInRecovery}");
            var result = await other.SubmitAsync(page, "form#code-secours", new Dictionary<string, string> { ["RecoveryCode"] = recovery[0] });
            if (attempt == 0)
            {
                Assert.Equal(HttpStatusCode.Redirect, result.Status);
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, result.Status);
                Assert.Contains("n'est pas valable, ou il a déjà servi", result.ErrorSummary(), StringComparison.Ordinal);
            }

            Assert.StartsWith(SecondFactorPaths.LogInCode, challenged.Location, StringComparison.Ordinal);
        }

        // A citizen may turn it off again; staff may not.
        var off = await owner.SubmitAsync(await owner.GetAsync(SecondFactorPaths.Settings), "form#desactiver-double-authentification");
        Assert.Equal(HttpStatusCode.Redirect, off.Status);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        var city = await app.Given.City();
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var adminSettings = await admin.GetAsync(SecondFactorPaths.Settings);
        Assert.Null(adminSettings.Document.QuerySelector("form#desactiver-double-authentification"));
        var forced = await admin.PostAsync(SecondFactorPaths.Settings + "?handler=Disable", adminSettings, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, forced.Status);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == city.Admin.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task ASensitiveAction_AfterTenMinutes_AsksForTheCodeAgain_ThenIsDone()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (reconfirmation)");
        using var admin = await app.SignedInAsync(live.City.Admin.Email);
        var page = await admin.GetAsync(live.AdminPath);
        app.Clock.Advance(TimeSpan.FromMinutes(11));

        // Sent as is (no confirmation on the way): refused, nothing done.
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.AntiforgeryToken!,
            ["Offline.IdempotencyKey"] = Guid.NewGuid().ToString("N"),
            ["Offline.Amount"] = "40",
            ["Offline.Method"] = "Cheque",
            ["Offline.Reference"] = "CHQ 11",
            ["Offline.DonorFullName"] = "Jeanne Martin",
            ["Offline.DonorAddress"] = "12 rue de Paris",
        };
        using var raw = await admin.Client.PostAsync(live.AdminPath + "?handler=Offline", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, raw.StatusCode);
        Assert.StartsWith(SecondFactorRedirect.ReauthenticatePath, raw.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Contributions.CountAsync(c => c.CampaignId == live.Id)));

        var confirm = await admin.GetAsync(raw.Headers.Location!.OriginalString);
        confirm.AssertAccessibleStructure();
        var wrong = await admin.SubmitAsync(confirm, "form#reconfirmer", new Dictionary<string, string> { ["Proof"] = "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        var confirmed = await admin.SubmitAsync(confirm, "form#reconfirmer", new Dictionary<string, string> { ["Proof"] = admin.CurrentCode() });
        Assert.Equal(live.AdminPath, confirmed.Location);

        // Within the ten minutes, the action goes through.
        var again = await admin.FollowAsync(confirmed);
        var recorded = await admin.SubmitAsync(again, "form#hors-ligne", new Dictionary<string, string>
        {
            ["Offline.Amount"] = "40",
            ["Offline.Method"] = "Cheque",
            ["Offline.Reference"] = "CHQ 11",
            ["Offline.DonorFullName"] = "Jeanne Martin",
            ["Offline.DonorAddress"] = "12 rue de Paris",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        Assert.Equal(live.AdminPath, recorded.Location);
        Assert.Equal(1, await app.WithDbAsync(db => db.Contributions.CountAsync(c => c.CampaignId == live.Id)));
    }
}
