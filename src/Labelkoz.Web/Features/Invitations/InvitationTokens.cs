using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Labelkoz.Web.Features.Invitations;

/// <summary>
/// The secret of an invitation link: 32 random bytes, Base64Url in the link, only the SHA-256 of it
/// in the database, so a leaked database hands out no working link.
/// </summary>
public static class InvitationTokens
{
    public static readonly TimeSpan Validity = TimeSpan.FromDays(7);

    private const int TokenLength = 43;

    public static (string Token, string Hash) Create()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    /// <summary>The stored hash of a token, or null when the text cannot be one of our tokens.</summary>
    public static string? HashOf(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? Hash(token) : null;

    public static string LinkPath(string token) => "/invitations/" + token;

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
