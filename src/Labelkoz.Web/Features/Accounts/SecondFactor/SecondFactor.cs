using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Tenancy;
using Labelkoz.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Labelkoz.Web.Features.Accounts.SecondFactor;

/// <summary>
/// The second factor (ADR 19): mandatory for the operator and every city's staff, optional for
/// citizens; sensitive staff actions ask for it again after <see cref="ReauthenticationMinutes"/>.
/// </summary>
public sealed class SecondFactorOptions
{
    public const string Section = "Security:SecondFactor";

    /// <summary>Staff (operator, city admins and agents) cannot open a back office without it.</summary>
    public bool RequiredForStaff { get; set; } = true;

    /// <summary>How long a proof of the second factor stays fresh for a sensitive action.</summary>
    public int ReauthenticationMinutes { get; set; } = 10;
}

/// <summary>The claims a session carries about how it was proven.</summary>
public static class SecondFactorClaims
{
    /// <summary>Identity's "authentication method reference" claim; "mfa" after a second factor.</summary>
    public const string Amr = "amr";

    public const string Mfa = "mfa";

    /// <summary>When the person last proved who they are (Unix seconds): the log-in, or a re-authentication.</summary>
    public const string AuthTime = "labelkoz:auth_time";

    public static bool HasSecondFactor(this ClaimsPrincipal user) =>
        user?.HasClaim(Amr, Mfa) == true;

    /// <summary>Whether the person proved who they are less than <paramref name="minutes"/> ago.</summary>
    public static bool AuthenticatedWithin(this ClaimsPrincipal user, DateTimeOffset now, int minutes) =>
        user?.FindFirstValue(AuthTime) is { } value
        && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && now - DateTimeOffset.FromUnixTimeSeconds(seconds) <= TimeSpan.FromMinutes(minutes)
        && DateTimeOffset.FromUnixTimeSeconds(seconds) <= now.AddMinutes(1);

    /// <summary>
    /// Signs the person in (again) with the proof just given: the second factor when
    /// <paramref name="secondFactor"/>, and its time, for the re-authentication window.
    /// </summary>
    public static Task SignInProvenAsync(this SignInManager<AppUser> signIn, AppUser user, bool persistent, bool secondFactor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        var claims = new List<Claim> { new(AuthTime, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)) };
        if (secondFactor)
        {
            claims.Add(new Claim(Amr, Mfa));
        }

        return signIn.SignInWithClaimsAsync(user, new AuthenticationProperties { IsPersistent = persistent }, claims);
    }

    /// <summary>Keeps the proof's claims when Identity rebuilds the session's principal (its security-stamp check).</summary>
    public static Task KeepProofAsync(SecurityStampRefreshingPrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.CurrentPrincipal is { } current && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            foreach (var claim in current.Claims.Where(c => c.Type is AuthTime || (c.Type == Amr && c.Value == Mfa)))
            {
                if (!identity.HasClaim(claim.Type, claim.Value))
                {
                    identity.AddClaim(new Claim(claim.Type, claim.Value));
                }
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>The back offices' requirement: a session proven with a second factor (when staff must have one).</summary>
public sealed class SecondFactorRequirement : IAuthorizationRequirement;

/// <summary>
/// Grants <see cref="SecondFactorRequirement"/> to a session proven with a second factor; otherwise
/// marks the request so that the refusal sends staff to set one up or to prove it, not to a 403.
/// </summary>
public sealed class SecondFactorHandler(IOptions<SecondFactorOptions> options, IHttpContextAccessor http) : AuthorizationHandler<SecondFactorRequirement>
{
    public const string MissingKey = "labelkoz:second-factor-missing";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SecondFactorRequirement requirement)
    {
        if (!options.Value.RequiredForStaff || context.User.HasSecondFactor())
        {
            context.Succeed(requirement);
        }
        else if (http.HttpContext is { } httpContext)
        {
            httpContext.Items[MissingKey] = true;
        }

        return Task.CompletedTask;
    }
}

/// <summary>Where a member of staff without a proven second factor is sent instead of a 403.</summary>
public static class SecondFactorRedirect
{
    public const string EnablePath = "/compte/double-authentification/activer";
    public const string ReauthenticatePath = "/compte/reconfirmer";

    /// <summary>
    /// The page to send the person to when a back office refused them for want of a second factor
    /// (null: an ordinary refusal, they are not staff): set one up, or prove the one they have.
    /// </summary>
    public static async Task<string?> ForAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Items.ContainsKey(SecondFactorHandler.MissingKey) || context.User.IdOrNull() is not { } userId)
        {
            return null;
        }

        var db = context.RequestServices.GetRequiredService<AppDbContext>();
        var staff = context.User.IsInRole(Policies.OperatorRole)
            || await db.Memberships.AsNoTracking().AnyAsync(m => m.UserId == userId, context.RequestAborted);
        if (!staff)
        {
            return null;
        }

        var enabled = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleOrDefaultAsync(context.RequestAborted);
        var back = Uri.EscapeDataString(context.Request.PathBase + context.Request.Path + context.Request.QueryString);
        return $"{(enabled ? ReauthenticatePath : EnablePath)}?ReturnUrl={back}";
    }

    /// <summary>Whether this person must set up a second factor before working: staff without one, when it is required.</summary>
    public static async Task<bool> MustEnrolAsync(AppDbContext db, UserManager<AppUser> users, AppUser user, SecondFactorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(options);
        return options.RequiredForStaff && !user.TwoFactorEnabled && await IsStaffAsync(db, users, user, cancellationToken);
    }

    /// <summary>The operator, or a member of any city's staff.</summary>
    public static async Task<bool> IsStaffAsync(AppDbContext db, UserManager<AppUser> users, AppUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        return await db.Memberships.AsNoTracking().AnyAsync(m => m.UserId == user.Id, cancellationToken)
            || await users.IsInRoleAsync(user, Policies.OperatorRole);
    }
}

/// <summary>
/// Authenticator-app codes (RFC 6238: HMAC-SHA1, 30 seconds, 6 digits) read on the platform's clock,
/// one step either side for a phone's drift. Identity keeps the key (<c>AuthenticatorKey</c>).
/// </summary>
public sealed class ClockAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public const int Digits = 6;
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>Codes come from the person's app, never from the platform.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var digits = new string((token ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        if (string.IsNullOrWhiteSpace(key) || digits.Length != Digits || (token ?? string.Empty).Any(c => !char.IsAsciiDigit(c) && c != ' ' && c != '-'))
        {
            return false;
        }

        var secret = Base32.Decode(key);
        var step = StepAt(clock.GetUtcNow());
        var expected = 0;
        for (var offset = -1; offset <= 1; offset++)
        {
            expected |= CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(Code(secret, step + offset)),
                System.Text.Encoding.ASCII.GetBytes(digits)) ? 1 : 0;
        }

        return expected == 1;
    }

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / (long)Step.TotalSeconds;

    /// <summary>The code of <paramref name="step"/> for <paramref name="secret"/> (RFC 4226 §5.3).</summary>
    public static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        // RFC 6238 as every authenticator app computes it: HMAC-SHA1 is what they all read, and HMAC
        // (unlike SHA-1 alone) is not weakened by SHA-1's collisions.
#pragma warning disable CA5350
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }
}

/// <summary>Base32 (RFC 4648) as authenticator apps read keys.</summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = text.Trim().TrimEnd('=').Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("Not a base32 key.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)((buffer >> (bits - 8)) & 0xFF));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
