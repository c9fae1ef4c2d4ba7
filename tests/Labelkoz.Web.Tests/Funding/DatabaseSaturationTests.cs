using System.Net;
using Labelkoz.Domain.Funding;
using Labelkoz.Web.Infrastructure.Persistence;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelkoz.Web.Tests.Funding;

/// <summary>
/// Issue #15, finding 5: a burst of contributions answered 500 when PostgreSQL refused connections.
/// The node's pool is bounded (<c>Database:MaxPoolSize</c>); when no connection comes within
/// <c>Database:PoolTimeoutSeconds</c> (or SQLite's file stays locked past <c>Database:BusyTimeoutSeconds</c>),
/// the request is answered 503 with Retry-After and a French message, and nothing is half-written.
/// </summary>
public sealed class DatabaseSaturationTests(DatabaseSaturationTests.SmallPoolApp app) : IClassFixture<DatabaseSaturationTests.SmallPoolApp>
{
    [Fact]
    public async Task WhenTheDatabaseCannotTakeTheRequest_TheDonorGets503InFrench_NothingIsWritten_AndTheSameFormWorksAfterwards()
    {
        var city = await app.Given.City();
        var campaign = await app.Given.Campaign(city, await app.Given.Citizen(), new CampaignSpec { Tiers = [new TierTerms("Un t-shirt", null, 20_00, 5, 5_00)] });
        var donor = await app.Given.Citizen();
        using var browser = await app.SignedInAsync(donor.Email);
        var path = $"{city.Path}/projets/{campaign.Project.Id}/contribuer";
        var form = await browser.GetAsync(path);
        var fields = new Dictionary<string, string> { ["Input.Amount"] = "25", ["Input.TierId"] = campaign.Tiers[0].ToString(System.Globalization.CultureInfo.InvariantCulture) };

        TestBrowser.Page busy;
        HttpResponseMessage? api = null;
        await using (await HoldTheDatabaseAsync())
        {
            busy = await browser.SubmitAsync(form, "form#contribution", fields);
            if (AppFactory.OnPostgres)
            {
                // Every connection of the pool is taken: the API answers a problem, not a page.
                using var client = app.CreateClient();
                api = await client.GetAsync("/api/v1/municipalities");
                await api.Content.LoadIntoBufferAsync();
            }
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.Status);
        Assert.Contains("Le service est momentanément surchargé.", busy.MainText, StringComparison.Ordinal);
        Assert.Contains("rien n'a été enregistré", busy.MainText, StringComparison.Ordinal);
        Assert.Equal(DatabaseBusy.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), busy.Response.Headers.RetryAfter?.ToString());
        busy.AssertAccessibleStructure();
        Assert.Equal(0, await app.WithDbAsync(db => db.Contributions.CountAsync(c => c.CampaignId == campaign.Id)));
        Assert.Equal(0, await app.WithDbAsync(db => db.RewardTiers.Where(t => t.Id == campaign.Tiers[0]).Select(t => t.Taken).SingleAsync()));
        if (api is not null)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            Assert.Contains("momentanément surchargé", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.NotNull(api.Headers.RetryAfter);
        }

        // The same form, sent again once the database is free: one contribution, one unit held.
        var again = await browser.SubmitAsync(form, "form#contribution", fields);
        Assert.Equal(HttpStatusCode.SeeOther, again.Status);
        Assert.Equal(1, await app.WithDbAsync(db => db.Contributions.CountAsync(c => c.CampaignId == campaign.Id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.RewardTiers.Where(t => t.Id == campaign.Tiers[0]).Select(t => t.Taken).SingleAsync()));
    }

    [Fact]
    public async Task ThreeHundredContributionsAtOnce_OnASmallPool_AreAnsweredWithoutA500_AndNeverOversell()
    {
        const int Units = 40;
        var city = await app.Given.City();
        var campaign = await app.Given.Campaign(city, await app.Given.Citizen(), new CampaignSpec { Tiers = [new TierTerms("Un t-shirt", null, 20_00, Units, 5_00)] });
        var path = $"{city.Path}/projets/{campaign.Project.Id}/contribuer";
        var tier = campaign.Tiers[0].ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Sixty donors, five forms each (every form has its own key): 300 different contributions. A
        // person holds one unpaid unit at most (issue #16), so sixty donors compete for forty units.
        var forms = new List<(TestBrowser Browser, TestBrowser.Page Form)>();
        var browsers = new List<TestBrowser>();
        for (var d = 0; d < 60; d++)
        {
            var browser = await app.SignedInAsync((await app.Given.Citizen()).Email);
            browsers.Add(browser);
            for (var f = 0; f < 5; f++)
            {
                forms.Add((browser, await browser.GetAsync(path)));
            }
        }

        try
        {
            var answers = await Task.WhenAll(forms.Select(x => x.Browser.SubmitAsync(x.Form, "form#contribution", new Dictionary<string, string> { ["Input.Amount"] = "25", ["Input.TierId"] = tier })));

            var statuses = answers.GroupBy(a => (int)a.Status).ToDictionary(g => g.Key, g => g.Count());
            var described = string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"));
            Assert.True(statuses.Keys.All(s => s is (>= 200 and < 400) or 503), described);
            var held = await app.WithDbAsync(db => db.Contributions.CountAsync(c => c.CampaignId == campaign.Id && c.TierId != null && c.Status != ContributionStatus.Failed));
            var taken = await app.WithDbAsync(db => db.RewardTiers.Where(t => t.Id == campaign.Tiers[0]).Select(t => t.Taken).SingleAsync());
            Assert.True(held <= Units, $"{held} units held of {Units} ({described})");
            Assert.Equal(held, taken);

            // A donor sent to the processor holds a unit; one answered 503 after its contribution was
            // saved holds one too, pending (the same form resumes it, or it expires): never more.
            Assert.True(answers.Count(a => a.Status == HttpStatusCode.SeeOther) <= held, described);
            Assert.True(answers.Any(a => a.Status == HttpStatusCode.SeeOther), described);

            // Every ledger transaction of the platform balances.
            var unbalanced = await app.WithDbAsync(db => db.LedgerLines.GroupBy(l => l.TransactionId).Where(g => g.Sum(l => l.AmountCents) != 0).CountAsync());
            Assert.Equal(0, unbalanced);
        }
        finally
        {
            browsers.ForEach(b => b.Dispose());
        }
    }

    /// <summary>
    /// Makes the database refuse the app for a while: on PostgreSQL every connection of the node's
    /// pool is held open; on SQLite another connection holds the file's write lock.
    /// </summary>
    private async Task<IAsyncDisposable> HoldTheDatabaseAsync()
    {
        var held = new Held();
        if (AppFactory.OnPostgres)
        {
            for (var i = 0; i < SmallPoolApp.PoolSize; i++)
            {
                var scope = app.Services.CreateAsyncScope();
                held.Scopes.Add(scope);
                await scope.ServiceProvider.GetRequiredService<Data.AppDbContext>().Database.OpenConnectionAsync();
            }
        }
        else
        {
            var settings = app.Services.GetRequiredService<DatabaseSettings>();
            held.Sqlite = new SqliteConnection(settings.ConnectionString);
            await held.Sqlite.OpenAsync();
            await using var begin = held.Sqlite.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        return held;
    }

    private sealed class Held : IAsyncDisposable
    {
        public List<AsyncServiceScope> Scopes { get; } = [];

        public SqliteConnection? Sqlite { get; set; }

        public async ValueTask DisposeAsync()
        {
            foreach (var scope in Scopes)
            {
                await scope.DisposeAsync();
            }

            if (Sqlite is not null)
            {
                await using (var rollback = Sqlite.CreateCommand())
                {
                    rollback.CommandText = "ROLLBACK;";
                    await rollback.ExecuteNonQueryAsync();
                }

                await Sqlite.DisposeAsync();
            }
        }
    }

    /// <summary>A node with a pool of four connections that waits one second for one (or for SQLite's lock).</summary>
    public sealed class SmallPoolApp : AppFactory
    {
        public const int PoolSize = 4;

        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
        [
            new("Database:MaxPoolSize", PoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Database:PoolTimeoutSeconds", "1"),
            new("Database:BusyTimeoutSeconds", "1"),
        ];
    }
}
