using System.Globalization;
using System.Net;
using Labelkoz.Web.Infrastructure.Security;
using Labelkoz.Web.Tests.Infrastructure;

namespace Labelkoz.Web.Tests;

/// <summary>Issue #16: <c>/.well-known/security.txt</c> (RFC 9116), with a contact, an expiry within the year and its canonical address.</summary>
public sealed class SecurityTxtTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task SecurityTxt_FollowsRfc9116()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri(SecurityTxt.Path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"Contact: {SecurityTxt.DefaultContact}", lines);
        var expires = DateTime.Parse(Assert.Single(lines, l => l.StartsWith("Expires: ", StringComparison.Ordinal))["Expires: ".Length..], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        Assert.InRange(expires, DateTime.UtcNow.AddDays(30), DateTime.UtcNow.AddDays(365));
        Assert.Contains(lines, l => l.StartsWith("Canonical: ", StringComparison.Ordinal) && l.EndsWith(SecurityTxt.Path, StringComparison.Ordinal));
        Assert.Contains("Preferred-Languages: fr, en", lines);
    }
}
