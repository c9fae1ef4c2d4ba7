using System.Globalization;
using System.Net;
using System.Text;
using Labelkoz.Data.Payments;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Funding;
using Labelkoz.Domain.Funding.Ledger;
using Labelkoz.Domain.Notifications;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Features.Payments;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// The city's back office for campaigns over HTTP: figures equal to the ledger, pause and resume by
/// an admin only (audited, public), offline payments recorded once with every bad input refused,
/// and the yearly report whose CSV sums equal the ledger to the cent.
/// </summary>
public sealed class FundingAdminTests(FundingApp app) : IClassFixture<FundingApp>
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo(Cultures.Default);

    [Fact]
    public async Task TheListAndTheDetails_ShowTheLedgersFigures()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (chiffres du back-office)", matchCapCents: 50_00);
        var (campaignId, _, _) = live;
        var city = live.City;
        var donor = await app.DonorAsync();
        await app.ContributeAndPayAsync(campaignId, donor, 30_00, null, "admin-figures-1");
        await app.ContributeAndPayAsync(campaignId, donor, 40_00, null, "admin-figures-2");
        var totals = await app.WithDbAsync(db => FundingTotals.ForAsync(db, campaignId, CancellationToken.None));
        Assert.Equal(new CampaignTotals(70_00, 50_00, 1), totals);

        using var admin = await app.SignedInAsync(city.Admin.Email);
        var list = await admin.GetAsync($"{city.AdminPath}/campagnes");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        list.AssertAccessibleStructure();
        var row = list.Document.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains("Un parc (chiffres du back-office)", StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.StartsWith(live.Holder.DisplayName, cells[0], StringComparison.Ordinal);
        Assert.Equal(["En cours", Euros(1_000_00), Euros(70_00), Euros(50_00), "1"], cells.Skip(1).Take(5));

        // The city's totals are the ledger's sums.
        var raised = await app.WithDbAsync(db => db.LedgerLines
            .Where(l => l.AccountKind == LedgerAccountKind.CampaignEscrow && db.LedgerTransactions.Any(t => t.Id == l.TransactionId && t.MunicipalityId == l.MunicipalityId
                && (t.Kind == LedgerTransactionKind.Contribution || t.Kind == LedgerTransactionKind.Refund)) && l.MunicipalityId == city.Id)
            .SumAsync(l => l.AmountCents));
        Assert.Equal(Euros(raised), Figure(list, "Collecté (contributions moins remboursements)"));

        var details = await admin.GetAsync(live.AdminPath);
        Assert.Equal(HttpStatusCode.OK, details.Status);
        details.AssertAccessibleStructure();
        Assert.Equal(Euros(70_00), Figure(details, "Collecté (contributions moins remboursements)"));
        Assert.Equal(Euros(50_00), Figure(details, "Abondement de la ville"));
        Assert.Equal(Euros(120_00), Figure(details, "En séquestre"));
        Assert.Equal(2, details.Document.QuerySelectorAll("#contributions tbody tr").Length);

        // Filters by status; unknown ids are not found.
        var paused = await admin.GetAsync($"{city.AdminPath}/campagnes?statut=suspendue");
        Assert.DoesNotContain("Un parc (chiffres du back-office)", paused.MainText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{city.AdminPath}/campagnes/987654321")).Status);

        // Another city's staff cannot read it.
        var other = await app.Given.City();
        using var otherAdmin = await app.SignedInAsync(other.Admin.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAdmin.GetAsync(live.AdminPath)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync($"{other.AdminPath}/campagnes/{campaignId}")).Status);
    }

    [Fact]
    public async Task APause_ByAnAgent_IsRefused_ByTheAdmin_IsAuditedPublicAndToldToTheHolder_ThenResumes()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (suspension)");
        var (campaignId, _, projectId) = live;
        var version = await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Version).SingleAsync());
        var url = live.AdminPath;

        using var agent = await app.SignedInAsync(live.City.Agent.Email);
        var agentPage = await agent.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, agentPage.Status);
        Assert.Null(agentPage.Document.QuerySelector("form#suspendre"));
        var refused = await agent.PostAsync(url + "?handler=Pause", agentPage, new Dictionary<string, string> { ["version"] = version.ToString(CultureInfo.InvariantCulture), ["reason"] = "Motif d'agent" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(CampaignStatus.Live, await StatusAsync(campaignId));

        using var admin = await app.SignedInAsync(live.City.Admin.Email);
        var page = await admin.GetAsync(url);
        var empty = await admin.SubmitAsync(page, "form#suspendre", new Dictionary<string, string> { ["reason"] = "  " });
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("Indiquez le motif de la suspension", empty.FieldError("suspendre-motif-erreur"), StringComparison.Ordinal);
        empty.AssertAccessibleStructure();
        Assert.Equal(CampaignStatus.Live, await StatusAsync(campaignId));

        var paused = await admin.SubmitAsync(page, "form#suspendre", new Dictionary<string, string> { ["reason"] = "Travaux sur la parcelle : vérification en cours." });
        Assert.Equal(HttpStatusCode.Redirect, paused.Status);
        Assert.Equal(CampaignStatus.Paused, await StatusAsync(campaignId));

        // The same form posted again (its version is stale): refused, nothing changes.
        var again = await admin.SubmitAsync(page, "form#suspendre", new Dictionary<string, string> { ["reason"] = "Une deuxième fois" });
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.NotEmpty(again.ErrorSummary());

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditAction.CampaignPaused && a.SubjectId == campaignId).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(AuditSubject.Campaign, entry.SubjectType);
        Assert.Equal("Travaux sur la parcelle : vérification en cours.", entry.Details);
        var publicEvent = await app.WithDbAsync(db => db.CampaignEvents.AsNoTracking().SingleAsync(e => e.CampaignId == campaignId && e.Action == CampaignAction.Paused));
        Assert.True(publicEvent.IsPublic);
        var holder = live.Holder.Id;
        var notification = await app.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == holder && n.Kind == NotificationKind.CampaignPaused && n.Link.StartsWith($"/{live.City.Slug}/projets/{projectId}-")));
        Assert.Equal("Un parc (suspension)", notification.Subject);

        var resumed = await admin.SubmitAsync(await admin.GetAsync(url), "form#reprendre");
        Assert.Equal(HttpStatusCode.Redirect, resumed.Status);
        Assert.Equal(CampaignStatus.Live, await StatusAsync(campaignId));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.CampaignResumed && a.SubjectId == campaignId)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == holder && n.Kind == NotificationKind.CampaignResumed && n.Subject == "Un parc (suspension)")));
    }

    [Fact]
    public async Task AnOfflinePayment_PostedTwice_IsRecordedOnce_AndCountsInTheLedger()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (chèque)", matchCapCents: 10_00);
        var (campaignId, tierId, _) = live;
        using var admin = await app.SignedInAsync(live.City.Admin.Email);
        var page = await admin.GetAsync(live.AdminPath);
        page.AssertAccessibleStructure();
        var fields = OfflineFields("150,50", "Cheque", "Chèque n° 1234567");
        fields["Offline.TierId"] = tierId.ToString(CultureInfo.InvariantCulture);

        // The city's only admin, under the four-eyes threshold: it counts at once (OfflineFourEyesTests for the rest).
        var first = await admin.SubmitAsync(page, "form#hors-ligne", fields);
        var second = await admin.SubmitAsync(page, "form#hors-ligne", fields);

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(HttpStatusCode.Redirect, second.Status);
        var contribution = await app.WithDbAsync(db => db.Contributions.AsNoTracking().SingleAsync(c => c.CampaignId == campaignId));
        Assert.Equal(150_50, contribution.AmountCents);
        Assert.Equal(ContributionStatus.Succeeded, contribution.Status);
        Assert.Equal(PaymentProvider.Offline, contribution.Provider);
        Assert.Equal(PaymentMethod.Cheque, contribution.Method);
        Assert.Equal("Chèque n° 1234567", contribution.OfflineReference);
        Assert.Equal("Jeanne Martin", contribution.DonorFullName);
        Assert.Equal(tierId, contribution.TierId);
        Assert.Equal(new CampaignTotals(150_50, 10_00, 1), await app.WithDbAsync(db => FundingTotals.ForAsync(db, campaignId, CancellationToken.None)));
        var line = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditAction.OfflinePaymentRecorded && a.SubjectLabel.StartsWith("Un parc (chèque)")));
        Assert.Equal(contribution.Id, line.SubjectId);

        var shown = await admin.FollowAsync(second);
        Assert.Contains("Ce paiement hors ligne est déjà enregistré.", shown.MainText, StringComparison.Ordinal);
        Assert.Contains("Jeanne Martin", shown.Document.QuerySelector("#contributions")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "Offline.Amount", "hors-ligne-montant-erreur", "supérieur à zéro")]
    [InlineData("-20", "Offline.Amount", "hors-ligne-montant-erreur", "négatif")]
    [InlineData("vingt euros", "Offline.Amount", "hors-ligne-montant-erreur", "Saisissez un montant")]
    [InlineData("99999999999999999", "Offline.Amount", "hors-ligne-montant-erreur", "bien trop élevé")]
    [InlineData("100001", "Offline.Amount", "hors-ligne-montant-erreur", "ne peut pas dépasser")]
    [InlineData("12,345", "Offline.Amount", "hors-ligne-montant-erreur", "deux chiffres")]
    [InlineData("", "Offline.Reference", "hors-ligne-reference-erreur", "référence du paiement")]
    [InlineData("", "Offline.DonorFullName", "hors-ligne-nom-erreur", "nom et le prénom")]
    [InlineData("", "Offline.DonorAddress", "hors-ligne-adresse-erreur", "adresse postale")]
    [InlineData("Card", "Offline.Method", "hors-ligne-moyen-erreur", "chèque ou virement")]
    public async Task ABadOfflinePayment_IsRefusedWithAMessage_AndNothingIsSaved(string value, string field, string errorId, string message)
    {
        var live = await app.CreateLiveCampaignAsync($"Un parc (saisie refusée {field} {value})");
        var campaignId = live.Id;
        using var admin = await app.SignedInAsync(live.City.Admin.Email);
        var page = await admin.GetAsync(live.AdminPath);
        var fields = OfflineFields("50", "Transfer", "VIR 2026-001");
        fields[field] = value;

        var refused = await admin.SubmitAsync(page, "form#hors-ligne", fields);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(message, refused.FieldError(errorId), StringComparison.Ordinal);
        refused.AssertAccessibleStructure();
        Assert.Contains(errorId, refused.Document.QuerySelector("form#hors-ligne")!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Contributions.CountAsync(c => c.CampaignId == campaignId)));
        Assert.False(await app.WithDbAsync(db => db.LedgerTransactions.AnyAsync(t => t.CampaignId == campaignId)));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.OfflinePaymentRecorded && a.SubjectLabel.StartsWith($"Un parc (saisie refusée {field} {value})"))));
    }

    [Fact]
    public async Task AnOfflinePayment_OnAPausedCampaign_IsRefusedWithTheDomainsReason()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (chèque sur campagne suspendue)");
        var campaignId = live.Id;
        using var admin = await app.SignedInAsync(live.City.Admin.Email);
        var url = live.AdminPath;
        var page = await admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, "form#suspendre", new Dictionary<string, string> { ["reason"] = "Vérification" })).Status);

        var refused = await admin.SubmitAsync(page, "form#hors-ligne", OfflineFields("50", "Cheque", "CHQ 42"));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Cette campagne est suspendue par la ville", refused.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Contributions.CountAsync(c => c.CampaignId == campaignId)));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.OfflinePaymentRecorded && a.SubjectLabel.StartsWith("Un parc (chèque sur campagne suspendue)"))));

        // Another city's staff can neither see it nor post to it.
        var other = await app.Given.City();
        await app.CreateLiveCampaignAsync("Une campagne de l'autre ville", city: other);
        using var otherAgent = await app.SignedInAsync(other.Agent.Email);
        var own = await otherAgent.GetAsync($"{other.AdminPath}/campagnes");
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Contains("Une campagne de l'autre ville", own.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Un parc", own.MainText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAgent.PostAsync(url + "?handler=Offline", own, OfflineFields("50", "Cheque", "CHQ 43"))).Status);
    }

    [Fact]
    public async Task TheYearlyReport_SumsEqualTheLedgerToTheCent_AfterContributionsARefundAndASettlement()
    {
        var started = app.Clock.GetUtcNow().UtcDateTime;
        var live = await app.CreateLiveCampaignAsync("Un parc (rapport, financé)", goalCents: 100_00, matchCapCents: 20_00);
        var city = live.City;
        var funded = live.Id;
        var (failed, _, _) = await app.CreateLiveCampaignAsync("Un parc (rapport, non financé)", goalCents: 10_000_00, city: city);
        var donor = await app.DonorAsync();
        await app.ContributeAndPayAsync(funded, donor, 50_00, null, "report-1");
        await app.ContributeAndPayAsync(funded, donor, 33_33, null, "report-2");
        await app.ContributeAndPayAsync(failed, donor, 25_00, null, "report-3");
        var adminId = city.Admin.Id;
        await app.WithServiceAsync<CampaignMoney, OfflineRecorded>(m => m.RecordOfflineAsync(
            funded, adminId,
            null, 12_34, PaymentMethod.Transfer, "=HYPERLINK(\"x\")", new DonorIdentity("-Jeanne; \"Martin\"", "1 rue de la Paix"), false, "report-offline", CancellationToken.None));

        app.Clock.Advance(TimeSpan.FromDays(31));
        await app.RunJobsAsync();
        await app.RunJobsAsync();
        Assert.Equal(CampaignStatus.Funded, await StatusAsync(funded));
        Assert.Equal(CampaignStatus.NotFunded, await StatusAsync(failed));

        using var admin = await app.SignedInAsync(city.Admin.Email);
        var years = new[] { Cultures.ToParis(started).Year, Cultures.ToParis(app.Clock.GetUtcNow().UtcDateTime).Year }.Distinct();
        var kindsSeen = new HashSet<string>();
        foreach (var year in years)
        {
            var start = Cultures.FromParis(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
            var end = Cultures.FromParis(new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
            var expected = await app.WithDbAsync(db => (
                    from line in db.LedgerLines
                    join t in db.LedgerTransactions on line.TransactionId equals t.Id
                    where t.RecordedAtUtc >= start && t.RecordedAtUtc < end && t.MunicipalityId == city.Id
                    group line by line.AccountKind into g
                    select new { g.Key, Cents = g.Sum(l => l.AmountCents) })
                .ToDictionaryAsync(x => x.Key, x => x.Cents));
            var transactions = await app.WithDbAsync(db => db.LedgerTransactions.CountAsync(t => t.RecordedAtUtc >= start && t.RecordedAtUtc < end && t.MunicipalityId == city.Id));

            var response = await admin.Client.GetAsync($"{city.AdminPath}/campagnes/rapport?handler=Csv&annee={year}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            var rows = ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
            var header = rows[0];
            var data = rows.Skip(1).ToList();
            Assert.Equal(transactions, data.Count);
            long Column(string name) => data.Sum(r => long.Parse(r[header.IndexOf(name)], CultureInfo.InvariantCulture));
            Assert.Equal(expected.GetValueOrDefault(LedgerAccountKind.CampaignEscrow), Column("Séquestre des campagnes (centimes)"));
            Assert.Equal(expected.GetValueOrDefault(LedgerAccountKind.PayeePayable), Column("Dû aux bénéficiaires (centimes)"));
            Assert.Equal(expected.GetValueOrDefault(LedgerAccountKind.PlatformFees), Column("Commissions (centimes)"));
            Assert.Equal(expected.GetValueOrDefault(LedgerAccountKind.PayoutsSent), Column("Versé (centimes)"));
            Assert.Equal(expected.GetValueOrDefault(LedgerAccountKind.MunicipalityMatchfunding), Column("Abondement de la ville (centimes)"));
            Assert.Equal(expected.GetValueOrDefault(LedgerAccountKind.ProviderClearing), Column("Prestataires de paiement (centimes)"));

            // Every line balances, a refund is negative, and typed text cannot become a formula.
            Assert.All(data, r => Assert.Equal(0, new[] { 9, 10, 11, 12, 13, 14 }.Sum(i => long.Parse(r[i], CultureInfo.InvariantCulture))));
            Assert.All(data.Where(r => r[1] == "Remboursement"), r => Assert.True(long.Parse(r[8], CultureInfo.InvariantCulture) < 0));
            Assert.DoesNotContain(data, r => r.Any(c => c.StartsWith('=')));
            kindsSeen.UnionWith(data.Select(r => r[1]));

            var page = await admin.GetAsync($"{city.AdminPath}/campagnes/rapport?annee={year}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            page.AssertAccessibleStructure();
            Assert.Contains("Rapprochement équilibré au centime", page.Document.GetElementById("rapprochement-ecart")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Superset(new HashSet<string> { "Contribution encaissée", "Abondement de la ville", "Remboursement", "Commission de la plateforme", "Somme due au bénéficiaire" }, kindsSeen);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"{city.AdminPath}/campagnes/rapport?annee=deux-mille")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"{city.AdminPath}/campagnes/rapport?annee=1850")).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{city.AdminPath}/campagnes/rapport")).Status);
    }

    [Fact]
    public async Task TheBackOfficePages_SendAFixedNumberOfCommands_WhateverTheContributions()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (nombre de requêtes)", matchCapCents: 100_00);
        var campaignId = live.Id;
        var (hugo, lea) = (await app.DonorAsync(), await app.DonorAsync());
        await app.ContributeAndPayAsync(campaignId, hugo, 20_00, null, "count-0");
        using var admin = await app.SignedInAsync(live.City.Admin.Email);
        var urls = new[] { $"{live.City.AdminPath}/campagnes", live.AdminPath, $"{live.City.AdminPath}/campagnes/rapport" };
        var before = new Dictionary<string, int>();
        foreach (var url in urls)
        {
            before[url] = await CountAsync(admin, url);
        }

        for (var i = 1; i <= 3; i++)
        {
            await app.ContributeAndPayAsync(campaignId, i % 2 == 0 ? lea : hugo, 20_00 + i, null, $"count-{i}");
        }

        await app.CreateLiveCampaignAsync("Un parc (nombre de requêtes, bis)", city: live.City);
        foreach (var (url, count) in before)
        {
            Assert.Equal(count, await CountAsync(admin, url));
        }
    }

    private async Task<int> CountAsync(TestBrowser browser, string url)
    {
        await browser.GetAsync(url);
        app.SqlCommands.Reset();
        var page = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return app.SqlCommands.Count;
    }

    private static string Euros(long cents) => MoneyInput.Format(cents, French);

    /// <summary>The figure next to a row heading of a page's figures tables.</summary>
    private static string Figure(TestBrowser.Page page, string heading) =>
        page.Document.QuerySelectorAll("table.funding-figures tr").Where(r => r.QuerySelector("th")?.TextContent.Trim() == heading)
            .Select(r => r.QuerySelector("td")!.TextContent.Trim()).FirstOrDefault() ?? $"(no row « {heading} »)";

    private static Dictionary<string, string> OfflineFields(string amount, string method, string reference) => new()
    {
        ["Offline.Amount"] = amount,
        ["Offline.Method"] = method,
        ["Offline.Reference"] = reference,
        ["Offline.DonorFullName"] = "Jeanne Martin",
        ["Offline.DonorAddress"] = "12 rue de Paris, 93100 Montreuil",
    };

    private Task<CampaignStatus> StatusAsync(long campaignId) => app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Status).SingleAsync());

    /// <summary>A CSV as written by the report: ';' between quoted cells, "" for a quote inside a cell.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ';')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else if (c != '\r')
            {
                cell.Append(c);
            }
        }

        return rows;
    }
}

/// <summary>Contributions paid with the sandbox's accepted card, as a person would.</summary>
internal static class FundingAdminTestKit
{
    public const string AcceptedCard = "4242 4242 4242 4242";

    /// <summary>A new account that gives through the money core (it never signs in).</summary>
    public static async Task<long> DonorAsync(this FundingApp app) => (await app.Given.Person()).Id;

    public static async Task<long> ContributeAndPayAsync(this FundingApp app, long campaignId, long donor, long cents, long? tierId, string key)
    {
        var started = await app.WithServiceAsync<CampaignMoney, ContributionStarted>(m => m.StartAsync(
            campaignId, donor, new ContributionRequest(cents, tierId, false, "Hugo", null, key, null), id => $"/retour/{id}", null, CancellationToken.None));
        var payment = await app.WithDbAsync(db => db.Contributions.Where(c => c.Id == started.ContributionId).Select(c => c.ProviderPaymentId!).SingleAsync());
        Assert.Equal(SandboxPaymentStatus.Succeeded, await app.WithServiceAsync<SandboxPaymentProvider, SandboxPaymentStatus>(s => s.PayAsync(payment, AcceptedCard, CancellationToken.None)));
        await app.RunJobsAsync();
        Assert.Equal(ContributionStatus.Succeeded, await app.WithDbAsync(db => db.Contributions.Where(c => c.Id == started.ContributionId).Select(c => c.Status).SingleAsync()));
        return started.ContributionId;
    }
}
