using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Tests.Infrastructure.Builders;

/// <summary>What a test city looks like; every part has a plausible default.</summary>
public sealed record CitySpec
{
    /// <summary>The city's name; "Ville N" when null (N unique).</summary>
    public string? Name { get; init; }

    public int Population { get; init; } = 40_000;

    public IReadOnlyList<string> Neighbourhoods { get; init; } = ["Centre-ville", "Les Coteaux", "Le Port"];

    public ModerationMode ProjectModeration { get; init; } = ModerationMode.PostModeration;

    public ModerationMode CommentModeration { get; init; } = ModerationMode.PostModeration;

    public SubscriptionStatus SubscriptionStatus { get; init; } = SubscriptionStatus.Trial;

    /// <summary>Contact details and presentation, as the city's public pages show them.</summary>
    public bool WithPresentation { get; init; } = true;

    /// <summary>A logo (<see cref="Given.TinyPng"/>) stored as an upload would be.</summary>
    public bool WithLogo { get; init; }
}

/// <summary>A city built for a test, with its admin and its agent (accounts that can log in).</summary>
public sealed record TestCity(long Id, string Slug, string Name, string InseeCode, TestUser Admin, TestUser Agent, IReadOnlyList<string> Neighbourhoods)
{
    public string Path => "/" + Slug;

    public string AdminPath => $"/{Slug}/admin";
}

public sealed partial class Given
{
    /// <summary>A 1×1 PNG: a logo, a project image.</summary>
    public static readonly byte[] TinyPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A municipality (its site, slug, neighbourhoods, settings and subscription status) with an admin and an agent.</summary>
    public async Task<TestCity> City(CitySpec? spec = null)
    {
        spec ??= new CitySpec();
        var n = Next();
        var name = spec.Name ?? $"Ville {n}";
        var slug = $"ville-{n}-{Guid.NewGuid():N}"[..(n.ToString(System.Globalization.CultureInfo.InvariantCulture).Length + 12)];
        var insee = $"98{n % 1000:000}";
        var taken = await InDbAsync(db => db.Municipalities.Select(m => m.InseeCode).ToListAsync());

        // The counter is shared by every class of the run: 1000 numbers apart, two cities of one app would share a code.
        while (taken.Contains(insee))
        {
            insee = $"9{Random.Shared.Next(10_000):0000}";
        }

        var now = Now;
        var logo = spec.WithLogo ? await Service<IFileStore>().SaveAsync("logos", TinyPng, "png", CancellationToken.None) : null;
        var cityId = await InDbAsync(async db =>
        {
            var city = Municipality.Create(name, slug, insee, spec.Population, now);
            city.SetOfficialIdentity("219300480");
            if (spec.WithPresentation)
            {
                city.UpdatePresentation(name, $"{name} soutient les projets de ses habitants.", $"contact@{slug}.exemple.fr", "01 02 03 04 05", null, now);
                city.SetBillingAddress($"Hôtel de ville\n98000 {name}", now);
            }

            if (logo is not null)
            {
                city.ReplaceLogo(logo, "image/png", now);
            }

            city.UpdateSettings(spec.ProjectModeration, spec.CommentModeration, city.LabelRequiredForFunding, city.AccessibilityCompliance, now);
            city.SetSubscriptionStatus(spec.SubscriptionStatus, now);
            foreach (var neighbourhood in spec.Neighbourhoods)
            {
                city.AddNeighbourhood(neighbourhood, now);
            }

            db.Municipalities.Add(city);
            await db.SaveChangesAsync();
            return city.Id;
        });

        var admin = await Staff(cityId, StaffRole.Admin, $"Administratrice de {name}");
        var agent = await Staff(cityId, StaffRole.Agent, $"Agent de {name}");
        return new TestCity(cityId, slug, name, insee, admin, agent, spec.Neighbourhoods);
    }

    /// <summary>Two cities, each with its staff: for tests of what one city may not see of another.</summary>
    public async Task<(TestCity One, TestCity Other)> TwoCities() => (await City(), await City());

    /// <summary>A new account, member of the city's staff with <paramref name="role"/>.</summary>
    public Task<TestUser> Staff(TestCity city, StaffRole role) => Staff(city.Id, role, $"{(role == StaffRole.Admin ? "Admin" : "Agent")} {Next()}");

    private async Task<TestUser> Staff(long cityId, StaffRole role, string displayName)
    {
        var user = await NewUserAsync(role == StaffRole.Admin ? "admin" : "agent", displayName, cityId, withPassword: true, secondFactor: true);
        await InDbAsync(async db =>
        {
            var city = await db.Municipalities.Include(m => m.Memberships).SingleAsync(m => m.Id == cityId);
            city.GrantRole(user.Id, role, Now);
            return await db.SaveChangesAsync();
        });
        return user;
    }

    /// <summary>Moves the city's subscription status, as the operator (or billing) would.</summary>
    public Task SubscriptionStatus(TestCity city, SubscriptionStatus status) =>
        InDbAsync(async db =>
        {
            var municipality = await db.Municipalities.SingleAsync(m => m.Id == city.Id);
            municipality.SetSubscriptionStatus(status, Now);
            return await db.SaveChangesAsync();
        });
}
