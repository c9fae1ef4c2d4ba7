using Labelkoz.Data;
using Labelkoz.Web.Infrastructure.Mail;
using Labelkoz.Web.Tests.Infrastructure.Builders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Labelkoz.Web.Tests.Infrastructure;

/// <summary>
/// The real application over HTTP on a real, migrated database of its own: SQLite by default,
/// PostgreSQL when <c>LABELKOZ_TEST_DB=Postgres</c> (the test script runs the suite on both). One
/// database per test class, empty but for the platform's own reference data (the plans): each test
/// builds what it needs with <see cref="Given"/>. Only the tests of the demo itself start from the
/// demo data (<see cref="DemoAppFactory"/>).
/// </summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("labelkoz-test-").FullName;
    private readonly string _postgresDatabase = $"labelkoz_test_{Guid.NewGuid():N}";

    public static bool OnPostgres => string.Equals(Environment.GetEnvironmentVariable("LABELKOZ_TEST_DB"), "Postgres", StringComparison.OrdinalIgnoreCase);

    public static string PostgresServer => Environment.GetEnvironmentVariable("LABELKOZ_TEST_POSTGRES")
        ?? "Host=localhost;Port=5432;Username=labelkoz;Password=labelkoz";

    public MailSink Mail => Services.GetRequiredService<MailSink>();

    /// <summary>Counts every SQL command the app sends (see <see cref="SqlCommandCounter"/>).</summary>
    public SqlCommandCounter SqlCommands { get; } = new();

    public string DataDirectory => _dataDirectory;

    /// <summary>Builds cities, accounts, projects, calls, campaigns and subscriptions through the domain.</summary>
    public Given Given => new(Services);

    /// <summary>Whether the demo data (Montreuil, Bagnolet, the demo accounts and stories) is seeded at start-up.</summary>
    protected virtual bool SeedDemoData => false;

    /// <summary>Extra settings a test class needs (e.g. a tight rate limit).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [];

    public virtual async Task InitializeAsync()
    {
        if (OnPostgres)
        {
            // A copy of a database migrated once per build (a file copy on the server): migrating
            // each class's database took about two seconds of the suite's time per class.
            var template = await PostgresTemplateAsync();
            await using var connection = new NpgsqlConnection(PostgresServer + ";Database=postgres;Pooling=false");
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_postgresDatabase}\" TEMPLATE \"{template}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        // Starts the host: migrations (none left on PostgreSQL; all of them on SQLite) and the demo seeding, if any, run now.
        _ = Server;
    }

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    /// <summary>
    /// The name of a PostgreSQL database holding every migration of this build of the PostgreSQL
    /// migrations assembly (named by its module version id, so a rebuild never reuses an older
    /// schema), made on first use: migrated under a temporary name, then renamed, so a run stopped
    /// half-way leaves no half-migrated template. The templates of other builds are dropped.
    /// </summary>
    private static async Task<string> PostgresTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }

            var migrations = typeof(Labelkoz.Migrations.Postgres.DesignTimeFactory).Assembly;
            var name = $"labelkoz_template_{migrations.ManifestModule.ModuleVersionId:N}";
            await using var server = new NpgsqlConnection(PostgresServer + ";Database=postgres;Pooling=false");
            await server.OpenAsync();
            var existing = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'labelkoz\\_template\\_%'", server))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    existing.Add(reader.GetString(0));
                }
            }

            foreach (var old in existing.Where(d => d != name))
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{old}\" WITH (FORCE)", server);
                await drop.ExecuteNonQueryAsync();
            }

            if (!existing.Contains(name))
            {
                var building = name + "_building";
                await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{building}\"", server))
                {
                    await create.ExecuteNonQueryAsync();
                }

                var options = new DbContextOptionsBuilder<AppDbContext>()
                    .UseNpgsql($"{PostgresServer};Database={building};Pooling=false", o => o.MigrationsAssembly(migrations.GetName().Name))
                    .Options;
                await using (var db = new AppDbContext(options, Data.Tenancy.NoTenant.Instance))
                {
                    await db.Database.MigrateAsync();
                }

                await using var rename = new NpgsqlCommand($"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"", server);
                await rename.ExecuteNonQueryAsync();
            }

            return _template = name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (OnPostgres)
        {
            await DropPostgresDatabaseAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by SQLite's pool: the temp folder is cleaned by the OS.
        }
    }

    /// <summary>
    /// Drops this class's database. A pooled connection being torn down at the same moment can make
    /// the first attempt fail, so it is retried; a database left behind is not a test failure.
    /// </summary>
    private async Task DropPostgresDatabaseAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(PostgresServer + ";Database=postgres;Pooling=false");
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException exception) when (attempt < 5)
            {
                await Console.Error.WriteLineAsync($"Dropping {_postgresDatabase} failed ({exception.SqlState}: {exception.MessageText}); retrying.");
                await Task.Delay(300 * attempt);
            }
            catch (PostgresException exception)
            {
                await Console.Error.WriteLineAsync($"Test database {_postgresDatabase} left behind: {exception.SqlState}: {exception.MessageText}");
                return;
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Database:SeedDemoData", SeedDemoData ? "true" : "false");
        builder.UseSetting("RateLimiting:AuthForms:PermitLimit", "100000");
        builder.UseSetting("Mail:Smtp:Host", string.Empty);

        // Tests run the funding job themselves (FundingJobService.RunOnceAsync), when they choose.
        builder.UseSetting("Funding:RunJobs", "false");

        // Loading the 35 000 communes takes a second or two: only the test classes that need them do it.
        builder.UseSetting("ReferenceData:LoadCommunes", "false");
        builder.UseSetting("Subscriptions:RunJobs", "false");

        // Tests close calls themselves (CallClosing.CloseDueCallsAsync). The closing service still runs
        // once at start-up, then rarely: on a fake clock moved a month ahead, a 30-second period
        // would fire its timer some 90 000 times, which made such a test last minutes.
        builder.UseSetting("Calls:ClosingIntervalSeconds", "3600");
        if (OnPostgres)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            // A bounded pool per test database: the concurrency tests queue for connections as a busy
            // server would, instead of exhausting the PostgreSQL server shared by the parallel test classes.
            builder.UseSetting("ConnectionStrings:Postgres", $"{PostgresServer};Database={_postgresDatabase};Maximum Pool Size=20");
        }
        else
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(_dataDirectory, "test.db")}");
        }

        foreach (var (key, value) in ExtraSettings())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(SqlCommands));

            // Every account a test builds or signs in with derives its password hash (PBKDF2): at the
            // production's 100 000 iterations that was most of the suites' processor time. The hash's
            // format, its checks and the sign-in code are the same; only the work factor is smaller.
            // The browser journeys run the production setting.
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000);
        });
    }

    /// <summary>
    /// A browser-like client: cookies kept, redirects not followed (tests assert them), over https
    /// like production, so Secure cookies (the session outside Development) are sent back.
    /// </summary>
    public TestBrowser NewBrowser() => new(
        CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("https://localhost"),
        }),
        () => Services.GetRequiredService<TimeProvider>().GetUtcNow());
}
