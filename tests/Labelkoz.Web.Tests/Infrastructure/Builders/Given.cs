using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Infrastructure.Builders;

/// <summary>
/// What a test needs, built through the domain's own factories and transitions and saved through
/// the app's <see cref="AppDbContext"/> (in a scope with no tenant), on the app's clock. One method
/// per aggregate; every name, slug and e-mail is unique, so tests never collide on a shared database.
/// <code>
/// var city = await app.Given.City();
/// var holder = await app.Given.Citizen();
/// var project = await app.Given.LabelledProject(city, holder);
/// </code>
/// </summary>
public sealed partial class Given(IServiceProvider services)
{
    /// <summary>The password of every account built here (the demo's: <c>TestBrowser.LogInAsync</c> defaults to it).</summary>
    public const string Password = Web.Demo.DemoSeeder.DemoPassword;

    private static int _sequence;

    /// <summary>A number no other call in this test run returns: unique slugs, e-mails, titles.</summary>
    /// <remarks>
    /// A number the password contains ("2026") is skipped: an e-mail or a name holding it would make
    /// the password refused as containing personal data.
    /// </remarks>
    public static int Next()
    {
        int n;
        do
        {
            n = Interlocked.Increment(ref _sequence);
        }
        while (Password.Contains(n.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        return n;
    }

    /// <summary>A word no other text contains, to find a test's own rows by search.</summary>
    public static string Token(string prefix = "zq") => prefix + Guid.NewGuid().ToString("N")[..10];

    private DateTime Now => services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    /// <summary>
    /// A confirmed account that can log in with <see cref="Password"/>, staff of no city; with
    /// <paramref name="email"/> when the test knew the address first (an invitation sent before the account exists).
    /// </summary>
    public Task<TestUser> Citizen(string? displayName = null, long? homeCityId = null, string? email = null) =>
        NewUserAsync("habitant", displayName ?? $"Habitante {Next()}", homeCityId, withPassword: true, email);

    /// <summary>An account without password (a supporter, a commenter that never logs in): quicker to make.</summary>
    public Task<TestUser> Person(string? displayName = null) =>
        NewUserAsync("personne", displayName ?? $"Personne {Next()}", null, withPassword: false);

    /// <summary>A platform operator (the role is created on first use: only the demo seeding makes it otherwise).</summary>
    public async Task<TestUser> Operator()
    {
        var user = await NewUserAsync("operateur", $"Opératrice {Next()}", null, withPassword: true, secondFactor: true);
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<long>>>();
        if (!await roles.RoleExistsAsync(Policies.OperatorRole))
        {
            await roles.CreateAsync(new IdentityRole<long>(Policies.OperatorRole));
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var added = await users.AddToRoleAsync((await users.FindByIdAsync(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))!, Policies.OperatorRole);
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Description)));
        return user;
    }

    private async Task<TestUser> NewUserAsync(string prefix, string displayName, long? homeCityId, bool withPassword, string? email = null, bool secondFactor = false)
    {
        email ??= $"{prefix}-{Next()}-{Guid.NewGuid():N}"[..(prefix.Length + 14)] + "@exemple.fr";
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            HomeMunicipalityId = homeCityId,
            CreatedAtUtc = Now,
        };
        var created = withPassword ? await users.CreateAsync(user, Password) : await users.CreateAsync(user);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        if (secondFactor)
        {
            // Staff have set up their authenticator app (mandatory, ADR 19): the test browser holds the same key.
            await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", TestTotp.Key);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        return new TestUser(user.Id, email, displayName);
    }

    private async Task<T> InDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private T Service<T>()
        where T : notnull => services.GetRequiredService<T>();
}

/// <summary>An account built for a test.</summary>
public sealed record TestUser(long Id, string Email, string DisplayName);
