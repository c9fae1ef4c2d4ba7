using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Labelkoz.E2E.Infrastructure;

/// <summary>Checks every journey runs on each page it reaches.</summary>
public static class Pages
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The axe-core engine (axe.min.js) shipped inside Deque's .NET bindings.</summary>
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        using var stream = typeof(AxeResult).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe.min.js is missing from Deque.AxeCore.Commons.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

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

        var blocking = await RunAxeAsync(page);
        if (blocking.Count > 0)
        {
            Assert.Fail($"{url}: {blocking.Count} serious or critical accessibility violation(s):\n{Describe(blocking)}");
        }
    }

    /// <summary>
    /// Runs every axe rule on the page and returns its serious and critical violations. The engine is
    /// loaded once per document, and only those violations cross back to .NET: the Playwright binding's
    /// <c>RunAxe</c> sent the engine again on every call and brought back the whole result (every
    /// rule, passed or not applicable), about 1.7 s of a 2 s check.
    /// </summary>
    private static async Task<IReadOnlyList<Violation>> RunAxeAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var json = await page.EvaluateAsync<string>(
            """
            async () => {
                const result = await axe.run(document, { resultTypes: ['violations'] });
                return JSON.stringify(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({
                        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                        nodes: v.nodes.map(n => ({ target: JSON.stringify(n.target), html: n.html })),
                    })));
            }
            """);
        return JsonSerializer.Deserialize<List<Violation>>(json, JsonOptions) ?? [];
    }

    private static string Describe(IEnumerable<Violation> violations)
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

    private sealed record Violation(string Id, string Impact, string Help, string HelpUrl, IReadOnlyList<ViolationNode> Nodes);

    private sealed record ViolationNode(string Target, string Html);
}
