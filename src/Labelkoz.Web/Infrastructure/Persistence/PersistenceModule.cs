using Labelkoz.Data;
using Labelkoz.Data.Audit;
using Labelkoz.Data.Tenancy;
using Labelkoz.Web.Infrastructure.Storage;
using Labelkoz.Web.Infrastructure.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static partial class PersistenceModule
{
    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Everything is read from configuration when first resolved, not now: tests and hosts may
        // still add configuration after this method has run.
        builder.Services.AddSingleton(services =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            var environment = services.GetRequiredService<IWebHostEnvironment>();
            return new DataDirectory(Path.Combine(environment.ContentRootPath, configuration["Storage:DataDirectory"] ?? "data"));
        });
        builder.Services.AddSingleton<IFileStore, LocalFileStore>();
        builder.Services.AddScoped<TenantContext>();
        builder.Services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        builder.Services.AddSingleton<TenantWriteGuard>();
        builder.Services.AddSingleton<AuditChainSealer>();
        builder.Services.AddSingleton(services => DatabaseSettings.From(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<DataDirectory>()));
        builder.Services.AddDbContext<AppDbContext>((services, options) =>
        {
            var settings = services.GetRequiredService<DatabaseSettings>();
            _ = settings.Provider switch
            {
                DatabaseProvider.Sqlite => options.UseSqlite(settings.ConnectionString, o => o.MigrationsAssembly("Labelkoz.Migrations.Sqlite")),
                DatabaseProvider.Postgres => options.UseNpgsql(settings.ConnectionString, o => o.MigrationsAssembly("Labelkoz.Migrations.Postgres")),
            };
            // The guard first: a refused write never takes a chain's lock.
            options.AddInterceptors(services.GetRequiredService<TenantWriteGuard>(), services.GetRequiredService<AuditChainSealer>());
        });
        return builder;
    }

    /// <summary>Applies pending migrations. Reference data and demo data are loaded afterwards by their own features (see Program.cs).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers proceed while one writer commits.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.CloseConnectionAsync();
        }

        await StopOnUnknownMigrationsAsync(app, db);
        await db.Database.MigrateAsync();

        // Entries written before the audit hash chain (ADR 21) are chained once, before any request.
        await AuditChainBackfill.RunAsync(db);
    }

    /// <summary>
    /// Stops the start-up, with a message that says what to do, when the database's migration history
    /// holds migrations this version does not have: above all a database migrated before the migrations
    /// were squashed on 2026-12-07 (ADR 14), on which MigrateAsync would fail on its first CREATE TABLE.
    /// </summary>
    private static async Task StopOnUnknownMigrationsAsync(WebApplication app, AppDbContext db)
    {
        var known = db.Database.GetMigrations().ToList();
        var unknown = (await db.Database.GetAppliedMigrationsAsync()).Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        var problem = known.Count > 0 && unknown.TrueForAll(id => string.CompareOrdinal(id, known[0]) < 0)
            ? $"This database was created by migrations squashed on 2026-12-07 (ADR 14): its history holds {unknown.Count} migration(s) this version no longer has ({unknown[0]} to {unknown[^1]})."
            : $"This database's history holds migrations this version of Labelkoz does not have ({string.Join(", ", unknown)}): it was migrated by another version.";
        var remedy = db.Database.IsSqlite()
            ? $"Delete {app.Services.GetRequiredService<DataDirectory>().Path} (src/Labelkoz.Web/data in development) to start again."
            : $"Drop the database \"{db.Database.GetDbConnection().Database}\" (the app creates it again) to start again.";
        var message = $"{problem} {remedy}";
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PersistenceModule));
        LogUnknownMigrations(logger, message);
        throw new InvalidOperationException(message);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Message}")]
    private static partial void LogUnknownMigrations(ILogger logger, string message);
}

public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseSettings From(IConfiguration configuration, DataDirectory dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(dataDirectory);
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        return provider switch
        {
            DatabaseProvider.Sqlite => new(provider, SqliteConnectionString(configuration.GetConnectionString("Sqlite"), dataDirectory, Math.Clamp(configuration.GetValue("Database:BusyTimeoutSeconds", 30), 1, 600))),
            DatabaseProvider.Postgres => new(provider, configuration.GetConnectionString("Postgres") is { Length: > 0 } pg
                ? PostgresConnectionString(pg, configuration)
                : throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is empty.")),
        };
    }

    /// <summary>Connections one web node opens to PostgreSQL at most, unless configured: see the README's rule.</summary>
    public const int DefaultMaxPoolSize = 20;

    /// <summary>Seconds a request waits for a free connection before it is answered 503 (<see cref="DatabaseBusy"/>).</summary>
    public const int DefaultPoolTimeoutSeconds = 5;

    /// <summary>
    /// The node's connection pool is bounded: <c>Database:MaxPoolSize</c> connections (20 by default,
    /// where Npgsql would open up to 100, more than a default PostgreSQL accepts from several
    /// nodes), unless the connection string sets its own; a request waits
    /// <c>Database:PoolTimeoutSeconds</c> (5) for a free one, then is answered 503.
    /// </summary>
    private static string PostgresConnectionString(string configured, IConfiguration configuration)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured }.Keys
            .Cast<string>().Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        if (configuration["Database:MaxPoolSize"] is not null || !(given.Contains("MAXPOOLSIZE") || given.Contains("MAXIMUMPOOLSIZE")))
        {
            builder.MaxPoolSize = Math.Clamp(configuration.GetValue("Database:MaxPoolSize", DefaultMaxPoolSize), 1, 1_000);
        }

        if (configuration["Database:PoolTimeoutSeconds"] is not null || !given.Contains("TIMEOUT"))
        {
            builder.Timeout = Math.Clamp(configuration.GetValue("Database:PoolTimeoutSeconds", DefaultPoolTimeoutSeconds), 1, 1_024);
        }

        return builder.ConnectionString;
    }

    /// <summary>SQLite waits <paramref name="busyTimeoutSeconds"/> (<c>Database:BusyTimeoutSeconds</c>, 30) for another writer, then the request is answered 503.</summary>
    private static string SqliteConnectionString(string? configured, DataDirectory dataDirectory, int busyTimeoutSeconds)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? $"Data Source={Path.Combine(dataDirectory.Path, "labelkoz.db")}"
            : configured)
        {
            ForeignKeys = true,
            DefaultTimeout = busyTimeoutSeconds,
        };
        return builder.ToString();
    }
}
