using System.Globalization;
using System.Net;
using System.Text;
using Labelkoz.Domain.Audit;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Features.Projects;
using Labelkoz.Web.Infrastructure.Localization;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// The city's back office for tax receipts over HTTP: an admin opens (and closes) a project's
/// receipts, audited, refused to an agent, a citizen and another city; bad input is refused with
/// a French message and saves nothing; opening them on a funded campaign issues what it owes, with
/// consecutive numbers; the campaign lists its receipts (and their CSV); staff read and download
/// a receipt; an admin corrects one (cancelled and re-issued with the next number, audited); and
/// another city, or another campaign's address, never reaches a receipt.
/// </summary>
public sealed class ReceiptAdminTests(FundingApp app) : IClassFixture<FundingApp>
{
    private const string Association = "Les Amis du Verger";

    [Fact]
    public async Task OpeningReceipts_IsAnAdminsAudited_AndRefusedToAnAgentACitizenAndAnotherCity()
    {
        var rna = NewRna();
        var (_, projectId, city, holder) = await CreateAssociationCampaignAsync("Un verger (ouverture des reçus)", rna);
        var url = $"/{city.Slug}/admin/projets/{projectId}/recus-fiscaux";

        using var admin = await app.SignedInAsync(city.Admin.Email);
        var page = await admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        Assert.Contains("ne donnent pas de reçu fiscal", page.Document.QuerySelector("section[aria-labelledby=titre-etat]")!.TextContent, StringComparison.Ordinal);
        var form = page.Document.QuerySelector("form#ouvrir-recus")!;
        Assert.Equal(Association, form.QuerySelector("#recus-nom")!.GetAttribute("value"));
        Assert.Equal(rna, form.QuerySelector("#recus-identifiant")!.GetAttribute("value"));
        Assert.Equal("Ouvrir les reçus fiscaux", form.QuerySelector("button")!.TextContent.Trim());
        var version = page.Document.QuerySelector("form#ouvrir-recus input[name=projectVersion]")!.GetAttribute("value")!;

        // An agent reads the section but has no form, and a post is refused.
        using var agent = await app.SignedInAsync(city.Agent.Email);
        var agentPage = await agent.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, agentPage.Status);
        Assert.NotNull(agentPage.Document.QuerySelector("#titre-etat"));
        Assert.Null(agentPage.Document.QuerySelector("form#ouvrir-recus"));
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync(url + "?handler=OpenReceipts", agentPage, IssuerFields(version, rna))).Status);

        // A citizen (the holder herself) and another city's admin are refused; the other city's own address does not know the project.
        using var citizen = await app.SignedInAsync(holder.Email);
        var citizenToken = await citizen.GetAsync("/");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PostAsync(url + "?handler=OpenReceipts", citizenToken, IssuerFields(version, rna))).Status);
        var other = await app.Given.City();
        using var stranger = await app.SignedInAsync(other.Admin.Email);
        var strangerPage = await stranger.GetAsync($"{other.AdminPath}/projets");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsync(url + "?handler=OpenReceipts", strangerPage, IssuerFields(version, rna))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/{other.Slug}/admin/projets/{projectId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/{other.Slug}/admin/projets/{projectId}/recus-fiscaux?handler=OpenReceipts", strangerPage, IssuerFields(version, rna))).Status);
        Assert.Null(await IssuerAsync(projectId));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.SubjectId == projectId && a.Action == AuditAction.TaxReceiptsAllowed)));

        // The admin opens them: saved, audited with the values before and after, said on the page.
        var opened = await admin.SubmitAsync(page, "form#ouvrir-recus", IssuerFields(version, rna));
        Assert.Equal(HttpStatusCode.Redirect, opened.Status);
        var issuer = await IssuerAsync(projectId);
        Assert.NotNull(issuer);
        Assert.Equal((Association, rna, ReceiptQuality.GeneralInterest, "Le président"), (issuer.Name, issuer.Identifier, issuer.Quality, issuer.SignatoryTitle));
        var entry = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.SubjectId == projectId && a.Action == AuditAction.TaxReceiptsAllowed));
        Assert.Equal(AuditSubject.Project, entry.SubjectType);
        Assert.Contains("Reçus fiscaux : fermés", entry.Before, StringComparison.Ordinal);
        Assert.Contains("Reçus fiscaux : ouverts", entry.After, StringComparison.Ordinal);
        Assert.Contains($"Identifiant : RNA {rna}", entry.After, StringComparison.Ordinal);
        var shown = await admin.FollowAsync(opened);
        Assert.Contains("Les reçus fiscaux du projet « Un verger (ouverture des reçus) » sont ouverts.", shown.MainText, StringComparison.Ordinal);
        Assert.Contains($"RNA {rna}", shown.Document.GetElementById("emetteur-recus")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Mettre à jour", shown.Document.QuerySelector("form#ouvrir-recus button")!.TextContent.Trim());
        shown.AssertAccessibleStructure();

        // The agent sees the issuer, read-only.
        var agentView = await agent.GetAsync(url);
        Assert.Contains(Association, agentView.Document.GetElementById("emetteur-recus")!.TextContent, StringComparison.Ordinal);
        Assert.Null(agentView.Document.QuerySelector("form#fermer-recus"));
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync(url + "?handler=CloseReceipts", agentView, new Dictionary<string, string> { ["projectVersion"] = "0" })).Status);

        // The admin closes them: audited too.
        var closed = await admin.SubmitAsync(shown, "form#fermer-recus");
        Assert.Equal(HttpStatusCode.Redirect, closed.Status);
        Assert.Null(await IssuerAsync(projectId));
        var stopped = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.SubjectId == projectId && a.Action == AuditAction.TaxReceiptsStopped));
        Assert.Contains("Reçus fiscaux : ouverts", stopped.Before, StringComparison.Ordinal);
        Assert.Equal("Reçus fiscaux : fermés", stopped.After);
    }

    [Fact]
    public async Task ABadIssuer_IsRefusedWithAFrenchMessageNextToItsField_AndNothingIsSaved()
    {
        var rna = NewRna();
        var (_, projectId, city, _) = await CreateAssociationCampaignAsync("Un verger (saisie refusée)", rna);
        var url = $"/{city.Slug}/admin/projets/{projectId}/recus-fiscaux";
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var page = await admin.GetAsync(url);
        var version = page.Document.QuerySelector("form#ouvrir-recus input[name=projectVersion]")!.GetAttribute("value")!;

        var cases = new (string Field, string Value, string ErrorId, string Message)[]
        {
            ("Recus.Name", "  ", "recus-nom-erreur", "Le champ « Nom du bénéficiaire » est obligatoire."),
            ("Recus.Identifier", "W12", "recus-identifiant-erreur", "Le numéro RNA doit commencer par W"),
            ("Recus.Identifier", "123456789", "recus-identifiant-erreur", "n'est pas valide"),
            ("Recus.Address", new string('a', 10_000), "recus-adresse-erreur", "ne peut pas dépasser 300 caractères"),
            ("Recus.Quality", "Sorcellerie", "recus-qualite-erreur", "Choisissez la qualité de l'organisme bénéficiaire."),
            ("Recus.Quality", "2", "recus-qualite-erreur", "Choisissez la qualité de l'organisme bénéficiaire."),
            ("Recus.SignatoryTitle", string.Empty, "recus-signataire-qualite-erreur", "Qualité du signataire"),
        };
        foreach (var (field, value, errorId, message) in cases)
        {
            var fields = IssuerFields(version, rna);
            fields[field] = value;

            var refused = await admin.SubmitAsync(page, "form#ouvrir-recus", fields);

            Assert.True(refused.Status == HttpStatusCode.OK, $"{field}={value[..Math.Min(value.Length, 20)]}: {(int)refused.Status}");
            Assert.Contains(message, refused.FieldError(errorId), StringComparison.Ordinal);
            var control = refused.Document.QuerySelector("form#ouvrir-recus")!.QuerySelector($"[name='{field}']")!;
            Assert.Contains(errorId, control.GetAttribute("aria-describedby") ?? string.Empty, StringComparison.Ordinal);
            Assert.Equal("true", control.GetAttribute("aria-invalid"));
            refused.AssertAccessibleStructure();
        }

        // A quality a holder of this type cannot claim: the domain's refusal, in the summary.
        var municipality = IssuerFields(version, rna);
        municipality["Recus.Quality"] = nameof(ReceiptQuality.Municipality);
        var wrongQuality = await admin.SubmitAsync(page, "form#ouvrir-recus", municipality);
        Assert.Equal(HttpStatusCode.OK, wrongQuality.Status);
        Assert.Contains("Une commune s'identifie par son numéro SIREN.", wrongQuality.ErrorSummary(), StringComparison.Ordinal);

        // Without the version the page was shown with: a bad request, as the other forms of the page.
        var noVersion = IssuerFields(version, rna);
        noVersion.Remove("projectVersion");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync(url + "?handler=OpenReceipts", page, noVersion)).Status);

        Assert.Null(await IssuerAsync(projectId));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.SubjectId == projectId && a.Action == AuditAction.TaxReceiptsAllowed)));

        // An individual's project has no receipts section, and opening them is the domain's refusal.
        var (_, _, individual) = await app.CreateLiveCampaignAsync("Un verger (porteur particulier)", city: city);
        var individualPage = await admin.GetAsync($"/{city.Slug}/admin/projets/{individual}");
        Assert.Null(individualPage.Document.QuerySelector("#titre-recus"));
        var individualVersion = individualPage.Document.QuerySelector("input[name=projectVersion]")!.GetAttribute("value")!;
        var refusedHolder = await admin.PostAsync($"/{city.Slug}/admin/projets/{individual}/recus-fiscaux?handler=OpenReceipts", individualPage, IssuerFields(individualVersion, rna));
        Assert.Equal(HttpStatusCode.OK, refusedHolder.Status);
        Assert.Contains("Seuls les dons à une association d'intérêt général ou à la ville", refusedHolder.ErrorSummary(), StringComparison.Ordinal);
        Assert.Null(await IssuerAsync(individual));
    }

    [Fact]
    public async Task OpeningReceipts_OnAFundedCampaign_IssuesWhatItOwes_ListedAsCsvAndDownloadedAsPdf()
    {
        var rna = NewRna();
        var (campaignId, projectId, city, _) = await CreateAssociationCampaignAsync("Un verger (campagne financée)", rna);
        await GiveOfflineAsync(city, campaignId, ("Jeanne Martin", 50_00), ("Paul Durand", 40_00), ("=Léa Petit", 30_00));

        // A card gift without the donor's identity gives no receipt until its donor asks for one.
        await app.ContributeAndPayAsync(campaignId, await app.DonorAsync(), 25_00, null, $"receipts-card-{rna}");
        await SettleAsync(campaignId);

        using var admin = await app.SignedInAsync(city.Admin.Email);
        var page = await admin.GetAsync($"/{city.Slug}/admin/projets/{projectId}/recus-fiscaux");
        var opened = await admin.SubmitAsync(page, "form#ouvrir-recus", IssuerFields(null, rna));
        Assert.Equal(HttpStatusCode.Redirect, opened.Status);
        var shown = await admin.FollowAsync(opened);
        Assert.Contains("Reçus émis pour les dons de sa campagne financée : 3.", shown.MainText, StringComparison.Ordinal);

        var receipts = await ReceiptsAsync(campaignId);
        var year = receipts[0].Year;
        Assert.Equal([$"{year}-000001", $"{year}-000002", $"{year}-000003"], receipts.Select(r => r.Number));
        Assert.All(receipts, r => Assert.Equal(TaxReceiptStatus.Issued, r.Status));
        Assert.All(receipts, r => Assert.Equal(rna, r.NumberingKey));
        Assert.Equal(["Jeanne Martin", "Paul Durand", "=Léa Petit"], receipts.Select(r => r.DonorFullName));

        // The campaign's table links each receipt.
        var campaign = await admin.GetAsync($"/{city.Slug}/admin/campagnes/{campaignId}");
        campaign.AssertAccessibleStructure();
        var rows = campaign.Document.QuerySelectorAll("#recus tbody tr");
        Assert.Equal(3, rows.Length);
        var first = rows[0].QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal([$"{year}-000001", "Jeanne Martin", MoneyInput.Format(50_00, CultureInfo.GetCultureInfo(Cultures.Default)), "Émis"], new[] { first[0], first[1], first[2], first[4] });
        Assert.Equal($"/{city.Slug}/admin/campagnes/{campaignId}/recus/{receipts[0].Id}", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Reçus fiscaux (3)", campaign.Document.GetElementById("titre-recus")!.TextContent, StringComparison.Ordinal);

        // Every receipt as CSV: quoted cells, no formula.
        var csv = await admin.Client.GetAsync($"/{city.Slug}/admin/campagnes/{campaignId}?handler=ReceiptsCsv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("text/csv", csv.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"Numéro\";\"Date d'émission\";\"Date du don\";\"Donateur\";\"Adresse du donateur\";\"Montant (euros)\";\"Statut\";\"Remplace le reçu\";\"Remplacé par le reçu\"", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith($"\"{year}-000001\";", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"Jeanne Martin\";\"1 rue du Verger, 93100 Montreuil\";\"50,00\";\"Émis\";\"\";\"\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"'=Léa Petit\"", lines[3], StringComparison.Ordinal);

        // Staff read and download a receipt; an agent has no correction form.
        using var agent = await app.SignedInAsync(city.Agent.Email);
        var receiptUrl = $"/{city.Slug}/admin/campagnes/{campaignId}/recus/{receipts[1].Id}";
        var agentPage = await agent.GetAsync(receiptUrl);
        Assert.Equal(HttpStatusCode.OK, agentPage.Status);
        agentPage.AssertAccessibleStructure();
        Assert.Contains("Paul Durand", agentPage.Document.GetElementById("champs-recu")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"RNA {rna}", agentPage.Document.GetElementById("champs-recu")!.TextContent, StringComparison.Ordinal);
        Assert.Null(agentPage.Document.QuerySelector("form#corriger"));
        foreach (var browser in new[] { agent, admin })
        {
            var pdf = await browser.Client.GetAsync(receiptUrl + "?handler=Pdf");
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
            Assert.Equal($"recu-fiscal-{year}-000002.pdf", pdf.Content.Headers.ContentDisposition!.FileNameStar ?? pdf.Content.Headers.ContentDisposition.FileName!.Trim('"'));
            Assert.Equal("attachment", pdf.Content.Headers.ContentDisposition.DispositionType);
            Assert.Equal("%PDF", Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        }
    }

    [Fact]
    public async Task ACorrection_CancelsTheReceipt_AndIssuesTheNextNumber_Audited_AndACancelledOneCannotBeCorrected()
    {
        var rna = NewRna();
        var (campaignId, _, city) = await CreateFundedWithReceiptsAsync("Un verger (correction)", rna, ("Jean Dupond", 60_00), ("Marie Curie", 70_00));
        var receipts = await ReceiptsAsync(campaignId);
        var year = receipts[0].Year;
        var old = receipts[0];
        var url = $"/{city.Slug}/admin/campagnes/{campaignId}/recus/{old.Id}";

        using var admin = await app.SignedInAsync(city.Admin.Email);
        var page = await admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        page.AssertAccessibleStructure();
        Assert.Equal("Jean Dupond", page.Document.QuerySelector("#corriger-nom")!.GetAttribute("value"));
        Assert.Equal("1 rue du Verger, 93100 Montreuil", page.Document.QuerySelector("#corriger-adresse")!.TextContent);

        // An agent may not correct; a missing reason or a name too long is refused next to its field.
        using var agent = await app.SignedInAsync(city.Agent.Email);
        var agentPage = await agent.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync(url + "?handler=Correct", agentPage, Correction("Jean Dupont", "Faute de frappe"))).Status);
        var noReason = await admin.SubmitAsync(page, "form#corriger", Correction("Jean Dupont", "  "));
        Assert.Equal(HttpStatusCode.OK, noReason.Status);
        Assert.Contains("Motif de la correction", noReason.FieldError("corriger-motif-erreur"), StringComparison.Ordinal);
        noReason.AssertAccessibleStructure();
        var longName = await admin.SubmitAsync(page, "form#corriger", Correction(new string('J', 5_000), "Faute de frappe"));
        Assert.Equal(HttpStatusCode.OK, longName.Status);
        Assert.Contains("ne peut pas dépasser", longName.FieldError("corriger-nom-erreur"), StringComparison.Ordinal);
        Assert.Equal(2, (await ReceiptsAsync(campaignId)).Count);

        var corrected = await admin.SubmitAsync(page, "form#corriger", Correction("Jean Dupont", "Faute de frappe dans le nom"));

        Assert.Equal(HttpStatusCode.Redirect, corrected.Status);
        var after = await ReceiptsAsync(campaignId);
        Assert.Equal(3, after.Count);
        var cancelled = after.Single(r => r.Id == old.Id);
        var replacement = after.Single(r => r.ReplacesReceiptId == old.Id);
        Assert.Equal(TaxReceiptStatus.Cancelled, cancelled.Status);
        Assert.Equal($"{year}-000003", cancelled.ReplacedByNumber);
        Assert.Equal("Faute de frappe dans le nom", cancelled.CancellationReason);
        Assert.Equal("Jean Dupond", cancelled.DonorFullName);
        Assert.Equal(TaxReceiptStatus.Issued, replacement.Status);
        Assert.Equal($"{year}-000003", replacement.Number);
        Assert.Equal(old.Number, replacement.ReplacesNumber);
        Assert.Equal("Jean Dupont", replacement.DonorFullName);
        Assert.Equal(old.AmountCents, replacement.AmountCents);
        Assert.Equal($"/{city.Slug}/admin/campagnes/{campaignId}/recus/{replacement.Id}", corrected.Location);

        var entry = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditAction.TaxReceiptCorrected && a.SubjectId == old.Id));
        Assert.Equal(AuditSubject.TaxReceipt, entry.SubjectType);
        Assert.Equal($"Reçu : {old.Number}\nDonateur : Jean Dupond\nAdresse : 1 rue du Verger, 93100 Montreuil", entry.Before);
        Assert.Equal($"Reçu : {year}-000003\nDonateur : Jean Dupont\nAdresse : 1 rue du Verger, 93100 Montreuil", entry.After);
        Assert.Equal("Faute de frappe dans le nom", entry.Details);

        var shown = await admin.FollowAsync(corrected);
        Assert.Contains($"Le reçu n° {old.Number} est annulé ; le reçu n° {year}-000003 le remplace.", shown.MainText, StringComparison.Ordinal);
        Assert.Contains(old.Number, shown.Document.GetElementById("remplace")!.TextContent, StringComparison.Ordinal);
        var oldPage = await admin.GetAsync(url);
        Assert.Null(oldPage.Document.QuerySelector("form#corriger"));
        Assert.Contains("Faute de frappe dans le nom", oldPage.Document.GetElementById("annulation")!.TextContent, StringComparison.Ordinal);
        var campaign = await admin.GetAsync($"/{city.Slug}/admin/campagnes/{campaignId}");
        Assert.Contains($"Annulé, remplacé par {year}-000003", campaign.Document.GetElementById("recus")!.TextContent, StringComparison.Ordinal);

        // The cancelled receipt's PDF says so.
        var pdf = await admin.Client.GetAsync(url + "?handler=Pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("%PDF", Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));

        // The same form posted again: the receipt is no longer in force, nothing more is issued.
        var again = await admin.SubmitAsync(page, "form#corriger", Correction("Jean Dupont", "Encore"));
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("Ce reçu a déjà été annulé.", again.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal(3, (await ReceiptsAsync(campaignId)).Count);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.TaxReceiptCorrected && a.SubjectId == old.Id)));

        // The next receipt issued by this body follows without a gap.
        var next = await admin.SubmitAsync(await admin.GetAsync($"/{city.Slug}/admin/campagnes/{campaignId}/recus/{receipts[1].Id}"), "form#corriger", Correction("Marie Curie", "Adresse incomplète"));
        Assert.Equal(HttpStatusCode.Redirect, next.Status);
        Assert.Contains($"{year}-000004", (await ReceiptsAsync(campaignId)).Select(r => r.Number));
    }

    [Fact]
    public async Task AnotherCitysStaff_AndAnotherCampaignsAddress_NeverReachAReceipt()
    {
        var rna = NewRna();
        var (campaignId, _, city) = await CreateFundedWithReceiptsAsync("Un verger (isolement des reçus)", rna, ("Anne Leroy", 145_00));
        var receipt = (await ReceiptsAsync(campaignId)).Single();
        var (otherCampaign, _, _, _) = await CreateAssociationCampaignAsync("Un verger (autre campagne)", NewRna(), city);
        var url = $"/{city.Slug}/admin/campagnes/{campaignId}/recus/{receipt.Id}";

        var other = await app.Given.City();
        using var stranger = await app.SignedInAsync(other.Admin.Email);
        var own = await stranger.GetAsync($"{other.AdminPath}/campagnes");
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(url)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(url + "?handler=Pdf")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsync(url + "?handler=Correct", own, Correction("Pirate", "Pirate"))).Status);
        var theirs = $"/{other.Slug}/admin/campagnes/{campaignId}/recus/{receipt.Id}";
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(theirs)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(theirs + "?handler=Pdf")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync(theirs + "?handler=Correct", own, Correction("Pirate", "Pirate"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/{other.Slug}/admin/campagnes/{campaignId}?handler=ReceiptsCsv")).Status);

        // The city's own admin: another campaign in the address, or an unknown receipt, is not found.
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var elsewhere = $"/{city.Slug}/admin/campagnes/{otherCampaign}/recus/{receipt.Id}";
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(elsewhere)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(elsewhere + "?handler=Pdf")).Status);
        var token = await admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync(elsewhere + "?handler=Correct", token, Correction("Anne Leroy-Martin", "Mauvaise campagne"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/{city.Slug}/admin/campagnes/{campaignId}/recus/987654321")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/{city.Slug}/admin/campagnes/987654321?handler=ReceiptsCsv")).Status);

        var unchanged = (await ReceiptsAsync(campaignId)).Single();
        Assert.Equal((TaxReceiptStatus.Issued, "Anne Leroy"), (unchanged.Status, unchanged.DonorFullName));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.TaxReceiptCorrected && a.SubjectId == receipt.Id)));
    }

    [Fact]
    public async Task TheReceiptPages_SendAFixedNumberOfCommands_WhateverTheReceipts()
    {
        var rna = NewRna();
        var (campaignId, projectId, city) = await CreateFundedWithReceiptsAsync("Un verger (nombre de requêtes)", rna, ("Alice Roy", 20_00), ("Bruno Roy", 90_00));
        var receipts = await ReceiptsAsync(campaignId);
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var urls = new[]
        {
            $"/{city.Slug}/admin/projets/{projectId}",
            $"/{city.Slug}/admin/projets/{projectId}/recus-fiscaux",
            $"/{city.Slug}/admin/campagnes/{campaignId}",
            $"/{city.Slug}/admin/campagnes/{campaignId}/recus/{receipts[0].Id}",
        };
        var before = new Dictionary<string, int>();
        foreach (var url in urls)
        {
            before[url] = await CountAsync(admin, url);
        }

        // Two corrections: more receipts, a cancelled one with its replacement.
        var page = await admin.GetAsync(urls[3]);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, "form#corriger", Correction("Alice Roy-Martin", "Nom d'usage"))).Status);
        page = await admin.GetAsync($"/{city.Slug}/admin/campagnes/{campaignId}/recus/{receipts[1].Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, "form#corriger", Correction("Bruno Roy", "Adresse complétée"))).Status);
        Assert.Equal(4, (await ReceiptsAsync(campaignId)).Count);

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

    /// <summary>"W931" and six digits: numbers run per issuing body, so each test has its own and starts at 1.</summary>
    private static string NewRna() =>
        "W931" + (Given.Next() % 1_000_000).ToString("000000", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> IssuerFields(string? version, string rna)
    {
        var fields = new Dictionary<string, string>
        {
            ["Recus.Name"] = Association,
            ["Recus.Identifier"] = rna,
            ["Recus.Address"] = "3 rue des Vergers\n93100 Montreuil",
            ["Recus.Purpose"] = "Planter et entretenir des vergers partagés",
            ["Recus.Quality"] = nameof(ReceiptQuality.GeneralInterest),
            ["Recus.SignatoryName"] = "Claire Pommier",
            ["Recus.SignatoryTitle"] = "Le président",
        };
        if (version is not null)
        {
            fields["projectVersion"] = version;
        }

        return fields;
    }

    private static Dictionary<string, string> Correction(string name, string reason) => new()
    {
        ["Correction.DonorFullName"] = name,
        ["Correction.DonorAddress"] = "1 rue du Verger, 93100 Montreuil",
        ["Correction.Reason"] = reason,
    };

    private Task<ReceiptIssuer?> IssuerAsync(long projectId) =>
        app.WithDbAsync(db => db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.ReceiptIssuer).SingleAsync());

    private Task<List<TaxReceipt>> ReceiptsAsync(long campaignId) =>
        app.WithDbAsync(db => db.TaxReceipts.IgnoreQueryFilters().AsNoTracking().Where(r => r.CampaignId == campaignId).OrderBy(r => r.Id).ToListAsync());

    /// <summary>A funded campaign of an association whose receipts the admin opened (through the page) after it ended.</summary>
    private async Task<(long CampaignId, long ProjectId, TestCity City)> CreateFundedWithReceiptsAsync(string title, string rna, params (string Donor, long Cents)[] gifts)
    {
        var (campaignId, projectId, city, _) = await CreateAssociationCampaignAsync(title, rna);
        await GiveOfflineAsync(city, campaignId, gifts);
        await SettleAsync(campaignId);
        using var admin = await app.SignedInAsync(city.Admin.Email);
        var page = await admin.GetAsync($"/{city.Slug}/admin/projets/{projectId}/recus-fiscaux");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, "form#ouvrir-recus", IssuerFields(null, rna))).Status);
        Assert.Equal(gifts.Length, (await ReceiptsAsync(campaignId)).Count);
        return (campaignId, projectId, city);
    }

    /// <summary>Cheques received by the city (recorded by its admin, alone: they count at once), with each donor's identity (what a receipt needs).</summary>
    private async Task GiveOfflineAsync(TestCity city, long campaignId, params (string Donor, long Cents)[] gifts)
    {
        foreach (var (donor, cents) in gifts)
        {
            await app.WithServiceAsync<CampaignMoney, OfflineRecorded>(m => m.RecordOfflineAsync(
                campaignId, city.Admin.Id, null, cents, PaymentMethod.Cheque, $"Chèque de {donor}", new DonorIdentity(donor, "1 rue du Verger, 93100 Montreuil"), false,
                $"receipts-{campaignId}-{donor}", CancellationToken.None));
        }
    }

    private async Task SettleAsync(long campaignId)
    {
        app.Clock.Advance(TimeSpan.FromDays(31));
        await app.RunJobsAsync();
        await app.RunJobsAsync();
        Assert.Equal(CampaignStatus.Funded, await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Status).SingleAsync()));
    }

    /// <summary>
    /// A labelled project of a new citizen in <paramref name="city"/> (a new one unless given), held
    /// for the association "Les Amis du Verger" (its RNA given, its receipts not opened), with a live
    /// campaign of 100 € over 30 days.
    /// </summary>
    private async Task<(long CampaignId, long ProjectId, TestCity City, TestUser Holder)> CreateAssociationCampaignAsync(string title, string rna, TestCity? city = null)
    {
        city ??= await app.Given.City();
        var holder = await app.Given.Citizen();
        var campaign = await app.Given.Campaign(city, holder, new CampaignSpec { Title = title, GoalCents = 100_00, Tiers = [], Association = (Association, rna) });
        return (campaign.Id, campaign.Project.Id, city, holder);
    }
}
