using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Infrastructure.Storage;
using Labelkoz.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Demo;

/// <summary>
/// Demo data for a one-command start: Montreuil and Bagnolet with their staff, an operator and two
/// citizens. Idempotent: each piece is looked up by its natural key before it is created.
/// </summary>
public sealed partial class DemoSeeder(
    AppDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole<long>> roles,
    IFileStore files,
    DemoProjects projects,
    DemoCalls calls,
    DemoFunding funding,
    DemoSubscriptions subscriptions,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    /// <summary>Shared by every demo account; long enough and absent from common-password lists.</summary>
    public const string DemoPassword = "Labelkoz-Demo-2026";

    /// <summary>
    /// The authenticator key of every demo staff account (staff must have a second factor, ADR 19):
    /// printed at start-up, to add to any authenticator app (or <c>oathtool --totp -b KEY</c>).
    /// Demo data only; a real account sets up its own key at its first log-in.
    /// </summary>
    public const string DemoAuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("operateur@demo.labelkoz.fr", "Opératrice de la plateforme", null, null, "Opérateur de la plateforme"),
        new("admin@montreuil.demo.labelkoz.fr", "Amina Benali", "93048", StaffRole.Admin, "Administratrice — Montreuil"),
        new("agent@montreuil.demo.labelkoz.fr", "Lucas Martin", "93048", StaffRole.Agent, "Agent — Montreuil"),
        new("admin@bagnolet.demo.labelkoz.fr", "Claire Dubois", "93006", StaffRole.Admin, "Administratrice — Bagnolet"),
        new("agent@bagnolet.demo.labelkoz.fr", "Yanis Haddad", "93006", StaffRole.Agent, "Agent — Bagnolet"),
        new("camille@demo.labelkoz.fr", "Camille Leroy", null, null, "Citoyenne (Montreuil)"),
        new("hugo@demo.labelkoz.fr", "Hugo Moreau", null, null, "Citoyen (Bagnolet)"),
        new("lea@demo.labelkoz.fr", "Léa Fontaine", null, null, "Citoyenne (Montreuil)"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await roles.RoleExistsAsync(Policies.OperatorRole))
        {
            await roles.CreateAsync(new IdentityRole<long>(Policies.OperatorRole));
        }

        var montreuil = await EnsureMunicipalityAsync(
            "Montreuil", "montreuil", "93048", "219300480", 111_934, "#0B5F3C", "montreuil.png",
            "Montreuil, ville de création et de solidarités aux portes de Paris, soutient les projets imaginés par ses habitantes et habitants : jardins partagés, équipements sportifs, lieux culturels, commerces de proximité.",
            "contact-projets@montreuil.demo.labelkoz.fr", "01 48 70 60 00", "https://www.montreuil.fr/", "Hôtel de ville, place Jean-Jaurès\n93100 Montreuil",
            ["Bas-Montreuil", "Centre-ville", "Croix-de-Chavaux", "La Boissière", "Montreau – Le Morillon", "Ruffins – Théophile Sueur", "Villiers – Barbusse"],
            now, cancellationToken);
        var bagnolet = await EnsureMunicipalityAsync(
            "Bagnolet", "bagnolet", "93006", "219300068", 36_605, "#8E244C", "bagnolet.png",
            "Bagnolet accompagne les initiatives citoyennes qui rendent la ville plus verte, plus solidaire et plus vivante, quartier par quartier.",
            "participation@bagnolet.demo.labelkoz.fr", "01 49 93 60 00", "https://www.ville-bagnolet.fr/", "Hôtel de ville, place Salvador-Allende\n93170 Bagnolet",
            ["Centre-ville", "La Noue", "Les Coutures", "Le Plateau – Malassis", "La Dhuys"],
            now, cancellationToken);

        foreach (var account in Accounts)
        {
            var user = await EnsureUserAsync(account, account.Email.StartsWith("hugo", StringComparison.Ordinal) ? bagnolet.Id : montreuil.Id, now);
            if (account.Email.StartsWith("operateur", StringComparison.Ordinal) && !await users.IsInRoleAsync(user, Policies.OperatorRole))
            {
                await users.AddToRoleAsync(user, Policies.OperatorRole);
            }

            if (account.Role is { } role)
            {
                var city = account.InseeCode == montreuil.InseeCode ? montreuil : bagnolet;
                if (city.RoleOf(user.Id) is null)
                {
                    city.GrantRole(user.Id, role, now);
                }
            }

            if ((account.Role is not null || account.Email.StartsWith("operateur", StringComparison.Ordinal)) && !user.TwoFactorEnabled)
            {
                await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoAuthenticatorKey);
                await users.SetTwoFactorEnabledAsync(user, true);
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var account in Accounts)
        {
            ids[account.Email] = (await users.FindByEmailAsync(account.Email))!.Id;
        }

        await projects.SeedAsync(montreuil, bagnolet, ids, now, cancellationToken);
        await calls.SeedAsync(montreuil, ids, now, cancellationToken);
        await funding.SeedAsync(montreuil, ids, now, cancellationToken);
        await subscriptions.SeedAsync(montreuil, bagnolet, ids["operateur@demo.labelkoz.fr"], now, cancellationToken);
        LogAccounts();
    }

    private async Task<Municipality> EnsureMunicipalityAsync(
        string name, string slug, string insee, string siren, int population, string colour, string logo,
        string presentation, string email, string phone, string website, string billingAddress, string[] neighbourhoods,
        DateTime now, CancellationToken cancellationToken)
    {
        var existing = await db.Municipalities.Include(m => m.Memberships).SingleOrDefaultAsync(m => m.InseeCode == insee, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var city = Municipality.Create(name, slug, insee, population, now);
        city.SetOfficialIdentity(siren);
        city.UpdatePresentation(name, presentation, email, phone, website, now);
        city.ChangeBrandColour(BrandColour.Parse(colour), now);
        city.SetBillingAddress(billingAddress, now);
        await using (var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream($"Labelkoz.Web.SeedAssets.{logo}")!)
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            var key = await files.SaveAsync("logos", buffer.ToArray(), "png", cancellationToken);
            city.ReplaceLogo(key, "image/png", now);
        }

        foreach (var neighbourhood in neighbourhoods)
        {
            city.AddNeighbourhood(neighbourhood, now);
        }

        db.Municipalities.Add(city);
        await db.SaveChangesAsync(cancellationToken);
        return city;
    }

    private async Task<AppUser> EnsureUserAsync(DemoAccount account, long homeMunicipalityId, DateTime now)
    {
        var user = await users.FindByEmailAsync(account.Email);
        if (user is not null)
        {
            return user;
        }

        user = new AppUser
        {
            UserName = account.Email,
            Email = account.Email,
            EmailConfirmed = true,
            DisplayName = account.DisplayName,
            HomeMunicipalityId = homeMunicipalityId,
            CreatedAtUtc = now,
        };
        var result = await users.CreateAsync(user, DemoPassword);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo account could not be created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        return user;
    }

    private void LogAccounts()
    {
        var lines = string.Join(Environment.NewLine, Accounts.Select(a => $"  {a.Description,-32} {a.Email}"));
        LogDemoAccounts(logger, DemoPassword, lines, DemoAuthenticatorKey);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Comptes de démonstration (mot de passe commun : {Password}) :\n{Accounts}\nLes comptes des équipes et de l'opérateur demandent un code de double authentification : ajoutez la clé {Key} à une application d'authentification (FreeOTP, Aegis, Google Authenticator…) ou tapez « oathtool --totp -b {Key} ».")]
    private static partial void LogDemoAccounts(ILogger logger, string password, string accounts, string key);

    public sealed record DemoAccount(string Email, string DisplayName, string? InseeCode, StaffRole? Role, string Description);
}
