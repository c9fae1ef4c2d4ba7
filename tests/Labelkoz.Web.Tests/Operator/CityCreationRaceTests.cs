using System.Net;
using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Labelkoz.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Operator;

/// <summary>
/// Two operators create the same city at once: the second passes the "already taken" check, then
/// meets the unique index at save time, and still gets the message on the form, not an error page.
/// </summary>
public sealed class CityCreationRaceTests(CityCreationRaceTests.RacingApp app) : IClassFixture<CityCreationRaceTests.RacingApp>
{
    [Fact]
    public async Task ASlugTakenBetweenTheCheckAndTheSave_IsReportedOnTheForm()
    {
        using var browser = await app.SignedInAsync((await app.Given.Operator()).Email);
        var form = await browser.GetAsync("/operateur/villes/nouvelle");

        var page = await browser.SubmitAsync(form, "form#nouvelle-ville", new Dictionary<string, string>
        {
            ["Input.Name"] = "Rosny-sous-Bois",
            ["Input.Slug"] = RacingApp.ContestedSlug,
            ["Input.InseeCode"] = "93064",
            ["Input.Population"] = "46000",
            ["Input.AdminEmail"] = "premiere.admin@exemple.fr",
        });

        Assert.True(app.Rival.Struck, "The rival creation did not happen: the test proves nothing.");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("est déjà utilisée par Rosny (l'autre)", page.FieldError("Input_Slug-error"), StringComparison.Ordinal);
        Assert.Equal(["Rosny (l'autre)"], await app.WithDbAsync(db => db.Municipalities.Where(m => m.Slug == RacingApp.ContestedSlug).Select(m => m.Name).ToListAsync()));
        Assert.False(await app.WithDbAsync(db => db.StaffInvitations.AnyAsync(i => i.Email == "premiere.admin@exemple.fr")));
        Assert.DoesNotContain(app.Mail.List(), m => m.To == "premiere.admin@exemple.fr");
    }

    public sealed class RacingApp : AppFactory
    {
        public const string ContestedSlug = "rosny";

        public RivalCreation Rival { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(Rival);
                services.ConfigureDbContext<AppDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<RivalCreation>()));
            });
        }
    }

    /// <summary>
    /// Just before the page's save opens its transaction, another request creates a city with the same
    /// slug. (At the transaction's start, not in SaveChanges: the audit chain's sealer opens the
    /// transaction before EF inserts, and SQLite would make a rival writer wait for it.)
    /// </summary>
    public sealed class RivalCreation : DbTransactionInterceptor
    {
        public bool Struck { get; private set; }

        public override async ValueTask<InterceptionResult<System.Data.Common.DbTransaction>> TransactionStartingAsync(System.Data.Common.DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<System.Data.Common.DbTransaction> result, CancellationToken cancellationToken = default)
        {
            var context = eventData.Context!;
            var contested = context.ChangeTracker.Entries<Municipality>().Any(e => e.State == EntityState.Added && e.Entity.Slug == RacingApp.ContestedSlug);
            if (contested && !Struck)
            {
                Struck = true;
                var options = new DbContextOptionsBuilder<AppDbContext>();
                _ = context.Database.IsNpgsql()
                    ? options.UseNpgsql(context.Database.GetConnectionString())
                    : options.UseSqlite(context.Database.GetConnectionString());
                await using var rival = new AppDbContext(options.Options, Data.Tenancy.NoTenant.Instance);
                rival.Municipalities.Add(Municipality.Create("Rosny (l'autre)", RacingApp.ContestedSlug, "93063", 1, DateTime.UtcNow));
                await rival.SaveChangesAsync(cancellationToken);
            }

            return result;
        }
    }
}
