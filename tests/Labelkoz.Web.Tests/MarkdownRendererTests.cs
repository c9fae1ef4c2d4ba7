using AngleSharp.Html.Parser;
using Labelkoz.Web.Infrastructure.Text;

namespace Labelkoz.Web.Tests;

public sealed class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[clic](javascript:alert(1))")]
    [InlineData("[clic](JaVaScRiPt:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<svg onload=alert(1)>")]
    public void HostileMarkdown_LeavesNoScriptNoHandlerNoDangerousUrl(string markdown)
    {
        var html = Renderer.Render("Intro\n\n" + markdown).Value!;
        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");

        Assert.Empty(document.QuerySelectorAll("script, iframe, img, svg, object, embed"));
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            var href = element.GetAttribute("href");
            Assert.True(href is null || href.StartsWith("http", StringComparison.Ordinal) || href.StartsWith("mailto:", StringComparison.Ordinal), href);
        }
    }

    [Fact]
    public void Links_GetNofollowNoopener()
    {
        var html = Renderer.Render("Voir [le plan](https://example.org/plan) ou https://example.org").Value!;
        var links = new HtmlParser().ParseDocument(html).QuerySelectorAll("a");

        Assert.Equal(2, links.Length);
        Assert.All(links, a => Assert.Equal("nofollow noopener", a.GetAttribute("rel")));
    }

    [Fact]
    public void Formatting_IsKept_AndHeadingsStartAtH2()
    {
        var html = Renderer.Render("# Le projet\n\nUn **parc** de *street-workout* :\n\n- barres\n- anneaux").Value!;

        Assert.Contains("<h2>Le projet</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>parc</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>barres</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_GivesNothing()
    {
        Assert.Equal(string.Empty, Renderer.Render("  ").Value);
    }
}
