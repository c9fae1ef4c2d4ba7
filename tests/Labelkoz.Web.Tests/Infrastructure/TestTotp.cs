using Labelkoz.Web.Features.Accounts.SecondFactor;

namespace Labelkoz.Web.Tests.Infrastructure;

/// <summary>
/// The authenticator app of test staff (ADR 19): every staff account the builders make is enrolled
/// with <see cref="Key"/>, and a test browser types the code it shows at the server's time. The code
/// is RFC 6238's (checked against the RFC's own vectors in <c>SecondFactorTests</c>).
/// </summary>
public static class TestTotp
{
    /// <summary>A base32 key, as Identity stores an authenticator key.</summary>
    public const string Key = Labelkoz.Web.Demo.DemoSeeder.DemoAuthenticatorKey;

    public static string Code(string key, DateTimeOffset at) =>
        ClockAuthenticatorTokenProvider.Code(Base32.Decode(key), ClockAuthenticatorTokenProvider.StepAt(at));
}
