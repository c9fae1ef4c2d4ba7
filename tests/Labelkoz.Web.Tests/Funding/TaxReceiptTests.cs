using System.Net;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Features.Funding;
using Labelkoz.Web.Features.Payments;
using Labelkoz.Web.Features.Funding.Receipts;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// Tax receipts (DESIGN §6) on a real database: issued once at settlement for the gifts that give
/// right to one, numbered without gap or double per issuing body even in parallel or after a
/// rollback, claimed by a donor who gave no address, and downloaded as a PDF by their donor only.
/// </summary>
public sealed class TaxReceiptTests(FundingApp app) : IClassFixture<FundingApp>
{
    private const string Accepted = "4242 4242 4242 4242";
    private static readonly DonorIdentity LeaIdentity = new("Léa Fontaine", "27 avenue Pasteur\n93100 Montreuil");

    [Fact]
    public async Task AFundedCampaign_IssuesOneReceiptPerGiftThatGivesRightToOne_NumberedWithoutGap_AndOnlyOnce()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc associatif (reçus à la clôture)", goalCents: 100_00);
        var (campaignId, tierId, _) = live;
        await app.OpenReceiptsAsync(live, "W931000601");
        var hugo = await DonorAsync();
        var lea = await DonorAsync();

        var first = await PaidAsync(campaignId, lea, 60_00, null, "r1", LeaIdentity);
        var second = await PaidAsync(campaignId, hugo, 40_00, null, "r2", new DonorIdentity("Hugo Moreau", "5 rue de Bagnolet\n93170 Bagnolet"));
        var withoutAddress = await PaidAsync(campaignId, hugo, 30_00, null, "r3", null);

        // The tier is worth 8 €: on a 20 € gift that is more than a quarter, so no receipt; on 40 €, it keeps the gift's disinterest.
        await WorthAsync(tierId, 8_00);
        var tooRewarded = await PaidAsync(campaignId, lea, 20_00, tierId, "r4", LeaIdentity);
        var generous = await PaidAsync(campaignId, lea, 40_00, tierId, "r5", LeaIdentity);

        await SettleAsync();
        await SettleAsync();

        var receipts = await app.WithDbAsync(db => db.TaxReceipts.AsNoTracking().Where(r => r.CampaignId == campaignId).OrderBy(r => r.Sequence).ToListAsync());
        Assert.Equal([first, second, generous], receipts.Select(r => r.ContributionId));
        Assert.Equal([1, 2, 3], receipts.Select(r => r.Sequence));
        var year = receipts[0].Year;
        Assert.Equal([$"{year}-000001", $"{year}-000002", $"{year}-000003"], receipts.Select(r => r.Number));
        Assert.All(receipts, r => Assert.Equal(TaxReceiptStatus.Issued, r.Status));
        Assert.Equal("Léa Fontaine", receipts[0].DonorFullName);
        Assert.Equal(60_00, receipts[0].AmountCents);
        Assert.Equal("Les Amis du parc", receipts[0].BeneficiaryName);
        Assert.Equal("RNA W931000601", receipts[0].BeneficiaryIdentifier);
        Assert.Equal(PaymentMethod.Card, receipts[0].Method);
        Assert.DoesNotContain(receipts, r => r.ContributionId == withoutAddress || r.ContributionId == tooRewarded);
        Assert.Equal(3, await app.WithDbAsync(db => db.ReceiptCounters.Where(c => c.NumberingKey == "W931000601").Select(c => c.Last).SingleAsync()));
    }

    [Fact]
    public async Task ANotFundedCampaign_IssuesNoReceipt()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc associatif (pas financé)", goalCents: 5_000_00);
        var campaignId = live.Id;
        await app.OpenReceiptsAsync(live, "W931000602");
        await PaidAsync(campaignId, await DonorAsync(), 50_00, null, "nf", LeaIdentity);

        await SettleAsync();
        await SettleAsync();

        Assert.Equal(CampaignStatus.NotFunded, await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Status).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.TaxReceipts.CountAsync(r => r.CampaignId == campaignId)));
    }

    [Fact]
    public async Task ClaimsInParallel_OnTwoCampaignsOfOneAssociation_GiveConsecutiveNumbers_WithoutGapOrDouble()
    {
        const string Rna = "W931000603";
        var hugo = await DonorAsync();
        var gifts = new List<long>();
        var city = await app.Given.City();
        var holder = await app.Given.Citizen();
        foreach (var title in new[] { "Un parc associatif (A)", "Un parc associatif (B)" })
        {
            var live = await app.CreateLiveCampaignAsync(title, goalCents: 100_00, city: city, holder: holder);
            var campaignId = live.Id;
            await app.OpenReceiptsAsync(live, Rna);
            for (var i = 0; i < 12; i++)
            {
                gifts.Add(await PaidAsync(campaignId, hugo, 10_00, null, $"{title}-{i}", null));
            }
        }

        await SettleAsync();
        Assert.Equal(0, await app.WithDbAsync(db => db.TaxReceipts.CountAsync(r => r.NumberingKey == Rna)));

        // Every gift claimed at once, each twice: 24 receipts, numbered 1 to 24.
        var claims = await Task.WhenAll(gifts.Concat(gifts).Select(gift => Task.Run(() =>
            app.WithServiceAsync<TaxReceipts, TaxReceipt?>(r => r.ClaimAsync(gift, hugo, new DonorIdentity("Hugo Moreau", "5 rue de Bagnolet\n93170 Bagnolet"), CancellationToken.None)))));

        Assert.All(claims, Assert.NotNull);
        var numbers = await app.WithDbAsync(db => db.TaxReceipts.Where(r => r.NumberingKey == Rna).Select(r => r.Sequence).OrderBy(s => s).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 24), numbers);
        Assert.Equal(24, claims.Select(c => c!.Id).Distinct().Count());
    }

    [Fact]
    public async Task ARolledBackIssue_GivesItsNumbersBack()
    {
        const string Rna = "W931000604";
        var live = await app.CreateLiveCampaignAsync("Un parc associatif (annulation)", goalCents: 100_00);
        var (campaignId, _, projectId) = live;
        await PaidAsync(campaignId, await DonorAsync(), 100_00, null, "rb", LeaIdentity);
        await SettleAsync();
        await app.OpenReceiptsAsync(live, Rna);

        // A transaction that issues the receipt, then fails before its commit.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Labelkoz.Data.AppDbContext>();
            var receipts = scope.ServiceProvider.GetRequiredService<TaxReceipts>();
            var money = scope.ServiceProvider.GetRequiredService<CampaignMoney>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await money.LockAsync(campaignId, CancellationToken.None);
            var campaign = await db.Campaigns.IgnoreQueryFilters().SingleAsync(c => c.Id == campaignId);
            var project = await db.Projects.IgnoreQueryFilters().SingleAsync(p => p.Id == projectId);
            Assert.Equal(1, await receipts.IssueOwedAsync(campaign, project, live.City.Name, CancellationToken.None));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.TaxReceipts.CountAsync(r => r.NumberingKey == Rna)));
        Assert.Equal(1, await app.WithServiceAsync<TaxReceipts, int>(r => r.IssueOwedAsync(campaignId, CancellationToken.None)));
        Assert.Equal(0, await app.WithServiceAsync<TaxReceipts, int>(r => r.IssueOwedAsync(campaignId, CancellationToken.None)));
        Assert.Equal([1], await app.WithDbAsync(db => db.TaxReceipts.Where(r => r.NumberingKey == Rna).Select(r => r.Sequence).ToListAsync()));
    }

    [Fact]
    public async Task TheDonor_DownloadsTheReceiptPdf_FromTheStatusPageAndMesContributions_AndNobodyElseCan()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc associatif (téléchargement)", goalCents: 100_00);
        var (campaignId, _, projectId) = live;
        await app.OpenReceiptsAsync(live, "W931000605");
        var leaAccount = await app.Given.Citizen();
        var gift = await PaidAsync(campaignId, leaAccount.Id, 150_50, null, "dl", LeaIdentity);
        var receiptPath = ReceiptPaths.Mine(live.City.Slug, projectId, gift);
        using (var early = await app.SignedInAsync(leaAccount.Email))
        {

            // Before the end: the status page says when it will come, the receipt page too.
            var before = await early.GetAsync(live.StatusPath(gift));
            Assert.Contains("Le reçu fiscal sera disponible quand la campagne aura été financée.", before.MainText, StringComparison.Ordinal);
            var waiting = await early.GetAsync(receiptPath);
            Assert.Equal(HttpStatusCode.OK, waiting.Status);
            waiting.AssertAccessibleStructure();
            Assert.Null(waiting.Document.QuerySelector("form#demander-recu"));
        }

        // A month later (a new session: the sign-in does not last that long), the campaign is funded.
        await SettleAsync();
        using var lea = await app.SignedInAsync(leaAccount.Email);

        var status = await lea.GetAsync(live.StatusPath(gift));
        var link = status.Document.QuerySelector($"#recu-fiscal a[href='{receiptPath}']");
        Assert.NotNull(link);
        var mine = await lea.GetAsync("/compte/mes-contributions");
        Assert.NotNull(mine.Document.QuerySelector($"a[href='{receiptPath}']"));

        var pdf = await lea.Client.GetAsync(receiptPath);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var number = await app.WithDbAsync(db => db.TaxReceipts.Where(r => r.ContributionId == gift).Select(r => r.Number).SingleAsync());
        Assert.Contains($"recu-fiscal-{number}.pdf", pdf.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var text = PdfText(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains("Léa Fontaine", text, StringComparison.Ordinal);
        Assert.Contains("Les Amis du parc", text, StringComparison.Ordinal);
        Assert.Contains("cent cinquante euros et cinquante centimes", text, StringComparison.Ordinal);

        // Another citizen, anonymous visitors and another city's address get nothing.
        using var hugo = await app.SignedInAsync((await app.Given.Citizen()).Email);
        Assert.Equal(HttpStatusCode.NotFound, (await hugo.Client.GetAsync(receiptPath)).StatusCode);
        using var anonymous = new TestBrowser(app.CreateClient(new() { AllowAutoRedirect = false }));
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.Client.GetAsync(receiptPath)).StatusCode);
        var other = await app.Given.City();
        Assert.Equal(HttpStatusCode.NotFound, (await lea.Client.GetAsync(receiptPath.Replace($"/{live.City.Slug}/", $"/{other.Slug}/", StringComparison.Ordinal))).StatusCode);
    }

    [Fact]
    public async Task ADonorWithoutAddress_ClaimsTheReceipt_BadInputIsRefusedInFrench_AndADoubleClickMakesOne()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc associatif (demande)", goalCents: 100_00);
        var (campaignId, _, projectId) = live;
        await app.OpenReceiptsAsync(live, "W931000606");
        var leaAccount = await app.Given.Citizen();
        var gift = await PaidAsync(campaignId, leaAccount.Id, 100_00, null, "claim", null);
        await SettleAsync();
        Assert.Equal(0, await app.WithDbAsync(db => db.TaxReceipts.CountAsync(r => r.ContributionId == gift)));

        using var lea = await app.SignedInAsync(leaAccount.Email);
        var status = await lea.GetAsync(live.StatusPath(gift));
        Assert.Contains("Demander mon reçu fiscal", status.MainText, StringComparison.Ordinal);
        var form = await lea.GetAsync(ReceiptPaths.Mine(live.City.Slug, projectId, gift));
        form.AssertAccessibleStructure();
        Assert.NotNull(form.Document.QuerySelector("form#demander-recu"));

        foreach (var (name, address, message, errorId) in new[]
        {
            ("", "1 rue de Paris", "Nom et prénom", "Input_FullName-error"),
            ("Léa Fontaine", "   ", "Adresse postale", "Input_Address-error"),
            (new string('L', 201), "1 rue de Paris", "Nom et prénom", "Input_FullName-error"),
            ("Léa Fontaine", new string('a', 10_000), "Adresse postale", "Input_Address-error"),
        })
        {
            var refused = await lea.SubmitAsync(form, "form#demander-recu", new Dictionary<string, string> { ["Input.FullName"] = name, ["Input.Address"] = address });
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains(message, refused.ErrorSummary(), StringComparison.Ordinal);
            Assert.Contains(message, refused.Document.GetElementById(errorId)?.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.TaxReceipts.CountAsync(r => r.ContributionId == gift)));
        Assert.Null(await app.WithDbAsync(db => db.Contributions.Where(c => c.Id == gift).Select(c => c.DonorAddress).SingleAsync()));

        var fields = new Dictionary<string, string> { ["Input.FullName"] = "Léa Fontaine", ["Input.Address"] = "27 avenue Pasteur\n93100 Montreuil" };
        var posts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => lea.SubmitAsync(form, "form#demander-recu", fields)));
        Assert.All(posts, p => Assert.Equal(HttpStatusCode.SeeOther, p.Status));
        var receipt = await app.WithDbAsync(db => db.TaxReceipts.AsNoTracking().SingleAsync(r => r.ContributionId == gift));
        Assert.Equal("Léa Fontaine", receipt.DonorFullName);
        Assert.Contains("93100 Montreuil", receipt.DonorAddress, StringComparison.Ordinal);
        var pdf = await lea.Client.GetAsync(posts[0].Location);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AGiftToAHolderWithoutReceipts_OrWithTooValuableAReward_SaysWhy()
    {
        var live = await app.CreateLiveCampaignAsync("Un parc (sans reçus)", goalCents: 100_00);
        var (campaignId, tierId, projectId) = live;
        var leaAccount = await app.Given.Citizen();
        var lea = leaAccount.Id;
        var plain = await PaidAsync(campaignId, lea, 100_00, null, "none", null);
        using var browser = await app.SignedInAsync(leaAccount.Email);
        var status = await browser.GetAsync(live.StatusPath(plain));
        Assert.Null(status.Document.QuerySelector("#recu-fiscal"));
        var page = await browser.GetAsync(ReceiptPaths.Mine(live.City.Slug, projectId, plain));
        Assert.Contains("Le porteur de ce projet ne délivre pas de reçu fiscal.", page.MainText, StringComparison.Ordinal);
        var refused = await browser.Client.PostAsync(ReceiptPaths.Mine(live.City.Slug, projectId, plain), new FormUrlEncodedContent([]));
        Assert.True(refused.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.OK, $"got {refused.StatusCode}");

        await app.OpenReceiptsAsync(live, "W931000607");
        await WorthAsync(tierId, 8_00);
        var rewarded = await PaidAsync(campaignId, lea, 20_00, tierId, "tier", LeaIdentity);
        await SettleAsync();
        using var later = await app.SignedInAsync(leaAccount.Email);
        var rewardedStatus = await later.GetAsync(live.StatusPath(rewarded));
        Assert.Contains("La contrepartie choisie vaut 8,00", rewardedStatus.MainText, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.TaxReceipts.CountAsync(r => r.ContributionId == rewarded)));
    }

    private static string PdfText(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes);
        return string.Join('\n', document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))));
    }

    private Task<int> WorthAsync(long tierId, long valueCents) =>
        app.WithDbAsync(db => db.RewardTiers.Where(t => t.Id == tierId).ExecuteUpdateAsync(set => set.SetProperty(t => t.ValueCents, valueCents)));

    /// <summary>A new account that gives through the money core (it never signs in).</summary>
    private async Task<long> DonorAsync() => (await app.Given.Person()).Id;

    /// <summary>A card contribution, paid with the accepted test card and confirmed.</summary>
    private async Task<long> PaidAsync(long campaignId, long donor, long cents, long? tierId, string key, DonorIdentity? identity)
    {
        var started = await app.WithServiceAsync<CampaignMoney, ContributionStarted>(m => m.StartAsync(
            campaignId, donor, new ContributionRequest(cents, tierId, false, "Donatrice", null, $"{campaignId}-{key}", identity), id => $"/retour/{id}", null, CancellationToken.None));
        var payment = await app.WithDbAsync(db => db.Contributions.Where(c => c.Id == started.ContributionId).Select(c => c.ProviderPaymentId!).SingleAsync());
        await app.WithServiceAsync<SandboxPaymentProvider, Labelkoz.Data.Payments.SandboxPaymentStatus>(s => s.PayAsync(payment, Accepted, CancellationToken.None));
        await app.RunJobsAsync();
        Assert.Equal(ContributionStatus.Succeeded, await app.WithDbAsync(db => db.Contributions.Where(c => c.Id == started.ContributionId).Select(c => c.Status).SingleAsync()));
        return started.ContributionId;
    }

    /// <summary>Moves the clock past every campaign's end and runs the job: settlement.</summary>
    private async Task SettleAsync()
    {
        app.Clock.Advance(TimeSpan.FromDays(31));
        await app.RunJobsAsync();
    }
}
