using Labelkoz.E2E.Infrastructure;
using Xunit.Sdk;

namespace Labelkoz.E2E;

/// <summary>The accessibility check every journey relies on must be able to fail.</summary>
public sealed class AccessibilityCheckTests(BrowserFixture fixture) : Journey(fixture)
{
    private const string Sound = "<main><h1>Titre</h1><p>Texte.</p></main>";

    [Fact]
    public async Task SoundPage_Passes()
    {
        await Page.SetContentAsync($"<!DOCTYPE html><html lang=\"fr\"><head><title>Essai</title></head><body>{Sound}</body></html>");

        await Pages.CheckAccessibilityAsync(Page);
    }

    [Theory]
    [InlineData("<html><head><title>Essai</title></head><body>" + Sound + "</body></html>", "no lang")]
    [InlineData("<html lang=\"fr\"><head><title>Essai</title></head><body><main><h1>Un</h1><h1>Deux</h1></main></body></html>", "one h1")]
    [InlineData("<html lang=\"fr\"><head><title>Essai</title></head><body><h1>Titre</h1></body></html>", "main landmark")]
    [InlineData("<html lang=\"fr\"><head><title>Essai</title></head><body>" + Sound + "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"></body></html>", "image-alt")]
    [InlineData("<html lang=\"fr\"><head><title>Essai</title></head><body><main><h1>Titre</h1><form><input type=\"text\" name=\"q\"></form></main></body></html>", "label")]
    public async Task FlawedPage_Fails_NamingTheProblem(string html, string expected)
    {
        await Page.SetContentAsync("<!DOCTYPE html>" + html);

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => Pages.CheckAccessibilityAsync(Page));
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }
}
