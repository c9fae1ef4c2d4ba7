using Labelkoz.Data;
using Labelkoz.Domain.Common;
using Labelkoz.Domain.Municipalities;
using Microsoft.EntityFrameworkCore;

namespace Labelkoz.Web.Features.Communes;

/// <summary>A commune of the official list, as a sign-up form or the API shows it.</summary>
public sealed record CommuneMatch(
    string InseeCode,
    string Name,
    string? Siren,
    int? Population,
    string DepartmentCode,
    IReadOnlyList<string> PostalCodes,
    string? EpciSiren,
    string? EpciName);

/// <summary>
/// Finds communes in the official list: by name, accents, case and hyphens ignored, or by postal
/// code (or INSEE code) when the query is made of digits. One SQL command per search.
/// </summary>
public sealed class CommuneCatalog(AppDbContext db)
{
    public const int MaxResults = 20;
    public const int MaxQueryLength = 100;
    public const int MinQueryLength = 2;

    /// <summary>
    /// By name: the exact name first, then names starting with the query, then a word starting with
    /// it, then anywhere inside; by population (largest first) within each. By digits: communes one of
    /// whose postal codes starts with them (or whose INSEE code they are), largest first. An empty,
    /// too short or too long query finds nothing; at most <see cref="MaxResults"/> results.
    /// </summary>
    public async Task<IReadOnlyList<CommuneMatch>> SearchAsync(string? query, int take, CancellationToken cancellationToken)
    {
        take = Math.Min(take, MaxResults);
        var trimmed = query?.Trim() ?? string.Empty;
        if (take <= 0 || trimmed.Length is < MinQueryLength or > MaxQueryLength)
        {
            return [];
        }

        var communes = db.Communes.AsNoTracking();
        IOrderedQueryable<Commune> matches;
        if (trimmed.All(char.IsAsciiDigit))
        {
            if (trimmed.Length > 5)
            {
                return [];
            }

            var wordStart = " " + trimmed;
            matches = communes
                .Where(c => c.PostalCodes.StartsWith(trimmed) || c.PostalCodes.Contains(wordStart) || c.InseeCode == trimmed)
                .OrderBy(c => c.InseeCode == trimmed ? 0 : 1)
                .ThenByDescending(c => c.Population ?? 0);
        }
        else
        {
            var folded = SearchText.Fold(trimmed);
            if (folded.Length < MinQueryLength)
            {
                return [];
            }

            var wordStart = " " + folded;
            matches = communes
                .Where(c => c.SearchText.Contains(folded))
                .OrderBy(c => c.SearchText == folded ? 0 : c.SearchText.StartsWith(folded) ? 1 : c.SearchText.Contains(wordStart) ? 2 : 3)
                .ThenByDescending(c => c.Population ?? 0);
        }

        var rows = await Project(matches.ThenBy(c => c.Name).ThenBy(c => c.InseeCode).Take(take))
            .ToListAsync(cancellationToken);
        return rows.Select(r => r.ToMatch()).ToList();
    }

    /// <summary>The commune with this INSEE code, or null when the official list has none.</summary>
    public async Task<CommuneMatch?> FindAsync(string? inseeCode, CancellationToken cancellationToken)
    {
        if (!InseeCode.TryParse(inseeCode, out var code))
        {
            return null;
        }

        var value = code.Value;
        var row = await Project(db.Communes.AsNoTracking().Where(c => c.InseeCode == value)).SingleOrDefaultAsync(cancellationToken);
        return row?.ToMatch();
    }

    private static IQueryable<CommuneRow> Project(IQueryable<Commune> communes) =>
        communes.Select(c => new CommuneRow(c.InseeCode, c.Name, c.Siren, c.Population, c.DepartmentCode, c.PostalCodes, c.EpciSiren, c.EpciName));

    private sealed record CommuneRow(string InseeCode, string Name, string? Siren, int? Population, string DepartmentCode, string PostalCodes, string? EpciSiren, string? EpciName)
    {
        public CommuneMatch ToMatch() => new(
            InseeCode,
            Name,
            Siren,
            Population,
            DepartmentCode,
            PostalCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            EpciSiren,
            EpciName);
    }
}
