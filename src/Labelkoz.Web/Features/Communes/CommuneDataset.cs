using System.Text.Json;
using System.Text.Json.Serialization;
using Labelkoz.Domain.Municipalities;

namespace Labelkoz.Web.Features.Communes;

/// <summary>
/// Reads Etalab's "découpage administratif" files, restored by the build into
/// <c>ReferenceData/</c> next to the app (see <c>RestoreCommunesDataset</c> in the project file):
/// the current communes (not the delegated or associated ones, nor the arrondissements of Paris,
/// Lyon and Marseille), each with the EPCI it belongs to.
/// </summary>
public sealed class CommuneDataset(string directory)
{
    public const string CurrentCommuneType = "commune-actuelle";

    public string Directory { get; } = directory;

    public static CommuneDataset FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new(configuration["ReferenceData:Directory"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "ReferenceData"));
    }

    /// <summary>The npm package's version, which every loaded row carries.</summary>
    public async Task<string> ReadVersionAsync(CancellationToken cancellationToken)
    {
        await using var stream = Open("package.json");
        var package = await JsonSerializer.DeserializeAsync(stream, CommuneDatasetJson.Default.PackageRecord, cancellationToken);
        return package?.Version is { Length: > 0 } version
            ? version
            : throw new InvalidOperationException($"{Path.Combine(Directory, "package.json")} has no version.");
    }

    public async Task<IReadOnlyList<Commune>> ReadCommunesAsync(string version, CancellationToken cancellationToken)
    {
        Dictionary<string, EpciRecord> epciByCommune;
        await using (var stream = Open("epci.json"))
        {
            var epcis = await JsonSerializer.DeserializeAsync(stream, CommuneDatasetJson.Default.ListEpciRecord, cancellationToken) ?? [];
            epciByCommune = epcis
                .SelectMany(e => e.Members.Select(m => (m.Code, Epci: e)))
                .GroupBy(x => x.Code, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Epci, StringComparer.Ordinal);
        }

        await using var communes = Open("communes.json");
        var records = await JsonSerializer.DeserializeAsync(communes, CommuneDatasetJson.Default.ListCommuneRecord, cancellationToken) ?? [];
        return records
            .Where(r => r.Type == CurrentCommuneType)
            .Select(r =>
            {
                var epci = epciByCommune.GetValueOrDefault(r.Code);
                return new Commune(r.Code, r.Name, r.Siren, r.Population, r.Department, r.PostalCodes ?? [], epci?.Code, epci?.Name, version);
            })
            .ToList();
    }

    private FileStream Open(string fileName)
    {
        var path = Path.Combine(Directory, fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The official list of communes is missing ({path}). It is restored by the build of Labelkoz.Web " +
                "(target RestoreCommunesDataset); build the app, or set ReferenceData:Directory.",
                path);
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
    }
}

internal sealed record PackageRecord([property: JsonPropertyName("version")] string? Version);

internal sealed record CommuneRecord(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("nom")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("siren")] string? Siren,
    [property: JsonPropertyName("population")] int? Population,
    [property: JsonPropertyName("departement")] string Department,
    [property: JsonPropertyName("codesPostaux")] IReadOnlyList<string>? PostalCodes);

internal sealed record EpciRecord(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("nom")] string Name,
    [property: JsonPropertyName("membres")] IReadOnlyList<EpciMemberRecord> Members);

internal sealed record EpciMemberRecord([property: JsonPropertyName("code")] string Code);

[JsonSerializable(typeof(PackageRecord))]
[JsonSerializable(typeof(List<CommuneRecord>))]
[JsonSerializable(typeof(List<EpciRecord>))]
internal sealed partial class CommuneDatasetJson : JsonSerializerContext;
