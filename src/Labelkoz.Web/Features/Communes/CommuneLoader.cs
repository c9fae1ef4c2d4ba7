using System.Data;
using System.Data.Common;
using Labelkoz.Data;
using Labelkoz.Domain.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Labelkoz.Web.Features.Communes;

/// <summary>
/// Fills the <c>Communes</c> reference table from the dataset restored with the build, at start-up:
/// only when the table is empty or holds another version of the dataset, and then replaced whole in
/// one transaction, so a reader never sees half a list. Rows go in through a prepared ADO.NET INSERT:
/// tracking 35 000 entities through EF would cost seconds for nothing.
/// </summary>
public sealed partial class CommuneLoader(AppDbContext db, CommuneDataset dataset, TimeProvider clock, ILogger<CommuneLoader> logger)
{
    private static readonly (string Property, DbType Type, Func<Commune, object?> Value)[] Columns =
    [
        (nameof(Commune.InseeCode), DbType.String, c => c.InseeCode),
        (nameof(Commune.Name), DbType.String, c => c.Name),
        (nameof(Commune.SearchText), DbType.String, c => c.SearchText),
        (nameof(Commune.Siren), DbType.String, c => c.Siren),
        (nameof(Commune.Population), DbType.Int32, c => c.Population),
        (nameof(Commune.DepartmentCode), DbType.String, c => c.DepartmentCode),
        (nameof(Commune.PostalCodes), DbType.String, c => c.PostalCodes),
        (nameof(Commune.EpciSiren), DbType.String, c => c.EpciSiren),
        (nameof(Commune.EpciName), DbType.String, c => c.EpciName),
        (nameof(Commune.DatasetVersion), DbType.String, c => c.DatasetVersion),
    ];

    /// <summary>Loads the dataset unless the table already holds this version; returns the rows inserted.</summary>
    public async Task<int> LoadAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var version = await dataset.ReadVersionAsync(cancellationToken);
        var loaded = await db.Communes.Select(c => c.DatasetVersion).Distinct().ToListAsync(cancellationToken);
        if (loaded is [var current] && current == version)
        {
            LogUpToDate(logger, version);
            return 0;
        }

        var communes = await dataset.ReadCommunesAsync(version, cancellationToken);

        // SQLite runs in-process, so one row a command costs nothing, while binding thousands of named
        // parameters in one statement is quadratic there; PostgreSQL pays a round trip per command.
        var rowsPerCommand = db.Database.IsSqlite() ? 1 : 500;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Communes.ExecuteDeleteAsync(cancellationToken);
            var dbTransaction = transaction.GetDbTransaction();
            DbCommand? fullChunk = null;
            try
            {
                foreach (var chunk in communes.Chunk(rowsPerCommand))
                {
                    if (chunk.Length == rowsPerCommand)
                    {
                        fullChunk ??= await PrepareInsertAsync(dbTransaction, rowsPerCommand, cancellationToken);
                        await InsertAsync(fullChunk, chunk, cancellationToken);
                    }
                    else
                    {
                        await using var lastChunk = await PrepareInsertAsync(dbTransaction, chunk.Length, cancellationToken);
                        await InsertAsync(lastChunk, chunk, cancellationToken);
                    }
                }
            }
            finally
            {
                if (fullChunk is not null)
                {
                    await fullChunk.DisposeAsync();
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var elapsedMilliseconds = (long)clock.GetElapsedTime(started).TotalMilliseconds;
        LogLoaded(logger, communes.Count, version, elapsedMilliseconds);
        return communes.Count;
    }

    private static async Task InsertAsync(DbCommand command, Commune[] rows, CancellationToken cancellationToken)
    {
        for (var row = 0; row < rows.Length; row++)
        {
            for (var column = 0; column < Columns.Length; column++)
            {
                command.Parameters[(row * Columns.Length) + column].Value = Columns[column].Value(rows[row]) ?? DBNull.Value;
            }
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<DbCommand> PrepareInsertAsync(DbTransaction transaction, int rows, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(Commune))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columnList = string.Join(", ", Columns.Select(c => sql.DelimitIdentifier(entity.FindProperty(c.Property)!.GetColumnName(table)!)));

        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var values = new List<string>(rows);
        for (var row = 0; row < rows; row++)
        {
            var names = new string[Columns.Length];
            for (var column = 0; column < Columns.Length; column++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{row}_{column}";
                parameter.DbType = Columns[column].Type;
                parameter.Value = DBNull.Value;
                command.Parameters.Add(parameter);
                names[column] = parameter.ParameterName;
            }

            values.Add($"({string.Join(", ", names)})");
        }

#pragma warning disable CA2100 // Identifiers come from the EF model, values are parameters.
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columnList}) VALUES {string.Join(", ", values)}";
#pragma warning restore CA2100
        await command.PrepareAsync(cancellationToken);
        return command;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Communes: {Count} rows of dataset {Version} loaded in {ElapsedMilliseconds} ms.")]
    private static partial void LogLoaded(ILogger logger, int count, string version, long elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Communes: dataset {Version} already loaded.")]
    private static partial void LogUpToDate(ILogger logger, string version);
}
