using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Labelkoz.E2E.Infrastructure;

/// <summary>Checks every journey runs on each page it reaches.</summary>
public static class Pages
{
    private static readonly HashSet<string> BlockingImpacts = new(StringComparer.OrdinalIgnoreCase) { "serious", "critical" };

    /// <summary>
    /// Every rule runs, but axe keeps the details of violations only: listing each passing node is
    /// most of its time on a large page, and nothing here reads them.
    /// </summary>
    private static readonly AxeRunOptions ViolationsOnly = new() { ResultTypes = [ResultType.Violations] };

    /// <summary>Opens <paramref name="path"/>, expects <paramref name="status"/>, and checks the page's accessibility.</summary>
    public static async Task<IResponse> VisitAsync(IPage page, string path, int status = 200)
    {
        ArgumentNullException.ThrowIfNull(page);
        var response = await page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}.");
        Assert.True(response.Status == status, $"GET {path}: expected {status}, got {response.Status}.");
        await CheckAccessibilityAsync(page);
        return response;
    }

    /// <summary>
    /// Fails on any axe violation of impact "serious" or "critical", and unless the page has a
    /// language, exactly one <c>h1</c> and exactly one <c>main</c> landmark.
    /// </summary>
    public static async Task CheckAccessibilityAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForLoadStateAsync(LoadState.Load);
        var url = page.Url;

        var lang = await page.Locator("html").GetAttributeAsync("lang");
        Assert.False(string.IsNullOrWhiteSpace(lang), $"{url}: <html> has no lang attribute.");
        var headings = await page.Locator("h1").CountAsync();
        Assert.True(headings == 1, $"{url}: expected exactly one h1, found {headings}.");
        var landmarks = await page.Locator("main, [role=main]").CountAsync();
        Assert.True(landmarks == 1, $"{url}: expected exactly one main landmark, found {landmarks}.");

        var result = await page.RunAxe(ViolationsOnly);
        var blocking = result.Violations.Where(v => v.Impact is { } impact && BlockingImpacts.Contains(impact)).ToList();
        if (blocking.Count > 0)
        {
            Assert.Fail($"{url}: {blocking.Count} serious or critical accessibility violation(s):\n{Describe(blocking)}");
        }
    }

    private static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.Append("- [").Append(violation.Impact).Append("] ").Append(violation.Id).Append(": ").Append(violation.Help)
                .Append(" (").Append(violation.HelpUrl).AppendLine(")");
            foreach (var node in violation.Nodes)
            {
                text.Append("    element ").Append(node.Target).Append("  ").AppendLine(node.Html);
            }
        }

        return text.ToString();
    }
}
