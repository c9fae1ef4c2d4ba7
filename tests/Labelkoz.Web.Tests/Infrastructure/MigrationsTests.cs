using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Labelkoz.Web.Tests.Infrastructure;

/// <summary>
/// The migrations, squashed on 2026-12-07 (ADR 14): both providers' assemblies hold the same
/// migrations in the same order, each provider's snapshot matches the model, and a database migrated
/// before the squash stops the app at start-up with a message that says what to do.
/// </summary>
public sealed class MigrationsTests
{
    [Fact]
    public void BothProviders_HoldTheSameMigrations_InTheSameOrder()
    {
        using var sqliteDb = new Labelkoz.Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]);
        using var postgresDb = new Labelkoz.Migrations.Postgres.DesignTimeFactory().CreateDbContext([]);
        var sqlite = sqliteDb.Database.GetMigrations().ToList();
        var postgres = postgresDb.Database.GetMigrations().ToList();

        Assert.NotEmpty(sqlite);
        Assert.All(sqlite.Concat(postgres), id => Assert.Matches("^[0-9]{14}_[A-Za-z0-9]+$", id));
        Assert.Equal(sqlite.Select(Name), postgres.Select(Name));
        Assert.Equal("Initial", Name(sqlite[0]));
    }

    [Fact]
    public void EachProvidersSnapshot_MatchesTheModel()
    {
        using var sqlite = new Labelkoz.Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]);
        using var postgres = new Labelkoz.Migrations.Postgres.DesignTimeFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite: the model changed since the last migration (scripts/add-migration.sh).");
        Assert.False(postgres.Database.HasPendingModelChanges(), "PostgreSQL: the model changed since the last migration (scripts/add-migration.sh).");
    }

    [Fact]
    public async Task ADatabaseMigratedBeforeTheSquash_StopsTheStart_SayingWhatToDo()
    {
        var app = new PreSquashApp();
        try
        {
            var error = await Record.ExceptionAsync(app.InitializeAsync);

            Assert.NotNull(error);
            var remedy = AppFactory.OnPostgres ? $"Drop the database \"{app.OldDatabase}\"" : $"Delete {app.DataDirectory}";
            var logged = Assert.Single(app.Log, e => e.Level == LogLevel.Critical);
            Assert.Contains("created by migrations squashed on 2026-12-07", logged.Message, StringComparison.Ordinal);
            Assert.Contains(remedy, logged.Message, StringComparison.Ordinal);
            Assert.Contains(logged.Message, error.ToString(), StringComparison.Ordinal);

            // Stopped before migrating: the database is as it was.
            Assert.Equal(PreSquashApp.OldMigrations, await app.HistoryAsync());
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
            await app.DropOldDatabaseAsync();
        }
    }

    /// <summary>A migration's name: its id without the timestamp.</summary>
    private static string Name(string id) => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..];

    /// <summary>
    /// The app on a database whose history holds the migrations of before the squash (the SQLite
    /// assembly's ids; PostgreSQL's differed by a few seconds, which changes nothing here), on the
    /// provider the suite runs on, with what it logs.
    /// </summary>
    public sealed class PreSquashApp : AppFactory
    {
        public static readonly string[] OldMigrations =
        [
            "20261127024828_Initial", "20261127033706_Projects", "20261127052617_ReviewAndLabels", "20261127064507_Calls",
            "20261127065708_AuditLogAppendOnly", "20261127082611_Funding", "20261127082702_LedgerAppendOnly",
            "20261127112733_TaxReceipts", "20261127122631_Communes", "20261127125438_Subscriptions", "20261127143833_SignupRequests",
        ];

        public string OldDatabase { get; } = $"labelkoz_test_presquash_{Guid.NewGuid():N}";

        public ConcurrentQueue<(LogLevel Level, string Message)> Log { get; } = new();

        private string SqliteFile => Path.Combine(DataDirectory, "test.db");

        public override async Task InitializeAsync()
        {
            if (OnPostgres)
            {
                await using var server = new NpgsqlConnection(PostgresServer + ";Database=postgres");
                await server.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{OldDatabase}\"", server);
                await create.ExecuteNonQueryAsync();
            }

            await using (var connection = Open())
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = """CREATE TABLE "__EFMigrationsHistory" ("MigrationId" varchar(150) NOT NULL PRIMARY KEY, "ProductVersion" varchar(32) NOT NULL);"""
                    + string.Concat(OldMigrations.Select(id => $"""INSERT INTO "__EFMigrationsHistory" VALUES ('{id}', '10.0.15');"""));
                await command.ExecuteNonQueryAsync();
            }

            await base.InitializeAsync();
        }

        public async Task<List<string>> HistoryAsync()
        {
            await using var connection = Open();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" """;
            var ids = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        }

        public async Task DropOldDatabaseAsync()
        {
            if (OnPostgres)
            {
                NpgsqlConnection.ClearAllPools();
                await using var server = new NpgsqlConnection(PostgresServer + ";Database=postgres;Pooling=false");
                await server.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{OldDatabase}\" WITH (FORCE)", server);
                await drop.ExecuteNonQueryAsync();
            }
        }

        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => OnPostgres
            ? [new("ConnectionStrings:Postgres", $"{PostgresServer};Database={OldDatabase};Pooling=false")]
            : [new("ConnectionStrings:Sqlite", $"Data Source={SqliteFile};Pooling=False")];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new QueueLoggerProvider(Log)));
        }

        private System.Data.Common.DbConnection Open() => OnPostgres
            ? new NpgsqlConnection($"{PostgresServer};Database={OldDatabase};Pooling=false")
            : new SqliteConnection($"Data Source={SqliteFile};Pooling=False");
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<(LogLevel, string)> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(log);

        public void Dispose()
        {
        }

        private sealed class QueueLogger(ConcurrentQueue<(LogLevel, string)> log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    log.Enqueue((logLevel, formatter(state, exception)));
                }
            }
        }
    }
}
