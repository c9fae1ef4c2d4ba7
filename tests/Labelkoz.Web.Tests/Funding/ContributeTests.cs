using System.Net;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// Contributing over HTTP, the way a person does it: the form, the sandbox's page, back to the
/// contribution's status, confirmed once the processor's event is applied, and listed in "Mes
/// contributions". Every bad input is refused with a message or a 4xx, and leaves no row behind.
/// </summary>
public sealed class ContributeTests(FundingApp app) : IClassFixture<FundingApp>
{
    internal const string Accepted = "4242 4242 4242 4242";
    internal const string Declined = "4000 0000 0000 0002";

    [Fact]
    public async Task TheFullPath_FormSandboxStatus_ConfirmsAfterTheEvent_AndListsItInMesContributions()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (parcours complet)");
        var (campaignId, tierId, _) = live;
        var donor = await app.Given.Citizen();
        using var browser = await app.SignedInAsync(donor.Email);

        var form = await browser.GetAsync(live.ContributePath);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        form.AssertAccessibleStructure();
        Assert.Equal(donor.DisplayName, form.Document.QuerySelector("#Input_PublicName")?.GetAttribute("value"));
        Assert.Null(form.Document.QuerySelector("#Input_DonorAddress"));
        Assert.Contains("Sans contrepartie", form.MainText, StringComparison.Ordinal);

        var posted = await browser.SubmitAsync(form, "form#contribution", new Dictionary<string, string> { ["Input.Amount"] = "25", ["Input.TierId"] = tierId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Message"] = "Bravo !" });
        Assert.Equal(HttpStatusCode.SeeOther, posted.Status);
        Assert.StartsWith("/paiement-test/pi_sbx_", posted.Location, StringComparison.Ordinal);

        var sandbox = await browser.GetAsync(posted.Location!);
        Assert.Equal(HttpStatusCode.OK, sandbox.Status);
        Assert.Contains("25,00 €", sandbox.MainText, StringComparison.Ordinal);
        var paid = await browser.SubmitAsync(sandbox, "form#paiement-carte", new Dictionary<string, string> { ["Input.CardNumber"] = Accepted });
        Assert.Equal(HttpStatusCode.SeeOther, paid.Status);
        var contribution = await app.WithDbAsync(db => db.Contributions.AsNoTracking().SingleAsync(c => c.CampaignId == campaignId));
        Assert.Equal(live.StatusPath(contribution.Id), paid.Location);
        Assert.Equal(tierId, contribution.TierId);
        Assert.Equal("Bravo !", contribution.Message);

        var pending = await browser.GetAsync(paid.Location!);
        Assert.Equal(HttpStatusCode.OK, pending.Status);
        Assert.Contains("Paiement en cours de confirmation", pending.MainText, StringComparison.Ordinal);
        Assert.Null(pending.Document.QuerySelector("meta[http-equiv=refresh]"));
        pending.AssertAccessibleStructure();

        await app.RunJobsAsync();

        var confirmed = await browser.GetAsync(paid.Location!);
        Assert.Contains("Merci ! Votre contribution de 25,00 € est confirmée.", confirmed.MainText, StringComparison.Ordinal);
        Assert.Contains("Un t-shirt", confirmed.MainText, StringComparison.Ordinal);
        Assert.Null(confirmed.Document.QuerySelector("meta[http-equiv=refresh]"));
        Assert.Equal(25_00, (await app.WithDbAsync(db => FundingTotals.ForAsync(db, campaignId, CancellationToken.None))).ContributedCents);

        var mine = await browser.GetAsync("/compte/mes-contributions");
        Assert.Equal(HttpStatusCode.OK, mine.Status);
        mine.AssertAccessibleStructure();
        var row = mine.Document.GetElementById($"contribution-{contribution.Id}");
        Assert.NotNull(row);
        Assert.Contains("Un parc (parcours complet)", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Confirmée", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector($"a[href='{live.StatusPath(contribution.Id)}']"));
    }

    [Fact]
    public async Task ADeclinedCard_ShowsRefused_WithALinkToTryAgain_AndGivesTheUnitBack()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (carte refusée, HTTP)", tierQuantity: 1);
        var (_, tierId, _) = live;
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);

        var status = await ContributeAndPayAsync(browser, live, "30", tierId, Declined);
        Assert.Equal(1, await TakenAsync(tierId));
        await app.RunJobsAsync();

        var page = await browser.GetAsync(status);
        Assert.Contains("Paiement refusé : Carte refusée par la banque.", page.MainText, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector($"a[href='{live.ContributePath}']"));
        Assert.Equal(0, await TakenAsync(tierId));

        // The unit is back: the form offers the tier again.
        var form = await browser.GetAsync(live.ContributePath);
        Assert.Null(form.Document.QuerySelector($"#tier-{tierId}")?.GetAttribute("disabled"));
    }

    [Fact]
    public async Task ASoldOutTier_IsDisabledAndMarked_AndAPostForItIsRefused()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (épuisé)", tierQuantity: 1);
        var (campaignId, tierId, _) = live;
        using var hugo = await app.SignedInAsync((await app.Given.Citizen()).Email);
        await ContributeAndPayAsync(hugo, live, "25", tierId, Accepted);

        using var lea = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var form = await lea.GetAsync(live.ContributePath);
        Assert.NotNull(form.Document.QuerySelector($"#tier-{tierId}")?.GetAttribute("disabled"));
        Assert.Contains("Épuisée", form.MainText, StringComparison.Ordinal);

        var refused = await lea.SubmitAsync(form, "form#contribution", new Dictionary<string, string> { ["Input.Amount"] = "25", ["Input.TierId"] = Id(tierId) });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("épuisée", refused.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Contributions.CountAsync(c => c.CampaignId == campaignId)));
    }

    [Fact]
    public async Task TheSameFormPostedTwice_MakesOneContribution_AndOnePayment()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (double clic)");
        var (campaignId, _, _) = live;
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var form = await browser.GetAsync(live.ContributePath);
        var fields = new Dictionary<string, string> { ["Input.Amount"] = "40" };

        var first = await browser.SubmitAsync(form, "form#contribution", fields);
        var second = await browser.SubmitAsync(form, "form#contribution", fields);

        Assert.Equal(HttpStatusCode.SeeOther, first.Status);
        Assert.Equal(first.Location, second.Location);
        var contribution = await app.WithDbAsync(db => db.Contributions.AsNoTracking().SingleAsync(c => c.CampaignId == campaignId));
        Assert.Equal(1, await app.WithDbAsync(db => db.SandboxPayments.CountAsync(p => p.IdempotencyKey == $"contribution-{contribution.Id}")));

        // A new visit of the form is a new contribution.
        var again = await browser.GetAsync(live.ContributePath);
        Assert.NotEqual(form.Document.QuerySelector("input[name='Input.IdempotencyKey']")?.GetAttribute("value"), again.Document.QuerySelector("input[name='Input.IdempotencyKey']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task OneAccount_HoldsAtMostOneUnpaidUnitOfALimitedReward_SoItCannotLookSoldOutToEveryone()
    {
        // Issue #16: one account started three contributions on a 3-unit tier without paying them.
        var live = await app.CreateLiveCampaignAsync("Un parc (réservations)", tierQuantity: 3);
        var tier = live.TierId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var hoarder = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var first = await hoarder.SubmitAsync(await hoarder.GetAsync(live.ContributePath), "form#contribution", new Dictionary<string, string> { ["Input.Amount"] = "25", ["Input.TierId"] = tier });
        Assert.Equal(HttpStatusCode.SeeOther, first.Status);

        var second = await hoarder.SubmitAsync(await hoarder.GetAsync(live.ContributePath), "form#contribution", new Dictionary<string, string> { ["Input.Amount"] = "25", ["Input.TierId"] = tier });
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains("Vous avez déjà une contribution en attente de paiement pour cette contrepartie", second.MainText, StringComparison.Ordinal);

        // Without the reward, or by someone else, it goes on; two units are still there for others.
        var withoutReward = await hoarder.SubmitAsync(await hoarder.GetAsync(live.ContributePath), "form#contribution", new Dictionary<string, string> { ["Input.Amount"] = "25" });
        Assert.Equal(HttpStatusCode.SeeOther, withoutReward.Status);
        using var other = await app.SignedInAsync((await app.Given.Citizen()).Email);
        Assert.Equal(HttpStatusCode.SeeOther, (await other.SubmitAsync(await other.GetAsync(live.ContributePath), "form#contribution", new Dictionary<string, string> { ["Input.Amount"] = "25", ["Input.TierId"] = tier })).Status);
        Assert.Equal(2, await app.WithDbAsync(db => db.RewardTiers.Where(t => t.Id == live.TierId).Select(t => t.Taken).SingleAsync()));
    }

    [Fact]
    public async Task TheSameFormReplayedWithAnotherAmount_Is409WithAMessage_NeverTheFirstContribution()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (clé rejouée)");
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var form = await browser.GetAsync(live.ContributePath);
        var first = await browser.SubmitAsync(form, "form#contribution", new Dictionary<string, string> { ["Input.Amount"] = "40" });
        Assert.Equal(HttpStatusCode.SeeOther, first.Status);

        // Issue #16: the same key with 400 € used to answer with the 40 € contribution, silently.
        var replayed = await browser.SubmitAsync(form, "form#contribution", new Dictionary<string, string> { ["Input.Amount"] = "400" });

        Assert.Equal(HttpStatusCode.Conflict, replayed.Status);
        Assert.Contains("Ce formulaire a déjà servi pour une contribution d'un autre montant", replayed.MainText, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Contributions.CountAsync(c => c.CampaignId == live.Id)));
    }

    [Fact]
    public async Task EveryBadInput_IsRefusedWithAMessage_AndLeavesNoContribution()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (mauvaises saisies)");
        var (campaignId, tierId, projectId) = live;
        var (_, otherTierId, _) = await app.CreateLiveCampaignAsync("Un autre parc (sa contrepartie)", city: live.City);
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var form = await browser.GetAsync(live.ContributePath);

        var cases = new (string Amount, string? Tier, string Expected)[]
        {
            (string.Empty, null, "Indiquez le montant de votre contribution."),
            ("0", null, "Le montant doit être supérieur à zéro."),
            ("-5", null, "Le montant ne peut pas être négatif."),
            ("douze", null, "Saisissez un montant en euros"),
            ("12,345", null, "au plus deux chiffres après la virgule"),
            ("99999999999999999", null, "bien trop élevé"),
            ("1000000", null, "Une contribution ne peut pas dépasser"),
            ("2", null, "La contribution minimale est de"),
            ("10", Id(tierId), "demande au moins"),
            ("25", "999999999", "Cette contrepartie n'existe pas dans cette campagne."),
            ("25", Id(otherTierId), "Cette contrepartie n'existe pas dans cette campagne."),
            ("25", "abc", "valeur"),
        };
        foreach (var (amount, tier, expected) in cases)
        {
            var fields = new Dictionary<string, string> { ["Input.Amount"] = amount };
            if (tier is not null)
            {
                fields["Input.TierId"] = tier;
            }

            var page = await browser.SubmitAsync(form, "form#contribution", fields);
            Assert.True(page.Status == HttpStatusCode.OK, $"{amount}/{tier}: {(int)page.Status}");
            Assert.Contains(expected, page.MainText, StringComparison.Ordinal);
            page.AssertAccessibleStructure();
        }

        // Without the form's key: 400.
        var keyless = await browser.PostAsync(live.ContributePath, form, new Dictionary<string, string> { ["Input.Amount"] = "25" });
        Assert.Equal(HttpStatusCode.BadRequest, keyless.Status);

        Assert.Equal(0, await app.WithDbAsync(db => db.Contributions.CountAsync(c => c.CampaignId == campaignId)));
        Assert.Equal(0, await TakenAsync(tierId));
        var returnPrefix = $"/{live.City.Slug}/projets/{projectId}/";
        Assert.Equal(0, await app.WithDbAsync(db => db.SandboxPayments.CountAsync(p => p.ReturnUrl.StartsWith(returnPrefix))));
    }

    [Fact]
    public async Task APausedOrEndedCampaign_RefusesWithItsReason_ADraftOrMissingOneIs404()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (suspendu puis fini)");
        var campaignId = live.Id;
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var form = await browser.GetAsync(live.ContributePath);
        var now = app.Clock.GetUtcNow().UtcDateTime;

        await app.WithDbAsync(async db =>
        {
            var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == live.City.Id);
            var campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId);
            campaign.Pause(city, live.City.Admin.Id, "Vérification du porteur en cours.", now);
            return await db.SaveChangesAsync();
        });
        var paused = await browser.SubmitAsync(form, "form#contribution", new Dictionary<string, string> { ["Input.Amount"] = "25" });
        Assert.Equal(HttpStatusCode.OK, paused.Status);
        Assert.Contains("suspendue par la ville", paused.ErrorSummary(), StringComparison.Ordinal);
        var pausedPage = await browser.GetAsync(live.ContributePath);
        Assert.Null(pausedPage.Document.QuerySelector("form#contribution"));
        Assert.Contains("Vérification du porteur en cours.", pausedPage.MainText, StringComparison.Ordinal);

        await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Status, CampaignStatus.Live).SetProperty(c => c.EndsAtUtc, now.AddMinutes(-1))));
        var ended = await browser.SubmitAsync(form, "form#contribution", new Dictionary<string, string> { ["Input.Amount"] = "25" });
        Assert.Equal(HttpStatusCode.OK, ended.Status);
        Assert.Contains("Cette campagne est terminée", ended.ErrorSummary(), StringComparison.Ordinal);

        await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Status, CampaignStatus.Draft).SetProperty(c => c.EndsAtUtc, now.AddDays(10))));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(live.ContributePath)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.SubmitAsync(form, "form#contribution", new Dictionary<string, string> { ["Input.Amount"] = "25" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/{live.City.Slug}/projets/987654321/contribuer")).Status);

        Assert.Equal(0, await app.WithDbAsync(db => db.Contributions.CountAsync(c => c.CampaignId == campaignId)));
    }

    [Fact]
    public async Task AGiftGivingAReceipt_AsksTheDonorsNameAndAddress_PrefilledFromTheProfile()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc associatif (reçu fiscal)");
        var campaignId = live.Id;
        var lea = await app.Given.Citizen();
        using (var before = await app.SignedInAsync(lea.Email))
        {
            var plain = await before.GetAsync(live.ContributePath);
            Assert.Null(plain.Document.QuerySelector("#Input_DonorFullName"));
        }

        await app.OpenReceiptsAsync(live, "W931000501");
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == lea.Id).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.AddressLine1, "12 rue de Paris").SetProperty(u => u.PostalCode, "93100").SetProperty(u => u.City, "Montreuil")));
        using var browser = await app.SignedInAsync(lea.Email);

        var form = await browser.GetAsync(live.ContributePath);
        form.AssertAccessibleStructure();
        Assert.Contains("12 rue de Paris", form.Document.QuerySelector("#Input_DonorAddress")?.TextContent, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(form.Document.QuerySelector("#Input_DonorFullName")?.GetAttribute("value")));

        var refused = await browser.SubmitAsync(form, "form#contribution", new Dictionary<string, string> { ["Input.Amount"] = "50", ["Input.DonorAddress"] = " " });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Adresse postale", refused.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Contributions.CountAsync(c => c.CampaignId == campaignId)));

        var accepted = await browser.SubmitAsync(form, "form#contribution", new Dictionary<string, string> { ["Input.Amount"] = "50", ["Input.DonorFullName"] = "Léa Martin" });
        Assert.Equal(HttpStatusCode.SeeOther, accepted.Status);
        var contribution = await app.WithDbAsync(db => db.Contributions.AsNoTracking().SingleAsync(c => c.CampaignId == campaignId));
        Assert.Equal("Léa Martin", contribution.DonorFullName);
        Assert.Contains("93100 Montreuil", contribution.DonorAddress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStatusPage_IsItsContributorsOnly_AndTheFormAsksToSignIn()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (page privée)");
        var projectId = live.ProjectId;
        using var hugo = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var status = await ContributeAndPayAsync(hugo, live, "25", null, Accepted);
        Assert.Equal(HttpStatusCode.OK, (await hugo.GetAsync(status)).Status);

        using var lea = await app.SignedInAsync((await app.Given.Citizen()).Email);
        Assert.Equal(HttpStatusCode.NotFound, (await lea.GetAsync(status)).Status);

        // The right contribution under another project's address is not found either.
        var contributionId = status[(status.LastIndexOf('/') + 1)..];
        var other = await app.Given.City();
        Assert.Equal(HttpStatusCode.NotFound, (await hugo.GetAsync($"/{live.City.Slug}/projets/{projectId + 1000}/contributions/{contributionId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await hugo.GetAsync($"/{other.Slug}/projets/{projectId}/contributions/{contributionId}")).Status);

        using var visitor = app.HttpsBrowser();
        var anonymous = await visitor.GetAsync(live.ContributePath);
        Assert.True(anonymous.IsRedirect);
        Assert.Contains("/compte/connexion", anonymous.Location, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(live.ContributePath), anonymous.Location, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnUnpaidContribution_OffersToResumeThePayment_AndAPaidOneOffersToRefresh_NeverReloadingByItself()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (paiement abandonné)");
        using var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
        var form = await browser.GetAsync(live.ContributePath);
        var posted = await browser.SubmitAsync(form, "form#contribution", new Dictionary<string, string> { ["Input.Amount"] = "15" });
        var sandboxPath = posted.Location!;
        var sandbox = await browser.GetAsync(sandboxPath);
        var status = sandbox.Document.GetElementById("retour-site")!.GetAttribute("href")!;

        var unpaid = await browser.GetAsync(status);
        Assert.Contains("Paiement en cours de confirmation", unpaid.MainText, StringComparison.Ordinal);
        Assert.NotNull(unpaid.Document.QuerySelector($"a[href='{sandboxPath}']"));
        Assert.Null(unpaid.Document.QuerySelector("meta[http-equiv=refresh]"));

        await browser.SubmitAsync(sandbox, "form#paiement-carte", new Dictionary<string, string> { ["Input.CardNumber"] = Accepted });
        // WCAG 2.2.1 (and axe): no timed reload; an "Actualiser" link instead.
        var paid = await browser.GetAsync(status);
        Assert.Null(paid.Document.QuerySelector("meta[http-equiv=refresh]"));
        Assert.Null(paid.Document.QuerySelector($"a[href='{sandboxPath}']"));
        Assert.NotNull(paid.Document.QuerySelector($"a[href='{status}']"));
    }

    [Fact]
    public async Task MesContributions_SendsAFixedNumberOfSqlCommands_WithOneOrTwentyFiveContributions()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (requêtes comptées)");
        var campaignId = live.Id;
        var donor = await app.Given.Citizen();
        var userId = donor.Id;
        using var browser = await app.SignedInAsync(donor.Email);

        await StartAsync(campaignId, userId, 0);
        var one = await CountAsync(browser);
        for (var i = 1; i < 25; i++)
        {
            await StartAsync(campaignId, userId, i);
        }

        var many = await CountAsync(browser);
        Assert.True(one == many, $"{one} SQL commands with 1 contribution, {many} with 25.");
        Assert.True(many is > 0 and <= 6, $"{many} SQL commands.");

        var first = await browser.GetAsync("/compte/mes-contributions");
        Assert.Equal(20, first.Document.QuerySelectorAll("#mes-contributions tbody tr").Length);
        var second = await browser.GetAsync("/compte/mes-contributions?page=2");
        Assert.Equal(5, second.Document.QuerySelectorAll("#mes-contributions tbody tr").Length);
        Assert.Contains("Page 2 sur 2", second.MainText, StringComparison.Ordinal);
        Assert.NotNull(first.Document.QuerySelector($"a[href='{live.StatusPath(await app.WithDbAsync(db => db.Contributions.Where(c => c.ContributorUserId == userId).MaxAsync(c => c.Id)))}']"));
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The form, the sandbox's page, a card: returns the status page the sandbox sends back to.</summary>
    private static async Task<string> ContributeAndPayAsync(TestBrowser browser, LiveCampaign live, string amount, long? tierId, string card)
    {
        var form = await browser.GetAsync(live.ContributePath);
        var fields = new Dictionary<string, string> { ["Input.Amount"] = amount };
        if (tierId is { } tier)
        {
            fields["Input.TierId"] = Id(tier);
        }

        var posted = await browser.SubmitAsync(form, "form#contribution", fields);
        Assert.True(posted.Status == HttpStatusCode.SeeOther, posted.ErrorSummary());
        var sandbox = await browser.GetAsync(posted.Location!);
        var paid = await browser.SubmitAsync(sandbox, "form#paiement-carte", new Dictionary<string, string> { ["Input.CardNumber"] = card });
        Assert.Equal(HttpStatusCode.SeeOther, paid.Status);
        return paid.Location!;
    }

    private Task<int> TakenAsync(long tierId) => app.WithDbAsync(db => db.RewardTiers.Where(t => t.Id == tierId).Select(t => t.Taken).SingleAsync());

    private Task<ContributionStarted> StartAsync(long campaignId, long userId, int i) =>
        app.WithServiceAsync<CampaignMoney, ContributionStarted>(m => m.StartAsync(
            campaignId, userId, new ContributionRequest(10_00 + i, null, false, "Donatrice", null, $"count-{i}", null), id => $"/retour/{id}", null, CancellationToken.None));

    private async Task<int> CountAsync(TestBrowser browser)
    {
        await browser.GetAsync("/compte/mes-contributions");
        app.SqlCommands.Reset();
        var page = await browser.GetAsync("/compte/mes-contributions");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return app.SqlCommands.Count;
    }
}
