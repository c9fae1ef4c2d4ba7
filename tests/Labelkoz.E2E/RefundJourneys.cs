using System.Text.RegularExpressions;
using Labelkoz.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Labelkoz.E2E;

/// <summary>
/// Issue #15 end to end, in Chromium, on the demo's funded mural (settled, payout due): Léa asks for
/// part of her gift back; the operator finds her contribution by its number and refunds 20 € through
/// the sandbox; once the processor confirms, the payout shrinks by what the payee's side bears (the
/// platform gives its fee on that money back), Léa sees the refund and her new tax receipt, and the
/// public page explains the refund after funding. axe on every page.
/// </summary>
public sealed class RefundJourneys(BrowserFixture fixture) : Journey(fixture)
{
    private const string LeaEmail = "lea@demo.labelkoz.fr";
    private const string Mural = "Une fresque sur le mur de l'école Jules-Ferry";

    [Fact]
    public async Task TheOperator_RefundsPartOfAGiftAfterFunding_ThePayoutShrinks_AndEveryoneSeesIt()
    {
        // Léa's 60 € gift to the mural: its number is in the address of her contribution's page.
        var lea = Page;
        await Pages.VisitAsync(lea, "/compte/mes-contributions");
        await AccountSteps.LogInAsync(lea, LeaEmail, AccountSteps.DemoPassword);
        var link = lea.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"contribution de 60,00.*{Regex.Escape(Mural)}") });
        var giftPath = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("Léa's gift to the mural is not listed.");
        var match = Regex.Match(giftPath, @"/montreuil/projets/(\d+)/contributions/(\d+)$");
        Assert.True(match.Success, giftPath);
        var (projectId, contributionId) = (match.Groups[1].Value, match.Groups[2].Value);
        var receiptBefore = await ReceiptNumberAsync(lea, giftPath);

        // The operator finds the contribution by its number, and refunds 20 € of it.
        var operatorPage = await NewVisitorAsync();
        await Pages.VisitAsync(operatorPage, "/operateur/paiements");
        await AccountSteps.LogInAsync(operatorPage, AccountSteps.OperatorEmail, AccountSteps.DemoPassword);
        await operatorPage.Locator("#numero-contribution").FillAsync(contributionId);
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Trouver" }).ClickAsync();
        await Expect(operatorPage).ToHaveURLAsync(new Regex($"/operateur/contributions/{contributionId}/remboursement$"));
        await Expect(operatorPage.Locator("#effet-remboursement")).ToContainTextAsync("son versement n'est pas encore fait");
        await Pages.CheckAccessibilityAsync(operatorPage);
        var form = operatorPage.Locator("form#rembourser");
        await form.Locator("#remboursement-montant").FillAsync("20");
        await form.Locator("#remboursement-motif").FillAsync("La donatrice a demandé à récupérer une partie de son don.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Rembourser" }).ClickAsync();
        await Expect(operatorPage.GetByRole(AriaRole.Main)).ToContainTextAsync("demandé au processeur");

        // Once the sandbox confirms (a second later), the ledger has it.
        await Eventually.UntilAsync("the refund to be recorded", async () =>
        {
            await operatorPage.ReloadAsync();
            var refunded = await operatorPage.Locator("#deja-rembourse").InnerTextAsync();
            return (refunded.Contains("20,00", StringComparison.Ordinal), refunded);
        });
        await Pages.CheckAccessibilityAsync(operatorPage);

        // The mural's payout (3 085 € raised, 154,25 € fee, 2 930,75 € due) bears 19 €; the platform 1 € of its fee.
        await Pages.VisitAsync(operatorPage, "/operateur/versements");
        var dueRow = operatorPage.Locator("tr", new() { Has = operatorPage.GetByRole(AriaRole.Link, new() { Name = Mural }) }).First;
        await Expect(dueRow).ToContainTextAsync(new Regex(@"2\s911,75"));

        // Léa sees what was given back, and a new receipt for what stands.
        await Pages.VisitAsync(lea, giftPath);
        await Expect(lea.Locator("#remboursement-partiel")).ToContainTextAsync("20,00");
        var receiptAfter = await ReceiptNumberAsync(lea, giftPath);
        Assert.NotEqual(receiptBefore, receiptAfter);

        // The public page says the campaign was funded, and what was refunded since.
        var visitor = await NewVisitorAsync();
        await Pages.VisitAsync(visitor, $"/montreuil/projets/{projectId}");
        await Expect(visitor.Locator("#rembourse-apres-financement")).ToContainTextAsync("20,00");
    }

    /// <summary>The number of the tax receipt in force, as the donor's page states it.</summary>
    private static async Task<string> ReceiptNumberAsync(IPage page, string giftPath)
    {
        await Pages.VisitAsync(page, giftPath);
        var text = await page.Locator("#recu-fiscal").InnerTextAsync();
        return Regex.Match(text, @"\d{4}-\d{6}").Value;
    }
}
