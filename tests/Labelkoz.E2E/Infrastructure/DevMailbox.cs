using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Labelkoz.E2E.Infrastructure;

/// <summary>Reads e-mail the way a developer does: through the Development page <c>/dev/courriels</c>.</summary>
public static class DevMailbox
{
    /// <summary>Opens the newest message to <paramref name="to"/> whose subject contains <paramref name="subject"/>.</summary>
    public static async Task OpenNewestAsync(IPage page, string to, string subject)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Pages.VisitAsync(page, "/dev/courriels");

        // The list is newest first.
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = to }).Filter(new() { HasText = subject }).First;
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("#destinataire")).ToHaveTextAsync(to);
        await Expect(page.Locator("h1")).ToContainTextAsync(subject);
        await Pages.CheckAccessibilityAsync(page);
    }

    /// <summary>Clicks the link of the open message whose address contains <paramref name="path"/>.</summary>
    public static async Task FollowLinkAsync(IPage page, string path)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Locator("#corps a").Filter(new() { HasText = path }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path)));
    }
}
